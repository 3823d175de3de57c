package release_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"time"

	"github.com/bosmanhq/bosman/contracts/release"
)

func Example() {
	// A mirror serving a small release; a real update leaves From empty.
	files := map[string]string{"/data/players.csv.gz": "testdata/players_2026-06-12.csv.gz",
		"/data/clubs.csv.gz": "testdata/clubs.csv.gz", "/data/competitions.csv.gz": "testdata/competitions.csv.gz"}
	mirror := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f, ok := files[r.URL.Path]; ok {
			http.ServeFile(w, r, f)
			return
		}
		http.NotFound(w, r)
	}))
	defer mirror.Close()
	cache, _ := os.MkdirTemp("", "bosman")
	defer os.RemoveAll(cache)

	opt := release.Options{From: mirror.URL + "/data/", Dir: cache, MinRows: 100,
		Now: func() time.Time { return time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC) }}
	res, err := release.Update(context.Background(), opt)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Files {
		fmt.Printf("%s: %s\n", f.Name, f.Outcome)
	}
	p := res.Release.Players
	fmt.Printf("%d players, %d in a %d squad, %d of them with an expiry; scraped %s\n",
		p.Rows, p.Current, p.Season, p.CurrentWithExpiry, res.Release.Scraped)

	res, _ = release.Update(context.Background(), opt)
	fmt.Println("again: unchanged =", res.Unchanged)

	st, _ := release.Status(opt)
	fmt.Printf("%d days old, stale = %v\n", st.ScrapeAge, st.Stale)
	// Output:
	// players.csv.gz: downloaded
	// clubs.csv.gz: downloaded
	// competitions.csv.gz: downloaded
	// 213 players, 87 in a 2025 squad, 70 of them with an expiry; scraped 2026-06-12
	// again: unchanged = true
	// 111 days old, stale = true
}

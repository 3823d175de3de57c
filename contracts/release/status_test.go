package release

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// Status of the 06-02 fixture (scraped 2026-06-02, fetched 2026-06-03) on
// several days: stale past 90 days, i.e. from 1 September 2026 (2 June +
// 28 days = 30 June, + 31 = 31 July, + 31 = 31 August: day 90).
func TestStatus(t *testing.T) {
	b := newBucket(t, release(t, old0602))
	dir := t.TempDir()
	if _, err := Update(context.Background(), options(dir, b.from())); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		now           string
		age, fetchAge int
		stale         bool
		warn          []string
	}{
		{now: "2026-06-20T12:00:00Z", age: 18, fetchAge: 17},
		{now: "2026-08-31T23:00:00Z", age: 90, fetchAge: 89},
		{now: "2026-09-01T08:00:00Z", age: 91, fetchAge: 90, stale: true, warn: []string{
			"the data may be stale: transfermarkt-datasets scraped it on 2026-06-02, 91 days ago (more than 90), " +
				"so contracts signed, extended or ended since then are missing; " +
				"the upstream scraper has been paused since 2026-07-10 (https://github.com/dcaribou/transfermarkt-datasets/issues/381), " +
				"so 'bosman data update' may find nothing newer"}},
		// 2 June to 1 October: 28 + 31 + 31 + 30 + 1 = 121 days.
		{now: "2026-10-01T08:00:00+02:00", age: 121, fetchAge: 120, stale: true, warn: []string{"2026-06-02, 121 days ago"}},
	} {
		opt := options(dir, "")
		opt.Now = clock(tc.now)
		st, err := Status(opt)
		if err != nil {
			t.Fatal(err)
		}
		if st.Release == nil || st.Release.Scraped != rules.D(2026, 6, 2) || st.ScrapeAge != tc.age || st.FetchAge != tc.fetchAge || st.Stale != tc.stale {
			t.Errorf("%s: age %d, fetched %d days ago, stale %v; want %d, %d, %v", tc.now, st.ScrapeAge, st.FetchAge, st.Stale, tc.age, tc.fetchAge, tc.stale)
		}
		if len(st.Warnings) != len(tc.warn) {
			t.Errorf("%s: warnings %q", tc.now, st.Warnings)
			continue
		}
		for i, w := range tc.warn {
			if !strings.Contains(st.Warnings[i], w) {
				t.Errorf("%s: warning %q\nwant %q", tc.now, st.Warnings[i], w)
			}
		}
	}

	// A file gone from the cache is said.
	os.Remove(filepath.Join(dir, "release-1", Clubs))
	st, err := Status(options(dir, ""))
	if err != nil || len(st.Warnings) != 1 || !strings.Contains(st.Warnings[0], "clubs.csv.gz is missing from the cache") {
		t.Errorf("without clubs.csv.gz: %v %q", err, st.Warnings)
	}
}

// A scrape newer than the pause does not blame the pause; an unknown
// scrape day is stale; an empty cache is no error.
func TestStatusCases(t *testing.T) {
	var age int
	r := &Release{Scraped: rules.D(2026, 9, 1)}
	w := staleWarning(r, rules.D(2027, 1, 1), 90, &age)
	if age != 122 || !strings.HasSuffix(w, "; run 'bosman data update' for a newer release") || strings.Contains(w, "paused") {
		t.Errorf("scraped 2026-09-01: %d, %q", age, w)
	}
	if w := staleWarning(&Release{}, rules.D(2027, 1, 1), 90, &age); age != -1 || !strings.Contains(w, "the day upstream scraped it is unknown") {
		t.Errorf("no scrape day: %d %q", age, w)
	}
	st, err := Status(options(t.TempDir(), ""))
	if err != nil || st.Release != nil || st.Stale || len(st.Warnings) != 0 {
		t.Errorf("empty cache: %v %+v", err, st)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "release.json"), []byte("{"), 0o644)
	if _, err := Status(options(dir, "")); err == nil || !strings.Contains(err.Error(), "release.json is damaged") {
		t.Errorf("damaged metadata: %v", err)
	}
}

package release

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// The fixtures (testdata/README.md): 211 rows of the 2026-06-02 build,
// 213 of the 2026-06-12 build.
const (
	old0602 = "testdata/players_2026-06-02.csv.gz"
	new0612 = "testdata/players_2026-06-12.csv.gz"
)

func read(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// release returns the files of a release: the players file given and the
// lookup tables.
func release(t testing.TB, players string) map[string][]byte {
	return map[string][]byte{Players: read(t, players), Clubs: read(t, "testdata/clubs.csv.gz"),
		Competitions: read(t, "testdata/competitions.csv.gz")}
}

// bucket serves a release under /data/ as the public bucket does: with an
// ETag and a Last-Modified, answering a matching conditional request with
// 304. It counts the body bytes it wrote. A handler set in override
// answers instead, for the failures.
type bucket struct {
	*httptest.Server
	mu       sync.Mutex
	files    map[string][]byte
	modified time.Time
	override http.HandlerFunc
	served   atomic.Int64
	requests atomic.Int64
}

func newBucket(t testing.TB, files map[string][]byte) *bucket {
	b := &bucket{files: files, modified: time.Date(2026, 6, 2, 12, 0, 0, 0, time.UTC)}
	b.Server = httptest.NewServer(http.HandlerFunc(b.serve))
	t.Cleanup(b.Close)
	return b
}

func (b *bucket) serve(w http.ResponseWriter, r *http.Request) {
	b.requests.Add(1)
	cw := &countingWriter{ResponseWriter: w, n: &b.served}
	b.mu.Lock()
	override, files, modified := b.override, b.files, b.modified
	b.mu.Unlock()
	if override != nil {
		override(cw, r)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, "/data/")
	body, found := files[name]
	if !ok || !found {
		http.NotFound(cw, r)
		return
	}
	sum := sha256.Sum256(body)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	http.ServeContent(cw, r, name, modified, bytes.NewReader(body))
}

// publish replaces the release the bucket serves.
func (b *bucket) publish(files map[string][]byte, modified time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.files, b.modified = files, modified
}

func (b *bucket) fail(h http.HandlerFunc) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.override = h
}

func (b *bucket) from() string { return b.URL + "/data/" }

type countingWriter struct {
	http.ResponseWriter
	n *atomic.Int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.ResponseWriter.Write(p)
	c.n.Add(int64(n))
	return n, err
}

func (c *countingWriter) Flush() { c.ResponseWriter.(http.Flusher).Flush() }

// clock returns a fixed Now.
func clock(s string) func() time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return func() time.Time { return t }
}

func options(dir, from string) Options {
	return Options{Dir: dir, From: from, MinRows: 100, Timeout: 5 * time.Second, Now: clock("2026-06-03T09:00:00Z")}
}

// tree returns every file under dir with its sha256, to compare the
// cache before and after an update.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() {
			m[rel] = "dir"
			return nil
		}
		sum := sha256.Sum256(read(t, path))
		m[rel] = hex.EncodeToString(sum[:])
		return nil
	})
	return m
}

// badDates returns the gzip players file gz with the expiry of its first
// n rows that have one made impossible (month 13).
func badDates(t testing.TB, gzipped []byte, n int) []byte {
	zr, err := gzip.NewReader(bytes.NewReader(gzipped))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	lines := strings.SplitAfter(string(b), "\n")
	for i := 1; i < len(lines) && n > 0; i++ {
		if s := strings.Replace(lines[i], "-06-30 00:00:00", "-13-30 00:00:00", 1); s != lines[i] {
			lines[i], n = s, n-1
		}
	}
	return gz(t, strings.Join(lines, ""))
}

// Two bad rows of 213 are within the 1% accepted: they are counted.
func TestUpdateAcceptsFewInvalidRows(t *testing.T) {
	files := release(t, new0612)
	files[Players] = badDates(t, files[Players], 2)
	b := newBucket(t, files)
	res, err := Update(context.Background(), options(t.TempDir(), b.from()))
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Release.Players; p.Rows != 213 || p.Invalid != 2 {
		t.Errorf("counts %+v, want 213 rows, 2 invalid", p)
	}
}

// portraitTime reads the time after the id in the file name and an lm=
// value, keeping the newest within the bounds.
func TestPortraitTime(t *testing.T) {
	lo, hi := int64(946684800), int64(1781300000) // 2000-01-01, 2026-06-12T21:33Z
	for _, tc := range []struct {
		url  string
		want int64
	}{
		{"https://img.a.transfermarkt.technology/portrait/header/82442-1725258600.jpg?lm=1", 1725258600},
		{"https://img.a.transfermarkt.technology/portrait/header/558086-1781248867.png?lm=1", 1781248867},
		{"https://img.a.transfermarkt.technology/portrait/header/82442-1725258600.jpg?lm=1750000000", 1750000000},
		{"https://img.a.transfermarkt.technology/portrait/header/default.jpg?lm=1", 0},
		{"https://img.a.transfermarkt.technology/portrait/header/82442-9999999999.jpg", 0}, // after the fetch
		{"", 0},
		{"-", 0},
	} {
		if got := portraitTime(tc.url, lo, hi); got != tc.want {
			t.Errorf("portraitTime(%q) = %d, want %d", tc.url, got, tc.want)
		}
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func outcomes(r *Result) []Outcome {
	var o []Outcome
	for _, f := range r.Files {
		o = append(o, f.Outcome)
	}
	return o
}

// The first update stores the three files as served, with metadata; the
// second, of an unchanged release, downloads nothing: every request is
// answered 304 from the stored ETag and the cache is left as it was.
func TestUpdateThenUnchanged(t *testing.T) {
	files := release(t, old0602)
	b := newBucket(t, files)
	dir := t.TempDir()
	var calls [][2]int64
	opt := options(dir, b.from())
	opt.Progress = func(file string, done, total int64) {
		if file == Players {
			calls = append(calls, [2]int64{done, total})
		}
	}
	res, err := Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{Downloaded, Downloaded, Downloaded}; !reflect.DeepEqual(got, want) {
		t.Fatalf("outcomes %v, want %v", got, want)
	}
	if res.Previous != nil || res.Changes != nil || res.Unchanged {
		t.Errorf("first update: Previous %v, Changes %v, Unchanged %v", res.Previous, res.Changes, res.Unchanged)
	}
	size := int64(len(files[Players]))
	if len(calls) < 2 || calls[0] != [2]int64{0, size} || calls[len(calls)-1] != [2]int64{size, size} {
		t.Errorf("progress calls %v: want (0, %d) first and (%d, %d) last", calls, size, size, size)
	}

	r := res.Release
	// Counted in the fixture: 211 rows; the newest last_season is 2025,
	// 83 rows have it, 69 of them with an expiry. The newest portrait is
	// Alisson's, .../105470-1780389358.jpg, 2026-06-02T08:35:58Z.
	if want := (Counts{Rows: 211, Season: 2025, Current: 83, CurrentWithExpiry: 69}); r.Players != want {
		t.Errorf("counts %+v, want %+v", r.Players, want)
	}
	if want := time.Date(2026, 6, 2, 8, 35, 58, 0, time.UTC); !r.ScrapedAt.Equal(want) || r.Scraped != rules.D(2026, 6, 2) {
		t.Errorf("scraped %v (%v), want %v (2026-06-02)", r.ScrapedAt, r.Scraped, want)
	}
	for _, name := range []string{Players, Clubs, Competitions} {
		f := r.File(name)
		if f == nil {
			t.Fatalf("no %s in the release", name)
		}
		if f.SHA256 != sha(files[name]) || f.Size != int64(len(files[name])) || f.URL != b.from()+name ||
			f.ETag == "" || f.LastModified != "Tue, 02 Jun 2026 12:00:00 GMT" {
			t.Errorf("%s: %+v", name, f)
		}
		if got := read(t, r.Path(name)); !bytes.Equal(got, files[name]) {
			t.Errorf("%s: the cached copy differs from the one served", name)
		}
	}
	// 118 clubs and 49 competitions (testdata/README.md).
	if r.File(Players).Rows != 211 || r.File(Clubs).Rows != 118 || r.File(Competitions).Rows != 49 {
		t.Errorf("rows %d, %d, %d; want 211, 118, 49", r.File(Players).Rows, r.File(Clubs).Rows, r.File(Competitions).Rows)
	}

	// The metadata on disk, as other programs would read it.
	var meta map[string]any
	if err := json.Unmarshal(read(t, filepath.Join(dir, "release.json")), &meta); err != nil {
		t.Fatal(err)
	}
	if meta["dir"] != "release-1" || meta["scraped"] != "2026-06-02" || meta["fetched_at"] != "2026-06-03T09:00:00Z" ||
		meta["scraped_at"] != "2026-06-02T08:35:58Z" || meta["from"] != b.from() {
		t.Errorf("release.json: %v", meta)
	}
	if p := meta["players"].(map[string]any); p["rows"] != 211.0 || p["current_with_expiry"] != 69.0 {
		t.Errorf("release.json players: %v", p)
	}
	if got, want := tree(t, dir), []string{"release-1", "release-1/clubs.csv.gz", "release-1/competitions.csv.gz",
		"release-1/players.csv.gz", "release-1/snapshot-clubs.tsv", "release-1/snapshot-players.tsv", "release.json"}; !reflect.DeepEqual(keys(got), want) {
		t.Errorf("cache holds %v, want %v", keys(got), want)
	}

	before, served := tree(t, dir), b.served.Load()
	res, err = Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{NotModified, NotModified, NotModified}; !reflect.DeepEqual(got, want) || !res.Unchanged {
		t.Fatalf("second update: outcomes %v, unchanged %v; want %v, true", got, res.Unchanged, want)
	}
	if n := b.served.Load() - served; n != 0 {
		t.Errorf("the second update of an unchanged release downloaded %d bytes", n)
	}
	if !reflect.DeepEqual(tree(t, dir), before) {
		t.Error("the cache changed on a 304")
	}
	if res.Release.Dir != "release-1" {
		t.Errorf("unchanged: release %s", res.Release.Dir)
	}
}

func keys(m map[string]string) []string {
	var k []string
	for s := range m {
		k = append(k, s)
	}
	sort.Strings(k)
	return k
}

// From the 06-02 to the 06-12 fixture: the players file changes, the lookup
// tables do not (304, carried over); the changes are the fixture's, worked
// out by hand in TestDiff; the release before is kept until the next.
func TestUpdateReportsChanges(t *testing.T) {
	b := newBucket(t, release(t, old0602))
	dir := t.TempDir()
	opt := options(dir, b.from())
	if _, err := Update(context.Background(), opt); err != nil {
		t.Fatal(err)
	}
	next := release(t, new0612)
	next[Clubs], next[Competitions] = b.files[Clubs], b.files[Competitions]
	b.publish(next, time.Date(2026, 6, 12, 12, 0, 0, 0, time.UTC))
	opt.Now = clock("2026-06-13T10:00:00Z")
	res, err := Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{Downloaded, NotModified, NotModified}; !reflect.DeepEqual(got, want) {
		t.Fatalf("outcomes %v, want %v", got, want)
	}
	r := res.Release
	if r.Dir != "release-2" || res.Previous.Dir != "release-1" || r.Scraped != rules.D(2026, 6, 12) {
		t.Errorf("release %s (previous %s), scraped %s", r.Dir, res.Previous.Dir, r.Scraped)
	}
	// The 06-12 fixture: 213 rows, 87 of season 2025, 70 with an expiry.
	if want := (Counts{Rows: 213, Season: 2025, Current: 87, CurrentWithExpiry: 70}); r.Players != want {
		t.Errorf("counts %+v, want %+v", r.Players, want)
	}
	if f := r.File(Clubs); f.Fetched != res.Previous.File(Clubs).Fetched || f.SHA256 != res.Previous.File(Clubs).SHA256 {
		t.Errorf("clubs.csv.gz was not carried over: %+v", f)
	}
	c := res.Changes
	if c == nil || c.Added.Count != 5 || c.Removed.Count != 3 || c.Extended.Count != 5 || c.ExpiryChanged() != 13 || c.ClubChanged.Count != 4 {
		t.Fatalf("changes %+v", c)
	}
	if _, err := os.Stat(filepath.Join(dir, "release-1")); err != nil {
		t.Errorf("the previous release is gone: %v", err)
	}

	// A third release (the lookup tables change) removes the first.
	next[Clubs] = gz(t, "club_id,name,domestic_competition_id\n148,Tottenham Hotspur Football Club,GB1\n")
	b.publish(next, time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC))
	res, err = Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{NotModified, Downloaded, NotModified}; !reflect.DeepEqual(got, want) || res.Changes != nil {
		t.Errorf("outcomes %v, changes %v; want %v, none", got, res.Changes, want)
	}
	if got, want := keys(tree(t, dir)), []string{"release-2", "release-2/clubs.csv.gz", "release-2/competitions.csv.gz",
		"release-2/players.csv.gz", "release-2/snapshot-clubs.tsv", "release-2/snapshot-players.tsv", "release-3", "release-3/clubs.csv.gz",
		"release-3/competitions.csv.gz", "release-3/players.csv.gz", "release-3/snapshot-clubs.tsv", "release-3/snapshot-players.tsv",
		"release.json"}; !reflect.DeepEqual(got, want) {
		t.Errorf("cache holds %v, want %v", got, want)
	}
	if res.Release.Players.Rows != 213 || res.Release.Scraped != rules.D(2026, 6, 12) || res.Release.File(Clubs).Rows != 1 {
		t.Errorf("third release: %+v", res.Release)
	}
}

func gz(t testing.TB, s string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	io.WriteString(w, s)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A source without the lookup tables gives a release without them; a
// mirror that answers 200 with the same bytes (no ETag) changes nothing.
func TestUpdateWithoutTablesAndWithoutValidators(t *testing.T) {
	players := read(t, old0602)
	b := newBucket(t, nil)
	b.fail(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/data/players.csv.gz" {
			http.NotFound(w, r)
			return
		}
		w.Write(players)
	})
	dir := t.TempDir()
	opt := options(dir, b.URL+"/data") // no trailing slash
	res, err := Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{Downloaded, Absent, Absent}; !reflect.DeepEqual(got, want) {
		t.Fatalf("outcomes %v, want %v", got, want)
	}
	if len(res.Release.Files) != 1 || res.Release.Path(Clubs) != "" {
		t.Errorf("files %+v", res.Release.Files)
	}
	before := tree(t, dir)
	res, err = Update(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{Same, Absent, Absent}; !reflect.DeepEqual(got, want) || !res.Unchanged {
		t.Errorf("outcomes %v, unchanged %v; want %v, true", got, res.Unchanged, want)
	}
	if !reflect.DeepEqual(tree(t, dir), before) {
		t.Error("an identical download changed the cache")
	}
}

// A local copy: a directory, a file:// URL, or the path of players.csv.gz.
// Unchanged files (same modification time) are not copied again.
func TestUpdateFromLocalCopy(t *testing.T) {
	src := t.TempDir()
	for name, b := range release(t, old0602) {
		if err := os.WriteFile(filepath.Join(src, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, from := range []string{src, "file://" + filepath.ToSlash(src), filepath.Join(src, Players)} {
		dir := t.TempDir()
		res, err := Update(context.Background(), options(dir, from))
		if err != nil {
			t.Fatalf("--from %s: %v", from, err)
		}
		if got, want := outcomes(res), []Outcome{Downloaded, Downloaded, Downloaded}; !reflect.DeepEqual(got, want) {
			t.Errorf("--from %s: outcomes %v, want %v", from, got, want)
		}
		if u := res.Release.File(Players).URL; u != "file://"+filepath.ToSlash(filepath.Join(src, Players)) {
			t.Errorf("--from %s: url %s", from, u)
		}
		res, err = Update(context.Background(), options(dir, from))
		if err != nil || !res.Unchanged {
			t.Errorf("--from %s again: %v, %+v", from, err, res)
		}
	}
	os.Remove(filepath.Join(src, Clubs))
	res, err := Update(context.Background(), options(t.TempDir(), src))
	if err != nil || res.Release.File(Clubs) != nil || res.Files[1].Outcome != Absent {
		t.Errorf("without clubs.csv.gz: %v, %+v", err, res)
	}
}

// A cached file that was changed on disk is not kept on a 304: the update
// sends no conditional request for it and fetches it again.
func TestUpdateRepairsDamagedCache(t *testing.T) {
	files := release(t, old0602)
	b := newBucket(t, files)
	dir := t.TempDir()
	res, err := Update(context.Background(), options(dir, b.from()))
	if err != nil {
		t.Fatal(err)
	}
	path := res.Release.Path(Players)
	damaged := read(t, path)
	damaged[len(damaged)/2] ^= 0xFF
	os.WriteFile(path, damaged, 0o644)
	if rc, err := res.Release.Open(Players); err == nil {
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err == nil || !strings.Contains(err.Error(), "players.csv.gz") {
			t.Errorf("reading the damaged copy: %v", err)
		}
	}
	res, err = Update(context.Background(), options(dir, b.from()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), []Outcome{Downloaded, NotModified, NotModified}; !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes %v, want %v", got, want)
	}
	if !bytes.Equal(read(t, res.Release.Path(Players)), files[Players]) {
		t.Error("the damaged copy was kept")
	}
}

// Open gives the players file to contracts.Load, and Tables the lookup tables.
func TestOpenAndTables(t *testing.T) {
	b := newBucket(t, release(t, new0612))
	res, err := Update(context.Background(), options(t.TempDir(), b.from()))
	if err != nil {
		t.Fatal(err)
	}
	cur, err := Current(options(res.Release.root, ""))
	if err != nil || cur.Dir != res.Release.Dir {
		t.Fatalf("Current: %v, %+v", err, cur)
	}
	clubs, comps, err := cur.Tables()
	if err != nil || clubs.Len() != 118 || comps.Len() != 49 {
		t.Fatalf("Tables: %v, %d clubs, %d competitions", err, clubs.Len(), comps.Len())
	}
	rc, err := cur.Open(Players)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	ds, err := contracts.Load(rc, cur.Path(Players), contracts.LoadOptions{Clubs: clubs, Competitions: comps})
	if err != nil {
		t.Fatal(err)
	}
	var davies *contracts.Contract
	for i := range ds.Contracts {
		if ds.Contracts[i].PlayerID == "192765" {
			davies = &ds.Contracts[i]
		}
	}
	// Ben Davies, Tottenham, extended to 30 June 2027 in the 06-12 build.
	if len(ds.Contracts) != 213 || davies == nil || davies.Expires != rules.D(2027, 6, 30) || davies.Association != "ENG" {
		t.Errorf("%d contracts; Ben Davies %+v", len(ds.Contracts), davies)
	}
	if _, err := Current(options(t.TempDir(), "")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Current of an empty cache: %v, want fs.ErrNotExist", err)
	}
}

// Every failure leaves the cache as it was (the 06-02 release, or nothing),
// nothing fetched behind, and says what happened and what to do.
func TestUpdateFailures(t *testing.T) {
	good := read(t, new0612)
	closed := func() string { // an address where nothing listens
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr + "/data/"
	}
	serve := func(body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { w.Write(body) }
	}
	// half writes half of good, flushed, then waits for the client to go.
	half := func(length bool) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if length {
				w.Header().Set("Content-Length", strconv.Itoa(len(good)))
			}
			w.Write(good[:len(good)/2])
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		}
	}
	badCRC := append([]byte(nil), good...)
	badCRC[len(badCRC)-8] ^= 0xFF // the gzip trailer's CRC-32
	bomb := gz(t, "player_id,current_club_id,contract_expiration_date\n"+strings.Repeat("\n", 4<<20))
	fullAfter := func(n int, only string) func(string) (writer, error) {
		return func(name string) (writer, error) {
			f, err := os.Create(name)
			if err != nil || !strings.HasPrefix(filepath.Base(name), only) {
				return f, err
			}
			return &fullDisk{f: f, left: n}, nil
		}
	}

	for _, tc := range []struct {
		name    string
		cached  bool // the 06-02 release is in the cache first
		handler http.HandlerFunc
		from    string
		opt     func(*Options)
		cancel  bool // cancel the context once the body has started
		want    []string
		is      error
	}{
		{name: "no network", cached: true, from: closed(),
			want: []string{"cannot connect to 127.0.0.1:", "connection refused"}, is: syscall.ECONNREFUSED},
		{name: "404", cached: true, handler: http.NotFound,
			want: []string{"/data/players.csv.gz: not found (404 Not Found)", "--from must name the directory"}},
		{name: "503", cached: true, handler: func(w http.ResponseWriter, r *http.Request) { http.Error(w, "busy", http.StatusServiceUnavailable) },
			want: []string{"players.csv.gz: the server answered 503 Service Unavailable", "try again later"}},
		{name: "304 to an unconditional request", cached: false,
			handler: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) },
			want:    []string{"the server answered 304 Not Modified to a request for the whole file", "nothing was cached"}},
		{name: "body cut short", cached: true, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(good)))
			w.Write(good[:len(good)/2])
		}, want: []string{"the download of players.csv.gz from ", "was cut short after 9.9 KiB of 19.8 KiB"}, is: io.ErrUnexpectedEOF},
		{name: "gzip cut short", cached: true, handler: serve(good[:len(good)/2]),
			want: []string{"players.csv.gz from ", "is truncated: its gzip stream ends early"}, is: io.ErrUnexpectedEOF},
		{name: "not gzip", cached: true, handler: serve([]byte("<!DOCTYPE html><html>Access denied</html>")),
			want: []string{`is not gzip data: it starts "<!DOCTYPE html><html>Access deni"`}},
		{name: "empty", cached: true, handler: serve(nil), want: []string{"players.csv.gz from ", " is empty"}},
		{name: "gzip checksum", cached: true, handler: serve(badCRC),
			want: []string{"is corrupt: its gzip checksum does not match"}, is: gzip.ErrChecksum},
		{name: "not a players table", cached: true, handler: serve(read(t, "testdata/clubs.csv.gz")),
			want: []string{"is not a transfermarkt-datasets players table: line 1: this is a transfermarkt-datasets clubs.csv, not a list of contracts"}},
		{name: "not a table at all", cached: true, handler: serve(gz(t, "hello\nworld\n")),
			want: []string{"is not a transfermarkt-datasets players table: "}},
		{name: "more than 1% of rows invalid", cached: true, handler: serve(badDates(t, good, 3)),
			want: []string{"players.csv.gz from ", ": 3 of its 213 rows are invalid; the first: players.csv.gz:"}},
		{name: "disk full copying a table kept", cached: true, handler: func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasSuffix(r.URL.Path, Players) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Write(good)
		}, opt: func(o *Options) { o.create = fullAfter(1000, Clubs) },
			want: []string{"clubs.csv.gz: no space left on device"}, is: syscall.ENOSPC},
		{name: "too few rows", cached: true, opt: func(o *Options) { o.MinRows = 1000 },
			want: []string{"has 213 players, fewer than the 1000 of a complete release", "partial file"}},
		{name: "decompresses too far", cached: true, handler: serve(bomb), opt: func(o *Options) { o.MaxBytes = 64 << 10 },
			want: []string{"decompresses to more than 1.0 MiB"}},
		{name: "no answer", cached: true, opt: func(o *Options) { o.Timeout = 200 * time.Millisecond },
			handler: func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() },
			want:    []string{"no answer from 127.0.0.1:", " for 200ms (players.csv.gz)"}, is: os.ErrDeadlineExceeded},
		{name: "stalled body", cached: true, opt: func(o *Options) { o.Timeout = 200 * time.Millisecond }, handler: half(true),
			want: []string{"the download of players.csv.gz from 127.0.0.1:", "stalled: no data for 200ms after 9.9 KiB of 19.8 KiB"},
			is:   os.ErrDeadlineExceeded},
		{name: "interrupted", cached: true, handler: half(false), cancel: true,
			want: []string{"the update was interrupted while downloading players.csv.gz after "}, is: context.Canceled},
		{name: "disk full", cached: true, opt: func(o *Options) { o.create = fullAfter(1000, Players) },
			want: []string{"cannot write ", "players.csv.gz: no space left on device", "free some space"}, is: syscall.ENOSPC},
		{name: "disk full at the commit", cached: true, opt: func(o *Options) { o.create = fullAfter(10, ".tmp-release.json") },
			want: []string{"release.json: no space left on device"}, is: syscall.ENOSPC},
		{name: "a lookup table is not gzip", cached: true, handler: func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, Clubs) {
				w.Write([]byte("club_id,name\n"))
				return
			}
			w.Write(good)
		}, want: []string{"clubs.csv.gz from ", `is not gzip data: it starts "club_id,name\n"`}},
		{name: "content length over the limit", cached: true, opt: func(o *Options) { o.MaxBytes = 10 << 10 },
			want: []string{"players.csv.gz from ", " is 19.8 KiB, larger than the 10.0 KiB limit: not downloaded"}},
		{name: "local copy without players.csv.gz", cached: true, from: t.TempDir(),
			want: []string{"has no players.csv.gz", "--from must name the directory"}},
		{name: "no such directory", cached: true, from: filepath.Join(t.TempDir(), "nowhere"),
			want: []string{"nowhere: no such file or directory", "give the directory that holds players.csv.gz"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBucket(t, release(t, old0602))
			dir := t.TempDir()
			if tc.cached {
				if _, err := Update(context.Background(), options(dir, b.from())); err != nil {
					t.Fatal(err)
				}
			}
			next := release(t, new0612)
			b.publish(next, time.Date(2026, 6, 12, 12, 0, 0, 0, time.UTC))
			if tc.handler != nil {
				b.fail(tc.handler)
			}
			before := tree(t, dir)
			opt := options(dir, b.from())
			if tc.from != "" {
				opt.From = tc.from
			}
			if tc.opt != nil {
				tc.opt(&opt)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancel {
				opt.Progress = func(_ string, done, _ int64) {
					if done > 0 {
						cancel()
					}
				}
			}
			res, err := Update(ctx, opt)
			if err == nil {
				t.Fatalf("no error; %+v", res)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%T %v, want an *Error", err, err)
			}
			msg := err.Error() + "\nhint: " + e.Hint
			t.Log(msg)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q\nwant it to contain %q", msg, w)
				}
			}
			if tc.cached && !strings.Contains(msg, "(the cached release of 2026-06-02 is unchanged)") {
				t.Errorf("error %q does not say the cache is unchanged", msg)
			}
			if e.Hint == "" {
				t.Errorf("error %q has no hint", msg)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", msg, tc.is)
			}
			if after := tree(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("the cache changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// fullDisk is a file on a disk that fills after left bytes.
type fullDisk struct {
	f    *os.File
	left int
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if len(p) <= d.left {
		d.left -= len(p)
		return d.f.Write(p)
	}
	n, _ := d.f.Write(p[:d.left])
	d.left = 0
	return n, &fs.PathError{Op: "write", Path: d.f.Name(), Err: syscall.ENOSPC}
}

func (d *fullDisk) Sync() error  { return d.f.Sync() }
func (d *fullDisk) Close() error { return d.f.Close() }

// A second update while one runs fails at once, and leaves the first to finish.
func TestUpdateConcurrent(t *testing.T) {
	b := newBucket(t, release(t, old0602))
	dir := t.TempDir()
	started, unblock := make(chan struct{}), make(chan struct{})
	var once sync.Once
	b.fail(func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(started); <-unblock })
		b.mu.Lock()
		body, ok := b.files[strings.TrimPrefix(r.URL.Path, "/data/")]
		b.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	})
	done := make(chan error)
	go func() {
		_, err := Update(context.Background(), options(dir, b.from()))
		done <- err
	}()
	<-started
	_, err := Update(context.Background(), options(dir, b.from()))
	close(unblock)
	if err == nil || !strings.Contains(err.Error(), "another update of "+dir+" is running") ||
		!strings.Contains(err.Error(), "(this update changed nothing)") {
		t.Errorf("second update: %v", err)
	}
	var e *Error
	if errors.As(err, &e) && !strings.Contains(e.Hint, "remove "+filepath.Join(dir, "update.lock")) {
		t.Errorf("hint %q", e.Hint)
	}
	if err := <-done; err != nil {
		t.Fatalf("first update: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "update.lock")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the lock is left behind: %v", err)
	}
}

// A body larger than MaxBytes is refused without being read to its end:
// of 64 MiB served without a Content-Length, at most a few socket buffers
// past the 1 MiB limit are ever sent.
func TestUpdateRefusesLargeBodyEarly(t *testing.T) {
	b := newBucket(t, nil)
	chunk := bytes.Repeat([]byte{0x1f, 0x8b, 0, 0}, 16<<10)
	b.fail(func(w http.ResponseWriter, r *http.Request) {
		for range (64 << 20) / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	dir := t.TempDir()
	opt := options(dir, b.from())
	opt.MaxBytes = 1 << 20
	_, err := Update(context.Background(), opt)
	if err == nil || !strings.Contains(err.Error(), "is larger than the 1.0 MiB limit: not downloaded") {
		t.Fatalf("error %v", err)
	}
	b.Close() // waits for the handler
	t.Logf("served %d bytes", b.served.Load())
	if n := b.served.Load(); n > 16<<20 {
		t.Errorf("the server sent %d bytes of 64 MiB before the update gave up", n)
	}
	if got := tree(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

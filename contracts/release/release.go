// Package release downloads, checks and caches the transfermarkt-datasets release that bosman reads by default.
package release

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// DefaultFrom is where the transfermarkt-datasets project publishes its
// release: the files are DefaultFrom + "players.csv.gz" and so on.
const DefaultFrom = "https://pub-e682421888d945d684bcae8890b0ec20.r2.dev/data/"

// The files of a release. Players is required; the lookup tables are
// fetched where the source has them.
const (
	Players      = "players.csv.gz"
	Clubs        = "clubs.csv.gz"
	Competitions = "competitions.csv.gz"
)

// The files an update derives from a release: its snapshot form.
const (
	SnapshotPlayers = "snapshot-players.tsv"
	SnapshotClubs   = "snapshot-clubs.tsv"
)

// Defaults of Options.
const (
	DefaultMaxBytes   = 256 << 20 // largest download of one file, compressed
	DefaultMinRows    = 20000     // fewest players a complete release has (June 2026: 47,716)
	DefaultTimeout    = 30 * time.Second
	DefaultStaleAfter = 90 // days
	DefaultTop        = 10
)

// Options says where a release comes from, where it is cached and what an
// update accepts. The zero value is the default.
type Options struct {
	// From is where the files are fetched: a base URL (http or https,
	// e.g. a mirror), a file:// URL or a local directory holding a copy.
	// A URL or path that names players.csv.gz itself means its directory.
	// Default DefaultFrom.
	From string
	// Dir is the cache directory. Default os.UserCacheDir()/bosman
	// ($XDG_CACHE_HOME/bosman or ~/.cache/bosman on Linux).
	Dir string

	// Timeout bounds every wait of a download: for the connection and the
	// response headers, and for each read of the body, so a stalled body
	// fails after Timeout without data while a slow one that keeps coming
	// does not. The whole update is bounded by the context given to
	// Update. Default DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest file accepted, as downloaded (compressed): a
	// larger Content-Length is refused before the body is read, and a body
	// without one is cut at MaxBytes+1. A file may decompress to at most
	// 16 times MaxBytes (a lookup table to 64 MiB). Default
	// DefaultMaxBytes.
	MaxBytes int64
	// MinRows is the fewest data rows a players.csv must have to be
	// taken for a complete release. Default DefaultMinRows.
	MinRows int
	// Top is how many rows of each kind of change Result.Changes lists,
	// the most valuable first. Default DefaultTop; negative: none.
	Top int
	// StaleAfter is the age in days of the upstream scrape from which
	// Status warns that the data may be stale. Default DefaultStaleAfter.
	StaleAfter int

	// Progress, when set, is called as a file downloads, with the bytes
	// received so far and the file's size (-1 when the source does not
	// say): once at the start, after each read, and once at the end with
	// done == total. It runs on Update's goroutine; rendering is the
	// caller's (a bar on a terminal, a line when piped).
	Progress func(file string, done, total int64)
	// Now is the clock, for the fetch time and for Status's "today"
	// (the civil date in Now's location). Default time.Now.
	Now func() time.Time

	// create opens a file for writing in the cache; tests inject a full disk.
	create func(name string) (writer, error)
}

// writer is a file being written in the cache.
type writer interface {
	io.Writer
	Sync() error
	Close() error
}

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() (Options, error) {
	if o.From == "" {
		o.From = DefaultFrom
	}
	if o.Dir == "" {
		d, err := os.UserCacheDir()
		if err != nil {
			return o, &Error{Msg: fmt.Sprintf("no cache directory: %v", err),
				Hint: "set XDG_CACHE_HOME (or HOME) to a writable directory", Err: err}
		}
		o.Dir = filepath.Join(d, "bosman")
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MinRows <= 0 {
		o.MinRows = DefaultMinRows
	}
	if o.Top == 0 {
		o.Top = DefaultTop
	}
	if o.StaleAfter <= 0 {
		o.StaleAfter = DefaultStaleAfter
	}
	if o.Progress == nil {
		o.Progress = func(string, int64, int64) {}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.create == nil {
		o.create = func(name string) (writer, error) { return os.Create(name) }
	}
	return o, nil
}

// Release is the metadata of a cached release, as release.json holds it.
type Release struct {
	Format  int       `json:"format"`     // version of this layout: 1
	Dir     string    `json:"dir"`        // the cache subdirectory holding the files
	From    string    `json:"from"`       // where the update that made it fetched: a base URL or a directory
	Fetched time.Time `json:"fetched_at"` // when the update completed (UTC)

	// ScrapedAt estimates when upstream scraped the data: the newest
	// upload time of a player portrait in players.csv, which
	// transfermarkt-datasets keeps in image_url as the number after the
	// player id in the file name (".../header/82442-1725258600.jpg?lm=1"),
	// or in the lm= query value when that is a time (it is 1 in the 2026
	// builds). No portrait is newer than the
	// scrape that saw it, so the scrape was at or after ScrapedAt (the
	// 2026-06-12 build: newest portrait 2026-06-12 07:21 UTC). Times
	// before 2000 or after the fetch are ignored; zero when none is found.
	ScrapedAt time.Time  `json:"scraped_at"`
	Scraped   rules.Date `json:"scraped"` // ScrapedAt's day (UTC): the data's "as of" day

	Players Counts `json:"players"`
	Files   []File `json:"files"` // players.csv.gz first

	// Snapshot are the release's current players in bosman's snapshot
	// form (SnapshotPlayers, then SnapshotClubs; see
	// contracts.EncodeSnapshot and contracts/snapbuild), written by the
	// update after its checks, so that a command opens them (Market)
	// instead of parsing players.csv.gz. Rows counts the players.
	Snapshot []File `json:"snapshot,omitempty"`

	root string // the cache directory the release was read from
}

// Counts are the row counts of a players.csv.
type Counts struct {
	Rows    int `json:"rows"`    // data rows: players, current or not
	Invalid int `json:"invalid"` // rows contracts.Load rejects (at most 1% are accepted)
	Season  int `json:"season"`  // the newest last_season in the file (2025 for 2025/26)
	Current int `json:"current"` // players with last_season == Season: seen in a current squad
	// CurrentWithExpiry counts the current players with a contract expiry.
	CurrentWithExpiry int `json:"current_with_expiry"`
}

// File is one file of a release.
type File struct {
	Name         string    `json:"name"`                    // players.csv.gz …
	URL          string    `json:"url"`                     // where it was fetched (file:// for a local copy)
	ETag         string    `json:"etag,omitempty"`          // as the server sent it
	LastModified string    `json:"last_modified,omitempty"` // as the server sent it (HTTP date)
	Fetched      time.Time `json:"fetched_at"`              // when these bytes were fetched
	Size         int64     `json:"size"`                    // bytes, compressed, as stored
	SHA256       string    `json:"sha256"`                  // of the stored (compressed) bytes, hex
	Rows         int       `json:"rows"`                    // data rows
}

// metaName is the metadata file in the cache directory.
const metaName = "release.json"

// Current returns the release in the cache directory of opt. When there is
// none, the error wraps fs.ErrNotExist and the caller uses its embedded
// data instead.
func Current(opt Options) (*Release, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	return readMeta(o.Dir)
}

// readMeta reads the metadata of the release in dir.
func readMeta(dir string) (*Release, error) {
	path := filepath.Join(dir, metaName)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &Error{Msg: fmt.Sprintf("no release is cached in %s", dir),
			Hint: "run 'bosman data update' to fetch one", Err: err}
	}
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("cannot read %s: %v", path, err), Err: err}
	}
	r := &Release{}
	err = json.Unmarshal(b, r)
	switch {
	case err != nil:
	case r.Format != 1:
		err = fmt.Errorf("its format %d is not the one this bosman reads (1)", r.Format)
	case r.Dir == "" || !filepath.IsLocal(r.Dir) || len(r.Files) == 0 || r.Files[0].Name != Players:
		err = errors.New("not a bosman release description")
	}
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("%s is damaged: %v", path, err),
			Hint: "run 'bosman data update' to fetch the release again", Err: err}
	}
	r.root = dir
	return r, nil
}

// File returns the entry of the named file, or nil when the release has none.
func (r *Release) File(name string) *File {
	for i := range r.Files {
		if r.Files[i].Name == name {
			return &r.Files[i]
		}
	}
	return nil
}

// Path returns where the named file of the release is, or "" when the
// release has none.
func (r *Release) Path(name string) string {
	if r.File(name) == nil {
		return ""
	}
	return filepath.Join(r.root, r.Dir, name)
}

// snapshotIntact reports whether the release has its snapshot form, the
// files of the sizes the update wrote.
func (r *Release) snapshotIntact() bool {
	if len(r.Snapshot) != 2 || r.Snapshot[0].Name != SnapshotPlayers || r.Snapshot[1].Name != SnapshotClubs {
		return false
	}
	for _, f := range r.Snapshot {
		st, err := os.Stat(filepath.Join(r.root, r.Dir, f.Name))
		if err != nil || st.Size() != f.Size {
			return false
		}
	}
	return true
}

// Market opens the release as a contracts.Market: its snapshot form,
// with the curated rows on top (see contracts.OpenSnapshot). It reads
// two files of a few MB and parses only their headers; it does not read
// players.csv.gz. A release without its snapshot form, or whose files
// have changed size since the update, gives an *Error.
func (r *Release) Market() (*contracts.Market, error) {
	fail := func(what string) error {
		return &Error{Msg: fmt.Sprintf("the cached release in %s %s", filepath.Join(r.root, r.Dir), what),
			Hint: "run 'bosman data update' to fetch it again"}
	}
	if len(r.Snapshot) != 2 || r.Snapshot[0].Name != SnapshotPlayers || r.Snapshot[1].Name != SnapshotClubs {
		return nil, fail("has no snapshot form (it was cached by an older bosman)")
	}
	var text [2]string
	for i, f := range r.Snapshot {
		b, err := os.ReadFile(filepath.Join(r.root, r.Dir, f.Name))
		switch {
		case err != nil:
			return nil, fail(fmt.Sprintf("cannot be read: %v", err))
		case int64(len(b)) != f.Size:
			return nil, fail(fmt.Sprintf("has changed since the update: %s is %d bytes, not %d", f.Name, len(b), f.Size))
		}
		text[i] = unsafe.String(unsafe.SliceData(b), len(b)) // b is never written again: no copy of a few MB
	}
	m, err := contracts.OpenSnapshot(filepath.Join(r.Dir, SnapshotPlayers)+" (cached release)", text[0], text[1])
	if err != nil {
		return nil, fail("is damaged: " + err.Error())
	}
	return m, nil
}

// Open returns the named file of the release, decompressed. The size is
// checked at once and the sha256 when the end is read: a file changed
// since the update gives an error, never other data quietly.
func (r *Release) Open(name string) (io.ReadCloser, error) {
	f := r.File(name)
	if f == nil {
		return nil, fmt.Errorf("release of %s has no %s", r.Scraped, name)
	}
	path := r.Path(name)
	damaged := func(what string) error {
		return &Error{Msg: fmt.Sprintf("%s %s", path, what), Hint: "run 'bosman data update' to fetch the release again"}
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, damaged(fmt.Sprintf("cannot be read: %v", err))
	}
	if st, err := file.Stat(); err != nil || st.Size() != f.Size {
		file.Close()
		return nil, damaged(fmt.Sprintf("is not the file fetched (%d bytes expected)", f.Size))
	}
	h := sha256.New()
	gz, err := gzip.NewReader(io.TeeReader(file, h))
	if err != nil {
		file.Close()
		return nil, damaged("is damaged: " + err.Error())
	}
	return &verified{gz: gz, file: file, h: h, want: f.SHA256, damaged: damaged}, nil
}

// verified reads a cached file and checks its sha256 at the end.
type verified struct {
	gz      *gzip.Reader
	file    *os.File
	h       hash.Hash
	want    string
	damaged func(string) error
}

func (v *verified) Read(p []byte) (int, error) {
	n, err := v.gz.Read(p)
	if err == io.EOF {
		io.Copy(v.h, v.file) // bytes after the gzip stream count too
		if hex.EncodeToString(v.h.Sum(nil)) != v.want {
			return n, v.damaged("has changed since it was fetched (sha256 differs)")
		}
	} else if err != nil {
		err = v.damaged("is damaged: " + err.Error())
	}
	return n, err
}

func (v *verified) Close() error { return v.file.Close() }

// Tables loads the release's clubs and competitions tables, for
// contracts.LoadOptions; a table the release lacks is nil.
func (r *Release) Tables() (*contracts.ClubTable, *contracts.CompetitionTable, error) {
	clubs, err := loadTable(r, Clubs, contracts.LoadClubs)
	if err != nil {
		return nil, nil, err
	}
	comps, err := loadTable(r, Competitions, contracts.LoadCompetitions)
	if err != nil {
		return nil, nil, err
	}
	return clubs, comps, nil
}

// loadTable reads the named lookup table of r with load; nil when r has none.
func loadTable[T any](r *Release, name string, load func(io.Reader, string) (*contracts.Table[T], error)) (*contracts.Table[T], error) {
	if r.File(name) == nil {
		return nil, nil
	}
	rc, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return load(rc, r.Path(name))
}

// Error is a failed update or read of the cache: what happened, what to
// do, and the cause when there is one (errors.Is sees through it, e.g. to
// context.Canceled or syscall.ECONNREFUSED).
type Error struct {
	Msg  string // what happened, naming the file and the source
	Hint string // what to do about it; may be empty
	Kept string // the state of the cache after a failed update, e.g. "the cached release of 2026-06-02 is unchanged"
	Err  error
}

func (e *Error) Error() string {
	if e.Kept != "" {
		return e.Msg + " (" + e.Kept + ")"
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

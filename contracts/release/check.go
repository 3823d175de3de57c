package release

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// maxTableBytes is the most a lookup table (clubs, competitions) may
// decompress to: they are read into memory (the real ones are ~100 KB).
const maxTableBytes = 64 << 20

// checkPlayers checks a downloaded players.csv.gz from beginning to end:
// gzip intact (its checksum is verified at the end), a header that
// contracts.Load recognises as a transfermarkt-datasets players.csv, at
// most 1% of rows invalid and at least Options.MinRows rows. It streams,
// holding one row at a time. It returns the row counts and the scrape
// time (see Release.ScrapedAt).
func checkPlayers(path, url string, o *Options) (Counts, time.Time, error) {
	var c Counts
	g, err := openGz(path, Players, url, 16*o.MaxBytes)
	if err != nil {
		return c, time.Time{}, err
	}
	defer g.Close()
	ds, err := contracts.Load(g, Players, contracts.LoadOptions{SkipInvalid: true, MaxProblems: 1,
		Each: func(_ *contracts.Dataset, ct *contracts.Contract) error {
			switch {
			case ct.LastSeason > c.Season:
				c.Season, c.Current, c.CurrentWithExpiry = ct.LastSeason, 0, 0
				fallthrough
			case ct.LastSeason == c.Season:
				c.Current++
				if !ct.Expires.IsZero() {
					c.CurrentWithExpiry++
				}
			}
			return nil
		}})
	var le *contracts.LoadError
	switch {
	case errors.As(err, &le):
		return c, time.Time{}, g.notTable("players", le.Problems[0])
	case err != nil:
		return c, time.Time{}, g.explain(err)
	case !strings.HasPrefix(ds.Format, "transfermarkt-datasets players.csv"):
		return c, time.Time{}, g.notTable("players", contracts.Problem{Msg: "it reads as a " + ds.Format})
	}
	if err := g.drain(); err != nil {
		return c, time.Time{}, err
	}
	c.Rows, c.Invalid = ds.Read, ds.Skipped
	if 100*ds.Skipped > ds.Read {
		first := ""
		for _, p := range ds.Problems {
			if p.Severity == contracts.Error {
				first = "; the first: " + p.Error()
				break
			}
		}
		return c, time.Time{}, &Error{Msg: fmt.Sprintf("%s from %s: %d of its %d rows are invalid%s", Players, url, ds.Skipped, ds.Read, first),
			Hint: "a release has at most a few bad rows: try again later, or give --from another copy"}
	}
	if ds.Read < o.MinRows {
		return c, time.Time{}, &Error{Msg: fmt.Sprintf("%s from %s has %d players, fewer than the %d of a complete release", Players, url, ds.Read, o.MinRows),
			Hint: "the source is serving a partial file: try again later, or give --from a complete copy"}
	}
	scraped, err := scrapeTime(path, url, o)
	return c, scraped, err
}

// scrapeTime returns the newest portrait time in a players.csv.gz that
// has passed checkPlayers, as Release.ScrapedAt describes.
func scrapeTime(path, url string, o *Options) (time.Time, error) {
	g, err := openGz(path, Players, url, 16*o.MaxBytes)
	if err != nil {
		return time.Time{}, err
	}
	defer g.Close()
	lo := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	hi := o.Now().Add(24 * time.Hour).Unix()
	var newest int64
	if _, err := scanPlayers(g, Players, func(p *player) error {
		if t := portraitTime(p.image, lo, hi); t > newest {
			newest = t
		}
		return nil
	}); err != nil {
		return time.Time{}, g.explain(err)
	}
	if newest == 0 {
		return time.Time{}, nil
	}
	return time.Unix(newest, 0).UTC(), nil
}

// portraitTime returns the newest Unix time in lo..hi that an image_url
// carries (".../header/82442-1725258600.jpg?lm=1": the number after the
// last '-' of the file name, and the lm= value), or 0.
func portraitTime(u string, lo, hi int64) int64 {
	path, query, _ := strings.Cut(u, "?")
	base := path[strings.LastIndexByte(path, '/')+1:]
	var candidates []string
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		digits, _, _ := strings.Cut(base[i+1:], ".")
		candidates = append(candidates, digits)
	}
	for kv := range strings.SplitSeq(query, "&") {
		if v, ok := strings.CutPrefix(kv, "lm="); ok {
			candidates = append(candidates, v)
		}
	}
	var best int64
	for _, s := range candidates {
		if t, err := strconv.ParseInt(s, 10, 64); err == nil && lo <= t && t <= hi && t > best {
			best = t
		}
	}
	return best
}

// checkTable checks a downloaded lookup table (clubs.csv.gz,
// competitions.csv.gz) and returns its row count.
func checkTable(path, name, url string, o *Options) (int, error) {
	g, err := openGz(path, name, url, min(16*o.MaxBytes, maxTableBytes))
	if err != nil {
		return 0, err
	}
	defer g.Close()
	kind := strings.TrimSuffix(name, ".csv.gz")
	var rows int
	if name == Clubs {
		rows, err = count(contracts.LoadClubs(g, name))
	} else {
		rows, err = count(contracts.LoadCompetitions(g, name))
	}
	var le *contracts.LoadError
	switch {
	case errors.As(err, &le):
		return 0, g.notTable(kind, le.Problems[0])
	case err != nil:
		return 0, g.explain(err)
	}
	return rows, g.drain()
}

// count returns the rows of a table a loader returned, and its error.
func count[T any](t *contracts.Table[T], err error) (int, error) { return t.Len(), err }

// gzFile reads a downloaded .csv.gz, decompressed, to at most a limit.
type gzFile struct {
	capped
	f         *os.File
	name, url string
}

// capped reads r to at most limit bytes, then fails with tooBig.
type capped struct {
	r      io.Reader
	left   int64 // bytes that may still be read
	limit  int64
	tooBig error
}

// openGz opens a downloaded file, which must be gzip.
func openGz(path, name, url string, limit int64) (*gzFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("cannot read the download of %s: %v", name, err), Err: err}
	}
	g := &gzFile{capped: capped{left: limit, limit: limit, tooBig: errors.New("too big")}, f: f, name: name, url: url}
	head := make([]byte, 32)
	k, _ := io.ReadFull(f, head)
	if k < 2 || head[0] != 0x1f || head[1] != 0x8b {
		f.Close()
		what := "is empty"
		if k > 0 {
			what = fmt.Sprintf("is not gzip data: it starts %q", head[:k])
		}
		return nil, &Error{Msg: fmt.Sprintf("%s from %s %s", name, url, what),
			Hint: "--from must serve the files as transfermarkt-datasets publishes them (gzip-compressed CSV)"}
	}
	if _, err = f.Seek(0, io.SeekStart); err == nil {
		g.r, err = gzip.NewReader(f)
	}
	if err != nil {
		f.Close()
		return nil, g.explain(err)
	}
	return g, nil
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 { // at the limit: fine if the stream ends here
		var b [1]byte
		if n, err := c.r.Read(b[:]); n == 0 && err != nil {
			return 0, err
		}
		return 0, c.tooBig
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

func (g *gzFile) Close() error { return g.f.Close() }

// drain reads what the caller left, so that the gzip checksum is verified.
func (g *gzFile) drain() error {
	if _, err := io.Copy(io.Discard, g); err != nil {
		return g.explain(err)
	}
	return nil
}

// explain turns an error met reading the file into an *Error.
func (g *gzFile) explain(err error) error {
	what, hint := "is damaged: "+err.Error(), "try again, or give --from another copy"
	switch {
	case errors.Is(err, g.tooBig):
		what, hint = fmt.Sprintf("decompresses to more than %s", size(g.limit)), "a players.csv is about 15 MB: check --from"
	case errors.Is(err, io.ErrUnexpectedEOF):
		what, hint = "is truncated: its gzip stream ends early", "try again; the download was cut short"
	case errors.Is(err, gzip.ErrChecksum):
		what = "is corrupt: its gzip checksum does not match"
	case errors.Is(err, gzip.ErrHeader):
		what = "is corrupt: invalid gzip data"
	}
	return &Error{Msg: fmt.Sprintf("%s from %s %s", g.name, g.url, what), Hint: hint, Err: err}
}

// notTable is the error for a gzip file that is not the table it should
// be; p is the loader's reason (its hint, about --data, does not apply).
func (g *gzFile) notTable(kind string, p contracts.Problem) error {
	why := p.Msg
	if p.Pos.Line > 0 {
		why = fmt.Sprintf("line %d: %s", p.Pos.Line, p.Msg)
	}
	return &Error{Msg: fmt.Sprintf("%s from %s is not a transfermarkt-datasets %s table: %s", g.name, g.url, kind, why),
		Hint: "--from must serve the files as transfermarkt-datasets publishes them"}
}

// dateOf is the UTC day of t.
func dateOf(t time.Time) rules.Date { return rules.DateOf(t.UTC()) }

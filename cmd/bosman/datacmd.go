package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/contracts/release"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

// releaseMinRows, when set, replaces release.DefaultMinRows: the tests
// serve releases of a few hundred rows.
var releaseMinRows int

func dataCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:  "data",
		Usage: "the data bosman answers from: fetch the current release, or say how old it is",
		UsageText: "bosman data update [--from URL|DIR]\n" +
			"   bosman data status",
		Description: "bosman answers from its embedded snapshot of transfermarkt-datasets (CC0), scraped on\n" +
			"12 June 2026, with its curated, sourced rows on top. 'bosman data update' fetches the current\n" +
			"release into the user cache directory ($XDG_CACHE_HOME/bosman, ~/.cache/bosman); later\n" +
			"commands read it when it is newer than the embedded snapshot, and --data FILE still\n" +
			"overrides both. 'bosman data status' lists the sources in use, their dates and ages.\n\n" +
			"Examples:\n" +
			"   bosman data update\n" +
			"   bosman data update --from ./mirror\n" +
			"   bosman data status",
		Subcommands: []*cli.Command{
			{
				Name:      "update",
				Usage:     "fetch the current transfermarkt-datasets release into the cache",
				UsageText: "bosman data update [--from URL|DIR] [--timeout 30s]",
				Description: "Downloads players.csv.gz (and clubs.csv.gz, competitions.csv.gz where published) with a\n" +
					"conditional request, so an unchanged release downloads nothing; checks it (gzip intact, a\n" +
					"players table, a plausible row count) and only then replaces the cached copy; and says\n" +
					"what changed since the previous copy. Ctrl-C stops it and leaves the cache as it was.",
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "from", Usage: "fetch from `URL` (a mirror, file://) or a directory holding players.csv.gz", DefaultText: release.DefaultFrom},
					&cli.DurationFlag{Name: "timeout", Usage: "give up after `DURATION` without data", Value: release.DefaultTimeout},
				},
				Action: func(c *cli.Context) error {
					ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
					defer stop()
					return dataUpdate(ctx, s, c.String("from"), c.Duration("timeout"))
				},
			},
			{
				Name:      "status",
				Usage:     "the data in use: sources, dates, row counts and age",
				UsageText: "bosman data status",
				Action:    func(c *cli.Context) error { return dataStatus(s) },
			},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("unknown data command %q", c.Args().First()).hint("'bosman data update' or 'bosman data status'")
			}
			return usageErr("data needs a command").hint("'bosman data update' fetches the current release; 'bosman data status' says how old the data is")
		},
	}
}

// releaseOptions are the release cache's options for this run: the cache
// in the user cache directory of s's environment.
func releaseOptions(s *streams) (release.Options, error) {
	dir := cacheDir(s.getenv)
	if dir == "" {
		return release.Options{}, dataErr("no cache directory: neither XDG_CACHE_HOME nor HOME is set").
			hint("set XDG_CACHE_HOME to a writable directory")
	}
	return release.Options{Dir: dir, MinRows: releaseMinRows, Now: s.now}, nil
}

// cacheDir is bosman's directory in the user cache directory, as
// os.UserCacheDir finds it but from the run's environment; "" when the
// environment names none.
func cacheDir(getenv func(string) string) string {
	var d string
	switch runtime.GOOS {
	case "windows":
		d = getenv("LocalAppData")
	case "darwin", "ios":
		if h := getenv("HOME"); h != "" {
			d = filepath.Join(h, "Library", "Caches")
		}
	default:
		d = getenv("XDG_CACHE_HOME")
		if d == "" || !filepath.IsAbs(d) {
			d = ""
			if h := getenv("HOME"); h != "" {
				d = filepath.Join(h, ".cache")
			}
		}
	}
	if d == "" {
		return ""
	}
	return filepath.Join(d, "bosman")
}

// defaultMarket is the data a run reads without --data: the cached
// release when 'bosman data update' stored one newer than the embedded
// snapshot, else the embedded snapshot; the curated rows on top of
// either. It says on stderr when it is not the embedded default, and why
// a cached release it cannot read is not used.
func defaultMarket(s *streams) (*contracts.Market, error) {
	s.boundedHeap()
	embedded := func() (*contracts.Market, error) {
		m, err := contracts.Embedded()
		if err != nil {
			return nil, dataErr("embedded dataset: %v", err)
		}
		return m, nil
	}
	dir := cacheDir(s.getenv)
	if dir == "" {
		return embedded()
	}
	rel, err := release.Current(release.Options{Dir: dir})
	if errors.Is(err, fs.ErrNotExist) {
		return embedded()
	}
	if err != nil {
		s.say("warning: %v: using the embedded data", err)
		return embedded()
	}
	snap, err := contracts.EmbeddedSnapshot()
	if err != nil {
		return nil, dataErr("embedded dataset: %v", err)
	}
	if !rel.Scraped.After(snap.Scraped) {
		return embedded() // the embedded snapshot is as new: the default, said nowhere
	}
	m, err := rel.Market()
	if err != nil {
		s.say("warning: %v: using the embedded data (scraped %s)", err, snap.Scraped.Human())
		return embedded()
	}
	s.say("note: data: transfermarkt-datasets release scraped %s (cached)", rel.Scraped.Human())
	return m, nil
}

// defaultDataGC is the GOGC of a run over the default data (see
// streams.boundedHeap).
const defaultDataGC = 400

// boundedHeap lets the collector run less often for the rest of the run,
// which reads the default data: a market-wide question over it allocates
// about 40 MB, most of it live to the end, and at the default GOGC of 100
// the collector would run some ten times over a heap that only grows (a
// fifth of expiring's time). The default data is of a known size, about
// 18,000 players, so the heap stays bounded (a few MB more at its peak);
// a run over --data files, of any size, keeps the default. GOGC set by the
// user wins.
func (s *streams) boundedHeap() {
	if s.getenv("GOGC") != "" || s.restoreGC != nil {
		return
	}
	old := debug.SetGCPercent(defaultDataGC)
	s.restoreGC = func() { debug.SetGCPercent(old) }
}

// dataUpdate fetches the release from from (default: the project's
// bucket) into the cache, drawing its progress on stderr, and writes what
// it did and what changed to stdout. ctx's end (Ctrl-C) stops it.
func dataUpdate(ctx context.Context, s *streams, from string, timeout time.Duration) error {
	opt, err := releaseOptions(s)
	if err != nil {
		return err
	}
	opt.From, opt.Timeout = from, timeout
	p := newProgress(s)
	opt.Progress = p.update
	res, err := release.Update(ctx, opt)
	p.done(res)
	if err != nil {
		var re *release.Error
		if errors.As(err, &re) {
			ee := dataErr("%s", re.Error())
			if re.Hint != "" {
				ee.hint("%s", re.Hint)
			}
			return ee
		}
		return dataErr("%v", err)
	}
	snap, err := contracts.EmbeddedSnapshot()
	if err != nil {
		return dataErr("embedded dataset: %v", err)
	}
	return report.WriteUpdate(s.out, res, snap, rules.DateOf(s.now()))
}

// dataStatus writes the sources in use, their dates, row counts and ages.
func dataStatus(s *streams) error {
	st := &release.State{Today: rules.DateOf(s.now()), ScrapeAge: -1}
	if opt, err := releaseOptions(s); err == nil {
		if st, err = release.Status(opt); err != nil {
			var re *release.Error
			if errors.As(err, &re) && re.Hint != "" {
				return dataErr("%s", re.Error()).hint("%s", re.Hint)
			}
			return dataErr("%v", err)
		}
	}
	snap, err := contracts.EmbeddedSnapshot()
	if err != nil {
		return dataErr("embedded dataset: %v", err)
	}
	cur, err := contracts.Default()
	if err != nil {
		return dataErr("embedded dataset: %v", err)
	}
	inUse := false
	if st.Release != nil && st.Release.Scraped.After(snap.Scraped) {
		_, err := st.Release.Market()
		inUse = err == nil
	}
	return report.WriteDataStatus(s.out, report.DataState{Cache: st, Embedded: snap, Curated: cur.Contracts, CachedInUse: inUse})
}

// progress draws an update's downloads on stderr: a line per file
// redrawn in place on a terminal (name, bytes so far, share of the
// whole), one summary line at the end when stderr is not one.
type progress struct {
	s     *streams
	bytes int64
	start time.Time
	last  time.Time // of the last redraw
	drawn bool      // a line is on the terminal, to be cleared
}

func newProgress(s *streams) *progress { return &progress{s: s, start: time.Now()} }

func (p *progress) update(file string, done, total int64) {
	end := done == total && total > 0
	if end {
		p.bytes += done
	}
	if !p.s.errTTY || (!end && time.Since(p.last) < 80*time.Millisecond) {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.s.stderr, "\r\x1b[K%s", report.ProgressLine(file, done, total))
	p.drawn = true
}

// done ends the drawing: on a terminal the line is cleared; elsewhere one
// line says what was downloaded.
func (p *progress) done(res *release.Result) {
	if p.drawn {
		fmt.Fprint(p.s.stderr, "\r\x1b[K")
	}
	if p.s.errTTY || res == nil {
		return
	}
	p.s.say("%s", report.DownloadSummary(res, time.Since(p.start)))
}

package release

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/bosmanhq/bosman/rules"
)

// State is what Status found in the cache.
type State struct {
	Dir       string
	Release   *Release   // nil when nothing is cached: the embedded data is in use
	Today     rules.Date // the civil date of Options.Now
	ScrapeAge int        // days from Release.Scraped to Today; -1 when the scrape day is unknown
	FetchAge  int        // days from the fetch to Today
	// Stale is set when the upstream scrape is older than
	// Options.StaleAfter days, or of unknown age.
	Stale    bool
	Warnings []string // the stale warning first, then files missing or changed
}

// Status reads the metadata of the cached release and says how old it is.
// A cache with no release is not an error: State.Release is nil.
func Status(opt Options) (*State, error) {
	o, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	now := o.Now()
	st := &State{Dir: o.Dir, Today: rules.DateOf(now), ScrapeAge: -1}
	r, err := readMeta(o.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, err
	}
	st.Release = r
	st.FetchAge = st.Today.Sub(rules.DateOf(r.Fetched.In(now.Location())))
	if w := staleWarning(r, st.Today, o.StaleAfter, &st.ScrapeAge); w != "" {
		st.Stale = true
		st.Warnings = append(st.Warnings, w)
	}
	if !r.snapshotIntact() {
		st.Warnings = append(st.Warnings, "the release's snapshot form is missing or changed, so commands use the embedded data: run 'bosman data update'")
	}
	for _, f := range r.Files {
		path := r.Path(f.Name)
		switch fi, err := os.Stat(path); {
		case err != nil:
			st.Warnings = append(st.Warnings, fmt.Sprintf("%s is missing from the cache (%v): run 'bosman data update'", f.Name, err))
		case fi.Size() != f.Size:
			st.Warnings = append(st.Warnings, fmt.Sprintf("%s has changed since it was fetched: run 'bosman data update'", path))
		}
	}
	return st, nil
}

// upstreamPaused is the day of the last successful transfermarkt-datasets
// scrape before its scraper stopped (dcaribou/transfermarkt-datasets#381:
// the acquire job has failed since).
const upstreamPaused = "2026-07-10"

// staleWarning returns the warning for a release whose upstream scrape is
// more than after days before today, or of unknown age; "" when it is
// fresh. It sets *age to the age in days, or -1.
func staleWarning(r *Release, today rules.Date, after int, age *int) string {
	if r.Scraped.IsZero() {
		*age = -1
		return "the data may be stale: the day upstream scraped it is unknown (players.csv.gz has no portrait timestamps)"
	}
	*age = today.Sub(r.Scraped)
	return StaleWarning(r.Scraped, today, after)
}

// StaleWarning is the warning for data that transfermarkt-datasets scraped
// on scraped, more than after days before today (a cached release, or the
// embedded snapshot); "" when it is fresh. It says that the upstream
// scraper has been paused when the data is from before it stopped.
func StaleWarning(scraped, today rules.Date, after int) string {
	age := today.Sub(scraped)
	if age <= after {
		return ""
	}
	w := fmt.Sprintf("the data may be stale: transfermarkt-datasets scraped it on %s, %d days ago (more than %d), "+
		"so contracts signed, extended or ended since then are missing", scraped, age, after)
	if paused, _ := rules.ParseISO(upstreamPaused); !scraped.After(paused) {
		w += fmt.Sprintf("; the upstream scraper has been paused since %s (https://github.com/dcaribou/transfermarkt-datasets/issues/381), "+
			"so 'bosman data update' may find nothing newer", upstreamPaused)
	} else {
		w += "; run 'bosman data update' for a newer release"
	}
	return w
}

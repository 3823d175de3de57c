package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/contracts/release"
	"github.com/bosmanhq/bosman/rules"
)

// headlines is how many rows of each kind of change an update lists.
const headlines = 5

// WriteUpdate writes what 'bosman data update' did: the release now in
// the cache, whether commands will read it (it must be newer than the
// embedded snapshot), and what changed since the previous copy, with
// counts and the most valuable players of each kind of change.
func WriteUpdate(w io.Writer, res *release.Result, embedded contracts.SnapshotMeta, today rules.Date) error {
	r := res.Release
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	if res.Unchanged {
		p("Up to date: the release at %s is the one cached (scraped %s); nothing was downloaded.\n", Clean(r.From), scrapedText(r))
	} else {
		p("Fetched the transfermarkt-datasets release scraped %s from %s:\n", scrapedText(r), Clean(r.From))
		p("  %s players, %s of them in a current squad (%s with a contract expiry)\n",
			thousands(r.Players.Rows), thousands(r.Players.Current), thousands(r.Players.CurrentWithExpiry))
		for _, f := range res.Files {
			p("  %-20s %s\n", f.Name, fetchText(f, r))
		}
		p("  stored in %s\n", Clean(filepath.Dir(r.Path(release.Players))))
	}
	switch {
	case r.Scraped.After(embedded.Scraped):
		p("Commands read it from now on, with the curated rows on top (--data FILE still overrides).\n")
	default:
		p("Commands keep reading the embedded snapshot (scraped %s), which is as new.\n", embedded.Scraped.Human())
	}
	if wn := release.StaleWarning(r.Scraped, today, release.DefaultStaleAfter); wn != "" && !r.Scraped.IsZero() {
		writeWrapped(w, "", "Warning: "+wn+".", cardWidth)
	}
	for _, wn := range res.Warnings {
		writeWrapped(w, "", "Warning: "+Clean(wn)+".", cardWidth)
	}
	if c := res.Changes; c != nil {
		p("\nChanges since the release scraped %s (%s players, now %s):\n", scrapedText(res.Previous), thousands(c.OldRows), thousands(c.NewRows))
		groups := []struct {
			name string
			g    release.Group
			line func(release.Change) string
		}{
			{"added", c.Added, func(ch release.Change) string { return changeWho(ch, ch.Club) + expiryText(", to ", ch.Expires) }},
			{"removed", c.Removed, func(ch release.Change) string { return changeWho(ch, ch.OldClub) }},
			{"extended", c.Extended, expiryChange},
			{"shortened", c.Shortened, expiryChange},
			{"expiry given", c.ExpirySet, expiryChange},
			{"expiry gone", c.ExpiryCleared, expiryChange},
			{"club changed", c.ClubChanged, func(ch release.Change) string {
				return fmt.Sprintf("%s: %s → %s", Clean(ch.Name), orWord(Clean(ch.OldClub), "club "+ch.OldClubID), orWord(Clean(ch.Club), "club "+ch.ClubID))
			}},
		}
		for _, g := range groups {
			p("  %-13s %s\n", g.name, thousands(g.g.Count))
			for i, ch := range g.g.Top {
				if i == headlines {
					break
				}
				p("    %s\n", g.line(ch))
			}
		}
	}
	return nil
}

// changeWho is "Ben Davies (Tottenham Hotspur Football Club)".
func changeWho(ch release.Change, club string) string {
	if club == "" {
		return Clean(ch.Name)
	}
	return Clean(ch.Name) + " (" + Clean(club) + ")"
}

// expiryChange is "Ben Davies (…): 30 Jun 2026 → 30 Jun 2027".
func expiryChange(ch release.Change) string {
	return fmt.Sprintf("%s: %s → %s", changeWho(ch, ch.Club), orWord(ch.OldExpires.Human(), "none"), orWord(ch.Expires.Human(), "none"))
}

func expiryText(prefix string, d rules.Date) string {
	if d.IsZero() {
		return ""
	}
	return prefix + d.Human()
}

// scrapedText is a release's scrape day, or why it is unknown.
func scrapedText(r *release.Release) string {
	if r == nil || r.Scraped.IsZero() {
		return "on an unknown day"
	}
	return r.Scraped.Human()
}

// fetchText says what an update did with one file.
func fetchText(f release.Fetch, r *release.Release) string {
	switch f.Outcome {
	case release.Downloaded:
		return "downloaded, " + release.HumanSize(f.Bytes)
	case release.Same:
		return "downloaded, " + release.HumanSize(f.Bytes) + ", the same as the cached copy"
	case release.NotModified:
		return "not modified: kept the cached copy"
	}
	return f.Outcome.String()
}

// ProgressLine is a download's progress as a terminal shows it, redrawn
// in place: "bosman: players.csv.gz  [=========>          ]  2.1 MiB of
// 3.8 MiB  55%"; without a total, the bytes so far.
func ProgressLine(file string, done, total int64) string {
	if total <= 0 {
		return fmt.Sprintf("bosman: %s  %s", file, release.HumanSize(done))
	}
	const width = 24
	n := int(min(done, total) * width / total)
	bar := strings.Repeat("=", n)
	if n < width {
		bar += ">" + strings.Repeat(" ", width-n-1)
	}
	return fmt.Sprintf("bosman: %s  [%s]  %s of %s  %d%%", file, bar, release.HumanSize(done), release.HumanSize(total), done*100/total)
}

// DownloadSummary is the one line an update says on stderr when it draws
// no progress bar: "downloaded 3 files, 4.1 MiB, in 1.2 s" or "nothing
// downloaded: the release is unchanged".
func DownloadSummary(res *release.Result, took time.Duration) string {
	var n int
	var bytes int64
	for _, f := range res.Files {
		if f.Outcome == release.Downloaded || f.Outcome == release.Same {
			n++
			bytes += f.Bytes
		}
	}
	if n == 0 {
		return "nothing downloaded: the source has no newer release"
	}
	return fmt.Sprintf("downloaded %s, %s, in %.1f s", Count(n, "file"), release.HumanSize(bytes), took.Seconds())
}

// thousands writes n with commas: 47,716.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// DataState is what 'bosman data status' reports on.
type DataState struct {
	Cache       *release.State // the release cache; Release nil when none
	Embedded    contracts.SnapshotMeta
	Curated     []contracts.Contract // the curated rows of default.csv
	CachedInUse bool                 // commands read the cached release
}

// WriteDataStatus writes the sources bosman answers from without --data,
// each with its date, row counts and age, which one is in use, and a
// warning when the data in use is older than release.DefaultStaleAfter
// days.
func WriteDataStatus(w io.Writer, d DataState) error {
	p := func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
	today := d.Cache.Today
	age := func(day rules.Date) string {
		if day.IsZero() {
			return "age unknown"
		}
		return Count(today.Sub(day), "day") + " old"
	}
	p("Data bosman answers from without --data, as of %s:\n\n", today.Human())
	state := "in use"
	if d.CachedInUse {
		state = "not in use: the cached release is newer"
	}
	p("Embedded snapshot (%s)\n", state)
	p("  transfermarkt-datasets (CC0), scraped %s, %s\n", d.Embedded.Scraped.Human(), age(d.Embedded.Scraped))
	p("  %s players in a current squad (season %d/%02d)\n", thousands(d.Embedded.Rows), d.Embedded.Season, (d.Embedded.Season+1)%100)
	p("  from %s\n\n", Clean(d.Embedded.Source))

	r := d.Cache.Release
	switch {
	case r == nil:
		p("Cached release: none in %s\n  'bosman data update' fetches the current one\n\n", Clean(d.Cache.Dir))
	default:
		state := "not in use: no newer than the embedded snapshot"
		switch {
		case d.CachedInUse:
			state = "in use"
		case r.Scraped.After(d.Embedded.Scraped):
			state = "not in use: it cannot be read (see the warnings)"
		}
		p("Cached release (%s)\n", state)
		p("  transfermarkt-datasets (CC0), scraped %s, %s\n", scrapedText(r), age(r.Scraped))
		p("  %s players, %s of them in a current squad (%s with a contract expiry)\n",
			thousands(r.Players.Rows), thousands(r.Players.Current), thousands(r.Players.CurrentWithExpiry))
		p("  fetched %s (%s) from %s\n", r.Fetched.UTC().Format("2006-01-02 15:04 UTC"), age(rules.DateOf(r.Fetched)), Clean(r.From))
		p("  in %s\n", Clean(filepath.Dir(r.Path(release.Players))))
		for _, f := range r.Files {
			p("  %-20s %s, sha256 %s\n", f.Name, release.HumanSize(f.Size), f.SHA256)
		}
		p("\n")
	}

	first, last := rules.Date{}, rules.Date{}
	for i := range d.Curated {
		day := d.Curated[i].DataAsOf()
		if day.IsZero() {
			continue
		}
		if first.IsZero() || day.Before(first) {
			first = day
		}
		if day.After(last) {
			last = day
		}
	}
	p("Curated rows (always on top)\n")
	p("  %s hand-sourced rows (contracts/data/default.csv), each with its source; confirmed %s to %s\n\n", thousands(len(d.Curated)), first.Human(), last.Human())

	used := d.Embedded.Scraped
	if d.CachedInUse {
		used = r.Scraped
	}
	if wn := release.StaleWarning(used, today, release.DefaultStaleAfter); wn != "" {
		writeWrapped(w, "", "Warning: "+wn+".", cardWidth)
	}
	for _, wn := range d.Cache.Warnings {
		if !strings.HasPrefix(wn, "the data may be stale") { // that one is said above, of the data in use
			writeWrapped(w, "", "Warning: "+Clean(wn)+".", cardWidth)
		}
	}
	return nil
}

package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// ClubTable writes a club's selection for people: a heading with the
// data's sources and days, one row per contract with its windows, and the
// notes that go with them, then, each in a counted section of its own, the
// players the source last saw at the club in an older season and those
// known only from data later than the as-of date; fitted to the width of
// st.
func ClubTable(out io.Writer, sel *ClubSelection, st Style) error {
	d := newClubDoc(sel, st)
	writeWrapped(out, "", d.title, st.width())
	if d.data != "" {
		writeWrapped(out, "", d.data, st.width())
	}
	fmt.Fprintln(out)
	if len(d.rows) == 0 {
		fmt.Fprintf(out, "No contracts in the data match; try --all or a longer --within.\n")
	} else {
		dropped, err := fitTable(out, d.header, d.rows, map[string]bool{"Days": true}, st.width(), clubShrinks)
		if err != nil {
			return err
		}
		fmt.Fprintln(out)
		if indexOf(dropped, "Abroad from") >= 0 {
			writeWrapped(out, "", "Abroad from: six months before he is free, or the signing day (FIFA RSTP art. 18.3; left out to fit; see 'bosman player').", st.width())
		}
		for _, l := range d.keys {
			writeWrapped(out, "", l, st.width())
		}
		for _, n := range d.notes {
			writeWrapped(out, "- ", n, st.width())
		}
	}
	for _, sec := range d.sections {
		fmt.Fprintln(out)
		writeWrapped(out, "", sec.title, st.width())
		fmt.Fprintln(out)
		if _, err := fitTable(out, d.header, sec.rows, map[string]bool{"Days": true}, st.width(), clubShrinks); err != nil {
			return err
		}
		for _, n := range sec.notes {
			writeWrapped(out, "- ", n, st.width())
		}
	}
	for _, l := range d.footer() {
		writeWrapped(out, "", l, st.width())
	}
	return nil
}

// ClubMarkdown writes a club's selection as Markdown for an article: a
// heading, a table of the columns of ClubTable (all of them, without
// colour), and the notes as a list, every text escaped (see MarkdownCell).
func ClubMarkdown(out io.Writer, sel *ClubSelection, st Style) error {
	st.Color = false
	d := newClubDoc(sel, st)
	fmt.Fprintf(out, "## %s\n\n", mdText(d.title))
	if d.data != "" {
		fmt.Fprintf(out, "%s\n\n", mdText(d.data))
	}
	if len(d.rows) == 0 {
		fmt.Fprintf(out, "No contracts in the data match.\n")
	} else {
		writeMarkdownTable(out, d.header, d.rows)
		fmt.Fprintln(out)
		for _, l := range d.keys {
			fmt.Fprintf(out, "%s\n\n", mdText(l))
		}
		for _, n := range d.notes {
			fmt.Fprintf(out, "- %s\n", mdText(n))
		}
	}
	for _, sec := range d.sections {
		fmt.Fprintf(out, "\n### %s\n\n", mdText(sec.title))
		writeMarkdownTable(out, d.header, sec.rows)
		for _, n := range sec.notes {
			fmt.Fprintf(out, "- %s\n", mdText(n))
		}
	}
	if f := d.footer(); len(f) > 0 {
		fmt.Fprintln(out)
		for _, l := range f {
			fmt.Fprintf(out, "%s\n", mdText(l))
		}
	}
	return nil
}

// clubDoc is what a club table shows, whatever draws it.
type clubDoc struct {
	title     string
	data      string // where the facts come from, and their days (DataSummary)
	header    []string
	rows      [][]string
	keys      []string // what the table's marks and words mean
	notes     []string // about single players
	sections  []clubSection
	notListed string // what the horizon left out
	inferred  string // the associations inferred from the club's name
}

// clubSection is a counted part of a club table kept apart from the squad.
type clubSection struct {
	title string
	rows  [][]string
	notes []string
}

// footer is what closes the table: what was not listed, and the
// associations inferred.
func (d *clubDoc) footer() []string {
	var out []string
	for _, l := range []string{d.notListed, d.inferred} {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// newClubDoc lays sel out, its texts cleaned (see Clean).
func newClubDoc(sel *ClubSelection, st Style) *clubDoc {
	entries := cleanEntries(sel.Entries)
	to := Clean(sel.To)
	what := fmt.Sprintf("expiring %s to %s", sel.Horizon.From.Human(), sel.Horizon.Until.Human())
	if sel.Horizon.All {
		what = "all contracts"
	}
	club := Clean(sel.Names[0])
	d := &clubDoc{title: fmt.Sprintf("%s: %s, as of %s (%d)", club, what, sel.AsOf.Human(), len(entries))}
	all := cleanEntries(sel.All())
	d.data = DataSummary(all)
	d.header = []string{"Player", "Born", "Expires", "Abroad from", "Home from", "Status", "Days"}
	if to != "" {
		d.header = append(d.header, "Reg. "+to)
	}
	var ways clubWays
	for i := range entries {
		d.rows = append(d.rows, clubRow(&entries[i], to != "", st, &ways))
		d.notes = append(d.notes, clubNotes(&entries[i])...)
	}
	if stale := cleanEntries(sel.Stale); len(stale) > 0 {
		sec := clubSection{title: fmt.Sprintf("Last seen at %s by the source in an older season (%d): the club may be out of date", club, len(stale))}
		for i := range stale {
			sec.rows = append(sec.rows, clubRow(&stale[i], to != "", st, &ways))
			sec.notes = append(sec.notes, clubNotes(&stale[i])...)
		}
		d.sections = append(d.sections, sec)
	}
	if later := cleanEntries(sel.Later); len(later) > 0 {
		day := later[0].DataAsOf
		for _, en := range later {
			if en.DataAsOf.Before(day) {
				day = en.DataAsOf
			}
		}
		sec := clubSection{title: fmt.Sprintf("Known only from data of %s or later, after %s (%d): they may have joined or signed since", day.Human(), sel.AsOf.Human(), len(later))}
		for i := range later {
			sec.rows = append(sec.rows, clubRow(&later[i], to != "", st, &ways))
			sec.notes = append(sec.notes, clubNotes(&later[i])...)
		}
		d.sections = append(d.sections, sec)
	}
	d.keys = ways.lines()
	if len(entries) > 0 {
		if set := entries[0].Windows.Set; set != nil {
			if dr := set.DomesticFor(entries[0].Contract.Expires); dr != nil {
				d.keys = append(d.keys, Clean(fmt.Sprintf("At home (%s): %s", set.Code, dr.Text)))
			}
		}
	}
	d.notListed = notListed(sel)
	d.inferred = inferredFootnote(all)
	return d
}

// inferredFootnote says which association was inferred from the club's
// name, and for how many of the rows listed; "" when none was.
func inferredFootnote(entries []Entry) string {
	n, assoc := 0, ""
	for i := range entries {
		if c := &entries[i].Contract; c.AssociationInferred {
			n++
			assoc = c.Association
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("Association %s inferred from the club's name for %s: the data gives no association or league (set one with --data-association).",
		assoc, Count(n, "row"))
}

// notListed says what the horizon left out: "Not listed: 1 contract that
// ended before 7 Oct 2025 and 2 without an expiry in the data (see --all)."
func notListed(sel *ClubSelection) string {
	var parts []string
	if sel.Expired > 0 {
		parts = append(parts, fmt.Sprintf("%s that ended before %s", Count(sel.Expired, "contract"), sel.AsOf.Human()))
	}
	if sel.Unknown > 0 {
		what := "without an expiry in the data"
		if sel.Expired == 0 {
			what = plural(sel.Unknown, "contract ", "contracts ") + what
		}
		parts = append(parts, fmt.Sprintf("%d %s", sel.Unknown, what))
	}
	if len(parts) == 0 {
		return ""
	}
	return "Not listed: " + strings.Join(parts, " and ") + " (see --all)."
}

// clubShrinks fit the club table to the terminal, in order: the year of
// birth, long names, the days (the expiry says them), shorter statuses, and
// last the date abroad (six months before he is free, but for a contract
// signed later).
var clubShrinks = []shrink{
	{col: "Born", drop: true},
	{col: "Player", header: "Player", cell: func(s string) string { return truncate(s, 16) }},
	{col: "Days", drop: true},
	{col: "Status", header: "Status", cell: replacer("under contract", "contract", "can sign abroad", "abroad", "can sign anywhere", "anywhere",
		"expired: check", "check", "expiry unknown", "unknown", "free agent", "free")},
	{col: "Abroad from", drop: true},
	{col: "Player", header: "Player", cell: func(s string) string { return truncate(s, 12) }},
}

// clubWays is what the club table's marks stand for.
type clubWays struct {
	consent    bool
	league     *rules.Set
	conditions []string // "ENG: only if ..."
}

// lines say what the marks of the table mean.
func (cw *clubWays) lines() []string {
	line := "Free agent from the day after expiry."
	if cw.consent {
		line += ` "consent": no date at home without the club's consent.`
	}
	if cw.league != nil {
		line += fmt.Sprintf(` "%s": %s.`, Clean(cw.league.Code), leagueWayText(cw.league))
	}
	out := []string{line}
	for _, c := range cw.conditions {
		out = append(out, "* At home "+c+".")
	}
	return out
}

// clubRow is an entry's row of the club table; ways gathers what its
// marks stand for.
func clubRow(en *Entry, reg bool, st Style, ways *clubWays) []string {
	w := en.Windows
	born := ""
	if !en.Contract.Birth.IsZero() {
		born = strconv.Itoa(en.Contract.Birth.Year())
	}
	days := ""
	if n, _, ok := w.Countdown(w.FreeAgent.Date); ok {
		days = strconv.Itoa(n)
	}
	home := w.Domestic.Date.String()
	status := statusText(w)
	switch {
	case leagueWay(w) != nil:
		ways.league = leagueWay(w)
		home = Clean(ways.league.Code)
	case home == "" && w.Status != rules.UnknownExpiry:
		home = "consent"
		ways.consent = true
	case homeCondition(w) != "":
		// the date at home holds only on his association's condition
		home += "*"
		if w.Status == rules.PrecontractOpen {
			status += "*"
		}
		c := fmt.Sprintf("(%s) %s", Clean(w.Set.Code), homeCondition(w))
		if indexOf(ways.conditions, c) < 0 {
			ways.conditions = append(ways.conditions, c)
		}
	}
	row := []string{truncate(en.Contract.Player, 24), born, en.Contract.Expires.String(), st.paintDate(w.Foreign.Date, w.Foreign.Date.String()), st.paintDate(w.Domestic.Date, home),
		st.paint(status, w.Status), days}
	if reg {
		r := ""
		if w.Registration != nil {
			r = w.Registration.From.String()
		}
		row = append(row, r)
	}
	return row
}

// clubNotes are the notes below the table about one entry.
func clubNotes(en *Entry) []string {
	w := en.Windows
	var notes []string
	if len(w.Scenarios) > 0 {
		notes = append(notes, en.Contract.Player+": "+scenarioText(w.Scenarios[0]))
	}
	if c := &en.Contract; en.StaleClub {
		notes = append(notes, fmt.Sprintf("%s: last seen at %s in %d/%02d.", c.Player, c.Club, c.LastSeason, (c.LastSeason+1)%100))
	}
	if wn := DataWarning(en, w.AsOf); wn != "" && en.DataStatus == DataOld { // the others: the heading and the sections
		notes = append(notes, en.Contract.Player+": "+wn)
	}
	if w.Stale {
		notes = append(notes, fmt.Sprintf("%s: the contract ended on %s; the data may not show a renewal or a move.", en.Contract.Player, en.Contract.Expires.Human()))
	}
	return notes
}

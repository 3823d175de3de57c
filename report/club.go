package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// ListTable writes a selection (a club's contracts, or the market's) for
// people: a heading with the data's date, one row per contract with the
// player's position, age and value and his windows, and the notes that go
// with them, fitted to the width of st. Players the source last saw at
// their club in an older season, and those known only from data later
// than the as-of date, follow in counted sections of their own.
func ListTable(out io.Writer, sel *Selection, st Style) error {
	d := newListDoc(sel, st)
	for _, l := range d.heading {
		writeWrapped(out, "", l, st.width())
	}
	if d.empty() {
		fmt.Fprintf(out, "\nNo contracts in the data match; try --all or a longer --within.\n")
	}
	// the parts are fitted as one table, so that they keep the same columns
	var all [][]string
	for _, part := range d.parts {
		all = append(all, part.rows...)
	}
	ft, err := fitRows(d.header, all, map[string]bool{"Days": true, "Age": true, "Value": true}, st.width(), d.shrinks)
	if err != nil {
		return err
	}
	for _, part := range d.parts {
		fmt.Fprintln(out)
		if part.title != "" {
			writeWrapped(out, "", part.title, st.width())
			fmt.Fprintln(out)
		}
		if err := renderTable(out, ft.header, ft.rows[:len(part.rows)], false, ft.right); err != nil {
			return err
		}
		ft.rows = ft.rows[len(part.rows):]
		for _, n := range part.notes {
			writeWrapped(out, "- ", n, st.width())
		}
	}
	if d.more != "" {
		fmt.Fprintln(out, d.more)
	}
	if !d.empty() {
		fmt.Fprintln(out)
		if indexOf(ft.dropped, "Abroad from") >= 0 {
			writeWrapped(out, "", "Abroad from: six months before he is free, or the signing day (FIFA RSTP art. 18.3; left out to fit; see 'bosman player').", st.width())
		}
		for _, l := range d.keys {
			writeWrapped(out, "", l, st.width())
		}
	}
	for _, l := range []string{d.notListed, d.inferred} {
		if l != "" {
			writeWrapped(out, "", l, st.width())
		}
	}
	return nil
}

// ListMarkdown writes a selection as Markdown for an article: a heading,
// a table of the columns of ListTable (all of them, without colour) for
// each part, and the notes as a list, every text escaped (see
// MarkdownCell).
func ListMarkdown(out io.Writer, sel *Selection, st Style) error {
	st.Color = false
	d := newListDoc(sel, st)
	fmt.Fprintf(out, "## %s\n\n", mdText(d.heading[0]))
	for _, l := range d.heading[1:] {
		fmt.Fprintf(out, "%s\n\n", mdText(l))
	}
	if d.empty() {
		fmt.Fprintf(out, "No contracts in the data match.\n")
	}
	for i, part := range d.parts {
		if part.title != "" {
			fmt.Fprintf(out, "\n### %s\n\n", mdText(part.title))
		} else if i > 0 {
			fmt.Fprintln(out)
		}
		writeMarkdownTable(out, d.header, part.rows)
		if len(part.notes) > 0 {
			fmt.Fprintln(out)
		}
		for _, n := range part.notes {
			fmt.Fprintf(out, "- %s\n", mdText(n))
		}
	}
	if d.more != "" {
		fmt.Fprintf(out, "\n%s\n", mdText(d.more))
	}
	if !d.empty() {
		fmt.Fprintln(out)
		for _, l := range d.keys {
			fmt.Fprintf(out, "%s\n\n", mdText(l))
		}
	}
	for _, l := range []string{d.notListed, d.inferred} {
		if l != "" {
			fmt.Fprintf(out, "%s\n", mdText(l))
		}
	}
	return nil
}

// listDoc is what a list shows, whatever draws it.
type listDoc struct {
	heading   []string // the title, then the data's date
	header    []string
	parts     []listPart // the current ones, then the counted sections
	shrinks   []shrink
	more      string   // what the limit left out
	keys      []string // what the table's marks and words mean
	notListed string   // what the horizon left out
	inferred  string   // the associations inferred from the clubs' names
}

// listPart is a table of a list: its title ("" for the first), rows and
// the notes about its players.
type listPart struct {
	title string
	rows  [][]string
	notes []string
	of    []Entry
}

func (d *listDoc) empty() bool { return len(d.parts) == 0 }

// listCols says which columns a list has: a club's has no club column;
// one asked for a club of another association (--to) gives the day that
// club may sign him instead of the days abroad and at home.
type listCols struct {
	club bool
	to   string
}

func (lc listCols) header() []string {
	h := []string{"Player", "Pos", "Age", "Value"}
	if lc.club {
		h = append(h, "Club")
	}
	h = append(h, "Expires")
	if lc.to != "" {
		h = append(h, "Sign from")
	} else {
		h = append(h, "Abroad from", "Home from")
	}
	h = append(h, "Status", "Days")
	if lc.to != "" {
		h = append(h, "Reg. "+lc.to)
	}
	return h
}

// newListDoc lays sel out, its texts cleaned (see Clean).
func newListDoc(sel *Selection, st Style) *listDoc {
	entries := cleanEntries(sel.Entries())
	cols := listCols{club: sel.Title == "", to: Clean(sel.Query.To)}
	d := &listDoc{heading: listHeading(sel), header: cols.header(), shrinks: listShrinks(cols)}
	if data := DataSummary(entries); data != "" {
		d.heading = append(d.heading, data)
	}
	var ways clubWays
	sets := map[*rules.Set]bool{}
	for _, part := range splitParts(sel, entries) {
		for i := range part.of {
			part.rows = append(part.rows, listRow(&part.of[i], cols, st, &ways))
			part.notes = append(part.notes, clubNotes(&part.of[i])...)
			sets[part.of[i].Windows.Set] = true
		}
		d.parts = append(d.parts, part)
	}
	d.dropEmpty()
	d.keys = ways.lines()
	if len(sets) == 1 && cols.to == "" {
		// one association's players (a club): its rule at home in full
		if set := entries[0].Windows.Set; set != nil {
			if dr := set.DomesticFor(entries[0].Contract.Expires); dr != nil {
				d.keys = append(d.keys, Clean(fmt.Sprintf("At home (%s): %s", set.Code, dr.Text)))
			}
		}
	}
	if n := sel.More(); n > 0 {
		d.more = fmt.Sprintf("… and %d more (--limit N shows more; --limit 0 all).", n)
	}
	d.notListed = notListed(sel)
	d.inferred = inferredFootnote(entries)
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

// splitParts sorts the entries listed into the list's parts (see
// SortData), each in the selection's order: the current ones; those the
// source last saw at their club in an older season; those known only from
// data later than the as-of date. Empty parts are left out.
func splitParts(sel *Selection, entries []Entry) []listPart {
	var now, stale, later []Entry
	for _, en := range entries {
		switch partOf(&en) {
		case 2:
			later = append(later, en)
		case 1:
			stale = append(stale, en)
		default:
			now = append(now, en)
		}
	}
	where, clubs := "their clubs", "the clubs"
	if sel.Title != "" {
		where, clubs = Clean(sel.Title), "the club"
	}
	parts := []listPart{{of: now}}
	if len(stale) > 0 {
		parts = append(parts, listPart{of: stale, title: fmt.Sprintf("Last seen at %s by the source in an older season (%d): %s may be out of date", where, len(stale), clubs)})
	}
	if len(later) > 0 {
		day := later[0].DataAsOf
		for _, en := range later {
			if en.DataAsOf.Before(day) {
				day = en.DataAsOf
			}
		}
		parts = append(parts, listPart{of: later, title: fmt.Sprintf("Known only from data of %s or later, after %s (%d): they may have joined or signed since",
			day.Human(), sel.Query.AsOf.Human(), len(later))})
	}
	var out []listPart
	for _, p := range parts {
		if len(p.of) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// listShrinks fit a list to the terminal, in order: the days (the expiry
// says them), shorter statuses, long names and clubs, the date abroad (six
// months before he is free, but for a contract signed later), the status
// (the dates say it), the century of the dates, shorter names and clubs,
// the club, and last the registration day.
func listShrinks(cols listCols) []shrink {
	short := func(col string, n int) shrink {
		return shrink{col: col, header: col, cell: func(s string) string { return truncate(s, n) }}
	}
	reg := "Reg. " + cols.to
	// the century of every date, in one step
	century := shrink{col: "Expires", header: "Expires", also: []string{"Home from", "Sign from", reg}, cell: func(s string) string {
		if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
			return s[2:]
		}
		return s
	}}
	return []shrink{
		{col: "Days", drop: true},
		{col: "Status", header: "Status", cell: replacer("under contract", "contract", "can sign abroad", "abroad", "can sign anywhere", "anywhere",
			"expired: check", "check", "expiry unknown", "unknown", "free agent", "free")},
		short("Player", 18),
		short("Club", 14),
		{col: "Abroad from", drop: true},
		{col: "Status", drop: true},
		century,
		short("Player", 14),
		short("Club", 10),
		{col: "Club", drop: true},
		short("Player", 12),
		{col: reg, drop: true},
	}
}

// dropEmpty leaves out the columns of the player's profile (position,
// age, value) that no row has: data without market values has no Value.
func (d *listDoc) dropEmpty() {
	for _, col := range []string{"Pos", "Age", "Value"} {
		j := indexOf(d.header, col)
		if j < 0 {
			continue
		}
		empty := true
		for _, p := range d.parts {
			for _, r := range p.rows {
				empty = empty && r[j] == ""
			}
		}
		if !empty {
			continue
		}
		d.header = append(d.header[:j:j], d.header[j+1:]...)
		for _, p := range d.parts {
			for k, r := range p.rows {
				p.rows[k] = append(r[:j:j], r[j+1:]...)
			}
		}
	}
}

// listHeading is the title of a list.
func listHeading(sel *Selection) []string {
	h, asOf := sel.Filter.Horizon, sel.Query.AsOf
	what := "expiring " + h.From.Human() + " to " + h.Until.Human()
	switch {
	case h.All:
		what = "all contracts"
	case h.Until.IsZero() && !sel.Filter.OpenOn.IsZero():
		what = "open for a pre-contract on " + sel.Filter.OpenOn.Human()
	case h.Until.IsZero():
		what = "any expiry"
	}
	title := strings.ToUpper(what[:1]) + what[1:]
	if sel.Title != "" {
		title = Clean(sel.Title) + ": " + what
	}
	title += ", as of " + asOf.Human()
	if to := sel.Query.To; to != "" {
		title += ", for a club of " + Clean(to)
	}
	if f := filterText(&sel.Filter); f != "" {
		title += ": " + f
	}
	return []string{fmt.Sprintf("%s (%d)", title, sel.Matched)}
}

// notListed says what the horizon left out: "Not listed: 1 contract that
// ended before 7 Oct 2025 and 2 without an expiry in the data (see --all)."
func notListed(sel *Selection) string {
	var parts []string
	if sel.Expired > 0 {
		parts = append(parts, fmt.Sprintf("%s that ended before %s", Count(sel.Expired, "contract"), sel.Query.AsOf.Human()))
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

// clubWays is what the list's marks stand for.
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

package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/bosmanhq/bosman/rules"
)

// ClubTable writes a club's selection for people: a heading, one row per
// contract with its windows, and the notes that go with them.
func ClubTable(out io.Writer, sel *ClubSelection, st Style) error {
	clean := *sel
	clean.Entries = cleanEntries(sel.Entries)
	clean.Names = []string{Clean(sel.Names[0])}
	clean.To = Clean(sel.To)
	sel = &clean
	what := fmt.Sprintf("expiring %s to %s", sel.Horizon.From.Human(), sel.Horizon.Until.Human())
	if sel.Horizon.All {
		what = "all contracts"
	}
	writeWrapped(out, "", fmt.Sprintf("%s: %s, as of %s (%d)", sel.Names[0], what, sel.AsOf.Human(), len(sel.Entries)), st.width())
	fmt.Fprintln(out)
	if err := clubBody(out, sel, st); err != nil {
		return err
	}
	if sel.Expired > 0 || sel.Unknown > 0 {
		fmt.Fprintf(out, "Not listed: %d contracts that ended before %s and %d without an expiry in the data (see --all).\n",
			sel.Expired, sel.AsOf.Human(), sel.Unknown)
	}
	return nil
}

// clubBody is the table and its notes, or a line saying there is none.
func clubBody(out io.Writer, sel *ClubSelection, st Style) error {
	entries := sel.Entries
	if len(entries) == 0 {
		fmt.Fprintf(out, "No contracts in the data match; try --all or a longer --within.\n")
		return nil
	}
	header := []string{"Player", "Born", "Expires", "Abroad from", "Home from", "Status", "Days"}
	if sel.To != "" {
		header = append(header, "Reg. "+sel.To)
	}
	var rows [][]string
	var notes []string
	var ways clubWays
	for i := range entries {
		rows = append(rows, clubRow(&entries[i], sel.To != "", st, &ways))
		notes = append(notes, clubNotes(&entries[i])...)
	}
	dropped, err := fitTable(out, header, rows, map[string]bool{"Days": true}, st.width(), clubShrinks)
	if err != nil {
		return err
	}
	fmt.Fprintln(out)
	if indexOf(dropped, "Abroad from") >= 0 {
		writeWrapped(out, "", "Abroad from: six months before he is free, or the signing day (FIFA RSTP art. 18.3; left out to fit; see 'bosman player').", st.width())
	}
	ways.write(out, st.width())
	if set := entries[0].Windows.Set; set != nil {
		if dr := set.DomesticFor(entries[0].Contract.Expires); dr != nil {
			writeWrapped(out, "", fmt.Sprintf("At home (%s): %s", set.Code, dr.Text), st.width()) // cleaned there
		}
	}
	for _, n := range notes {
		writeWrapped(out, "- ", n, st.width())
	}
	return nil
}

// clubShrinks fit the club table to the terminal, in order: the year of
// birth, shorter statuses and names, the days, and last the date abroad
// (six months before he is free, but for a contract signed later).
var clubShrinks = []shrink{
	{col: "Born", drop: true},
	{col: "Status", header: "Status", cell: replacer("under contract", "contract", "can sign abroad", "abroad", "can sign anywhere", "anywhere",
		"expired: check", "check", "expiry unknown", "unknown", "free agent", "free")},
	{col: "Player", header: "Player", cell: func(s string) string { return truncate(s, 16) }},
	{col: "Days", drop: true},
	{col: "Abroad from", drop: true},
	{col: "Player", header: "Player", cell: func(s string) string { return truncate(s, 12) }},
}

// clubWays is what the club table's marks stand for.
type clubWays struct {
	consent    bool
	league     *rules.Set
	conditions []string // "ENG: only if ..."
}

// write says what the marks of the table mean.
func (cw *clubWays) write(out io.Writer, width int) {
	line := "Free agent from the day after expiry."
	if cw.consent {
		line += ` "consent": no date at home without the club's consent.`
	}
	if cw.league != nil {
		line += fmt.Sprintf(` "%s": %s.`, Clean(cw.league.Code), leagueWayText(cw.league))
	}
	writeWrapped(out, "", line, width)
	for _, c := range cw.conditions {
		writeWrapped(out, "", "* At home "+c+".", width)
	}
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
	if en.StaleClub {
		notes = append(notes, en.Contract.Player+": "+en.StaleClubNote()+".")
	}
	if w.Stale {
		notes = append(notes, fmt.Sprintf("%s: the contract ended on %s; the data may not show a renewal or a move.", en.Contract.Player, en.Contract.Expires.Human()))
	}
	return notes
}

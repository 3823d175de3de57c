package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/bosmanhq/bosman/rules"
)

// ClubTable writes a club's selection for people: a heading with the
// data's sources and days, one row per contract with its windows, the
// notes that go with them, then, each in a counted section of its own, the
// players the source last saw at the club in an older season and those
// known only from data later than the as-of date.
func ClubTable(out io.Writer, sel *ClubSelection, st Style) error {
	what := fmt.Sprintf("expiring %s to %s", sel.Horizon.From.Human(), sel.Horizon.Until.Human())
	if sel.Horizon.All {
		what = "all contracts"
	}
	fmt.Fprintf(out, "%s: %s, as of %s (%d)\n", sel.Names[0], what, sel.AsOf.Human(), len(sel.Entries))
	shown := sel.All()
	if d := DataSummary(shown); d != "" {
		writeWrapped(out, "", d, cardWidth)
	}
	fmt.Fprintln(out)
	if err := clubBody(out, sel.Entries, sel.To, st); err != nil {
		return err
	}
	if len(sel.Stale) > 0 {
		fmt.Fprintln(out)
		writeWrapped(out, "", fmt.Sprintf("Last seen at %s by the source in an older season (%d): the club may be out of date", sel.Names[0], len(sel.Stale)), cardWidth)
		fmt.Fprintln(out)
		if err := clubRows(out, sel.Stale, sel.To, st, false); err != nil {
			return err
		}
	}
	if n := len(sel.Later); n > 0 {
		day := sel.Later[0].DataAsOf
		for _, en := range sel.Later {
			if en.DataAsOf.Before(day) {
				day = en.DataAsOf
			}
		}
		fmt.Fprintln(out)
		writeWrapped(out, "", fmt.Sprintf("Known only from data of %s or later, after %s (%d): they may have joined or signed since", day.Human(), sel.AsOf.Human(), n), cardWidth)
		fmt.Fprintln(out)
		if err := clubRows(out, sel.Later, sel.To, st, false); err != nil {
			return err
		}
	}
	if sel.Expired > 0 || sel.Unknown > 0 {
		fmt.Fprintf(out, "Not listed: %d contracts that ended before %s and %d without an expiry in the data (see --all).\n",
			sel.Expired, sel.AsOf.Human(), sel.Unknown)
	}
	inferredFootnote(out, shown)
	return nil
}

// inferredFootnote says which associations were inferred from the club's
// name, and for how many of the rows listed.
func inferredFootnote(out io.Writer, entries []Entry) {
	n, assoc := 0, ""
	for i := range entries {
		if c := &entries[i].Contract; c.AssociationInferred {
			n++
			assoc = c.Association
		}
	}
	if n == 0 {
		return
	}
	writeWrapped(out, "", fmt.Sprintf("Association %s inferred from the club's name for %s: the data gives no association or league (set one with --data-association).",
		assoc, Count(n, "row")), cardWidth)
}

// clubBody is the table and its notes, or a line saying there is none.
func clubBody(out io.Writer, entries []Entry, to string, st Style) error {
	if len(entries) == 0 {
		fmt.Fprintf(out, "No contracts in the data match; try --all or a longer --within.\n")
		return nil
	}
	return clubRows(out, entries, to, st, true)
}

// clubRows is the table of entries and its notes; rules adds the lines on
// free agency and the domestic rule.
func clubRows(out io.Writer, entries []Entry, to string, st Style, rules bool) error {
	header := []string{"Player", "Born", "Expires", "Abroad from", "Home from", "Status", "Days"}
	if to != "" {
		header = append(header, "Reg. "+to)
	}
	var rows [][]string
	var notes []string
	consent := false
	for i := range entries {
		row, home := clubRow(&entries[i], to != "", st)
		rows = append(rows, row)
		consent = consent || home
		notes = append(notes, clubNotes(&entries[i])...)
	}
	if err := renderTable(out, header, rows, false, map[int]bool{6: true}); err != nil {
		return err
	}
	if rules {
		fmt.Fprintf(out, "\nFree agent from the day after expiry.")
		if consent {
			fmt.Fprintf(out, " \"consent\": no date at home without the club's consent.")
		}
		fmt.Fprintln(out)
		if set := entries[0].Windows.Set; set != nil {
			if dr := set.DomesticFor(entries[0].Contract.Expires); dr != nil {
				writeWrapped(out, "", fmt.Sprintf("At home (%s): %s", set.Code, dr.Text), cardWidth)
			}
		}
	} else if consent {
		fmt.Fprintf(out, "\n\"consent\": no date at home without the club's consent.\n")
	}
	for _, n := range notes {
		writeWrapped(out, "- ", n, cardWidth)
	}
	return nil
}

// clubRow is an entry's row of the club table, and whether it needs the
// club's consent at home.
func clubRow(en *Entry, reg bool, st Style) (row []string, consent bool) {
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
	if home == "" && w.Status != rules.UnknownExpiry {
		home = "consent"
		consent = true
	}
	row = []string{truncate(en.Contract.Player, 24), born, en.Contract.Expires.String(), st.paintDate(w.Foreign.Date, w.Foreign.Date.String()), st.paintDate(w.Domestic.Date, home),
		st.paint(statusText(w), w.Status), days}
	if reg {
		r := ""
		if w.Registration != nil {
			r = w.Registration.From.String()
		}
		row = append(row, r)
	}
	return row, consent
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

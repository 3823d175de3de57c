package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// cardWidth is the width the card's notes are wrapped to.
const cardWidth = 100

// Card writes one player's windows for people: who he is, the contract,
// the status, a table of the dates with their rules, the notes that go with
// them, and the rules' sources. history is every contract of the player in
// the data; with more than one, the card lists them.
func Card(out io.Writer, en *Entry, history []contracts.Contract, st Style) error {
	return CardWith(out, en, history, nil, st)
}

// CardWith is Card for a player found by a name that matched others too:
// the card says who else and how to pick them (m may be nil).
func CardWith(out io.Writer, en *Entry, history []contracts.Contract, m *Matches, st Style) error {
	c, w := &en.Contract, en.Windows
	cardHeading(out, c, w, st.AsOf)
	cardData(out, en, m, st.AsOf)
	if w.Status == rules.UnknownExpiry {
		fmt.Fprintf(out, "Contract expiry: unknown: the dataset gives no expiry, so no window can be computed.\n\n")
		if en.StaleClub {
			writeWrapped(out, "- ", "Warning: "+en.StaleClubNote()+".", cardWidth)
		}
		if c.Note != "" {
			writeWrapped(out, "- ", "Note in the dataset: "+c.Note, cardWidth)
		}
		sourceLine(out, c)
		return nil
	}
	cardStatus(out, c, w, st)
	if err := renderTable(out, []string{"", "Date", "In", "Rule", "Confidence"}, cardRows(w, st), false, map[int]bool{2: true}); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n")
	for _, n := range cardNotes(en, history) {
		writeWrapped(out, "- ", n, cardWidth)
	}
	fmt.Fprintf(out, "\n")
	sourceLine(out, c)
	fmt.Fprintf(out, "Rules:\n")
	for _, r := range usedRules(w) {
		fmt.Fprintf(out, "  %s (%s confidence), %s:%d\n", ruleName(r), r.Confidence, r.File, r.Line)
		for _, src := range r.Sources {
			fmt.Fprintf(out, "    %s\n", src)
		}
	}
	return nil
}

// cardHeading is the player, his club and the rule set applied.
func cardHeading(out io.Writer, c *contracts.Contract, w *rules.Windows, asOf rules.Date) {
	born := ""
	if !c.Birth.IsZero() {
		born = fmt.Sprintf(", born %s (%d on %s)", c.Birth.Human(), rules.AgeOn(c.Birth, asOf), asOf.Human())
	}
	fmt.Fprintf(out, "%s%s\n", c.Player, born)
	setName := w.Set.Name
	if w.Fallback {
		setName = "no rule set: FIFA baseline"
	}
	fmt.Fprintf(out, "%s · %s (%s)\n", c.Club, orDash(c.Association), setName)
	if c.Loan.Club != "" {
		fmt.Fprintf(out, "on loan at %s until %s\n", c.Loan.Club, c.Loan.Until.Human())
	}
}

// cardData is where the facts come from and how old they are, with a
// warning when they may not hold on the as-of date, an association
// inferred, and the other players the name matched.
func cardData(out io.Writer, en *Entry, m *Matches, asOf rules.Date) {
	fmt.Fprintf(out, "Data: %s\n", DataSource(en))
	if wn := DataWarning(en, asOf); wn != "" {
		writeWrapped(out, "", "Warning: "+wn, cardWidth)
	}
	if n := InferredNote(en); n != "" {
		writeWrapped(out, "", "Note: "+n+".", cardWidth)
	}
	if t := m.Text(); t != "" {
		writeWrapped(out, "", t, cardWidth)
	}
	fmt.Fprintf(out, "\n")
}

// cardStatus is the contract and its status on the as-of date.
func cardStatus(out io.Writer, c *contracts.Contract, w *rules.Windows, st Style) {
	signed := ""
	if !c.Signed.IsZero() {
		signed = ", signed " + c.Signed.Human()
	}
	opt := ""
	if !c.Option.Until.IsZero() {
		opt = fmt.Sprintf(", %s option to %s", orArticle(c.Option.Holder, "an"), c.Option.Until.Human())
	}
	fmt.Fprintf(out, "Contract expires %s%s%s\n", c.Expires.Human(), signed, opt)
	if w.Stale {
		writeWrapped(out, "", fmt.Sprintf("Status on %s: %s: the contract ended on %s. He is a free agent only if the data is current: check for a renewal or a move it does not show.",
			st.AsOf.Human(), st.paint("expired", w.Status), c.Expires.Human()), cardWidth)
		fmt.Fprintf(out, "\n")
	} else {
		fmt.Fprintf(out, "Status on %s: %s\n\n", st.AsOf.Human(), st.paint(statusText(w), w.Status))
	}
}

// cardRows are the rows of the card's table: each window, free agency and
// registration, with its countdown, rule and confidence.
func cardRows(w *rules.Windows, st Style) [][]string {
	var rows [][]string
	add := func(what string, s rules.Step, rule string) {
		date := s.Date.Human()
		if s.Date.IsZero() {
			date = "—"
		}
		rows = append(rows, []string{what, st.paintDate(s.Date, date), countdown(w, s.Date), rule, s.Confidence.String()})
	}
	add("Pre-contract abroad from", w.Foreign, ruleName(w.Foreign.Rule))
	add("Pre-contract at home from", w.Domestic, ruleName(w.Domestic.Rule))
	add("Free agent from", w.FreeAgent, "day after expiry")
	if r := w.Registration; r != nil {
		what := "Registration in " + r.To.Code + " from"
		conf := r.Rule.Confidence
		if r.Period != nil && r.Period.Estimated {
			conf = rules.Low
		}
		rows = append(rows, []string{what, r.From.Human(), countdown(w, r.From), registrationBasis(r), conf.String()})
	}
	return rows
}

// cardNotes are the card's notes, in order: the windows' conditions,
// registration, the rules' remarks, the data's warnings, the other
// outcomes, and the player's contracts in the data.
func cardNotes(en *Entry, history []contracts.Contract) []string {
	c, w := &en.Contract, en.Windows
	var notes []string
	if t := w.Foreign.Text; t != "" {
		notes = append(notes, "Abroad: "+t+".")
	}
	if t := w.Domestic.Text; t != "" {
		notes = append(notes, "At home: "+t+".")
	}
	if r := w.Registration; r != nil {
		notes = append(notes, registrationNote(r))
	}
	for _, n := range w.Notes {
		if t := noteText(n, w, c); t != "" {
			notes = append(notes, t)
		}
	}
	if en.StaleClub {
		notes = append(notes, "Warning: "+en.StaleClubNote()+".")
	}
	if c.Note != "" {
		notes = append(notes, "Note in the dataset: "+c.Note)
	}
	for _, s := range w.Scenarios {
		notes = append(notes, scenarioText(s))
	}
	if len(history) > 1 {
		notes = append(notes, historyText(history, c))
	}
	return notes
}

// registrationNote says when and why a new club may register him.
func registrationNote(r *rules.Registration) string {
	if r.Exception {
		until := "with no end date set"
		if !r.Until.IsZero() {
			until = "until " + r.Until.Human()
		}
		return fmt.Sprintf("Registration: outside a period, as his contract ended before the %s period closed (%s), %s (FIFA art. 6 and %s's rule).", r.Period.Name, r.Period.Closes.Human(), until, r.To.Code)
	}
	est := ""
	if r.Period.Estimated {
		est = " (estimated: the dates are not published yet)"
	}
	return fmt.Sprintf("Registration: %s period %s to %s%s.", r.Period.Name, r.Period.Opens.Human(), r.Period.Closes.Human(), est)
}

// sourceLine is where the row's facts come from.
func sourceLine(out io.Writer, c *contracts.Contract) {
	conf := ""
	if !c.Confirmed.IsZero() {
		conf = " (confirmed " + c.Confirmed.Human() + ")"
	}
	if c.Source != "" {
		fmt.Fprintf(out, "Source: %s%s\n", c.Source, conf)
	}
	if c.Pos.File != "" {
		fmt.Fprintf(out, "Record: %s:%d\n", c.Pos.File, c.Pos.Line)
	}
}

// countdown is the time from the as-of date to d, in days and working
// days.
func countdown(w *rules.Windows, d rules.Date) string {
	days, work, ok := w.Countdown(d)
	if !ok {
		switch {
		case d.IsZero():
			return ""
		case d == w.AsOf:
			return "today"
		}
		return "passed"
	}
	if work < 0 {
		return fmt.Sprintf("%d d", days)
	}
	return fmt.Sprintf("%d d / %d wd", days, work)
}

func registrationBasis(r *rules.Registration) string {
	switch {
	case r.Exception:
		return "FIFA art. 6 exception"
	case r.Period.Estimated:
		return r.Period.Name + " period, estimated"
	}
	return r.Period.Name + " period " + r.Period.Season
}

// ruleName is a rule's short name: its id, or the rule set's code.
func ruleName(r *rules.Rule) string {
	if r == nil {
		return ""
	}
	if r.ID != "" {
		return r.ID
	}
	if r.Set != nil {
		return r.Set.Code
	}
	return ""
}

func scenarioText(s rules.Scenario) string {
	sw := s.Windows
	switch s.Name {
	case "option-exercised":
		return fmt.Sprintf("If the option is exercised: expires %s, abroad from %s, at home from %s, free from %s.",
			sw.Expires.Human(), sw.Foreign.Date.Human(), orDash(sw.Domestic.Date.Human()), sw.FreeAgent.Date.Human())
	case "renewed":
		return fmt.Sprintf("If the contract renews automatically (no notice in time): expires %s, abroad from %s, free from %s.",
			sw.Expires.Human(), sw.Foreign.Date.Human(), sw.FreeAgent.Date.Human())
	}
	return ""
}

func historyText(rows []contracts.Contract, cur *contracts.Contract) string {
	sorted := append([]contracts.Contract(nil), rows...)
	day := func(c *contracts.Contract) rules.Date {
		if !c.Signed.IsZero() {
			return c.Signed
		}
		return c.DataAsOf()
	}
	sort.SliceStable(sorted, func(i, j int) bool { return day(&sorted[i]).Before(day(&sorted[j])) })
	var parts []string
	for _, r := range sorted {
		s := fmt.Sprintf("%s to %s", r.Club, orDash(r.Expires.String()))
		switch {
		case !r.Signed.IsZero():
			s += " (signed " + r.Signed.String() + ")"
		case r.Listing && !r.Confirmed.IsZero():
			s += " (listed " + r.Confirmed.String() + ")"
		}
		if r.Pos == cur.Pos && r.Signed == cur.Signed && r.Expires == cur.Expires && r.Club == cur.Club {
			s += " ← in force"
		}
		parts = append(parts, s)
	}
	return "Contracts in the data: " + strings.Join(parts, "; ") + "."
}

// usedRules lists the rules behind an answer, each once.
func usedRules(w *rules.Windows) []*rules.Rule {
	var out []*rules.Rule
	seen := map[*rules.Rule]bool{}
	add := func(r *rules.Rule) {
		if r != nil && !seen[r] && len(r.Sources) > 0 {
			seen[r] = true
			out = append(out, r)
		}
	}
	add(w.Foreign.Rule)
	add(w.Domestic.Rule)
	if w.Registration != nil {
		add(w.Registration.Rule)
	}
	for _, n := range w.Notes {
		add(n.Rule)
	}
	return out
}

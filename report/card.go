package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// cardWidth is the width prose is wrapped to when no width is asked for.
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
	clean := *en
	clean.Contract = cleanContract(en.Contract)
	en = &clean
	history = cleanHistory(history)
	c, w := &en.Contract, en.Windows
	cardHeading(out, c, w, st)
	cardData(out, en, m, st)
	if w.Status == rules.UnknownExpiry {
		fmt.Fprintf(out, "Contract expiry: unknown: the dataset gives no expiry, so no window can be computed.\n\n")
		if en.StaleClub {
			writeWrapped(out, "- ", "Warning: "+en.StaleClubNote()+".", st.width())
		}
		if c.Note != "" {
			writeWrapped(out, "- ", "Note in the dataset: "+c.Note, st.width())
		}
		sourceLine(out, c, st.width())
		return nil
	}
	cardStatus(out, c, w, st)
	if err := cardTable(out, w, st); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n")
	for _, n := range cardNotes(en, st.Sources) {
		writeWrapped(out, "- ", n, st.width())
	}
	historyLines(out, history, c, st.width())
	fmt.Fprintf(out, "\n")
	sourceLine(out, c, st.width())
	cardRules(out, w, st)
	return nil
}

// cardTable is the table of the dates, fitted to the width: working days,
// long labels, the rule and the countdown go, in that order, before a line
// wraps.
func cardTable(out io.Writer, w *rules.Windows, st Style) error {
	steps := []shrink{
		{col: "In", header: "In", cell: func(s string) string { s, _, _ = strings.Cut(s, " / "); return s }},
		{col: "", header: "", cell: replacer("Pre-contract abroad from", "Abroad from", "Pre-contract at home from", "At home from", "Registration in ", "Reg. ")},
		{col: "Confidence", header: "Conf.", cell: replacer("medium", "med.")},
		{col: "Rule", drop: true},
		{col: "In", drop: true},
	}
	_, err := fitTable(out, []string{"", "Date", "In", "Rule", "Confidence"}, cardRows(w, st), map[string]bool{"In": true}, st.width(), steps)
	return err
}

// cardRules lists the rules behind the answer: with st.Sources each with
// its sources, else one line each with its confidence and where it is.
func cardRules(out io.Writer, w *rules.Windows, st Style) {
	used := usedRules(w)
	if len(used) == 0 {
		return
	}
	if !st.Sources {
		fmt.Fprintf(out, "Rules (--sources gives their sources and doubts):\n")
		var rows [][]string
		for _, r := range used {
			rows = append(rows, append([]string{"  " + ruleName(r)}, ruleFacts(r)...))
		}
		lines := alignRows(rows)
		if tableWidth(strings.Join(lines, "\n")) > st.width() {
			for i, r := range rows {
				rows[i] = []string{r[0], r[1], r[3]} // too narrow: the files go ('bosman rules' has them)
			}
			lines = alignRows(rows)
		}
		for _, l := range lines {
			fmt.Fprintln(out, l)
		}
		return
	}
	fmt.Fprintf(out, "Rules:\n")
	for _, r := range used {
		fmt.Fprintf(out, "  %s (%s confidence), %s:%d\n", ruleName(r), r.Confidence, Clean(r.File), r.Line)
		for _, src := range r.Sources {
			fmt.Fprintf(out, "    %s\n", Clean(src))
		}
	}
}

// ruleFacts are a rule's confidence, where it is written, and whether its
// sources differ.
func ruleFacts(r *rules.Rule) []string {
	doubt := ""
	if r.Disputed != "" {
		doubt = "sources differ"
	}
	return []string{r.Confidence.String(), Clean(r.File) + ":" + strconv.Itoa(r.Line), doubt}
}

// alignRows pads the cells of rows into columns two spaces apart, trailing
// spaces trimmed.
func alignRows(rows [][]string) []string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], widthOf(c))
		}
	}
	var out []string
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(padRunes(c, widths[i]) + "  ")
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// cardHeading is the player, his club and the rule set applied.
func cardHeading(out io.Writer, c *contracts.Contract, w *rules.Windows, st Style) {
	writeWrapped(out, "", c.Player+bornText(c, st.AsOf), st.width())
	writeWrapped(out, "", clubText(c, w), st.width())
	if c.Loan.Club != "" {
		writeWrapped(out, "", fmt.Sprintf("on loan at %s until %s", c.Loan.Club, c.Loan.Until.Human()), st.width())
	}
}

// cardData is where the facts come from and how old they are, with a
// warning when they may not hold on the as-of date, an association
// inferred, and the other players the name matched.
func cardData(out io.Writer, en *Entry, m *Matches, st Style) {
	writeWrapped(out, "", "Data: "+DataSource(en), st.width())
	if wn := DataWarning(en, st.AsOf); wn != "" {
		writeWrapped(out, "", "Warning: "+wn, st.width())
	}
	if n := InferredNote(en); n != "" {
		writeWrapped(out, "", "Note: "+n+".", st.width())
	}
	if t := m.Text(); t != "" {
		writeWrapped(out, "", t, st.width())
	}
	fmt.Fprintf(out, "\n")
}

// bornText is ", born 25 May 1999 (26 on 7 Oct 2025)", or "" when the
// birth date is unknown; never a negative age.
func bornText(c *contracts.Contract, asOf rules.Date) string {
	switch {
	case c.Birth.IsZero():
		return ""
	case c.Birth.After(asOf):
		// a question about a day before his birth: no negative age
		return fmt.Sprintf(", born %s (not yet born on %s)", c.Birth.Human(), asOf.Human())
	}
	return fmt.Sprintf(", born %s (%d on %s)", c.Birth.Human(), rules.AgeOn(c.Birth, asOf), asOf.Human())
}

// clubText is "Liverpool FC · ENG (England)": his club, its association and
// the rule set applied.
func clubText(c *contracts.Contract, w *rules.Windows) string {
	setName := Clean(w.Set.Name)
	if w.Fallback {
		setName = "no rule set: FIFA baseline"
	}
	return fmt.Sprintf("%s · %s (%s)", orWord(c.Club, "club not in the data"), orWord(c.Association, "association unknown"), setName)
}

// cardStatus is the contract and its status on the as-of date.
func cardStatus(out io.Writer, c *contracts.Contract, w *rules.Windows, st Style) {
	writeWrapped(out, "", contractText(c), st.width())
	writeWrapped(out, "", statusSentence(c, w, st), st.width())
	fmt.Fprintln(out)
}

// contractText is "Contract expires 30 Jun 2026, signed …, a club option to …".
func contractText(c *contracts.Contract) string {
	signed := ""
	if !c.Signed.IsZero() {
		signed = ", signed " + c.Signed.Human()
	}
	opt := ""
	if !c.Option.Until.IsZero() {
		opt = fmt.Sprintf(", %s option to %s", orArticle(c.Option.Holder, "an"), c.Option.Until.Human())
	}
	return fmt.Sprintf("Contract expires %s%s%s", c.Expires.Human(), signed, opt)
}

// statusSentence is the status on the as-of date, with the condition at
// home when there is one, and a warning once the contract has ended.
func statusSentence(c *contracts.Contract, w *rules.Windows, st Style) string {
	if w.Stale {
		return fmt.Sprintf("Status on %s: %s: the contract ended on %s. He is a free agent only if the data is current: check for a renewal or a move it does not show.",
			st.AsOf.Human(), st.paint("expired", w.Status), c.Expires.Human())
	}
	status := st.paint(statusText(w), w.Status)
	if cond := homeCondition(w); cond != "" && w.Status == rules.PrecontractOpen {
		// England after mid-May: at home only if no offer was made
		status = st.paint("can sign abroad, and at home", w.Status) + " " + cond
	}
	return fmt.Sprintf("Status on %s: %s", st.AsOf.Human(), status)
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
		what := "Registration in " + Clean(r.To.Code) + " from"
		conf := r.Rule.Confidence
		if r.Period != nil && r.Period.Estimated {
			conf = rules.Low
		}
		rows = append(rows, []string{what, r.From.Human(), countdown(w, r.From), Clean(registrationBasis(r)), conf.String()})
	}
	return rows
}

// cardNotes are the card's notes, in order: the windows' conditions,
// registration, the rules' remarks, the data's warnings, the other
// outcomes, and the player's contracts in the data.
func cardNotes(en *Entry, full bool) []string {
	c, w := &en.Contract, en.Windows
	var notes []string
	if t := signedDay(c, w.Foreign.Date) + w.Foreign.Text; t != "" {
		notes = append(notes, "Abroad: "+t+".")
	}
	if t := signedDay(c, w.Domestic.Date) + w.Domestic.Text; t != "" {
		notes = append(notes, "At home: "+t+".")
	}
	if r := w.Registration; r != nil {
		notes = append(notes, registrationNote(r))
	}
	for _, n := range w.Notes {
		if t := noteText(n, w, c, full); t != "" {
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
	return dedupe(notes)
}

// signedDay explains a window date that is the day the contract was signed
// (or began, when the signing day is unknown): the six months before its
// end fell before it, and no window opens before a contract is signed
// (Salah's shortened contract, signed 24 Mar 2026 to end on 30 Jun 2026).
func signedDay(c *contracts.Contract, d rules.Date) string {
	day, what := c.Signed, "signed"
	if day.IsZero() {
		day, what = c.Start, "began"
	}
	if d.IsZero() || d != day {
		return ""
	}
	return fmt.Sprintf("from %s, the day this contract was %s: no window opens before that, and six months before its end fell earlier; ", d.Human(), what)
}

// dedupe drops the notes said already: two rules may give the same one.
func dedupe(notes []string) []string {
	out := notes[:0]
	for i, n := range notes {
		if indexOf(notes[:i], n) < 0 {
			out = append(out, n)
		}
	}
	return out
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
func sourceLine(out io.Writer, c *contracts.Contract, width int) {
	src, conf, record := sourceParts(c)
	if src != "" {
		// a URL is not broken; what follows it wraps
		line := "Source: " + src
		if conf != "" && widthOf(line+conf) > width {
			line += "\n       "
		}
		fmt.Fprintf(out, "%s%s\n", line, conf)
	}
	if record != "" {
		fmt.Fprintf(out, "Record: %s\n", record)
	}
}

// sourceParts are the row's source, " (confirmed DAY)" and "file:line".
func sourceParts(c *contracts.Contract) (src, conf, record string) {
	if !c.Confirmed.IsZero() {
		conf = " (confirmed " + c.Confirmed.Human() + ")"
	}
	if c.Pos.File != "" {
		record = fmt.Sprintf("%s:%d", c.Pos.File, c.Pos.Line)
	}
	return c.Source, conf, record
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
		return ago(w, d)
	}
	if work < 0 {
		return fmt.Sprintf("%d d", days)
	}
	return fmt.Sprintf("%d d / %d wd", days, work)
}

// ago says how long before the as-of date d was: a window that opened then
// and is still open is "open for" that long (the day after it opened, "open
// since yesterday"); a day after which the contract ended was that long ago.
func ago(w *rules.Windows, d rules.Date) string {
	days := w.AsOf.Sub(d)
	open := w.AsOf.Before(w.FreeAgent.Date) && d != w.FreeAgent.Date
	switch {
	case open && days == 1:
		return "open since yesterday"
	case open:
		return fmt.Sprintf("open for %d d", days)
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d d ago", days)
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
		return Clean(r.ID)
	}
	if r.Set != nil {
		return Clean(r.Set.Code)
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

// historyLines lists the player's contracts in the data, oldest first,
// marking the one in force, when there is more than one.
func historyLines(out io.Writer, rows []contracts.Contract, cur *contracts.Contract, width int) {
	items := historyItems(rows, cur)
	if len(items) == 0 {
		return
	}
	fmt.Fprintln(out, "Contracts in the data:")
	for _, it := range items {
		writeWrapped(out, "  ", it, width)
	}
}

// historyItems are the player's contracts in the data, oldest first, the
// one in force marked; none when there is only one.
func historyItems(rows []contracts.Contract, cur *contracts.Contract) []string {
	if len(rows) < 2 {
		return nil
	}
	sorted := append([]contracts.Contract(nil), rows...)
	day := func(c *contracts.Contract) rules.Date {
		if !c.Signed.IsZero() {
			return c.Signed
		}
		return c.DataAsOf()
	}
	sort.SliceStable(sorted, func(i, j int) bool { return day(&sorted[i]).Before(day(&sorted[j])) })
	var items []string
	for _, r := range sorted {
		s := fmt.Sprintf("%s to %s", orWord(r.Club, "club unknown"), orWord(r.Expires.Human(), "an unknown day"))
		switch {
		case !r.Signed.IsZero():
			s += ", signed " + r.Signed.Human()
		case r.Listing && !r.Confirmed.IsZero():
			s += ", listed " + r.Confirmed.Human()
		}
		if sameContract(&r, cur) {
			s += " ← in force"
		}
		items = append(items, s)
	}
	return items
}

// sameContract says whether a and b are one contract: the same row of the
// same file, or the same club, signing day and expiry.
func sameContract(a, b *contracts.Contract) bool {
	if a.Pos.File != "" && b.Pos.File != "" {
		return a.Pos == b.Pos // a curated row and the listing's may agree on all else
	}
	return a.Signed == b.Signed && a.Expires == b.Expires && a.Club == b.Club
}

// usedRules lists the rules behind an answer, each once.
func usedRules(w *rules.Windows) []*rules.Rule {
	var out []*rules.Rule
	seen := map[string]bool{} // a rule reached twice (a set on its base) is listed once
	add := func(r *rules.Rule) {
		if r == nil || len(r.Sources) == 0 {
			return
		}
		key := fmt.Sprintf("%s\x00%s:%d", r.ID, r.File, r.Line)
		if !seen[key] {
			seen[key] = true
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

// cleanHistory is the player's contracts with their texts cleaned.
func cleanHistory(rows []contracts.Contract) []contracts.Contract {
	out := make([]contracts.Contract, len(rows))
	for i := range rows {
		out[i] = cleanContract(rows[i])
	}
	return out
}

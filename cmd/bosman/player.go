package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

func (e *env) playerCommand() *cli.Command {
	return &cli.Command{
		Name:      "player",
		Usage:     "one player's windows: pre-contract abroad and at home, free agency, registration",
		ArgsUsage: "NAME",
		UsageText: "bosman player [flags] NAME",
		Description: "NAME matches regardless of case and accents (Konate, Rudiger, Ruediger), and in part\n" +
			"(a surname). Several matches are listed with club and year of birth.\n\n" +
			"Examples:\n" +
			"   bosman player Konate --as-of 2025-10-07\n" +
			"   bosman player Rudiger --to ENG\n" +
			"   bosman player Alaba --format json",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "registration by a club of `ASSOC` (ENG) or of a club (\"Real Madrid\")"},
		},
		Action: e.player,
	}
}

func (e *env) player(c *cli.Context) error {
	if err := e.setup(c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageErr("player needs a NAME").hint("e.g. bosman player Konate")
	}
	query := strings.Join(c.Args().Slice(), " ")
	d, err := e.load(c)
	if err != nil {
		return err
	}
	to, err := e.target(c, d)
	if err != nil {
		return err
	}
	m, err := e.onePlayer(d, query)
	if err != nil {
		return err
	}
	ct, ok := contracts.InForce(m.Rows, e.asOf)
	if !ok {
		first := m.Rows[0]
		for _, r := range m.Rows {
			if r.Signed.Before(first.Signed) {
				first = r
			}
		}
		return dataErr("no contract of %s is known on %s", m.Name, e.asOf).
			hint("the earliest in the data was signed on %s; try --as-of %s", first.Signed, first.Signed)
	}
	en := e.compute(ct, to)
	if e.format != "table" {
		rw := newRowWriter(e.out, e.format, true)
		if err := rw.write(&en); err != nil {
			return err
		}
		return rw.close()
	}
	return e.card(e.out, &en, m.Rows)
}

// onePlayer finds exactly one player, or says why not.
func (e *env) onePlayer(d *data, query string) (contracts.Match, error) {
	ms := d.index().Players(query)
	switch len(ms) {
	case 1:
		return ms[0], nil
	case 0:
		ee := dataErr("no player matches %q", query)
		if s := d.index().Suggest(query, 5); len(s) > 0 {
			ee.hint("did you mean: %s?", strings.Join(s, ", "))
		} else {
			ee.hint("names match without case and accents, in part: try a surname")
		}
		return contracts.Match{}, ee
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d players:", query, len(ms))
	for i, m := range ms {
		if i == 20 {
			fmt.Fprintf(&b, "\n… and %d more", len(ms)-20)
			break
		}
		born := "birth unknown"
		if !m.Birth.IsZero() {
			born = "born " + strconv.Itoa(m.Birth.Year())
		}
		fmt.Fprintf(&b, "\n%s (%s, %s)", m.Name, m.Club, born)
	}
	return contracts.Match{}, dataErr("%s", b.String()).hint("give more of the name, e.g. a first name and a surname")
}

// card writes one player's windows for people.
func (e *env) card(out io.Writer, en *entry, history []contracts.Contract) error {
	c, w := &en.c, en.w
	p := func(format string, args ...any) { fmt.Fprintf(out, format, args...) }

	born := ""
	if !c.Birth.IsZero() {
		born = fmt.Sprintf(", born %s (%d on %s)", c.Birth.Human(), rules.AgeOn(c.Birth, e.asOf), e.asOf.Human())
	}
	p("%s%s\n", c.Player, born)
	setName := w.Set.Name
	if w.Fallback {
		setName = "no rule set: FIFA baseline"
	}
	p("%s · %s (%s)\n", c.Club, orDash(c.Association), setName)
	if c.Loan.Club != "" {
		p("on loan at %s until %s\n", c.Loan.Club, c.Loan.Until.Human())
	}
	p("\n")

	if w.Status == rules.UnknownExpiry {
		p("Contract expiry: unknown: the dataset gives no expiry, so no window can be computed.\n\n")
		if en.staleC {
			writeWrapped(out, "- ", "Warning: "+en.staleClub()+".", 100)
		}
		if c.Note != "" {
			writeWrapped(out, "- ", "Note in the dataset: "+c.Note, 100)
		}
		e.sourceLine(out, c)
		return nil
	}
	signed := ""
	if !c.Signed.IsZero() {
		signed = ", signed " + c.Signed.Human()
	}
	opt := ""
	if !c.Option.Until.IsZero() {
		opt = fmt.Sprintf(", %s option to %s", orWord(c.Option.Holder, "an"), c.Option.Until.Human())
	}
	p("Contract expires %s%s%s\n", c.Expires.Human(), signed, opt)
	if w.Stale {
		writeWrapped(out, "", fmt.Sprintf("Status on %s: %s: the contract ended on %s. He is a free agent only if the data is current: check for a renewal or a move it does not show.",
			e.asOf.Human(), e.paint("expired", w.Status), c.Expires.Human()), 100)
		p("\n")
	} else {
		p("Status on %s: %s\n\n", e.asOf.Human(), e.paint(statusText(w), w.Status))
	}

	var rows [][]string
	add := func(what string, s rules.Step, rule string) {
		date := s.Date.Human()
		if s.Date.IsZero() {
			date = "—"
		}
		rows = append(rows, []string{what, e.paintDate(s.Date, date), e.countdown(w, s.Date), rule, s.Confidence.String()})
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
		rows = append(rows, []string{what, r.From.Human(), e.countdown(w, r.From), registrationBasis(r), conf.String()})
	}
	if err := renderTable(out, []string{"", "Date", "In", "Rule", "Confidence"}, rows, false, map[int]bool{2: true}); err != nil {
		return err
	}

	p("\n")
	var notes []string
	if t := w.Foreign.Text; t != "" {
		notes = append(notes, "Abroad: "+t+".")
	}
	if t := w.Domestic.Text; t != "" {
		notes = append(notes, "At home: "+t+".")
	}
	if r := w.Registration; r != nil {
		if r.Exception {
			until := "with no end date set"
			if !r.Until.IsZero() {
				until = "until " + r.Until.Human()
			}
			notes = append(notes, fmt.Sprintf("Registration: outside a period, as his contract ended before the %s period closed (%s), %s (FIFA art. 6 and %s's rule).", r.Period.Name, r.Period.Closes.Human(), until, r.To.Code))
		} else {
			est := ""
			if r.Period.Estimated {
				est = " (estimated: the dates are not published yet)"
			}
			notes = append(notes, fmt.Sprintf("Registration: %s period %s to %s%s.", r.Period.Name, r.Period.Opens.Human(), r.Period.Closes.Human(), est))
		}
	}
	for _, n := range w.Notes {
		if t := noteText(n, w, c); t != "" {
			notes = append(notes, t)
		}
	}
	if en.staleC {
		notes = append(notes, "Warning: "+en.staleClub()+".")
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
	for _, n := range notes {
		writeWrapped(out, "- ", n, 100)
	}
	p("\n")
	e.sourceLine(out, c)
	p("Rules:\n")
	for _, r := range usedRules(w) {
		p("  %s (%s confidence), %s:%d\n", ruleName(r), r.Confidence, r.File, r.Line)
		for _, src := range r.Sources {
			p("    %s\n", src)
		}
	}
	return nil
}

func (e *env) sourceLine(out io.Writer, c *contracts.Contract) {
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

func (e *env) countdown(w *rules.Windows, d rules.Date) string {
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

func noteText(n rules.Note, w *rules.Windows, c *contracts.Contract) string {
	r := n.Rule
	switch n.Kind {
	case "fallback":
		a := c.Association
		if a == "" {
			a = "an unknown association"
		}
		return fmt.Sprintf("No rule set for %s: the FIFA baseline applies to clubs at home too; the domestic date may be wrong.", a)
	case "interpretation":
		return "Day count: no source covers expiries that do not end a month; the date abroad is our reading of 'within six months'."
	case "disputed":
		return "Sources differ: " + r.Disputed
	case "compensation":
		age := ""
		switch {
		case n.Age < 0:
			return fmt.Sprintf("Compensation: %s may apply; his date of birth is not in the data, so bosman cannot tell.", ruleName(r))
		case !n.Date.IsZero():
			age = fmt.Sprintf(" (he is %d when free; it applies until %s)", n.Age, n.Date.Human())
		default:
			age = fmt.Sprintf(" (he is %d when free)", n.Age)
		}
		d := ""
		if r.Disputed != "" {
			d = " Doubt: " + r.Disputed
		}
		return fmt.Sprintf("Compensation, %s confidence: %s%s%s", r.Confidence, r.Text, age, d)
	case "deadline":
		return fmt.Sprintf("%s: %s", n.Date.Human(), r.Text)
	case "renewal":
		return "Renewal: " + r.Text
	case "league":
		return "Inside the league: " + r.Text + " " + leagueRoute(w.Set.DomesticFor(w.Expires), n)
	case "calendar":
		if r != nil {
			return "Working days: " + r.Text
		}
		return "Working days: no holiday calendar for this association; weekends only."
	case "length":
		return fmt.Sprintf("Length: the contract runs past %s, the longest FIFA art. 18.2 allows from its start (%s); valid only where national law allows it.",
			n.Date.Human(), map[bool]string{true: "three years for a player under 18", false: "five years"}[n.Age >= 0 && n.Age < 18])
	case "registration":
		return "Registration: no rule set with registration periods for that association; no date computed."
	}
	return ""
}

// leagueRoute says which way a player out of contract moves inside a
// single-entity league (MLS), and what data would decide it: the age is
// known, the service years are not in any dataset bosman reads.
func leagueRoute(dr *rules.DomesticRule, n rules.Note) string {
	if dr == nil || dr.Kind != rules.KindLeagueFreeAgency {
		return ""
	}
	fa := fmt.Sprintf("Free Agency needs age %d and %d service years", dr.FreeAgencyAge, dr.FreeAgencyService)
	re := fmt.Sprintf("the Re-Entry Draft takes players of %d or more with %d service year(s) and no bona fide offer", dr.ReEntryAge, dr.ReEntryServiceYear)
	switch {
	case n.Age < 0:
		return fa + "; " + re + ". His age and service years are not in the data: both decide it."
	case n.Age < dr.ReEntryAge:
		return fmt.Sprintf("He is %d on %s: too young for Free Agency and for the Re-Entry Draft; his club keeps his MLS rights.", n.Age, n.Date.Human())
	case n.Age < dr.FreeAgencyAge:
		return fmt.Sprintf("He is %d on %s: too young for Free Agency (%d), so %s. Service years are not in the data.", n.Age, n.Date.Human(), dr.FreeAgencyAge, re)
	}
	return fmt.Sprintf("He is %d on %s: old enough for Free Agency if he has %d service years, else %s. Service years are not in the data: they decide it.", n.Age, n.Date.Human(), dr.FreeAgencyService, re)
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
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Signed.Before(sorted[j].Signed) })
	var parts []string
	for _, r := range sorted {
		s := fmt.Sprintf("%s to %s", r.Club, orDash(r.Expires.String()))
		if !r.Signed.IsZero() {
			s += " (signed " + r.Signed.String() + ")"
		}
		if r.Signed == cur.Signed && r.Expires == cur.Expires && r.Club == cur.Club {
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

func writeWrapped(out io.Writer, prefix, text string, width int) {
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > width && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			fmt.Fprintln(out, line)
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	fmt.Fprintln(out, line)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func orWord(s, w string) string {
	if s == "" {
		return w
	}
	return "a " + s
}

package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// RulesList writes the rule sets of book, one a row: the domestic rule for
// a contract expiring six months after asOf, the usual expiry, the holiday
// calendar and the confidence. markdown writes a Markdown table without the
// footnote.
//
// The table is fitted to width columns (0: 100): the expiry and holiday
// calendar are shortened, then the name goes, then the holiday calendar
// (each set's page names it), before a line is wider.
func RulesList(out io.Writer, book *rules.Book, asOf rules.Date, markdown bool, width int) error {
	var rows [][]string
	for _, s := range book.Sets() {
		dom := "six months, as abroad"
		if dr := s.DomesticFor(asOf.AddMonths(6)); dr != nil {
			dom = domesticSummary(dr)
		}
		// the table must fit 100 columns: England's rule in short
		dom = strings.NewReplacer("from the day after the third Saturday in May", "after 3rd Sat in May",
			", if free on 1 July", " (free 1 Jul)").Replace(dom)
		exp := ""
		if s.UsualExpiry != nil {
			exp = s.UsualExpiry.String()
		}
		hol := holidayText(s.Calendar)
		name := s.Name
		if s.Extends != "" {
			name += " (on " + s.Extends + ")"
		}
		rows = append(rows, cleanRow([]string{s.Code, truncate(Clean(name), 18), dom, exp, hol, s.Confidence().String()}))
	}
	header := []string{"Code", "Name", "At home", "Expiry", "Holidays", "Confidence"}
	if markdown {
		return renderTable(out, header, rows, true, nil)
	}
	width = Style{Width: width}.width()
	short := regexp.MustCompile(`^(\d+ [A-Z][a-z]{2})[a-z]+$`)
	steps := []shrink{
		{col: "Expiry", header: "Expiry", cell: func(s string) string { return short.ReplaceAllString(s, "$1") }},
		{col: "Holidays", header: "Holidays", cell: func(s string) string {
			return fixedList.ReplaceAllString(strings.Replace(s, "none (weekends only)", "weekends only", 1), "$1 fixed")
		}},
		{col: "Confidence", header: "Conf.", cell: replacer("medium", "med.")},
		{col: "At home", header: "At home", cell: replacer(" (free 1 Jul)", "", "if free on 1 January", "if free 1 Jan",
			"league free agency / re-entry", "league FA / re-entry", ", as abroad", "", "six months, not before 1 January", "6 months, from 1 Jan")},
		{col: "Name", header: "Name", cell: func(s string) string { return truncate(s, 12) }},
		{col: "Name", drop: true},
		{col: "Holidays", drop: true},
	}
	if _, err := fitTable(out, header, rows, map[string]bool{}, width, steps); err != nil {
		return err
	}
	fmt.Fprintln(out)
	writeWrapped(out, "", "Abroad, every association follows FIFA RSTP art. 18.3 (six months). Any other association gets the FIFA baseline, and bosman says so. 'bosman rules CODE' shows one set with its sources.", width)
	return nil
}

func domesticSummary(dr *rules.DomesticRule) string {
	switch dr.Kind {
	case rules.KindSixMonths:
		if dr.NotBefore != nil && dr.NotBefore.Month != 0 {
			return "six months, not before " + dr.NotBefore.String()
		}
		return "six months, as abroad"
	case rules.KindApproachAfter:
		s := "from " + dr.Opens.String()
		if dr.FreeOn != nil && dr.FreeOn.Month != 0 {
			s += ", if free on " + dr.FreeOn.String()
		}
		return s
	case rules.KindLeagueFreeAgency:
		return "league free agency / re-entry"
	}
	return dr.Kind
}

// rulePage writes one rule set in full.
type rulePage struct {
	out      io.Writer
	markdown bool // the periods as a Markdown table
	width    int  // prose is wrapped to it
}

// p writes a line of the page, its texts cleaned (see Clean): a rule file
// given with --rules is the user's.
func (rp rulePage) p(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = Clean(s)
		}
	}
	fmt.Fprintf(rp.out, format, args...)
}

// RulePage writes the rule set s in full: every rule with its text,
// sources and confidence, and the registration periods, estimated ones
// marked. markdown writes the periods as a Markdown table; prose wraps to
// width (0: 100).
func RulePage(out io.Writer, s *rules.Set, markdown bool, width int) error {
	rp := rulePage{out: out, markdown: markdown, width: Style{Width: width}.width()}
	rp.heading(s)
	if s.Foreign != nil {
		rp.rule("Abroad", &s.Foreign.Rule)
	} else {
		rp.p("\nAbroad: FIFA RSTP art. 18.3 (see 'bosman rules FIFA')\n")
	}
	for i := range s.Domestic {
		dr := &s.Domestic[i]
		rp.rule("At home", &dr.Rule, "Reading: "+domesticSummary(dr)+".")
	}
	if cal := s.Calendar; cal != nil {
		hol := holidayText(cal)
		if len(cal.Extra) > 0 {
			var days []string
			for _, h := range cal.Extra {
				days = append(days, fmt.Sprintf("%s (%d %s)", h.Name, h.Day, time.Month(h.Month).String()[:3]))
			}
			hol += ": " + strings.Join(days, ", ")
		}
		rp.rule("Working days", &cal.Rule, "Holiday calendar: "+hol+"; weekend: "+strings.Join(weekendOr(cal.Weekend), ", ")+".")
	}
	for i := range s.Compensation {
		rp.rule("Compensation ("+s.Compensation[i].Scope+")", &s.Compensation[i].Rule)
	}
	for i := range s.Deadlines {
		rp.rule("Deadline: "+s.Deadlines[i].Day.String(), &s.Deadlines[i].Rule)
	}
	if r := s.Renewal; r != nil {
		rp.rule("Automatic renewal", &r.Rule)
	}
	for i := range s.Notes {
		rp.rule("Note", &s.Notes[i])
	}
	if reg := s.Registration; reg != nil {
		return rp.registration(reg)
	}
	return nil
}

// heading is the set's name, makers, base, leagues, season and expiry.
func (rp rulePage) heading(s *rules.Set) {
	rp.p("%s: %s\n", s.Code, s.Name)
	if s.Bodies != "" {
		writeWrapped(rp.out, "", "Rules made by: "+s.Bodies, rp.width)
	}
	if s.Extends != "" {
		rp.p("Builds on: %s (what this set leaves out comes from there)\n", s.Extends)
	}
	if len(s.Leagues) > 0 {
		rp.p("Leagues: %s\n", strings.Join(s.Leagues, ", "))
	}
	if s.Season != "" {
		writeWrapped(rp.out, "", "Season: "+s.Season, rp.width)
	}
	if s.UsualExpiry != nil {
		rp.p("Usual expiry: %s\n", s.UsualExpiry.String())
	}
}

// rule writes one rule: title, id, confidence, the lines in extra, text,
// doubts, sources and where it is defined.
func (rp rulePage) rule(title string, r *rules.Rule, extra ...string) {
	if r.ID != "" {
		title += " [" + r.ID + "]"
	}
	fmt.Fprintln(rp.out)
	writeWrapped(rp.out, "", fmt.Sprintf("%s (confidence: %s)", title, r.Confidence), rp.width)
	if !r.InForce.From.IsZero() || !r.InForce.Until.IsZero() {
		rp.p("  In force for contracts expiring %s to %s\n", orWord(r.InForce.From.String(), "any time"), orWord(r.InForce.Until.String(), "now"))
	}
	for _, x := range extra {
		if x != "" {
			writeWrapped(rp.out, "  ", x, rp.width)
		}
	}
	writeWrapped(rp.out, "  ", r.Text, rp.width)
	if r.Disputed != "" {
		writeWrapped(rp.out, "  ", "Sources differ or are silent: "+r.Disputed, rp.width)
	}
	for _, src := range r.Sources {
		rp.p("  source: %s\n", src)
	}
	if r.File != "" {
		rp.p("  defined in: %s:%d\n", r.File, r.Line)
	}
}

// registration writes the periods, published then estimated, their
// sources as numbered notes, and the rule for free agents.
func (rp rulePage) registration(reg *rules.Registrations) error {
	fmt.Fprintln(rp.out)
	writeWrapped(rp.out, "", "Registration periods (published, then the pattern used where none is):", rp.width)
	var rows [][]string
	var sources []string
	for _, pd := range reg.Periods {
		ref := ""
		for _, src := range pd.Sources {
			n := indexOf(sources, src)
			if n < 0 {
				sources = append(sources, src)
				n = len(sources) - 1
			}
			ref += fmt.Sprintf("[%d]", n+1)
		}
		rows = append(rows, cleanRow([]string{pd.Season, pd.Name, pd.Opens.String(), pd.Closes.String(), pd.Confidence.String(), ref}))
	}
	for _, pt := range reg.Patterns {
		roll := ""
		if pt.Roll != "" {
			roll = " (" + pt.Roll + ")"
		}
		rows = append(rows, cleanRow([]string{"estimated", pt.Name, pt.Opens.String(), pt.Closes.String() + roll, pt.Confidence.String(), ""}))
	}
	header := []string{"Season", "Period", "Opens", "Closes", "Confidence", "Source"}
	if rp.markdown {
		if err := renderTable(rp.out, header, rows, true, nil); err != nil {
			return err
		}
	} else if _, err := fitTable(rp.out, header, rows, map[string]bool{}, rp.width, periodShrinks); err != nil {
		return err
	}
	for i, src := range sources {
		rp.p("  [%d] %s\n", i+1, src)
	}
	for _, pd := range reg.Periods {
		if pd.Disputed != "" {
			writeWrapped(rp.out, "  ", fmt.Sprintf("Sources differ on %s %s: %s", pd.Season, pd.Name, pd.Disputed), rp.width)
		}
	}
	if fa := reg.FreeAgents; fa != nil {
		extra := "Allowed: no."
		if fa.Allowed {
			extra = "Allowed after: " + strings.Join(orAll(fa.After), ", ") + "."
			if fa.Until != nil && fa.Until.Month != 0 {
				extra += " Until: " + fa.Until.String() + "."
			}
		}
		rp.rule("Free agents outside a period (FIFA art. 6)", &fa.Rule, extra)
	}
	return nil
}

// periodShrinks fit the registration periods to the width, before a line
// wraps: the confidence in short, the patterns' months in three letters,
// "estimated" in short, a close rolled to the next working day as "next
// wd" (the card's word for working days), then the source numbers go (the
// sources are listed below the table all the same).
var periodShrinks = []shrink{
	{col: "Confidence", header: "Conf.", cell: replacer("medium", "med.")},
	{col: "Closes", header: "Closes", cell: shortMonths, also: []string{"Opens"}},
	{col: "Season", header: "Season", cell: replacer("estimated", "est.")},
	{col: "Closes", header: "Closes", cell: replacer("(next-workday)", "(next wd)")},
	{col: "Source", drop: true},
}

// longMonth is a month's full name after a day, as the patterns write it.
var longMonth = regexp.MustCompile(`\b(\d{1,2} )(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]+\b`)

func shortMonths(s string) string { return longMonth.ReplaceAllString(s, "$1$2") }

// fixedList is holidayText's fixed list, to be shortened to "10 fixed".
var fixedList = regexp.MustCompile(`fixed list \((\d+) days?\)`)

// holidayText names an association's holiday calendar: the rickar/cal
// country, a fixed list of days from the rule file, both, or none (then
// only weekends are not working days).
func holidayText(cal *rules.Calendar) string {
	switch {
	case cal == nil || cal.Holidays == "" && len(cal.Extra) == 0:
		return "none (weekends only)"
	case cal.Holidays == "":
		return fmt.Sprintf("fixed list (%s)", Count(len(cal.Extra), "day"))
	case len(cal.Extra) > 0:
		return fmt.Sprintf("%s + fixed list (%s)", cal.Holidays, Count(len(cal.Extra), "day"))
	}
	return cal.Holidays
}

func weekendOr(w []string) []string {
	if len(w) == 0 {
		return []string{"saturday", "sunday"}
	}
	return w
}

func orAll(s []string) []string {
	if len(s) == 0 {
		return []string{"any period"}
	}
	return s
}

package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/rules"
)

func (e *env) rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "the associations covered, or one in full with its sources and registration periods",
		ArgsUsage: "[ASSOC]",
		UsageText: "bosman rules [flags] [ASSOC]",
		Description: "Without ASSOC: each rule set's domestic rule, usual expiry, holiday calendar and confidence.\n" +
			"With ASSOC (a FIFA code such as ENG, or a league set such as MLS): every rule with its text,\n" +
			"sources and confidence, and the registration periods, estimated ones marked.\n\n" +
			"Examples:\n" +
			"   bosman rules\n" +
			"   bosman rules ITA\n" +
			"   bosman rules --rules ./my-rules NED",
		Action: e.rulesCmd,
	}
}

func (e *env) rulesCmd(c *cli.Context) error {
	if err := e.setup(c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return e.rulesList()
	}
	code := strings.ToUpper(c.Args().First())
	set := e.book.Set(code)
	if set == nil {
		ee := dataErr("no rule set %q", c.Args().First())
		var codes []string
		for _, s := range e.book.Sets() {
			codes = append(codes, s.Code)
		}
		if s := closest(code, codes); s != "" {
			ee.hint("did you mean %s?", s)
		}
		ee.hint("rule sets: %s; any other association gets the FIFA baseline ('bosman rules FIFA')", strings.Join(codes, " "))
		return ee
	}
	return e.rulesOne(set)
}

func (e *env) rulesList() error {
	var rows [][]string
	for _, s := range e.book.Sets() {
		dom := "six months, as abroad"
		if dr := s.DomesticFor(e.asOf.AddMonths(6)); dr != nil {
			dom = domesticSummary(dr)
		}
		// the table must fit 100 columns: England's rule in short
		dom = strings.NewReplacer("from the day after the third Saturday in May", "after 3rd Sat in May",
			", if free on 1 July", " (free 1 Jul)").Replace(dom)
		exp := ""
		if s.UsualExpiry != nil {
			exp = s.UsualExpiry.String()
		}
		hol := "none"
		if s.Calendar != nil && s.Calendar.Holidays != "" {
			hol = s.Calendar.Holidays
		}
		name := s.Name
		if s.Extends != "" {
			name += " (on " + s.Extends + ")"
		}
		rows = append(rows, []string{s.Code, truncate(name, 18), dom, exp, hol, s.Confidence().String()})
	}
	if err := renderTable(e.out, []string{"Code", "Name", "At home", "Expiry", "Holidays", "Confidence"}, rows, e.format == "markdown", nil); err != nil {
		return err
	}
	if e.format == "table" {
		fmt.Fprintf(e.out, "\nAbroad, every association follows FIFA RSTP art. 18.3 (six months). Any other association gets\nthe FIFA baseline, and bosman says so. 'bosman rules CODE' shows one set with its sources.\n")
	}
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

func (e *env) rulesOne(s *rules.Set) error {
	p := func(format string, args ...any) { fmt.Fprintf(e.out, format, args...) }
	p("%s: %s\n", s.Code, s.Name)
	if s.Bodies != "" {
		p("Rules made by: %s\n", s.Bodies)
	}
	if s.Extends != "" {
		p("Builds on: %s (what this set leaves out comes from there)\n", s.Extends)
	}
	if len(s.Leagues) > 0 {
		p("Leagues: %s\n", strings.Join(s.Leagues, ", "))
	}
	if s.Season != "" {
		writeWrapped(e.out, "", "Season: "+s.Season, 100)
	}
	if s.UsualExpiry != nil {
		p("Usual expiry: %s\n", s.UsualExpiry.String())
	}
	rule := func(title string, r *rules.Rule, extra ...string) {
		p("\n%s", title)
		if r.ID != "" {
			p(" [%s]", r.ID)
		}
		p(" (confidence: %s)\n", r.Confidence)
		if !r.InForce.From.IsZero() || !r.InForce.Until.IsZero() {
			p("  In force for contracts expiring %s to %s\n", orWord2(r.InForce.From.String(), "any time"), orWord2(r.InForce.Until.String(), "now"))
		}
		for _, x := range extra {
			if x != "" {
				writeWrapped(e.out, "  ", x, 100)
			}
		}
		writeWrapped(e.out, "  ", r.Text, 100)
		if r.Disputed != "" {
			writeWrapped(e.out, "  ", "Sources differ or are silent: "+r.Disputed, 100)
		}
		for _, src := range r.Sources {
			p("  source: %s\n", src)
		}
		if r.File != "" {
			p("  defined in: %s:%d\n", r.File, r.Line)
		}
	}
	if s.Foreign != nil {
		rule("Abroad", &s.Foreign.Rule)
	} else {
		p("\nAbroad: FIFA RSTP art. 18.3 (see 'bosman rules FIFA')\n")
	}
	for i := range s.Domestic {
		dr := &s.Domestic[i]
		rule("At home", &dr.Rule, "Reading: "+domesticSummary(dr)+".")
	}
	if cal := s.Calendar; cal != nil {
		hol := cal.Holidays
		if hol == "" {
			hol = "none"
		}
		rule("Working days", &cal.Rule, "Holiday calendar: "+hol+"; weekend: "+strings.Join(weekendOr(cal.Weekend), ", ")+".")
	}
	for i := range s.Compensation {
		rule("Compensation ("+s.Compensation[i].Scope+")", &s.Compensation[i].Rule)
	}
	for i := range s.Deadlines {
		rule("Deadline: "+s.Deadlines[i].Day.String(), &s.Deadlines[i].Rule)
	}
	if r := s.Renewal; r != nil {
		rule("Automatic renewal", &r.Rule)
	}
	for i := range s.Notes {
		rule("Note", &s.Notes[i])
	}
	if reg := s.Registration; reg != nil {
		p("\nRegistration periods (published, then the pattern used where none is):\n")
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
			rows = append(rows, []string{pd.Season, pd.Name, pd.Opens.String(), pd.Closes.String(), pd.Confidence.String(), ref})
		}
		for _, pt := range reg.Patterns {
			roll := ""
			if pt.Roll != "" {
				roll = " (" + pt.Roll + ")"
			}
			rows = append(rows, []string{"estimated", pt.Name, pt.Opens.String(), pt.Closes.String() + roll, pt.Confidence.String(), ""})
		}
		if err := renderTable(e.out, []string{"Season", "Period", "Opens", "Closes", "Confidence", "Source"}, rows, e.format == "markdown", nil); err != nil {
			return err
		}
		for i, src := range sources {
			p("  [%d] %s\n", i+1, src)
		}
		if fa := reg.FreeAgents; fa != nil {
			extra := "Allowed: no."
			if fa.Allowed {
				extra = "Allowed after: " + strings.Join(orAll(fa.After), ", ") + "."
				if fa.Until != nil && fa.Until.Month != 0 {
					extra += " Until: " + fa.Until.String() + "."
				}
			}
			rule("Free agents outside a period (FIFA art. 6)", &fa.Rule, extra)
		}
	}
	return nil
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func orWord2(s, w string) string {
	if s == "" {
		return w
	}
	return s
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

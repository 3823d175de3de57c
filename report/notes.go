package report

import (
	"fmt"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// noteText is a rule's remark on an answer, in words for the card; full
// gives the texts of the sources' disagreements, else a line says there is
// one.
func noteText(n rules.Note, w *rules.Windows, c *contracts.Contract, full bool) string {
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
		if !full {
			return fmt.Sprintf("Sources differ on %s (--sources says how).", ruleName(r))
		}
		return "Sources differ: " + r.Disputed
	case "compensation":
		return compensationNote(n, full)
	case "deadline":
		return fmt.Sprintf("%s: %s", n.Date.Human(), r.Text)
	case "renewal":
		return "Renewal: " + r.Text
	case "league":
		return "Inside the league: " + r.Text + " " + leagueRoute(w.Set.DomesticFor(w.Expires), n)
	case "calendar":
		if cal := w.Set.Calendar; cal != nil && len(cal.Extra) > 0 {
			return fmt.Sprintf("Working days: weekends and the %s of the rule file's fixed list are not counted.", Count(len(cal.Extra), "public holiday"))
		}
		if r != nil {
			return "Working days: " + r.Text
		}
		if _, work, ok := w.Countdown(w.AsOf.AddDays(1)); ok && work < 0 {
			// no calendar at all (an association without a rule set):
			// the countdowns give days only
			return "Working days: not counted, as there is no holiday calendar for this association."
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

// compensationNote says which training compensation may be due, and why.
func compensationNote(n rules.Note, full bool) string {
	r := n.Rule
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
	switch {
	case r.Disputed != "" && full:
		d = " Doubt: " + r.Disputed
	case r.Disputed != "":
		d = " (a doubt: see --sources)"
	}
	return fmt.Sprintf("Compensation, %s confidence: %s%s%s", r.Confidence, r.Text, age, d)
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

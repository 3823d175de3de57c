package report

import (
	"fmt"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// homeCondition is the condition his date at home holds on, when his
// association's rule sets one he may not meet (England: only if his club
// made no offer of re-engagement, or he declined it); else "".
func homeCondition(w *rules.Windows) string {
	if w.Domestic.Date.IsZero() || w.Set == nil || w.Domestic.Text == "" {
		return ""
	}
	if dr := w.Set.DomesticFor(w.Expires); dr == nil || dr.Kind != rules.KindApproachAfter {
		return ""
	}
	return w.Domestic.Text
}

// leagueWay is the league rule set a player with no date at home moves
// through instead (MLS: Free Agency or the Re-Entry Draft), or nil when
// his way at home is his club's consent.
func leagueWay(w *rules.Windows) *rules.Set {
	if !w.Domestic.Date.IsZero() || w.Set == nil || w.Status == rules.UnknownExpiry {
		return nil
	}
	if dr := w.Set.DomesticFor(w.Expires); dr != nil && dr.Kind == rules.KindLeagueFreeAgency {
		return w.Set
	}
	return nil
}

// leagueWayText is what a player of set moves through at home.
func leagueWayText(set *rules.Set) string {
	code := Clean(set.Code)
	return fmt.Sprintf("In %s, no pre-contract at home: %s Free Agency or the Re-Entry Draft instead", code, code)
}

// laneNotes gathers, lane by lane, what the lanes of a timeline cannot
// show: who may sign at home only on a condition or with his club's
// consent, and who moves through a league's own system.
type laneNotes struct {
	consent    []string
	league     map[*rules.Set][]string
	leagues    []*rules.Set        // in the order met
	conditions map[string][]string // by condition
	condOrder  []string
	condAssoc  map[string]string // the association of each condition
	lanes      int               // lanes noted
}

// add notes en's lane, and returns the mark its free day carries: "*"
// for consent, "" otherwise.
func (n *laneNotes) add(en *Entry) string {
	w, name := en.Windows, en.Contract.Player
	n.lanes++
	if set := leagueWay(w); set != nil {
		if n.league == nil {
			n.league = map[*rules.Set][]string{}
		}
		if n.league[set] == nil {
			n.leagues = append(n.leagues, set)
		}
		n.league[set] = append(n.league[set], name)
		return ""
	}
	if w.Status != rules.UnknownExpiry && w.Domestic.Date.IsZero() {
		n.consent = append(n.consent, name)
		return "*"
	}
	if c := homeCondition(w); c != "" {
		if n.conditions == nil {
			n.conditions, n.condAssoc = map[string][]string{}, map[string]string{}
		}
		if n.conditions[c] == nil {
			n.condOrder = append(n.condOrder, c)
			n.condAssoc[c] = Clean(w.Set.Code)
		}
		n.conditions[c] = append(n.conditions[c], name)
	}
	return ""
}

// conditional says whether some lane's date at home holds on a condition.
func (n *laneNotes) conditional() bool { return len(n.condOrder) > 0 }

// lines are the footnotes, one a sentence.
func (n *laneNotes) lines() []string {
	var out []string
	for _, c := range n.condOrder {
		who := strings.Join(n.conditions[c], ", ")
		if len(n.conditions[c]) == n.lanes && n.lanes > 1 {
			who = "every player shown"
		}
		out = append(out, fmt.Sprintf("At home (%s) %s: %s.", n.condAssoc[c], c, who))
	}
	if len(n.consent) > 0 {
		out = append(out, "* At home only with his club's consent: "+strings.Join(n.consent, ", ")+".")
	}
	for _, set := range n.leagues {
		out = append(out, leagueWayText(set)+": "+strings.Join(n.league[set], ", ")+".")
	}
	return out
}

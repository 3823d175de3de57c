package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// listRow is an entry's row of a list; ways gathers what its marks stand
// for.
func listRow(en *Entry, cols listCols, st Style, ways *clubWays) []string {
	w, c := en.Windows, &en.Contract
	age, days := "", ""
	if a := en.Age(); a >= 0 {
		age = strconv.Itoa(a)
	}
	if n, _, ok := w.Countdown(w.FreeAgent.Date); ok {
		days = strconv.Itoa(n)
	}
	status := statusText(w)
	row := []string{truncate(c.Player, 24), PositionShort(c), age, ValueText(c.MarketValue)}
	if cols.club {
		row = append(row, truncate(c.Club, 20))
	}
	row = append(row, c.Expires.String())
	if cols.to != "" {
		row = append(row, signCell(en, st, ways))
	} else {
		row = append(row, st.paintDate(w.Foreign.Date, w.Foreign.Date.String()), homeCell(en, st, ways, &status))
	}
	row = append(row, st.paint(status, w.Status), days)
	if cols.to != "" {
		r := ""
		if w.Registration != nil {
			r = w.Registration.From.String()
		}
		row = append(row, r)
	}
	return row
}

// homeCell is the day a club of his association may sign him: the date, a
// league's name (MLS: no pre-contract at home), "consent", or the date
// with a mark when it holds on a condition (which marks the status too,
// once it is open).
func homeCell(en *Entry, st Style, ways *clubWays, status *string) string {
	w := en.Windows
	home := w.Domestic.Date.String()
	switch {
	case leagueWay(w) != nil:
		ways.league = leagueWay(w)
		home = Clean(ways.league.Code)
	case home == "" && w.Status != rules.UnknownExpiry:
		home = "consent"
		ways.consent = true
	case homeCondition(w) != "":
		home += "*"
		if w.Status == rules.PrecontractOpen {
			*status += "*"
		}
		ways.condition(w, homeCondition(w))
	}
	return st.paintDate(w.Domestic.Date, home)
}

// signCell is the day a club of the asking association may sign him (see
// Entry.CanSign), marked as homeCell marks it.
func signCell(en *Entry, st Style, ways *clubWays) string {
	w := en.Windows
	day, cond := en.CanSign()
	text := day.String()
	switch {
	case w.Status == rules.UnknownExpiry:
	case day.IsZero() && leagueWay(w) != nil:
		ways.league = leagueWay(w)
		text = Clean(ways.league.Code)
	case day.IsZero():
		text = "consent"
		ways.consent = true
	case cond != "":
		text += "*"
		ways.condition(w, cond)
	}
	return st.paintDate(day, text)
}

// condition notes a condition of w's association, once.
func (cw *clubWays) condition(w *rules.Windows, cond string) {
	c := fmt.Sprintf("(%s) %s", Clean(w.Set.Code), cond)
	if indexOf(cw.conditions, c) < 0 {
		cw.conditions = append(cw.conditions, c)
	}
}

// PositionShort is a player's position in a few letters: the short form
// of his sub-position (CB, LW …; see contracts.Positions), else of his
// group (GK, DEF, MID, ATT), else what the data says, cut to four.
func PositionShort(c *contracts.Contract) string {
	for _, p := range contracts.Positions {
		if p.Name == c.SubPosition {
			return p.Short
		}
	}
	switch c.Position {
	case contracts.Goalkeeper:
		return "GK"
	case contracts.Defender:
		return "DEF"
	case contracts.Midfield:
		return "MID"
	case contracts.Attack:
		return "ATT"
	}
	return truncate(c.Position, 4)
}

// ValueText is a market value as Transfermarkt writes it: €40m, €1.5m,
// €500k; "" when unknown.
func ValueText(v int64) string {
	short := func(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }
	switch {
	case v <= 0:
		return ""
	case v >= 1_000_000:
		return "€" + short(float64(v)/1e6) + "m"
	case v >= 1_000:
		return "€" + short(float64(v)/1e3) + "k"
	}
	return "€" + strconv.FormatInt(v, 10)
}

// filterText says what a market list's filters ask, for its title:
// "CB, LB, aged 21-28, worth €10m or more".
func filterText(f *Filter) string {
	var parts []string
	if len(f.Positions) > 0 {
		var ps []string
		for _, p := range f.Positions {
			c := contracts.Contract{Position: p.Group, SubPosition: p.Sub}
			ps = append(ps, PositionShort(&c))
		}
		parts = append(parts, strings.Join(ps, ", "))
	}
	switch {
	case f.MinAge > 0 && f.MaxAge > 0 && f.MinAge == f.MaxAge:
		parts = append(parts, fmt.Sprintf("aged %d", f.MinAge))
	case f.MinAge > 0 && f.MaxAge > 0:
		parts = append(parts, fmt.Sprintf("aged %d-%d", f.MinAge, f.MaxAge))
	case f.MinAge > 0:
		parts = append(parts, fmt.Sprintf("aged %d or more", f.MinAge))
	case f.MaxAge > 0:
		parts = append(parts, fmt.Sprintf("aged %d or less", f.MaxAge))
	}
	if len(f.Nationalities) > 0 {
		parts = append(parts, strings.Join(f.Nationalities, ", "))
	}
	if f.MinValue > 0 {
		parts = append(parts, "worth "+ValueText(f.MinValue)+" or more")
	}
	for _, k := range []*contracts.Code{f.League, f.Code} {
		if k != nil {
			parts = append(parts, "in "+k.Name)
		}
	}
	if f.Association != "" {
		parts = append(parts, "in "+f.Association)
	}
	if !f.ExpiringBefore.IsZero() {
		parts = append(parts, "expiring before "+f.ExpiringBefore.Human())
	}
	for _, s := range f.Statuses {
		parts = append(parts, string(s))
	}
	return Clean(strings.Join(parts, ", "))
}

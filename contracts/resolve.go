package contracts

import (
	"slices"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// Resolution is the answer to a name that several players may share.
type Resolution struct {
	// Match is the player answered for; valid when OK.
	Match Match
	// OK is false when the name matched nobody (Others is empty), or
	// several players of whom none stands out (Others lists them all).
	OK bool
	// Why says how Match was chosen: ByOnlyMatch, ByCurated,
	// ByMarketValue or ByTopLeague.
	Why string
	// Others are the other players the name matched, highest market value
	// first (unknown last), then by name: to say who else it could be.
	Others []Match
}

// The reasons a Resolution gives.
const (
	ByOnlyMatch   = "the only player of that name"
	ByCurated     = "the only one of them in the curated data"
	ByMarketValue = "his market value is far above the others'"
	ByTopLeague   = "the only one of them in a top-five league"
)

// TopLeagues are the competitions a player stands out by (see Resolve):
// the Premier League, LaLiga, the Bundesliga, Serie A and Ligue 1.
var TopLeagues = []string{"GB1", "ES1", "L1", "IT1", "FR1"}

// StandOutValue is how many times the next player's market value a
// player's must be, and StandOutMinValue the least it must be (euros),
// for him to stand out by value.
const (
	StandOutValue    = 4
	StandOutMinValue = 1_000_000
)

// Resolve picks, among the players a name matched (as Players returns
// them), the one the name means when one clearly stands out:
//
//  1. one match: he is the answer;
//  2. matches by the beginning of a word only (MatchPrefix: "Kon"): none
//     stands out, the name is too short to mean anyone;
//  3. else, the first of these rules that singles one out decides:
//     a. curated: he is the only one with curated rows (rows that are not
//     Listing rows: the hand-sourced default.csv), who are there because
//     people ask about them;
//     b. market value: his is at least StandOutMinValue and at least
//     StandOutValue times the highest of the others (unknown counts as
//     nothing);
//     c. top league: he is the only one whose club (of the row Overlay
//     picks with no cut-off) is in one of TopLeagues (not for initials,
//     MatchInitials: "VVD" must stand out by more than his league);
//  4. else none stands out, and the caller lists Others.
//
// A player's market value is the highest in his rows. Resolve keeps the
// order of ms nowhere: Others is ordered by market value.
//
//	"Konate"  → Ibrahima Konaté (curated; 45m against 3m)
//	"Saliba"  → William Saliba (curated)
//	"Mbappe"  → Kylian Mbappé (curated)
//	"Haaland" → Erling Haaland (200m against nothing known)
func Resolve(ms []Match) Resolution {
	switch {
	case len(ms) == 0:
		return Resolution{}
	case len(ms) == 1:
		return Resolution{Match: ms[0], OK: true, Why: ByOnlyMatch}
	}
	byValue := slices.Clone(ms)
	slices.SortStableFunc(byValue, func(a, b Match) int {
		if va, vb := matchValue(a), matchValue(b); va != vb {
			if va > vb {
				return -1
			}
			return 1
		}
		return strings.Compare(Fold(a.Name), Fold(b.Name))
	})
	choose := func(i int, why string) Resolution {
		r := Resolution{Match: byValue[i], OK: true, Why: why}
		r.Others = append(slices.Clone(byValue[:i]), byValue[i+1:]...)
		return r
	}
	if ms[0].Kind != MatchPrefix {
		if i := only(byValue, hasCurated); i >= 0 {
			return choose(i, ByCurated)
		}
		if top, next := matchValue(byValue[0]), matchValue(byValue[1]); top >= StandOutMinValue && top >= StandOutValue*next {
			return choose(0, ByMarketValue)
		}
		if i := only(byValue, inTopLeague); i >= 0 && ms[0].Kind != MatchInitials {
			return choose(i, ByTopLeague)
		}
	}
	return Resolution{Others: byValue}
}

// only returns the index of the one element of s for which f holds, or
// -1 when it holds for none or several.
func only[T any](s []T, f func(T) bool) int {
	found := -1
	for i, x := range s {
		if f(x) {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func hasCurated(m Match) bool {
	for _, r := range m.Rows {
		if !r.Listing {
			return true
		}
	}
	return false
}

func inTopLeague(m Match) bool {
	c, ok := Overlay(m.Rows, rules.Date{})
	if !ok {
		return false
	}
	return slices.Contains(TopLeagues, c.League)
}

// matchValue is the highest market value in a match's rows.
func matchValue(m Match) int64 {
	var v int64
	for _, r := range m.Rows {
		v = max(v, r.MarketValue)
	}
	return v
}

// Resolve resolves a name over the market: Resolve(m.Players(query)).
func (m *Market) Resolve(query string) Resolution {
	return Resolve(m.Players(query))
}

// PickQuery returns what to type to get exactly the player of match: his
// full name when it matches him alone, else his player id (a query of
// digits, see Players).
func (m *Market) PickQuery(match Match) string {
	if ms := m.Players(match.Name); len(ms) == 1 && ms[0].PlayerID == match.PlayerID {
		return match.Name
	}
	if match.PlayerID != "" {
		return match.PlayerID
	}
	return match.Name
}

package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Filter selects contracts of the whole market, as export, club and
// expiring list them; the zero Filter keeps every contract. Keep looks at
// the contract alone; KeepAnswer at its answer (the status, the age on the
// as-of date, the window of the asking club).
type Filter struct {
	Clubs       map[string]bool // only clubs of these names; nil: any club
	Association string          // only clubs of this association; "": any
	// Code: only the contracts it covers (contracts.Code.Covers): an
	// association's clubs, a league set's or one competition's; nil: any.
	Code *contracts.Code
	// League: the same, for --league: a competition (GB1: the Premier
	// League alone) or a league set's competitions (EFL); nil: any.
	League         *contracts.Code
	ExpiringBefore rules.Date // only contracts expiring before this day; zero: any
	// Horizon: only contracts expiring inside it (see Horizon.Contains);
	// the zero Horizon keeps any. Contracts already ended, or without an
	// expiry, are outside every horizon but All; Statuses that ask for
	// them (free-agent, unknown-expiry) let them through.
	Horizon       Horizon
	Positions     []Position     // only these positions; nil: any
	Nationalities []string       // only these nationalities, as typed, compared folded (see contracts.Fold); nil: any
	MinValue      int64          // only market values of at least this many euros; 0: any
	MinAge        int            // only players at least this old on the as-of date; 0: any
	MaxAge        int            // only players at most this old on the as-of date; 0: any
	Statuses      []rules.Status // only these statuses on the as-of date; nil: any
	// OpenOn: only players a club of the asking association (Query.To)
	// may sign to a pre-contract on this day: from his CanSign day to the
	// last day of his contract. Zero: any.
	OpenOn rules.Date

	natFold []string // Nationalities folded, on first use
}

// Position is a position a filter asks for: a group (Defender), or a
// sub-position within it (Centre-Back).
type Position struct{ Group, Sub string }

// Keep says whether c passes the filters on the contract alone.
func (f *Filter) Keep(c *contracts.Contract) bool {
	return f.keepContract(c) && f.inHorizon(c)
}

// keepContract is Keep but for the horizon.
func (f *Filter) keepContract(c *contracts.Contract) bool {
	if f.Clubs != nil && !f.Clubs[c.Club] || f.Association != "" && c.Association != f.Association ||
		f.Code != nil && !f.Code.Covers(c) || f.League != nil && !f.League.Covers(c) ||
		!f.ExpiringBefore.IsZero() && (c.Expires.IsZero() || !c.Expires.Before(f.ExpiringBefore)) ||
		f.MinValue > 0 && c.MarketValue < f.MinValue {
		return false
	}
	return f.keepPosition(c) && f.keepNationality(c)
}

// inHorizon is the horizon's part of Keep.
func (f *Filter) inHorizon(c *contracts.Contract) bool {
	h := f.Horizon
	switch {
	case h.All || h.Until.IsZero() || h.Contains(c.Expires):
		return true
	case c.Expires.IsZero():
		return f.asks(rules.UnknownExpiry)
	}
	return c.Expires.Before(h.From) && f.asks(rules.FreeAgent)
}

// asks says whether the filter asks for status st by name.
func (f *Filter) asks(st rules.Status) bool {
	for _, s := range f.Statuses {
		if s == st {
			return true
		}
	}
	return false
}

func (f *Filter) keepPosition(c *contracts.Contract) bool {
	if f.Positions == nil {
		return true
	}
	for _, p := range f.Positions {
		if p.Sub == "" || p.Group == contracts.Goalkeeper {
			if c.Position == p.Group {
				return true
			}
		} else if c.SubPosition == p.Sub {
			return true
		}
	}
	return false
}

func (f *Filter) keepNationality(c *contracts.Contract) bool {
	if f.Nationalities == nil {
		return true
	}
	if f.natFold == nil {
		for _, n := range f.Nationalities {
			f.natFold = append(f.natFold, contracts.Fold(n))
		}
	}
	n := contracts.Fold(c.Nationality)
	for _, want := range f.natFold {
		if n == want {
			return true
		}
	}
	return false
}

// KeepAnswer says whether an answered contract passes the filters on its
// answer: status, age and the window on OpenOn.
func (f *Filter) KeepAnswer(en *Entry) bool {
	if f.Statuses != nil && !f.asks(en.Windows.Status) {
		return false
	}
	if f.MinAge > 0 || f.MaxAge > 0 {
		age := en.Age()
		if age < 0 || age < f.MinAge || f.MaxAge > 0 && age > f.MaxAge {
			return false
		}
	}
	if !f.OpenOn.IsZero() {
		day, _ := en.CanSign()
		if day.IsZero() || f.OpenOn.Before(day) || f.OpenOn.After(en.Contract.Expires) {
			return false
		}
	}
	return true
}

// ParsePositions reads positions as people write them: Transfermarkt's
// groups (Defender, Midfield …) and sub-positions (Centre-Back, Left
// Winger …), and the short forms of Positions (CB, LB, RB, DM, CM, AM, LW,
// RW, CF, GK; also CDM, CAM, ST).
func ParsePositions(list []string) ([]Position, error) {
	var out []Position
	for _, s := range list {
		if strings.TrimSpace(s) == "" {
			continue
		}
		group, sub, ok := contracts.PositionOf(s)
		if !ok || group == "" {
			return nil, fmt.Errorf("%q is not a position", s)
		}
		out = append(out, Position{Group: group, Sub: sub})
	}
	return out, nil
}

// ParseStatuses reads status names, as the status column writes them.
func ParseStatuses(list []string) ([]rules.Status, error) {
	var out []rules.Status
	for _, s := range list {
		v := rules.Status(strings.ToLower(strings.TrimSpace(s)))
		if v == "" {
			continue
		}
		if !isStatus(v) {
			return nil, fmt.Errorf("%q is not a status", s)
		}
		out = append(out, v)
	}
	return out, nil
}

// StatusNames are the statuses a filter takes, in the order a contract
// passes through them.
var StatusNames = []string{string(rules.UnderContract), string(rules.ForeignOpen), string(rules.PrecontractOpen),
	string(rules.FreeAgent), string(rules.UnknownExpiry)}

func isStatus(s rules.Status) bool {
	for _, n := range StatusNames {
		if string(s) == n {
			return true
		}
	}
	return false
}

// ParseAges reads an age range: 21-28, 21- (21 or older), -28 (28 or
// younger) or 24 (exactly 24).
func ParseAges(s string) (lo, hi int, err error) {
	v := strings.TrimSpace(s)
	a, b, isRange := strings.Cut(v, "-")
	if !isRange {
		b = a
	}
	if lo, err = parseAge(a, isRange); err == nil {
		hi, err = parseAge(b, isRange)
	}
	switch {
	case err != nil || (lo == 0 && hi == 0):
		return 0, 0, fmt.Errorf("%q is not an age range: want 21-28, 21-, -28 or 24", s)
	case hi > 0 && lo > hi:
		return 0, 0, fmt.Errorf("%q: the first age is above the second", s)
	}
	return lo, hi, nil
}

// parseAge reads one end of an age range; empty is no bound when the
// range has two ends.
func parseAge(s string, open bool) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" && open {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 99 {
		return 0, fmt.Errorf("bad age %q", s)
	}
	return n, nil
}

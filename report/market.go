package report

import (
	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Filter selects contracts of the whole market, as export lists them; the
// zero Filter keeps every contract.
type Filter struct {
	Clubs       map[string]bool // only clubs of these names; nil: any club
	Association string          // only clubs of this association; "": any
	// Code: only the contracts it covers (contracts.Code.Covers): an
	// association's clubs, a league set's or one competition's; nil: any.
	Code           *contracts.Code
	ExpiringBefore rules.Date // only contracts expiring before this day; zero: any
}

// Keep says whether c passes the filter.
func (f *Filter) Keep(c *contracts.Contract) bool {
	return !(f.Clubs != nil && !f.Clubs[c.Club] || f.Association != "" && c.Association != f.Association ||
		f.Code != nil && !f.Code.Covers(c) ||
		!f.ExpiringBefore.IsZero() && (c.Expires.IsZero() || !c.Expires.Before(f.ExpiringBefore)))
}

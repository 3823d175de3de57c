package report

import (
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// DefaultHorizon is the horizon club and expiring list by default: from
// asOf to the first 30 June at least six months after it (2 Dec 2026: to
// 30 Jun 2027; 15 Feb 2027: to 30 Jun 2028), so that next summer's
// expiries, and the calendar-year ones before them, are always in it.
func DefaultHorizon(asOf rules.Date) Horizon {
	six := asOf.AddMonths(6)
	y := six.Year()
	if six.After(rules.D(y, time.June, 30)) {
		y++
	}
	return Horizon{From: asOf, Until: rules.D(y, time.June, 30)}
}

// Contains says whether a contract expiring on day is inside h; a contract
// without an expiry is inside only a horizon of All.
func (h Horizon) Contains(day rules.Date) bool {
	if h.All {
		return true
	}
	return !day.IsZero() && !day.Before(h.From) && !day.After(h.Until)
}

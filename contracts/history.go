package contracts

import "github.com/bosmanhq/bosman/rules"

// InForce returns, among the rows of one player, the contract in force and
// known on asOf.
//
// The rule: a row is known on asOf when it was signed (or announced) on or
// before asOf, or when its Signed date is unknown. Among the known rows the
// latest signed wins, because a renewal or a transfer supersedes what was
// signed before it even when the earlier contract had not run out. A row
// whose Signed date is unknown is ordered by its Start date instead (a
// contract is signed no later than it starts), and after every row when
// Start is unknown too. Ties go to the latest Start, then the latest
// Expires, then the row that comes last in rows.
//
// Rows signed after asOf were not yet known: when every row was, ok is
// false. A zero asOf means no cut-off (see Latest).
//
// InForce does not check that the contract has started or not yet expired
// on asOf: the caller asks whether a player is free, and an expired latest
// contract is the answer to that.
func InForce(rows []Contract, asOf rules.Date) (c Contract, ok bool) {
	best := -1
	for i := range rows {
		r := &rows[i]
		if !asOf.IsZero() && !r.Signed.IsZero() && r.Signed.After(asOf) {
			continue
		}
		if best < 0 || !laterSigned(&rows[best], r) {
			best = i
		}
	}
	if best < 0 {
		return Contract{}, false
	}
	return rows[best], true
}

// Latest returns the row of rows that InForce would pick with nothing
// signed after the date: the latest signed. It returns the zero Contract
// when rows is empty.
func Latest(rows []Contract) Contract {
	c, _ := InForce(rows, rules.Date{})
	return c
}

// laterSigned reports whether a comes strictly after b in InForce's order.
func laterSigned(a, b *Contract) bool {
	if x, y := signedOrder(a), signedOrder(b); x != y {
		return x.After(y)
	}
	if a.Start != b.Start {
		return a.Start.After(b.Start)
	}
	return a.Expires.After(b.Expires)
}

// signedOrder is the date by which InForce orders a row: Signed, or Start
// when Signed is unknown (the zero Date, before all, when both are).
func signedOrder(c *Contract) rules.Date {
	if c.Signed.IsZero() {
		return c.Start
	}
	return c.Signed
}

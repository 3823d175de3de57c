package contracts

import (
	"time"

	"github.com/bosmanhq/bosman/rules"
)

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

// Overlay returns, among the rows of one player, the one that answers on
// asOf when curated rows (hand-sourced, dated contracts) sit on top of a
// listing (Listing rows: the embedded snapshot, a release), so that the
// newest confirmed fact about the player wins while history still answers
// questions about the past. The rule:
//
//  1. The curated row is InForce of the rows that are not Listing rows:
//     the latest signed among those known on asOf.
//  2. The listing row is the Listing row with the latest Confirmed on or
//     before asOf (a listing is known from the day it was taken; one with
//     no Confirmed is known always).
//  3. When there are both, the listing row answers unless the curated row
//     is as new: its DataAsOf (the later of its Confirmed and Signed) is
//     on or after the listing's Confirmed (on a tie the hand-checked row
//     wins), or it was signed or announced within the listing's own season
//     (on or after 1 July of the listing's LastSeason), because a listing
//     lags the announcements of its season: Transfermarkt kept Salah's
//     contract to 2027 in June 2026, three months after Liverpool
//     announced it would end that summer. So a curated 2025 row (Bradley's
//     2027, from a February 2025 list) does not hide the June 2026
//     snapshot, nor does an announcement of an earlier season (Høgh's
//     extension of December 2023); Salah's 2026 announcement and a row
//     confirmed after the snapshot do.
//  4. When only one of them is known, it answers. So before the snapshot
//     was taken, the curated rows known then answer (Saliba's 2027
//     contract as of 2025-09-01, his 2030 one as of 2025-10-07).
//  5. When neither is known on asOf and the player has a listing row, the
//     earliest-confirmed one answers and ok is still true: the caller
//     compares its DataAsOf with asOf to say that the facts postdate the
//     question. Otherwise ok is false, as for InForce.
//
// A curated row that answers takes from the listing row (the one of rule
// 2, else the earliest) the facts about the player it leaves empty: his
// market value, position and nationality (see withProfile).
//
// A zero asOf means no cut-off. Without Listing rows, Overlay is InForce.
// Ties among listing rows go to the one that comes last in rows.
func Overlay(rows []Contract, asOf rules.Date) (c Contract, ok bool) {
	listing, earliest := -1, -1
	curated := false
	for i := range rows {
		r := &rows[i]
		if !r.Listing {
			curated = true
			continue
		}
		if earliest < 0 || r.Confirmed.Before(rows[earliest].Confirmed) {
			earliest = i
		}
		if !asOf.IsZero() && r.Confirmed.After(asOf) {
			continue
		}
		if listing < 0 || !r.Confirmed.Before(rows[listing].Confirmed) {
			listing = i
		}
	}
	if earliest < 0 {
		return InForce(rows, asOf)
	}
	var cur Contract
	curOK := false
	if curated {
		kept := make([]Contract, 0, len(rows))
		for _, r := range rows {
			if !r.Listing {
				kept = append(kept, r)
			}
		}
		cur, curOK = InForce(kept, asOf)
	}
	switch {
	case curOK && listing >= 0:
		if l := rows[listing]; cur.DataAsOf().Before(l.Confirmed) && !announcedInSeason(&cur, &l) {
			return l, true
		}
		return withProfile(cur, &rows[listing]), true
	case curOK:
		return withProfile(cur, &rows[earliest]), true
	case listing >= 0:
		return rows[listing], true
	}
	return rows[earliest], true
}

// withProfile is the curated row c with the facts about the player it
// leaves empty (market value, sub-position, nationality) taken from his
// listing row l: a curated row states a contract, a listing the player too,
// and a list of the market sorted by value should not put the headline
// players last for want of one.
func withProfile(c Contract, l *Contract) Contract {
	if c.MarketValue == 0 {
		c.MarketValue = l.MarketValue
	}
	if c.SubPosition == "" && (c.Position == "" || c.Position == l.Position) {
		c.Position, c.SubPosition = l.Position, l.SubPosition
	}
	if c.Nationality == "" {
		c.Nationality = l.Nationality
	}
	return c
}

// announcedInSeason reports whether the curated row c was signed or
// announced within the season of the listing row l (on or after 1 July of
// l.LastSeason), and before l was taken.
func announcedInSeason(c, l *Contract) bool {
	if c.Signed.IsZero() || l.LastSeason == 0 {
		return false
	}
	start, err := rules.MakeDate(l.LastSeason, time.July, 1)
	return err == nil && !c.Signed.Before(start)
}

package report

import (
	"sort"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// InForce returns each player's contract in force and known on asOf, in
// dataset order.
func InForce(all []contracts.Contract, asOf rules.Date) []contracts.Contract {
	out, _ := InForceDropped(all, asOf)
	return out
}

// Dropped is what InForceDropped left out of the rows it was given: every
// row is in force, or one of these.
type Dropped struct {
	// Superseded counts the rows of players with another contract in
	// force on the as-of date: an earlier contract, or a later one not yet
	// signed then.
	Superseded int
	// NotYet counts the rows of players none of whose contracts was
	// signed by the as-of date, who have no contract in force; First is
	// the first of them.
	NotYet int
	First  contracts.Contract
}

// InForceDropped is InForce, and what it left out.
func InForceDropped(all []contracts.Contract, asOf rules.Date) ([]contracts.Contract, Dropped) {
	var out []contracts.Contract
	var dr Dropped
	seen := map[string]int{}
	notYet := map[string]bool{}
	var notYetRows []int // indexes in all, in order
	for i, c := range all {
		key := c.PlayerID
		if key == "" {
			key = c.Player + "\x00" + c.Birth.String()
		}
		if i, ok := seen[key]; ok {
			dr.Superseded++
			rows := []contracts.Contract{out[i], c}
			if best, ok := contracts.InForce(rows, asOf); ok {
				out[i] = best
			}
			continue
		}
		if !c.Signed.IsZero() && c.Signed.After(asOf) {
			notYet[key] = true // not known yet on the as-of date
			notYetRows = append(notYetRows, i)
			continue
		}
		seen[key] = len(out)
		out = append(out, c)
	}
	for _, i := range notYetRows {
		c := &all[i]
		key := c.PlayerID
		if key == "" {
			key = c.Player + "\x00" + c.Birth.String()
		}
		if _, ok := seen[key]; ok {
			dr.Superseded++ // he has a contract in force: this one comes later
			continue
		}
		if dr.NotYet == 0 {
			dr.First = *c
		}
		dr.NotYet++
	}
	return out, dr
}

// Horizon is the range of expiries a club listing covers.
type Horizon struct {
	From, Until rules.Date
	All         bool // every contract in force, whatever its expiry
}

// Within is the horizon of n days ('d'), months ('m') or years ('y') from
// asOf.
func Within(asOf rules.Date, n int, unit byte) Horizon {
	h := Horizon{From: asOf}
	switch unit {
	case 'd':
		h.Until = asOf.AddDays(n)
	case 'm':
		h.Until = asOf.AddMonths(n)
	case 'y':
		h.Until = asOf.AddMonths(12 * n)
	}
	return h
}

// Season is the horizon of the season that starts in year start: 1 July to
// 30 June, or the calendar year when calendarYear.
func Season(start int, calendarYear bool) Horizon {
	if calendarYear {
		return Horizon{From: rules.D(start, time.January, 1), Until: rules.D(start, time.December, 31)}
	}
	return Horizon{From: rules.D(start, time.July, 1), Until: rules.D(start+1, time.June, 30)}
}

// ClubSelection is a club's contracts in force on the as-of date within a
// horizon, answered and sorted by expiry, and what the horizon left out.
// Entries is the squad; players the source last saw at the club in an
// older season are apart in Stale, and players known only from data
// later than the as-of date in Later (a list for people shows them in
// sections of their own: they may have joined or signed since). Machine
// forms write All, each row with its data status.
type ClubSelection struct {
	Names   []string // the club's names in the data; Names[0] for titles
	Horizon Horizon
	AsOf    rules.Date
	To      string // the association asked about with --to, or ""
	Entries []Entry
	Stale   []Entry // DataStaleClub: last seen at the club in an older season
	Later   []Entry // DataBeforeData: facts of a day after the as-of date
	Expired int     // left out: ended before the as-of date
	Unknown int     // left out: no expiry in the data
}

// All is every entry of the selection, sorted by expiry: the squad, the
// players last seen in an older season and those known only from later
// data, each with its data status.
func (sel *ClubSelection) All() []Entry {
	all := make([]Entry, 0, len(sel.Entries)+len(sel.Stale)+len(sel.Later))
	all = append(append(append(all, sel.Entries...), sel.Stale...), sel.Later...)
	SortByExpiry(all)
	return all
}

// SelectClub selects the contracts of the club called names in all, as club
// and timeline list them: within the horizon unless h.All.
func SelectClub(all []contracts.Contract, names []string, h Horizon, q *Query) ClubSelection {
	isClub := NameSet(names)
	var rows []contracts.Contract
	for _, ct := range InForce(all, q.AsOf) {
		if isClub[ct.Club] {
			rows = append(rows, ct)
		}
	}
	return SelectClubRows(rows, names, h, q)
}

// SelectClubRows is SelectClub over the contracts in force of the club's
// players (contracts.Market.ClubRows).
func SelectClubRows(rows []contracts.Contract, names []string, h Horizon, q *Query) ClubSelection {
	sel := ClubSelection{Names: names, Horizon: h, AsOf: q.AsOf, To: q.To}
	for _, ct := range rows {
		if !h.All && (ct.Expires.IsZero() || ct.Expires.Before(h.From) || ct.Expires.After(h.Until)) {
			switch {
			case ct.Expires.IsZero():
				sel.Unknown++
			case ct.Expires.Before(q.AsOf):
				sel.Expired++
			}
			continue
		}
		en := q.Answer(ct)
		switch {
		case en.DataStatus == DataBeforeData:
			sel.Later = append(sel.Later, en)
		case en.StaleClub:
			sel.Stale = append(sel.Stale, en)
		default:
			sel.Entries = append(sel.Entries, en)
		}
	}
	SortByExpiry(sel.Entries)
	SortByExpiry(sel.Stale)
	SortByExpiry(sel.Later)
	return sel
}

// SortByExpiry orders entries by expiry, unknown last, then by name.
func SortByExpiry(entries []Entry) {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].Contract.Expires, entries[j].Contract.Expires
		if a != b {
			return !a.IsZero() && (b.IsZero() || a.Before(b))
		}
		return entries[i].Contract.Player < entries[j].Contract.Player
	})
}

// NameSet is the set of names.
func NameSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// ClubAssociations maps each association of the clubs called names in all
// to one of those names: a club named in --to gives its association.
func ClubAssociations(all []contracts.Contract, names []string) map[string]string {
	assocs := map[string]string{}
	for _, name := range names {
		for _, ct := range all {
			if ct.Club == name && ct.Association != "" {
				assocs[ct.Association] = name
			}
		}
	}
	return assocs
}

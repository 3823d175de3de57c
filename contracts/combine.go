package contracts

import (
	"fmt"
	"strconv"

	"github.com/bosmanhq/bosman/rules"
)

// KindAcrossFiles is the kind of the warning Combine gives for a player
// whose files disagree.
const KindAcrossFiles = "across-files"

// Combine joins the rows of datasets read for one run, in the order they
// were given, and says where they contradict each other.
//
// A player (rows with the same PlayerID, or without one the same name and
// birth date, as InForce groups them) may have rows in several datasets.
// When the latest rows (see Latest) of two of them give him another
// expiry or another club, one dataset speaks for him and the rows of the
// others are left out: the one whose latest row's facts are newer (its
// DataAsOf, the later of its confirmed and signing days), or, when that
// does not tell them apart, the one given last, as a later --data file
// corrects an earlier one. Each such player gets a warning of kind
// KindAcrossFiles naming both rows, which is used and why; dropped counts
// the rows left out.
func Combine(sets []*Dataset) (rows []Contract, warnings []Problem, dropped int) {
	if len(sets) == 1 {
		return sets[0].Contracts, nil, 0
	}
	type latest struct {
		set int
		row int // index in sets[set].Contracts
	}
	var order []string
	seen := map[string][]latest{} // player → his latest row in each set he is in
	for si, ds := range sets {
		for ri := range ds.Contracts {
			c := &ds.Contracts[ri]
			k := playerKey(c)
			ls := seen[k]
			if len(ls) == 0 {
				order = append(order, k)
			}
			if n := len(ls); n > 0 && ls[n-1].set == si {
				if prev := &ds.Contracts[ls[n-1].row]; !laterSigned(prev, c) {
					ls[n-1].row = ri // ties to the later row, as InForce
				}
				continue
			}
			seen[k] = append(ls, latest{si, ri})
		}
	}
	speaker := map[string]int{} // player → the set that speaks for him, when his sets disagree
	for _, k := range order {
		ls := seen[k]
		if len(ls) < 2 {
			continue
		}
		win := ls[0]
		for _, l := range ls[1:] {
			a, b := &sets[win.set].Contracts[win.row], &sets[l.set].Contracts[l.row]
			if a.Expires == b.Expires && a.Club == b.Club {
				continue
			}
			why := "given later"
			next := l
			switch {
			case a.DataAsOf().After(b.DataAsOf()):
				next, why = win, "its facts are newer ("+a.DataAsOf().String()+" against "+orNone(b.DataAsOf())+")"
			case b.DataAsOf().After(a.DataAsOf()):
				why = "its facts are newer (" + b.DataAsOf().String() + " against " + orNone(a.DataAsOf()) + ")"
			}
			used, other := b, a
			if next == win {
				used, other = a, b
			}
			warnings = append(warnings, Problem{Pos: used.Pos, Severity: Warning, Kind: KindAcrossFiles,
				Msg: fmt.Sprintf("%s: %s says %s, %s says %s; %s is used for this player: %s",
					used.Player, at(other.Pos), says(other), at(used.Pos), says(used), used.Pos.File, why),
				Hint: "correct or delete the wrong row"})
			win = next
			speaker[k] = win.set
		}
	}
	for si, ds := range sets {
		for _, c := range ds.Contracts {
			if s, ok := speaker[playerKey(&c)]; ok && s != si {
				dropped++
				continue
			}
			rows = append(rows, c)
		}
	}
	return rows, warnings, dropped
}

// playerKey is what makes rows one player's, as InForce groups them.
func playerKey(c *Contract) string {
	if c.PlayerID != "" {
		return c.PlayerID
	}
	return "\x00" + c.Player + "\x00" + c.Birth.String()
}

func at(p Pos) string { return p.File + ":" + strconv.Itoa(p.Line) }

// says is what a row says of the contract: "expires 2026-06-30 at Liverpool FC".
func says(c *Contract) string {
	s := "the contract expires " + orUnknown(c.Expires)
	if c.Club != "" {
		s += " at " + c.Club
	}
	return s
}

// orNone is the date, or "no date".
func orNone(d rules.Date) string {
	if d.IsZero() {
		return "no date"
	}
	return d.String()
}

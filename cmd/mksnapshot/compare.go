package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Compare lists what the snapshot says against curated rows (bosman's CSV,
// the embedded default.csv): for each curated player, his latest curated
// row against his snapshot row (same Transfermarkt id; for a curated row
// without one, the snapshot player of the same folded name and date of
// birth, whose id it gives), when they disagree on the club, the expiry or
// the association, and which of the two answers today (see
// contracts.Overlay); and the curated players the snapshot does not have.
// It is how the curated rows are re-checked after a new snapshot.
func Compare(w io.Writer, curated []contracts.Contract, s *Snapshot) error {
	byID := map[string]*contracts.Contract{}
	byNameBirth := map[string][]*contracts.Contract{}
	for i := range s.Rows {
		r := &s.Rows[i]
		byID[r.PlayerID] = r
		if !r.Birth.IsZero() {
			k := contracts.Fold(r.Player) + "\x00" + r.Birth.String()
			byNameBirth[k] = append(byNameBirth[k], r)
		}
	}
	groups := map[string][]contracts.Contract{}
	var order []string
	for _, c := range curated {
		if _, ok := groups[c.PlayerID]; !ok {
			order = append(order, c.PlayerID)
		}
		groups[c.PlayerID] = append(groups[c.PlayerID], c)
	}
	var contradicted, linked, missing, agree int
	for _, id := range order {
		cur := contracts.Latest(groups[id])
		snap, how := byID[id], ""
		if snap == nil && !isNumber(id) && !cur.Birth.IsZero() {
			if cands := byNameBirth[contracts.Fold(cur.Player)+"\x00"+cur.Birth.String()]; len(cands) == 1 {
				snap, how = cands[0], "by name and birth date"
			} else if cands := bySurnameBirth(s.Rows, cur); len(cands) == 1 {
				snap, how = cands[0], "by surname and birth date"
			}
		}
		if snap == nil {
			missing++
			fmt.Fprintf(w, "not in the snapshot: %s %s (%s, to %s; confirmed %s)\n", id, cur.Player, cur.Club, cur.Expires, cur.DataAsOf())
			continue
		}
		if how != "" {
			linked++
			fmt.Fprintf(w, "id: %s %s is Transfermarkt %s %s (%s)\n", id, cur.Player, snap.PlayerID, snap.Player, how)
		}
		var diffs []string
		if contracts.ClubKey(cur.Club) != contracts.ClubKey(snap.Club) {
			diffs = append(diffs, fmt.Sprintf("club %s / %s", cur.Club, snap.Club))
		}
		if cur.Expires != snap.Expires {
			diffs = append(diffs, fmt.Sprintf("expiry %s / %s", orDash(cur.Expires.String()), orDash(snap.Expires.String())))
		}
		if cur.Association != snap.Association {
			diffs = append(diffs, fmt.Sprintf("association %s / %s", orDash(cur.Association), orDash(snap.Association)))
		}
		if len(diffs) == 0 {
			agree++
			continue
		}
		contradicted++
		winner := "curated"
		if c, _ := contracts.Overlay(append(slices.Clone(groups[id]), *snap), rules.Date{}); c.Listing {
			winner = "snapshot"
		}
		fmt.Fprintf(w, "contradicts: %s %s: %s (curated / snapshot); curated confirmed %s, so the %s row answers today\n",
			id, cur.Player, strings.Join(diffs, ", "), orDash(cur.DataAsOf().String()), winner)
	}
	fmt.Fprintf(w, "%d curated players: %d agree with the snapshot, %d contradict it, %d not in it; %d ids found by name\n",
		len(order), agree, contradicted, missing, linked)
	return nil
}

// bySurnameBirth finds snapshot rows of the same date of birth sharing
// the last word of the folded name.
func bySurnameBirth(rows []contracts.Contract, c contracts.Contract) []*contracts.Contract {
	words := strings.Fields(contracts.Fold(c.Player))
	if len(words) == 0 {
		return nil
	}
	last := words[len(words)-1]
	var out []*contracts.Contract
	for i := range rows {
		r := &rows[i]
		if r.Birth == c.Birth && strings.Contains(" "+contracts.Fold(r.Player)+" ", " "+last+" ") {
			out = append(out, r)
		}
	}
	return out
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

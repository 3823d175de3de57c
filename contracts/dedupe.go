package contracts

import (
	"fmt"
	"math"
	"math/bits"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// dedupeDeals is how many deals (a player's contract with a club: player,
// club, signing and start) a streamed load remembers to find repeated and
// contradicting rows. The table holding them takes 24 bytes a slot at
// most two thirds full: 36 MiB for 1,048,576 deals, the same for any
// larger file. A variable so that a test can make it small.
var dedupeDeals = 1 << 20

// dealSlot is what a streamed load keeps of the first row of a deal: a
// 64-bit fingerprint of the deal, a 64-bit hash of the whole record, the
// row's line and its expiry.
type dealSlot struct {
	deal    uint64 // fingerprint of player (id, else name), club, signing and start
	record  uint64 // hash of the whole record (recordHash)
	line    uint32 // the row's line; 0 marks an empty slot; top bit: a later row repeated it
	expires rules.Date
}

// repeatedBit marks, in dealSlot.line, a row that a later row repeated.
const repeatedBit = 1 << 31

// dealTable is an open-addressing hash table (linear probing) of dealSlot,
// keyed by the deal fingerprint, of fixed greatest size: it grows by
// doubling up to dedupeDeals*3/2 slots and holds at most dedupeDeals
// deals. Once full it is still searched, so the rows of the deals it
// holds are still merged or left out, but a new deal is not added: the
// rows of the deals first met after it filled are all kept. A missed
// duplicate keeps a row; no row is ever left out or merged but on a full
// match of the 64-bit deal fingerprint (and, to merge, of the 64-bit
// record hash).
type dealTable struct {
	slots []dealSlot
	n     int  // deals held
	full  bool // a deal was not added for want of room
}

// maxSlots is the table's greatest size: never full, so a probe ends.
func maxSlots() int { return max(dedupeDeals*3/2, dedupeDeals+1) }

// lookup returns the slot of deal k and true, or, when the table holds no
// such deal, an empty slot for it and false, or nil and false when the
// table has no room left. rows is the number of rows the file may have, 0
// when unknown, to size the table at once.
func (t *dealTable) lookup(k uint64, rows int64) (*dealSlot, bool) {
	if t.slots == nil {
		n := int64(16)
		if rows > 0 {
			n = rows * 3 / 2
		}
		t.slots = make([]dealSlot, min(max(n, 16), int64(maxSlots())))
		adviseHuge(t.slots)
	}
	for {
		s, found := t.probe(k)
		switch {
		case found:
			return s, true
		case t.n < min(dedupeDeals, len(t.slots)*2/3+1):
			return s, false
		case len(t.slots) < maxSlots():
			t.grow()
		default:
			return nil, false
		}
	}
}

// touch asks for the slot where a probe for deal k starts, so that the
// memory is on its way to the cache while other work goes on (one miss a
// row in a table of tens of megabytes).
func (t *dealTable) touch(k uint64) {
	if len(t.slots) > 0 {
		hi, _ := bits.Mul64(k, uint64(len(t.slots)))
		prefetch(&t.slots[hi])
	}
}

// probe finds deal k or the empty slot where it would go.
func (t *dealTable) probe(k uint64) (*dealSlot, bool) {
	hi, _ := bits.Mul64(k, uint64(len(t.slots))) // k's place, any table size
	for i := int(hi); ; {
		s := &t.slots[i]
		switch {
		case s.line == 0:
			return s, false
		case s.deal == k:
			return s, true
		}
		if i++; i == len(t.slots) {
			i = 0
		}
	}
}

// grow doubles the table, up to maxSlots.
func (t *dealTable) grow() {
	old := t.slots
	t.slots = make([]dealSlot, min(2*len(old), maxSlots()))
	adviseHuge(t.slots)
	for i := range old {
		if old[i].line != 0 {
			s, _ := t.probe(old[i].deal)
			*s = old[i]
		}
	}
}

// add fills the empty slot s that lookup gave for a deal.
func (t *dealTable) add(s *dealSlot, deal, record uint64, line int, expires rules.Date) {
	*s = dealSlot{deal: deal, record: record, line: uint32(line), expires: expires}
	t.n++
}

// maxDealLine is the last line a dealSlot can hold.
const maxDealLine = math.MaxInt32

// tableFull records that the deal of the current row was not remembered,
// and says so once, first among the file's warnings: past this row, the
// repeats of a deal first met after the table filled are kept.
func (ld *loader) tableFull() {
	t := &ld.dups.deals
	if t.full {
		return
	}
	t.full = true
	// a warning about the file (line 0, listed first), listed even when
	// the rows' warnings have filled the list
	ld.ds.Warnings++
	ld.listedW++
	ld.ds.Problems = append(ld.ds.Problems, Problem{
		Pos:      Pos{File: ld.name},
		Severity: Warning,
		Msg: fmt.Sprintf("duplicate detection covered only the first %d deals (player, club, signing and start), those before line %d: "+
			"the repeated or contradicting rows of a deal first met from that line on are kept", t.n, ld.line),
		Hint: "'bosman validate' reads the file whole and checks every row",
	})
}

// repeats are the rows of a file that later rows repeat exactly (each is
// one warning, KindMerged), kept in bounded memory: each is counted, but
// only the first max of them (by line) are held, with the first five
// lines repeating them, as only they can be listed (LoadOptions.MaxProblems).
type repeats struct {
	count int      // rows repeated
	held  []repeat // at most max of them, those of the lowest lines
	at    map[int]int
	max   int
}

type repeat struct {
	line   int    // the repeated row's line
	player string // its player
	lines  [5]int // the first lines repeating it
	n      int    // how many rows repeat it
}

// add records that the row on line repeats the row on first; isNew says
// it is the first to repeat it. player is first's player, copied when
// held.
func (r *repeats) add(first int, isNew bool, player string, line int) {
	if isNew {
		r.count++
		if len(r.held) == r.max {
			// held are the lowest lines repeated so far: first joins them
			// only in place of the highest, which is then never listed
			hi := 0
			for i := range r.held {
				if r.held[i].line > r.held[hi].line {
					hi = i
				}
			}
			if first > r.held[hi].line {
				return
			}
			last := len(r.held) - 1
			delete(r.at, r.held[hi].line)
			if hi != last {
				r.held[hi] = r.held[last]
				r.at[r.held[hi].line] = hi
			}
			r.held = r.held[:last]
		}
		if r.at == nil {
			r.at = make(map[int]int)
		}
		r.at[first] = len(r.held)
		r.held = append(r.held, repeat{line: first, player: strings.Clone(player)})
	}
	i, ok := r.at[first]
	if !ok {
		return // not held: counted only
	}
	h := &r.held[i]
	if h.n < len(h.lines) {
		h.lines[h.n] = line
	}
	h.n++
}

package report

import (
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Selector gathers the answer to a market-wide question (expiring, club)
// from contracts given one by one, as a file is read or from a slice, in
// bounded memory: a kept contract is held in a compact form of about 110
// bytes and its texts, with no pointers for the collector to follow, and
// with a limit only the best rows so far are held. Done sorts them.
type Selector struct {
	q     *Query
	f     Filter
	order []SortKey
	limit int
	en    Entry // the answer of the row being added
	// answer: a filter or the order needs each contract's answer as it
	// is added; otherwise only its freshness, and the contracts kept are
	// answered once, as they are listed
	answer bool
	st     store
	sel    Selection
}

// NewSelector starts a selection of the contracts that pass f, answered by
// q, in order (DefaultOrder when nil), keeping the first limit (0: all).
func NewSelector(q *Query, f Filter, order []SortKey, limit int) *Selector {
	if order == nil {
		order = DefaultOrder
	}
	s := &Selector{q: q, f: f, order: order, limit: max(limit, 0), en: Entry{Windows: new(rules.Windows)}}
	s.answer = f.Statuses != nil || f.MinAge > 0 || f.MaxAge > 0 || !f.OpenOn.IsZero() || slices.Contains(order, SortCanSign)
	s.sel = Selection{Query: q, Filter: f, Order: order, Limit: s.limit}
	return s
}

// Add takes one contract in force: it is kept if it passes the filter.
// The contract is not retained: c may change once Add returns. The error
// is always nil; Add has the shape of the streaming pipeline's emit.
func (s *Selector) Add(c *contracts.Contract) error {
	f := &s.f
	if !f.keepContract(c) {
		return nil
	}
	if !f.inHorizon(c) {
		s.countOut(c)
		return nil
	}
	var day rules.Date
	if s.answer {
		s.q.AnswerInto(&s.en, c)
		if !f.KeepAnswer(&s.en) {
			return nil
		}
		day, _ = s.en.CanSign()
	} else {
		s.en.DataAsOf, s.en.StaleClub, s.en.DataStatus = s.q.freshness(c)
	}
	s.sel.Matched++
	s.st.add(c, day, partOf(&s.en))
	if s.limit > 0 && s.st.len() >= 2*s.limit+1024 {
		s.st = s.st.best(s.order, s.limit)
	}
	return nil
}

// countOut counts c, which the horizon left out, when it passes the rest
// of the filter and ended before the as-of date or has no expiry.
func (s *Selector) countOut(c *contracts.Contract) {
	unknown := c.Expires.IsZero()
	if !unknown && !c.Expires.Before(s.q.AsOf) {
		return
	}
	s.q.AnswerInto(&s.en, c)
	switch {
	case !s.f.KeepAnswer(&s.en):
	case unknown:
		s.sel.Unknown++
	default:
		s.sel.Expired++
	}
}

// partOf is the part of a list en belongs in (see SortData): 0 for the
// contracts the data answers for, 1 for a club last seen in an older
// season, 2 for facts later than the as-of date.
func partOf(en *Entry) uint8 {
	switch {
	case en.DataStatus == DataBeforeData:
		return 2
	case en.StaleClub:
		return 1
	}
	return 0
}

// AddInForce adds each player's contract in force and known on the as-of
// date, of all (see InForce).
func (s *Selector) AddInForce(all []contracts.Contract) {
	for _, c := range InForce(all, s.q.AsOf) {
		s.Add(&c)
	}
}

// AddAll adds rows that are already one per player, in force (the
// embedded market's InForce).
func (s *Selector) AddAll(rows []contracts.Contract) {
	for i := range rows {
		s.Add(&rows[i])
	}
}

// Done sorts what was kept and returns the selection; the Selector must
// not be used after.
func (s *Selector) Done() *Selection {
	s.sel.st = s.st
	s.sel.perm = s.st.sorted(s.order, s.limit)
	return &s.sel
}

// Selection is the answer to a market-wide question: the contracts kept,
// in order, and what the filters left out.
type Selection struct {
	// Title names what was selected, for a heading: a club's name; "" for
	// the whole market.
	Title  string
	Query  *Query
	Filter Filter
	Order  []SortKey
	Limit  int // 0: no limit
	// Matched counts the contracts that passed the filter; Len of them
	// are listed, the first Limit.
	Matched int
	// Expired and Unknown count the contracts the horizon alone left out
	// (they pass the rest of the filter): ended before the as-of date, and
	// without an expiry in the data.
	Expired, Unknown int

	st   store
	perm []int32 // the rows of st listed, in order
}

// Len is the number of contracts listed.
func (s *Selection) Len() int { return len(s.perm) }

// More is the number of contracts matched but not listed, for the limit.
func (s *Selection) More() int { return s.Matched - s.Len() }

// Each answers the contracts listed, in order, and calls fn with each;
// the Entry is reused, valid only during the call.
func (s *Selection) Each(fn func(en *Entry) error) error {
	en := Entry{Windows: new(rules.Windows)}
	var c contracts.Contract
	for _, i := range s.perm {
		s.st.contract(int(i), &c)
		s.Query.AnswerInto(&en, &c)
		if err := fn(&en); err != nil {
			return err
		}
	}
	return nil
}

// Entries returns the answers of the contracts listed, in order.
func (s *Selection) Entries() []Entry {
	out := make([]Entry, 0, s.Len())
	var c contracts.Contract
	for _, i := range s.perm {
		s.st.contract(int(i), &c)
		out = append(out, s.Query.Answer(c))
	}
	return out
}

// SortKey is an order of a market listing.
type SortKey string

// The orders of a market listing.
const (
	SortValue   SortKey = "value"    // market value, highest first; unknown last
	SortExpiry  SortKey = "expiry"   // expiry, soonest first; unknown last
	SortAge     SortKey = "age"      // youngest first; unknown last
	SortName    SortKey = "name"     // name, A to Z, ignoring case and accents
	SortCanSign SortKey = "can-sign" // the CanSign day, soonest first; none last
	// SortData puts first the contracts the data answers for on the as-of
	// date, then those the source last saw at their club in an older
	// season, then those known only from data later than the as-of date:
	// the parts a list for people shows apart, so that a limit takes from
	// the first part first. Not one of SortKeys: a form, not a user, asks
	// for it.
	SortData SortKey = "data"
)

// SortKeys are the orders there are, in the order help lists them.
var SortKeys = []SortKey{SortValue, SortExpiry, SortAge, SortName, SortCanSign}

// DefaultOrder is the order of an expiring listing: the most valuable
// first, then by expiry. Every order ends with these, then name and id,
// so that a listing is the same every time.
var DefaultOrder = []SortKey{SortValue, SortExpiry}

// tieBreak is what every order ends with.
var tieBreak = []SortKey{SortValue, SortExpiry, SortName, sortID}

const sortID SortKey = "id"

// compare orders a and b by keys, then tieBreak.
func (st *store) compare(a, b *held, keys []SortKey) int {
	for _, ks := range [2][]SortKey{keys, tieBreak} {
		for _, k := range ks {
			if c := st.compareBy(a, b, k); c != 0 {
				return c
			}
		}
	}
	return 0
}

func (st *store) compareBy(a, b *held, k SortKey) int {
	switch k {
	case SortValue:
		return cmp.Compare(b.value, a.value) // 0, unknown, sorts last
	case SortExpiry:
		return cmpDay(a.expires, b.expires)
	case SortAge:
		return cmpDayLatest(a.birth, b.birth) // the latest born first
	case SortName:
		return st.compareText(a, b, textFolded)
	case SortCanSign:
		return cmpDay(a.canSign, b.canSign)
	case sortID:
		return st.compareText(a, b, textID)
	case SortData:
		return cmp.Compare(a.part, b.part)
	}
	return 0
}

// cmpDay orders days, the zero day (unknown) last.
func cmpDay(a, b rules.Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	case a.Before(b):
		return -1
	}
	return 1
}

// cmpDayLatest orders days latest first, the zero day (unknown) last.
func cmpDayLatest(a, b rules.Date) int {
	if a.IsZero() != b.IsZero() {
		return cmpDay(a, b)
	}
	return cmpDay(b, a)
}

// sorted returns the rows of st in order, the first limit of them (all
// when limit is 0).
func (st *store) sorted(keys []SortKey, limit int) []int32 {
	// Each row's first keys as numbers (sortWords), compared first: they
	// decide nearly every comparison without reading the rows; a tie is
	// decided by the whole order. The order is total (it ends with the
	// id), so an unstable sort gives the same listing every time.
	words := sortWords(keys)
	recs := make([]sortRec, st.len())
	for i := range recs {
		h := st.row(i)
		r := &recs[i]
		r.i = int32(i)
		for j := 0; j < len(words); j++ {
			r.w[j] = st.sortWord(h, words[j], 0)
			if textKey(words[j]) {
				r.w[j+1] = st.sortWord(h, words[j], 8) // a text's next eight bytes
				j++
			}
		}
	}
	slices.SortFunc(recs, func(a, b sortRec) int {
		for j := range a.w {
			if c := cmp.Compare(a.w[j], b.w[j]); c != 0 {
				return c
			}
		}
		return st.compare(st.row(int(a.i)), st.row(int(b.i)), keys)
	})
	if limit > 0 && len(recs) > limit {
		recs = recs[:limit]
	}
	perm := make([]int32, len(recs))
	for i, r := range recs {
		perm[i] = r.i
	}
	return perm
}

// sortRec is a row to sort: the words of its first keys, and its number.
type sortRec struct {
	w [sortRecWords]uint64
	i int32
}

// sortRecWords is the number of words of a sortRec: two keys and the
// first sixteen bytes of a text (the name, when rows tie on the value and
// the expiry, as many do).
const sortRecWords = 4

// sortWords returns the first keys of the order keys then tieBreak
// (compare's), as many as fill sortRecWords (a text takes two), a key met
// before left out, as it cannot decide again. A text's words are only its
// first sixteen bytes: two texts with the same words may still differ, so
// no key after a text is taken (the words left are "", 0 for every row).
func sortWords(keys []SortKey) (words [sortRecWords]SortKey) {
	n := 0
	for _, ks := range [2][]SortKey{keys, tieBreak} {
		for _, k := range ks {
			text := textKey(k)
			if slices.Contains(words[:n], k) {
				continue
			}
			if n == len(words) || (text && n+2 > len(words)) {
				return words
			}
			words[n] = k
			n++
			if text {
				return words
			}
		}
	}
	return words
}

// textKey says that k orders by a text: its words are the text's first
// bytes.
func textKey(k SortKey) bool { return k == SortName || k == sortID }

// sortWord is key k of h as a number that orders rows as compareBy does
// wherever the numbers differ (equal numbers say nothing): days and values
// as integers, the unknown last, and texts by their eight bytes from byte
// from, big-endian (bytes.Compare's order, a shorter text padded with
// zeros).
func (st *store) sortWord(h *held, k SortKey, from int) uint64 {
	day := func(d rules.Date, latestFirst bool) uint64 {
		if d.IsZero() {
			return 1 << 32 // after every day
		}
		w := uint64(uint32(int32(d.Sub(rules.Date{}))) ^ 1<<31) // int32 order as uint32 order
		if latestFirst {
			w ^= 1<<32 - 1
		}
		return w
	}
	prefix := func(b []byte) uint64 {
		var w [8]byte
		if from < len(b) {
			copy(w[:], b[from:])
		}
		return binary.BigEndian.Uint64(w[:])
	}
	switch k {
	case SortValue:
		return ^(uint64(h.value) ^ 1<<63) // the highest first
	case SortExpiry:
		return day(h.expires, false)
	case SortAge:
		return day(h.birth, true)
	case SortCanSign:
		return day(h.canSign, false)
	case SortData:
		return uint64(h.part)
	case SortName:
		return prefix(st.text1(h, textFolded))
	case sortID:
		return prefix(st.text1(h, textID))
	}
	return 0
}

// best returns a store of the first limit rows of st in order, to free
// what a limit leaves out.
func (st *store) best(keys []SortKey, limit int) store {
	out := store{tab: st.tab}
	for _, i := range st.sorted(keys, limit) {
		out.copyRow(st, int(i))
	}
	return out
}

package report

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// sortStore holds the contracts cs, with canSign days and parts as given.
func sortStore(cs []contracts.Contract, canSign []rules.Date, parts []uint8) *store {
	st := &store{}
	for i := range cs {
		st.add(&cs[i], canSign[i], parts[i])
	}
	return st
}

// byCompare is the order compare alone gives, the one sorted must keep.
func byCompare(st *store, keys []SortKey) []int32 {
	perm := make([]int32, st.len())
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(i, j int32) int { return st.compare(st.row(int(i)), st.row(int(j)), keys) })
	return perm
}

// Worked by hand: the default order (value, highest first, 0 last; then
// expiry, soonest first, unknown last; then name, then id).
func TestSortedDefaultOrder(t *testing.T) {
	d := rules.D
	cs := []contracts.Contract{
		{PlayerID: "1", Player: "Zed", MarketValue: 5_000_000, Expires: d(2027, 6, 30)},
		{PlayerID: "2", Player: "Amy", MarketValue: 0, Expires: d(2026, 6, 30)},
		{PlayerID: "3", Player: "Bob", MarketValue: 7_000_000},
		{PlayerID: "4", Player: "Cat", MarketValue: 5_000_000, Expires: d(2026, 6, 30)},
		{PlayerID: "5", Player: "Abe", MarketValue: 5_000_000, Expires: d(2026, 6, 30)},
		{PlayerID: "0", Player: "Abe", MarketValue: 5_000_000, Expires: d(2026, 6, 30)},
	}
	zero := make([]rules.Date, len(cs))
	st := sortStore(cs, zero, make([]uint8, len(cs)))
	// 7M first; of the 5M, 30 Jun 2026 before 2027; of those, Abe (id 0,
	// then 5) before Cat; the value 0 last
	want := []int32{2, 5, 4, 3, 0, 1}
	if got := st.sorted(DefaultOrder, 0); !slices.Equal(got, want) {
		t.Fatalf("sorted = %v, want %v", got, want)
	}
	if got := st.sorted(DefaultOrder, 2); !slices.Equal(got, want[:2]) {
		t.Fatalf("sorted with limit 2 = %v, want %v", got, want[:2])
	}
}

// sorted, which compares two words a row first, gives the order of compare
// alone for every order there is, on rows made to tie: few values, days
// and names, the unknown among them, names sharing their first eight
// bytes or shorter than eight, negative values and days before year 0.
func TestSortedAsCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	days := []rules.Date{{}, rules.D(2026, 6, 30), rules.D(2026, 7, 1), rules.D(2027, 6, 30), rules.D(-5, 1, 1), rules.D(1999, 12, 31)}
	names := []string{"", "a", "ab", "ab\x00", "abcdefgh", "abcdefghi", "abcdefgha", "zz", "abcdefg", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopa", "abcdefghijklmno"}
	values := []int64{0, 1, 5_000_000, 5_000_001, -3, 1 << 62}
	orders := [][]SortKey{DefaultOrder, {SortAge, SortCanSign, SortData}, {SortData, SortAge, SortName}, {SortData}, {SortName}, {SortAge}, {SortCanSign}, {SortExpiry, SortName}, {SortData, SortValue}, {sortID}, {SortName, SortAge}}
	for round := range 200 {
		n := 1 + r.IntN(60)
		cs := make([]contracts.Contract, n)
		canSign := make([]rules.Date, n)
		parts := make([]uint8, n)
		for i := range cs {
			cs[i] = contracts.Contract{
				PlayerID:    names[r.IntN(len(names))] + fmt.Sprint(r.IntN(3)),
				Player:      names[r.IntN(len(names))],
				MarketValue: values[r.IntN(len(values))],
				Expires:     days[r.IntN(len(days))],
				Birth:       days[r.IntN(len(days))],
			}
			canSign[i] = days[r.IntN(len(days))]
			parts[i] = uint8(r.IntN(3))
		}
		st := sortStore(cs, canSign, parts)
		for _, keys := range orders {
			want := byCompare(st, keys)
			if got := st.sorted(keys, 0); !slices.Equal(got, want) {
				// rows equal in every key may come in either order
				for i := range got {
					if st.compare(st.row(int(got[i])), st.row(int(want[i])), keys) != 0 {
						t.Fatalf("round %d, order %v: sorted = %v, compare gives %v", round, keys, got, want)
					}
				}
			}
		}
	}
}

// A row's word is never less than another's when compareBy puts it after.
func TestSortWordAgreesWithCompareBy(t *testing.T) {
	d := rules.D
	cs := []contracts.Contract{
		{PlayerID: "b", Player: "Abcdefgh2", MarketValue: 3, Expires: d(2026, 6, 30), Birth: d(2001, 1, 1)},
		{PlayerID: "a", Player: "Abcdefgh1", MarketValue: -1, Birth: d(2003, 5, 5)},
		{PlayerID: "ab", Player: "Ab", MarketValue: 0, Expires: d(-1, 3, 1)},
		{PlayerID: "", Player: "", MarketValue: 9, Expires: d(2026, 7, 1), Birth: d(2003, 5, 5)},
	}
	st := sortStore(cs, []rules.Date{d(2026, 1, 1), {}, d(2025, 7, 1), {}}, []uint8{2, 0, 1, 0})
	for _, k := range append(slices.Clone(SortKeys), sortID, SortData) {
		for i := range cs {
			for j := range cs {
				a, b := st.row(i), st.row(j)
				if st.sortWord(a, k, 0) < st.sortWord(b, k, 0) && st.compareBy(a, b, k) >= 0 {
					t.Errorf("%s: row %d's word is less than row %d's, but compareBy puts it after or equal", k, i, j)
				}
			}
		}
	}
}

// The words sorted compares first: the first keys, none repeated, a text
// taking two words (its first sixteen bytes), and none after a text.
func TestSortWords(t *testing.T) {
	for _, c := range []struct {
		keys []SortKey
		want [sortRecWords]SortKey
	}{
		{DefaultOrder, [4]SortKey{SortValue, SortExpiry, SortName}},
		{[]SortKey{SortValue}, [4]SortKey{SortValue, SortExpiry, SortName}}, // then tieBreak, value left out
		{[]SortKey{SortName}, [4]SortKey{SortName}},
		{[]SortKey{SortAge, SortName}, [4]SortKey{SortAge, SortName}},
		{[]SortKey{SortData, SortValue}, [4]SortKey{SortData, SortValue, SortExpiry}}, // no room for the name's two words
		{[]SortKey{sortID}, [4]SortKey{sortID}},
		{[]SortKey{SortAge, SortCanSign, SortData}, [4]SortKey{SortAge, SortCanSign, SortData, SortValue}},
	} {
		if got := sortWords(c.keys); got != c.want {
			t.Errorf("sortWords(%v) = %q, want %q", c.keys, got, c.want)
		}
	}
}

// A contract made again from the store shares its texts' bytes
// (chunkString): they must stay as they were while more rows are held,
// past the end of a chunk and into new ones.
func TestStoreTextsStay(t *testing.T) {
	st := &store{}
	long := strings.Repeat("x", textChunk/3)
	first := contracts.Contract{PlayerID: "42", Player: "Ibrahima Konaté", Source: "https://example.org/42"}
	st.add(&first, rules.Date{}, 0)
	var c contracts.Contract
	st.contract(0, &c)
	for i := range 10 {
		st.add(&contracts.Contract{PlayerID: fmt.Sprint(i), Player: long, Source: long}, rules.Date{}, 0)
	}
	if c.PlayerID != first.PlayerID || c.Player != first.Player || c.Source != first.Source {
		t.Fatalf("held texts changed: %q %q %q", c.PlayerID, c.Player, c.Source)
	}
	if len(st.text) < 4 {
		t.Fatalf("%d text chunks: the test meant to fill several", len(st.text))
	}
}

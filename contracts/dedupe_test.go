package contracts

import (
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// streamFile loads testdata/name with opt, streamed, and returns the
// dataset and the lines of the rows given.
// Every streamed load of the tests checks that the deal contract() hashed
// early is the one merge checks.
func init() { verifyDeal = true }

func streamFile(t *testing.T, name string, opt LoadOptions) (*Dataset, []int) {
	t.Helper()
	var lines []int
	opt.Each = func(ds *Dataset, c *Contract) error {
		lines = append(lines, c.Pos.Line)
		return nil
	}
	ds, err := LoadFile(filepath.Join("testdata", name), opt)
	if err != nil {
		t.Fatal(err)
	}
	checkAccounted(t, ds)
	return ds, lines
}

func problemLines(ps []Problem) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Error())
	}
	return s
}

// dedupe_repeats.csv: Ann Able's row (line 2) is repeated on lines 7 to 13,
// Bob Best's (3) on 6, Cat Cole's (4) on 5 and 14; line 15 gives Bob
// Best's contract (same player, club and signing) another expiry. Repeats
// are merged into the first row, the contradicting row is left out with
// the line of the first (the first row is used), whether the rows are
// kept or streamed.
func TestRepeatsMergedConflictsDropped(t *testing.T) {
	f := filepath.Join("testdata", "dedupe_repeats.csv")
	want := []string{
		f + ":2: warning: Ann Able: row repeated 7 more times (lines 7, 8, 9, 10, 11 and 2 others); merged into this one",
		f + ":3: warning: Bob Best: row repeated once more (line 6); merged into this one",
		f + ":4: warning: Cat Cole: row repeated 2 more times (lines 5 and 14); merged into this one",
		f + ":15:6: warning: contract_expires: Bob Best: line 3 says the contract expires 2026-06-30, this row says 2029-06-30 (same player, club, signing and start); this row is left out, line 3, the first, is used (keep the right row, or give each contract its signing date)",
	}
	ds, lines := streamFile(t, "dedupe_repeats.csv", LoadOptions{})
	if got := problemLines(ds.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("streamed: problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(lines, []int{2, 3, 4}) || ds.Merged != 10 || ds.Conflicts != 1 || ds.Warnings != 4 ||
		ds.Kinds[KindMerged] != 3 || ds.Kinds[KindConflict] != 1 {
		t.Errorf("streamed: rows of lines %v, %d merged, %d conflicts, %d warnings, kinds %v; want lines 2 3 4, 10 merged, 1 conflict, 4 warnings (3 merged, 1 conflict)",
			lines, ds.Merged, ds.Conflicts, ds.Warnings, ds.Kinds)
	}
	kept, err := LoadFile(f, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := problemLines(kept.Problems); !reflect.DeepEqual(got, want) || len(kept.Contracts) != 3 || kept.Merged != 10 || kept.Conflicts != 1 {
		t.Errorf("kept: %d rows, %d merged, %d conflicts, problems\n%s", len(kept.Contracts), kept.Merged, kept.Conflicts, strings.Join(got, "\n"))
	}
}

// With MaxProblems 2, only two warnings are listed: the conflict of line
// 15, met while reading, and then the repeated rows in line order, of
// which there is room for one, Ann Able's of line 2. Cat Cole's row (4),
// repeated first, is no longer held once Ann Able's and Bob Best's lower
// lines are repeated; all three are counted, streamed or kept.
func TestRepeatsHeldAreTheListed(t *testing.T) {
	f := filepath.Join("testdata", "dedupe_repeats.csv")
	want := []string{
		f + ":2: warning: Ann Able: row repeated 7 more times (lines 7, 8, 9, 10, 11 and 2 others); merged into this one",
		f + ":15:6: warning: contract_expires: Bob Best: line 3 says the contract expires 2026-06-30, this row says 2029-06-30 (same player, club, signing and start); this row is left out, line 3, the first, is used (keep the right row, or give each contract its signing date)",
	}
	ds, _ := streamFile(t, "dedupe_repeats.csv", LoadOptions{MaxProblems: 2})
	kept, err := LoadFile(f, LoadOptions{MaxProblems: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, ds := range []*Dataset{ds, kept} {
		if got := problemLines(ds.Problems); !reflect.DeepEqual(got, want) || ds.Warnings != 4 || ds.Kinds[KindMerged] != 3 {
			t.Errorf("problems (%d warnings, kinds %v)\n%s\nwant 4 warnings, 3 merged,\n%s", ds.Warnings, ds.Kinds, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// dedupe_full.csv has five deals (lines 2 to 6). With room for four, the
// fifth, Eve Eze's, is not remembered: its exact repeat (line 8) and its
// row of another expiry (line 10) are kept, while Ann Able's repeat (7)
// is still merged and Bob Best's other expiry (9) left out. The file's
// first warning says how far the check went. Loaded whole, every row is
// checked.
func TestDealTableFull(t *testing.T) {
	defer func(n int) { dedupeDeals = n }(dedupeDeals)
	dedupeDeals = 4
	f := filepath.Join("testdata", "dedupe_full.csv")
	ds, lines := streamFile(t, "dedupe_full.csv", LoadOptions{})
	want := []string{
		f + ": warning: duplicate detection covered only the first 4 deals (player, club, signing and start), those before line 6: the repeated or contradicting rows of a deal first met from that line on are kept ('bosman validate' reads the file whole and checks every row)",
		f + ":2: warning: Ann Able: row repeated once more (line 7); merged into this one",
		f + ":9:6: warning: contract_expires: Bob Best: line 3 says the contract expires 2026-06-30, this row says 2027-06-30 (same player, club, signing and start); this row is left out, line 3, the first, is used (keep the right row, or give each contract its signing date)",
	}
	if got := problemLines(ds.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !reflect.DeepEqual(lines, []int{2, 3, 4, 5, 6, 8, 10}) || ds.Merged != 1 || ds.Conflicts != 1 || ds.Warnings != 3 {
		t.Errorf("rows of lines %v, %d merged, %d conflicts, %d warnings; want 2 3 4 5 6 8 10, 1, 1, 3", lines, ds.Merged, ds.Conflicts, ds.Warnings)
	}
	kept, err := LoadFile(f, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept.Contracts) != 5 || kept.Merged != 2 || kept.Conflicts != 2 {
		t.Errorf("kept: %d rows, %d merged, %d conflicts; want 5, 2 (lines 7, 8), 2 (lines 9, 10)", len(kept.Contracts), kept.Merged, kept.Conflicts)
	}
}

// A table sized without knowing the file's size (stdin) starts small and
// grows: every one of 100 deals is still found after it has doubled from
// 16 slots to 150, and the 101st is the first not remembered.
func TestDealTableGrows(t *testing.T) {
	defer func(n int) { dedupeDeals = n }(dedupeDeals)
	dedupeDeals = 100
	var b strings.Builder
	b.WriteString("player_id,player,club,association,contract_signed,contract_expires\n")
	row := func(i int) string {
		return fmt.Sprintf("%d,P%d,Arsenal FC,ENG,2024-07-01,2027-06-30\n", i, i)
	}
	for i := range 100 {
		b.WriteString(row(i)) // lines 2-101
	}
	for i := range 100 {
		b.WriteString(row(i)) // 102-201: merged
	}
	b.WriteString(row(100)) // 202: not remembered
	b.WriteString(row(100)) // 203: kept
	given := 0
	ds, err := Load(strings.NewReader(b.String()), "in.csv", LoadOptions{Each: func(*Dataset, *Contract) error { given++; return nil }})
	if err != nil {
		t.Fatal(err)
	}
	checkAccounted(t, ds)
	if given != 102 || ds.Merged != 100 {
		t.Errorf("%d rows given, %d merged; want 102, 100", given, ds.Merged)
	}
	if len(ds.Problems) == 0 || !strings.Contains(ds.Problems[0].Msg, "first 100 deals (player, club, signing and start), those before line 202") {
		t.Errorf("first problem %v, want the table's", ds.Problems)
	}
}

// The table itself: 16 slots to start, doubled at two thirds full (11
// deals in 16 slots, 22 in 32, 43 in 64, 86 in 128) up to 150 slots, 100
// deals; every deal added is found after each growth, and past 100 there
// is no room, while the 100 are still found.
func TestDealTableSlots(t *testing.T) {
	defer func(n int) { dedupeDeals = n }(dedupeDeals)
	dedupeDeals = 100
	var tb dealTable
	key := func(i int) uint64 { return uint64(i) * 0x9e3779b97f4a7c15 }
	sizes := map[int]bool{}
	for i := range 100 {
		s, found := tb.lookup(key(i), 0)
		if s == nil || found {
			t.Fatalf("deal %d: slot %v, found %v; want an empty slot", i, s, found)
		}
		tb.add(s, key(i), uint64(i), i+2, rules.Date{})
		sizes[len(tb.slots)] = true
		for j := 0; j <= i; j++ {
			if s, found := tb.lookup(key(j), 0); !found || s.line != uint32(j+2) {
				t.Fatalf("after %d deals, deal %d not found (%v)", i+1, j, s)
			}
		}
	}
	if !reflect.DeepEqual(sizes, map[int]bool{16: true, 32: true, 64: true, 128: true, 150: true}) {
		t.Errorf("table sizes %v, want 16, 32, 64, 128, 150", sizes)
	}
	if s, found := tb.lookup(key(100), 0); s != nil || found {
		t.Errorf("deal 101: slot %v, found %v; want no room", s, found)
	}
}

// touch only reads: before the table exists, and at the last slot (the
// greatest key), nothing changes and a probe finds what it found.
func TestDealTableTouch(t *testing.T) {
	var tb dealTable
	tb.touch(math.MaxUint64) // no slots yet
	if tb.slots != nil || tb.n != 0 {
		t.Fatalf("touch changed an empty table: %+v", tb)
	}
	s, _ := tb.lookup(7, 0)
	tb.add(s, 7, 70, 2, rules.Date{})
	before := slices.Clone(tb.slots)
	for _, k := range []uint64{0, 7, math.MaxUint64} {
		tb.touch(k)
	}
	if !slices.Equal(before, tb.slots) {
		t.Error("touch changed the slots")
	}
	if s, found := tb.lookup(7, 0); !found || s.record != 70 {
		t.Errorf("deal 7 after touch: %+v, %v", s, found)
	}
}

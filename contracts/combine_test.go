package contracts

import (
	"strings"
	"testing"
)

// The same player in two files with different expiries (issue 12 #12): one
// file speaks for him, the newer facts or else the file given last, and a
// warning names both files and lines and says which is used and why.
func TestCombine(t *testing.T) {
	load := func(name, in string) *Dataset {
		t.Helper()
		ds, err := Load(strings.NewReader(in), name, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return ds
	}
	head := "player_id,player,club,association,contract_expires,confirmed\n"
	a := load("a.csv", head+"1,Ann Able,Riverside FC,ENG,2026-06-30,\n2,Bob Bell,Riverside FC,ENG,2027-06-30,2025-01-01\n3,Cid Cole,Riverside FC,ENG,2026-06-30,\n")
	b := load("b.csv", head+"3,Cid Cole,Riverside FC,ENG,2026-06-30,\n1,Ann Able,Riverside FC,ENG,2028-06-30,\n2,Bob Bell,Riverside FC,ENG,2029-06-30,2024-01-01\n")
	rows, warns, dropped := Combine([]*Dataset{a, b})
	var got []string
	for _, r := range rows {
		got = append(got, r.Pos.File+":"+r.Player+":"+r.Expires.String())
	}
	// Ann: b.csv, given later; Bob: a.csv, confirmed later; Cid: both agree, both kept
	want := "a.csv:Bob Bell:2027-06-30 a.csv:Cid Cole:2026-06-30 b.csv:Cid Cole:2026-06-30 b.csv:Ann Able:2028-06-30"
	if strings.Join(got, " ") != want || dropped != 2 {
		t.Errorf("rows %v, %d dropped\nwant %s, 2 dropped", got, dropped, want)
	}
	if len(warns) != 2 {
		t.Fatalf("warnings %v, want 2", warns)
	}
	for i, w := range []string{
		"b.csv:3: warning: Ann Able: a.csv:2 says the contract expires 2026-06-30 at Riverside FC, b.csv:3 says the contract expires 2028-06-30 at Riverside FC; b.csv is used for this player: given later",
		"a.csv:3: warning: Bob Bell: b.csv:4 says the contract expires 2029-06-30 at Riverside FC, a.csv:3 says the contract expires 2027-06-30 at Riverside FC; a.csv is used for this player: its facts are newer (2025-01-01 against 2024-01-01)",
	} {
		if got := warns[i].Error(); !strings.HasPrefix(got, w) || warns[i].Kind != KindAcrossFiles {
			t.Errorf("warning %d:\n%s\nwant\n%s", i, got, w)
		}
	}
	// one file: as it is
	if rows, warns, dropped := Combine([]*Dataset{a}); len(rows) != 3 || warns != nil || dropped != 0 {
		t.Errorf("one file: %d rows, %v, %d", len(rows), warns, dropped)
	}
}

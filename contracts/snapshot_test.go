package contracts

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// Rows of the June 2026 build go through EncodeSnapshot and come back as
// they were loaded, but for what the snapshot sets (the short club name,
// the scrape day, the listing mark, the position in the file).
func TestSnapshotRoundTrip(t *testing.T) {
	ds, err := LoadFile(filepath.Join(testdataDir, "tmdatasets_players_2026-06-12_extract.csv"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var rows []Contract
	clubs := map[string]*SnapshotClub{}
	var order []string
	for _, c := range ds.Contracts {
		if c.LastSeason != 2025 {
			continue
		}
		if _, ok := clubs[c.ClubID]; !ok {
			short := ""
			if c.Club != "" {
				short = "Short " + c.Club
			}
			clubs[c.ClubID] = &SnapshotClub{ID: c.ClubID, League: c.League, Association: c.Association, Name: short, Official: c.Club}
			order = append(order, c.ClubID)
		}
		rows = append(rows, c)
	}
	var table []SnapshotClub
	for _, id := range order {
		table = append(table, *clubs[id])
	}
	meta := SnapshotMeta{Source: "https://example.org/players.csv.gz", SHA256: "abc", Scraped: rules.D(2026, 6, 12), Season: 2025}
	players, clubFile, err := EncodeSnapshot(meta, table, rows)
	if err != nil {
		t.Fatal(err)
	}
	again, againClubs, _ := EncodeSnapshot(meta, table, rows)
	if string(again) != string(players) || string(againClubs) != string(clubFile) {
		t.Fatal("the same input gave other bytes")
	}
	s, err := openSnapshot("test", string(players), string(clubFile))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.all(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows) || s.meta.Rows != len(rows) || s.meta.Scraped != meta.Scraped || s.meta.Source != meta.Source {
		t.Fatalf("%d rows back of %d; meta %+v", len(got), len(rows), s.meta)
	}
	byID := map[string]Contract{}
	for _, c := range got {
		byID[c.PlayerID] = c
	}
	lines := strings.Split(string(players), "\n")
	for _, want := range rows {
		c, ok := byID[want.PlayerID]
		if !ok {
			t.Fatalf("%s lost", want.PlayerID)
		}
		if !strings.HasPrefix(lines[c.Pos.Line-1], c.PlayerID+"\t") {
			t.Errorf("%s: line %d is %q", c.PlayerID, c.Pos.Line, lines[c.Pos.Line-1])
		}
		if c.Club != clubs[want.ClubID].Name {
			t.Errorf("%s: club %q, want the short name %q", c.PlayerID, c.Club, clubs[want.ClubID].Name)
		}
		want.Club, want.Confirmed, want.Listing, want.Pos = c.Club, meta.Scraped, true, Pos{File: "test", Line: c.Pos.Line}
		if c != want {
			t.Errorf("round trip\n got  %+v\n want %+v", c, want)
		}
		if r, err := s.rowAt(offsetOf(t, s, c.PlayerID)); err != nil || r != c {
			t.Errorf("%s: rowAt gives %+v, %v", c.PlayerID, r, err)
		}
	}
	// A field that would break a line is refused.
	bad := rows[0]
	bad.Nationality = "Fr\tance"
	if _, _, err := EncodeSnapshot(meta, table, []Contract{bad}); err == nil || !strings.Contains(err.Error(), "tab") {
		t.Errorf("a tab in a field: %v", err)
	}
	bad = rows[0]
	bad.ClubID = "nope"
	if _, _, err := EncodeSnapshot(meta, table, []Contract{bad}); err == nil {
		t.Error("a row of no listed club was encoded")
	}
	if _, err := openSnapshot("x", "not a snapshot", ""); err == nil {
		t.Error("opened something that is not a snapshot")
	}
	if _, err := openSnapshot("x", snapshotMagicPlayers+"\n#keys\t99\nshort\n", ""); err == nil {
		t.Error("opened a snapshot whose keys block is cut short")
	}
}

// offsetOf finds a player's row offset through the keys block.
func offsetOf(t *testing.T, s *snapshot, id string) int {
	t.Helper()
	found := -1
	s.eachKeys(func(_ string, off int) {
		if strings.HasPrefix(s.rows[off:], id+"\t") {
			found = off
		}
	})
	if found < 0 {
		t.Fatalf("%s not in the keys block", id)
	}
	return found
}

func TestASCIISlug(t *testing.T) {
	for in, want := range map[string]string{"Ibrahima Konate": "ibrahima-konate", "Jay O'Shea": "jay-o-shea",
		"Silviu Lung Jr.": "silviu-lung-jr", "Ibrahima Konaté": "", "A.J. Smith": "a-j-smith"} {
		if got := asciiSlug(in); got != want {
			t.Errorf("asciiSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

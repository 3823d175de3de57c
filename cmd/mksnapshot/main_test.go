package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// extract is 57 verbatim rows of the 12 June 2026 build (see
// testdata/contracts/README.md), gzip-compressed as the upstream is.
func extract(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../testdata/contracts/tmdatasets_players_2026-06-12_extract.csv")
	if err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(b)
	w.Close()
	return z.Bytes()
}

func TestBuildExtract(t *testing.T) {
	gz := extract(t)
	clubs := []byte("club_id,club_code,name\n31,fc-liverpool,Liverpool Football Club\n")
	s, err := Build(gz, clubs, DefaultSource)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Build(gz, clubs, DefaultSource)
	if err != nil || !bytes.Equal(again.Players, s.Players) || !bytes.Equal(again.Clubs, s.Clubs) || !bytes.Equal(again.Report, s.Report) {
		t.Fatal("the same input gave other bytes")
	}
	// 54 of the 57 rows have last_season 2025 (Mariusz Lewandowski 2013,
	// Izzo 2024 and Moussa Konaté 2021 do not); 52 of them an expiry; 47
	// clubs, 3 players at clubs the upstream does not name. The newest
	// portrait of the extract, 558086's of the full file aside, is
	// 1781163507: 2026-06-11 07:38:27 UTC.
	m := s.Meta
	if m.Rows != 54 || m.Season != 2025 || m.Scraped != rules.D(2026, 6, 11) || len(s.ClubList) != 47 || m.Source != DefaultSource || len(m.SHA256) != 64 {
		t.Fatalf("meta %+v, %d clubs", m, len(s.ClubList))
	}
	report := string(s.Report)
	for _, want := range []string{
		"54 players of the upstream's 57 rows", "(52 with one, 2 without)",
		"| GB1 | ENG | 7 | 7 | 0 |", "| MLS1 | USA, CAN | 4 | 4 | 0 |",
		"3 current players are at 3 clubs the upstream does not name",
		"- 3 rows whose `last_season` is before 2025", "1 of them still carry an expiry on or after the scrape day",
		"2026-06-11 07:38:27 UTC", "`" + m.SHA256 + "`",
		// the clubs.csv given, by its sha256 (printf 'club_id,club_code,name\n31,...' | sha256sum)
		"- Clubs' codes: a transfermarkt-datasets `clubs.csv` (`-clubs`), sha256 `b5ab6ab0b4af2f08b6af87da6619e0d222e6442b55fcd15087632ea4e6b2b51b`, with the `club_code` of 1 club: each",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("SNAPSHOT.md lacks %q:\n%s", want, report)
		}
	}
	if bare, err := Build(gz, nil, DefaultSource); err != nil || !strings.Contains(string(bare.Report), "- Clubs' codes: none (built without `-clubs`)") {
		t.Errorf("built without a clubs.csv, SNAPSHOT.md does not say so (%v)", err)
	}
	names := map[string]contracts.SnapshotClub{}
	for _, c := range s.ClubList {
		names[c.ID] = c
	}
	for id, want := range map[string]string{
		"31":    "Liverpool FC",     // the hand table
		"69261": "Inter Miami CF",   // the hand table
		"11141": "Toronto FC",       // as it is
		"7055":  "Tigres UANL",      // the hand table, not "Club Tigres UANL Sinergia Deportiva"
		"418":   "Real Madrid",      // the hand table, not "Real Madrid Club de Fútbol"
		"6500":  "FC Seoul",         // the rule: Football Club abbreviated
		"428":   "KS Górnik Zabrze", // the rule: the company form dropped
		"13":    "Atlético de Madrid",
		"184":   "", // not named upstream
	} {
		if got := names[id].Name; got != want {
			t.Errorf("club %s: short name %q, want %q", id, got, want)
		}
	}
	if a := names["31"].Aliases; len(a) != 1 || a[0] != "fc liverpool" {
		t.Errorf("Liverpool's alias from clubs.csv: %q", a)
	}
	if c := names["4078"]; c.Association != "CAN" || c.League != "MLS1" || c.Name != "CF Montréal" {
		t.Errorf("CF Montréal: %+v", c)
	}
}

// The comparison finds what the snapshot contradicts, and the ids of
// curated rows that had none.
func TestCompare(t *testing.T) {
	s, err := Build(extract(t), nil, DefaultSource)
	if err != nil {
		t.Fatal(err)
	}
	curated := []contracts.Contract{
		{PlayerID: "357119", Player: "Ibrahima Konaté", Club: "Liverpool FC", Association: "ENG", Expires: rules.D(2026, 6, 30), Confirmed: rules.D(2025, 9, 11)},
		{PlayerID: "tm-unknown-santiago-gimenez", Player: "Santiago Giménez", Birth: rules.D(2001, 4, 18), Club: "Feyenoord Rotterdam",
			Association: "NED", Expires: rules.D(2027, 6, 30)},
		{PlayerID: "624258", Player: "Conor Bradley", Club: "Liverpool FC", Association: "ENG", Expires: rules.D(2027, 6, 30), Confirmed: rules.D(2025, 2, 26)},
		{PlayerID: "tm-unknown-sebastian-breza", Player: "Sebastian Breza", Birth: rules.D(1998, 3, 15), Club: "CF Montréal",
			Association: "USA", League: "MLS1", Expires: rules.D(2027, 12, 31), Signed: rules.D(2025, 10, 20)},
		{PlayerID: "1", Player: "Nobody Known", Club: "Nowhere", Expires: rules.D(2027, 6, 30)},
	}
	var b bytes.Buffer
	if err := Compare(&b, curated, s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"id: tm-unknown-santiago-gimenez Santiago Giménez is Transfermarkt 552955 Santiago Gimenez (by name and birth date)",
		"contradicts: tm-unknown-santiago-gimenez Santiago Giménez: club Feyenoord Rotterdam / AC Milan, expiry 2027-06-30 / 2029-06-30, association NED / ITA",
		"contradicts: 624258 Conor Bradley: expiry 2027-06-30 / 2029-06-30 (curated / snapshot); curated confirmed 2025-02-26, so the snapshot row answers today",
		"id: tm-unknown-sebastian-breza Sebastian Breza is Transfermarkt 459842 Sébastian Breza (by name and birth date)",
		"association USA / CAN",
		"not in the snapshot: 1 Nobody Known",
		"5 curated players: 1 agree with the snapshot, 3 contradict it, 1 not in it; 2 ids found by name",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("comparison lacks %q:\n%s", want, out)
		}
	}
}

// run writes the three files, and nothing when the input is bad.
func TestRunWritesFiles(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "players.csv.gz")
	if err := os.WriteFile(in, extract(t), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(in, "", dir, DefaultSource, "", &out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"snapshot-players.tsv", "snapshot-clubs.tsv", "SNAPSHOT.md"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("player,contract_expires\nA,2026-06-30\n"), 0o644)
	other := t.TempDir()
	if err := run(bad, "", other, DefaultSource, "", &out); err == nil {
		t.Error("a file that is not a players.csv made a snapshot")
	}
	if entries, _ := os.ReadDir(other); len(entries) != 0 {
		t.Errorf("files written for a bad input: %v", entries)
	}
}

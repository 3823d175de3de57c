package contracts

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

func embedded(t testing.TB) *Market {
	t.Helper()
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// The committed snapshot is whole and agrees with this package: counts of
// the 12 June 2026 build (SNAPSHOT.md), each club's association as
// LeagueAssociation gives it today, unique short names, and every keys
// line pointing at its row.
func TestEmbeddedSnapshot(t *testing.T) {
	m := embedded(t)
	meta := m.Snapshot()
	if meta.Scraped != rules.D(2026, 6, 12) || meta.Season != 2025 || meta.Rows != 18353 ||
		meta.SHA256 != "13458a04722a6e374084b096ba6c6d08b81cdada01fa6f08cdeaf2deaf784404" ||
		meta.Source != "https://pub-e682421888d945d684bcae8890b0ec20.r2.dev/data/players.csv.gz" {
		t.Fatalf("meta %+v", meta)
	}
	rows, err := m.snap.all(0)
	if err != nil {
		t.Fatal(err)
	}
	withExpiry, noAssoc := 0, 0
	ids := map[string]bool{}
	for _, r := range rows {
		if ids[r.PlayerID] {
			t.Fatalf("player %s twice", r.PlayerID)
		}
		ids[r.PlayerID] = true
		if !r.Expires.IsZero() {
			withExpiry++
		}
		if r.League != "" && r.Association == "" {
			t.Errorf("%s %s: league %s without an association", r.PlayerID, r.Player, r.League)
		}
		if r.Association == "" {
			noAssoc++
		}
		if !r.Listing || r.Confirmed != meta.Scraped || r.LastSeason != 2025 || r.Pos.File != SnapshotName {
			t.Fatalf("row %+v", r)
		}
	}
	// SNAPSHOT.md: 15,835 with an expiry; 2,269 at clubs the upstream does
	// not name, the only rows without an association.
	if len(rows) != 18353 || withExpiry != 15835 || noAssoc != 2269 {
		t.Fatalf("%d rows, %d with an expiry, %d without an association", len(rows), withExpiry, noAssoc)
	}
	clubs, _, err := m.snap.clubTable()
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, c := range clubs {
		if want, _ := leagueAssociation(c.League, c.Official, c.ID); c.League != "" && c.Association != want {
			t.Errorf("club %s %s: association %s, LeagueAssociation says %s: run mksnapshot again", c.ID, c.Name, c.Association, want)
		}
		if c.Name == "" {
			continue
		}
		k := ClubKey(c.Name)
		if other, dup := keys[k]; dup {
			t.Errorf("clubs %s and %s share the key %q", other, c.ID, k)
		}
		keys[k] = c.ID
		if len(c.keys) == 0 || c.keys[0] != k {
			t.Errorf("club %s: keys %q do not start with %q", c.ID, c.keys, k)
		}
	}
	n := 0
	m.snap.eachKeys(func(k string, off int) {
		n++
		r, err := m.snap.rowAt(off)
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.Join(foldVariants(r.Player), "|"); k != want {
			t.Fatalf("keys %q for %s, want %q", k, r.Player, want)
		}
	})
	if n != len(rows) {
		t.Fatalf("%d keys lines for %d rows", n, len(rows))
	}
	// Line numbers point at the row.
	r := rows[1000]
	line := strings.Split(m.snap.players, "\n")[r.Pos.Line-1]
	if !strings.HasPrefix(line, r.PlayerID+"\t"+r.Player+"\t") {
		t.Fatalf("line %d is %q, not %s's", r.Pos.Line, line, r.Player)
	}
}

// Values from the 12 June 2026 build (see testdata's extract of it).
func TestEmbeddedKnownRows(t *testing.T) {
	m := embedded(t)
	got, err := m.snap.byIDs(map[string]bool{"357119": true, "393325": true, "73731": true, "316264": true})
	if err != nil || len(got) != 4 {
		t.Fatalf("%v, %d rows", err, len(got))
	}
	by := map[string]Contract{}
	for _, c := range got {
		c.Pos.Line = 0
		by[c.PlayerID] = c
	}
	want := Contract{PlayerID: "357119", Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25), Nationality: "France",
		Position: Defender, SubPosition: "Centre-Back", MarketValue: 45_000_000, Club: "Liverpool FC", ClubID: "31",
		Association: "ENG", League: "GB1", Expires: rules.D(2026, 6, 30), LastSeason: 2025, Confirmed: rules.D(2026, 6, 12),
		Source: "https://www.transfermarkt.co.uk/ibrahima-konate/profil/spieler/357119", Listing: true, Pos: Pos{File: SnapshotName}}
	if by["357119"] != want {
		t.Errorf("Konaté\n got  %+v\n want %+v", by["357119"], want)
	}
	if c := by["393325"]; c.Club != "Toronto FC" || c.Association != "CAN" || c.League != "MLS1" {
		t.Errorf("Sargent: %+v", c)
	}
	// A slug the name does not give: kept in the file.
	if c := by["73731"]; c.Source != "https://www.transfermarkt.co.uk/silviu-lung-jr-/profil/spieler/73731" {
		t.Errorf("Lung: source %q", c.Source)
	}
	if c := by["316264"]; c.Source != "https://www.transfermarkt.co.uk/martin-odegaard/profil/spieler/316264" || c.Player != "Martin Ødegaard" {
		t.Errorf("Ødegaard: %+v", c)
	}
}

// Players over the embedded data finds what an Index over all its rows
// finds, without building one.
func TestEmbeddedPlayersAsIndex(t *testing.T) {
	m := embedded(t)
	all, err := m.All()
	if err != nil {
		t.Fatal(err)
	}
	ix := NewIndex(all)
	for _, q := range []string{"Konate", "konaté", "Ibrahima Konate", "Saliba", "Mbappe", "Kon", "Rudiger", "Ruediger",
		"Müller", "Mueller", "N'Golo Kanté", "ngolo", "Odegaard", "Ødegaard", "Oedegaard", "Silva", "de jong", "Vinicius",
		"Haaland", "Yamal", "Musiala", "Lewandowski", "Salah", "Gimenez", "Bradley", "Nyoni", "jr", "zzqx", "", "  ",
		"Alexander-Arnold", "van dijk", "O'Shea", "Gross", "Groß"} {
		want := ix.Players(q)
		got := m.Players(q)
		if len(got) != len(want) {
			t.Errorf("%q: %d matches, the index has %d", q, len(got), len(want))
			continue
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.PlayerID != w.PlayerID || g.Kind != w.Kind || len(g.Rows) != len(w.Rows) {
				t.Errorf("%q #%d: %s %s kind %d (%d rows); the index: %s %s kind %d (%d rows)",
					q, i, g.PlayerID, g.Name, g.Kind, len(g.Rows), w.PlayerID, w.Name, w.Kind, len(w.Rows))
			}
		}
	}
	if ms := m.Players("357119"); len(ms) != 1 || ms[0].Name != "Ibrahima Konaté" || len(ms[0].Rows) != 2 {
		t.Errorf("by id: %+v", ms)
	}
	if s := m.Suggest("Konnate", 3); len(s) == 0 || s[0] != "Ibrahima Konaté" && !strings.Contains(strings.Join(s, ","), "Konaté") {
		t.Errorf("suggest Konnate: %q", s)
	}
}

// The four players the seed data was made for keep its answers as of
// 2025-10-07, before the snapshot was taken; the newer snapshot answers
// later; Saliba's history answers before his renewal.
func TestEmbeddedOverlaySeedPlayers(t *testing.T) {
	m := embedded(t)
	if ds, err := Default(); err != nil || len(ds.Contracts) != 145 {
		t.Fatalf("Default: %v, %d rows; data/SOURCES.md counts 145", err, len(ds.Contracts))
	}
	tests := []struct {
		query        string
		asOf         rules.Date
		club, assoc  string
		expires      rules.Date
		fromSnapshot bool
	}{
		{"Ibrahima Konate", rules.D(2025, 10, 7), "Liverpool FC", "ENG", rules.D(2026, 6, 30), false},
		{"Antonio Rudiger", rules.D(2025, 10, 7), "Real Madrid", "ESP", rules.D(2026, 6, 30), false},
		{"David Alaba", rules.D(2025, 10, 7), "Real Madrid", "ESP", rules.D(2026, 6, 30), false},
		{"William Saliba", rules.D(2025, 10, 7), "Arsenal FC", "ENG", rules.D(2030, 6, 30), false},
		// Saliba's 2030 deal was signed on 30 Sep 2025: before it, his 2027 one.
		{"William Saliba", rules.D(2025, 9, 1), "Arsenal FC", "ENG", rules.D(2027, 6, 30), false},
		// After the snapshot, the curated rows confirmed before it give way.
		{"Ibrahima Konate", rules.D(2026, 6, 12), "Liverpool FC", "ENG", rules.D(2026, 6, 30), true},
		// Saliba's renewal was announced in the snapshot's season: his row stands.
		{"William Saliba", rules.D(2026, 12, 1), "Arsenal FC", "ENG", rules.D(2030, 6, 30), false},
		// Salah's early exit, announced on 24 Mar 2026, wins over the June
		// snapshot, which still shows his contract to 2027.
		{"Mohamed Salah", rules.D(2026, 12, 1), "Liverpool FC", "ENG", rules.D(2026, 6, 30), false},
		// Bradley's curated row is a February 2025 list's 2027; the snapshot's 2029 answers.
		{"Conor Bradley", rules.D(2026, 12, 1), "Liverpool FC", "ENG", rules.D(2029, 6, 30), true},
		// Giménez's move to AC Milan (3 Feb 2025) is a later curated row.
		{"Santiago Gimenez", rules.D(2025, 1, 15), "Feyenoord Rotterdam", "NED", rules.D(2027, 6, 30), false},
		{"Santiago Gimenez", rules.D(2025, 10, 7), "AC Milan", "ITA", rules.D(2029, 6, 30), false},
		// Bradley's renewal of 17 May 2025, also there.
		{"Conor Bradley", rules.D(2025, 10, 7), "Liverpool FC", "ENG", rules.D(2029, 6, 30), false},
		// A player the curated rows do not have: the snapshot, whatever the date.
		{"Erling Haaland", rules.D(2025, 10, 7), "Manchester City", "ENG", rules.D(2034, 6, 30), true},
	}
	for _, tt := range tests {
		r := m.Resolve(tt.query)
		if !r.OK {
			t.Fatalf("%s: not resolved: %+v", tt.query, r)
		}
		c, ok := Overlay(r.Match.Rows, tt.asOf)
		if !ok || c.Club != tt.club || c.Association != tt.assoc || c.Expires != tt.expires || c.Listing != tt.fromSnapshot {
			t.Errorf("%s as of %s: %s (%s) to %s, snapshot %v; want %s (%s) to %s, snapshot %v",
				tt.query, tt.asOf, c.Club, c.Association, c.Expires, c.Listing, tt.club, tt.assoc, tt.expires, tt.fromSnapshot)
		}
	}
}

// TestOverlayProfile: a curated row that answers keeps its contract and
// takes the facts about the player it lacks from his listing row; those
// it states win.
func TestOverlayProfile(t *testing.T) {
	listing := Contract{PlayerID: "1", Club: "Snapshot FC", Expires: rules.D(2026, 6, 30), Confirmed: rules.D(2026, 6, 12), Listing: true,
		MarketValue: 45_000_000, Position: Defender, SubPosition: "Centre-Back", Nationality: "France"}
	curated := Contract{PlayerID: "1", Club: "Curated FC", Expires: rules.D(2026, 6, 30), Confirmed: rules.D(2026, 7, 1), Position: Defender}
	c, ok := Overlay([]Contract{curated, listing}, rules.D(2026, 12, 1))
	if !ok || c.Club != "Curated FC" || c.MarketValue != 45_000_000 || c.SubPosition != "Centre-Back" || c.Nationality != "France" {
		t.Errorf("%+v", c)
	}
	// before the listing was taken the curated row answers too, with the
	// listing's profile (the only one there is)
	if c, _ := Overlay([]Contract{curated, listing}, rules.D(2025, 10, 7)); c.Club != "Curated FC" || c.MarketValue != 45_000_000 {
		t.Errorf("before the listing: %+v", c)
	}
	curated.MarketValue, curated.Nationality, curated.Position, curated.SubPosition = 1, "Spain", Attack, ""
	if c, _ := Overlay([]Contract{curated, listing}, rules.D(2026, 12, 1)); c.MarketValue != 1 || c.Nationality != "Spain" || c.Position != Attack || c.SubPosition != "" {
		t.Errorf("the curated row's own facts: %+v", c)
	}
}

func TestOverlay(t *testing.T) {
	snapDay := rules.D(2026, 6, 12)
	snap := Contract{Club: "Snapshot FC", Expires: rules.D(2029, 6, 30), Confirmed: snapDay, LastSeason: 2025, Listing: true}
	older := Contract{Club: "Older snapshot", Expires: rules.D(2027, 6, 30), Confirmed: rules.D(2026, 6, 2), LastSeason: 2025, Listing: true}
	inSeason := Contract{Club: "Announced in the season", Signed: rules.D(2026, 3, 24), Confirmed: rules.D(2026, 3, 24), Expires: rules.D(2026, 6, 30)}
	seasonStart := Contract{Club: "Announced on 1 July", Signed: rules.D(2025, 7, 1), Expires: rules.D(2027, 6, 30)}
	lastSeason := Contract{Club: "Announced the season before", Signed: rules.D(2025, 6, 30), Expires: rules.D(2027, 6, 30)}
	noSeason := snap
	noSeason.LastSeason = 0
	old2025 := Contract{Club: "Curated 2025", Expires: rules.D(2027, 6, 30), Confirmed: rules.D(2025, 2, 26)}
	signed2023 := Contract{Club: "Signed 2023", Signed: rules.D(2023, 7, 7), Confirmed: rules.D(2023, 7, 7), Expires: rules.D(2027, 6, 30)}
	signed2025 := Contract{Club: "Signed 2025", Signed: rules.D(2025, 9, 30), Confirmed: rules.D(2025, 9, 30), Expires: rules.D(2030, 6, 30)}
	announcedAfter := Contract{Club: "Announced after", Signed: rules.D(2026, 8, 1), Expires: rules.D(2031, 6, 30)}
	confirmedAfter := Contract{Club: "Confirmed after", Confirmed: rules.D(2026, 7, 1), Expires: rules.D(2028, 6, 30)}
	sameDay := Contract{Club: "Same day", Confirmed: snapDay, Expires: rules.D(2028, 6, 30)}
	undated := Contract{Club: "Undated", Expires: rules.D(2028, 6, 30)}
	tests := []struct {
		name string
		rows []Contract
		asOf rules.Date
		want string
		ok   bool
	}{
		{"rule 3: a curated 2025 row does not hide the newer snapshot", []Contract{old2025, snap}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 3: no cut-off is the latest", []Contract{old2025, snap}, rules.Date{}, "Snapshot FC", true},
		{"rule 3: a curated announcement after the snapshot wins", []Contract{signed2025, snap, announcedAfter}, rules.D(2026, 12, 1), "Announced after", true},
		{"rule 1: not yet announced on the date: the snapshot", []Contract{signed2023, snap, announcedAfter}, rules.D(2026, 7, 15), "Snapshot FC", true},
		{"rule 3: a curated row confirmed after the snapshot wins", []Contract{confirmedAfter, snap}, rules.D(2026, 12, 1), "Confirmed after", true},
		{"rule 3: on the same day the curated row wins", []Contract{sameDay, snap}, rules.D(2026, 12, 1), "Same day", true},
		{"rule 3: a curated row with no dates gives way", []Contract{undated, snap}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 3: announced in the listing's season, before it was taken: the curated row", []Contract{snap, inSeason}, rules.D(2026, 12, 1), "Announced in the season", true},
		{"rule 3: announced on the first day of the listing's season", []Contract{seasonStart, snap}, rules.D(2026, 12, 1), "Announced on 1 July", true},
		{"rule 3: announced the day before the season: the listing", []Contract{lastSeason, snap}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 3: a listing of no known season: only a newer row wins", []Contract{inSeason, noSeason}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 3: an announcement of an earlier season gives way (Høgh's of Dec 2023)", []Contract{signed2023, snap}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 4: before the snapshot, the curated row known then", []Contract{signed2023, signed2025, snap}, rules.D(2025, 9, 1), "Signed 2023", true},
		{"rule 4: history still answers", []Contract{signed2023, signed2025, snap}, rules.D(2025, 10, 7), "Signed 2025", true},
		{"rule 2: the newest listing known on the date", []Contract{older, snap}, rules.D(2026, 6, 5), "Older snapshot", true},
		{"rule 2: the newest listing", []Contract{snap, older}, rules.D(2026, 12, 1), "Snapshot FC", true},
		{"rule 5: before every listing and no curated row known: the earliest listing", []Contract{snap, older, announcedAfter}, rules.D(2020, 1, 1), "Older snapshot", true},
		{"no listing: InForce", []Contract{signed2023, signed2025}, rules.D(2025, 9, 1), "Signed 2023", true},
		{"no listing, nothing known: not ok", []Contract{announcedAfter}, rules.D(2025, 1, 1), "", false},
		{"no rows", nil, rules.D(2025, 1, 1), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := Overlay(tt.rows, tt.asOf)
			if c.Club != tt.want || ok != tt.ok {
				t.Fatalf("Overlay = %q, %v; want %q, %v", c.Club, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestEmbeddedResolve(t *testing.T) {
	m := embedded(t)
	tests := []struct {
		query, id, why string
		others         int
	}{
		{"Konate", "357119", ByCurated, 7}, // eight Konatés in the June build
		{"Saliba", "495666", ByCurated, 1},
		{"Mbappe", "342229", ByCurated, 1},
		{"Haaland", "418560", ByMarketValue, 1},
		{"Odegaard", "316264", ByMarketValue, 2},
		{"Ødegaard", "316264", ByMarketValue, 3}, // also Niklas Ødegård
		{"Lewandowski", "38253", ByMarketValue, 1},
		{"Yamal", "937958", ByOnlyMatch, 0},
		{"Musiala", "580195", ByOnlyMatch, 0},
	}
	for _, tt := range tests {
		r := m.Resolve(tt.query)
		if !r.OK || r.Match.PlayerID != tt.id || r.Why != tt.why || len(r.Others) != tt.others {
			t.Errorf("%s: %v %s %s (%q), %d others; want %s (%q), %d others", tt.query, r.OK, r.Match.PlayerID, r.Match.Name, r.Why, len(r.Others), tt.id, tt.why, tt.others)
		}
		for _, o := range r.Others {
			if q := m.PickQuery(o); m.Resolve(q).Match.PlayerID != o.PlayerID || q == tt.query {
				t.Errorf("%s: PickQuery(%s %s) = %q, which does not pick him", tt.query, o.PlayerID, o.Name, q)
			}
		}
	}
	// Nobody stands out among the Silvas: all listed, by market value.
	r := m.Resolve("Silva")
	if r.OK || len(r.Others) < 20 {
		t.Fatalf("Silva: %v, %d listed", r.OK, len(r.Others))
	}
	for i := 1; i < len(r.Others); i++ {
		if matchValue(r.Others[i]) > matchValue(r.Others[i-1]) {
			t.Fatalf("Silva: not by market value at %d", i)
		}
	}
	// A prefix never stands out; no match is not OK.
	if r := m.Resolve("Kon"); r.OK || len(r.Others) == 0 {
		t.Errorf("Kon: %+v", r.OK)
	}
	if r := m.Resolve("Zzqxw"); r.OK || len(r.Others) != 0 {
		t.Errorf("Zzqxw: %+v", r)
	}
}

// Each of Resolve's rules, on made-up players.
func TestResolveRules(t *testing.T) {
	p := func(id string, value int64, league string, curated bool) Match {
		return Match{PlayerID: id, Name: "Player " + id, Kind: MatchWords,
			Rows: []Contract{{PlayerID: id, MarketValue: value, League: league, Listing: !curated, Confirmed: rules.D(2026, 6, 12)}}}
	}
	tests := []struct {
		name string
		ms   []Match
		id   string // "" when none stands out
		why  string
	}{
		{"curated", []Match{p("a", 100e6, "GB1", false), p("b", 1e6, "NO1", true)}, "b", ByCurated},
		{"two curated: value decides", []Match{p("a", 100e6, "GB1", true), p("b", 1e6, "NO1", true)}, "a", ByMarketValue},
		{"value four times the next", []Match{p("a", 4e6, "NO1", false), p("b", 1e6, "NO1", false)}, "a", ByMarketValue},
		{"value not four times", []Match{p("a", 3.9e6, "NO1", false), p("b", 1e6, "NO1", false)}, "", ""},
		{"value under a million does not stand out", []Match{p("a", 900e3, "NO1", false), p("b", 0, "NO1", false)}, "", ""},
		{"top league", []Match{p("a", 3e6, "IT1", false), p("b", 2e6, "NO1", false)}, "a", ByTopLeague},
		{"two in top leagues", []Match{p("a", 3e6, "IT1", false), p("b", 2e6, "ES1", false)}, "", ""},
	}
	for _, tt := range tests {
		r := Resolve(tt.ms)
		if r.Match.PlayerID != tt.id || r.Why != tt.why || r.OK != (tt.id != "") || len(r.Others)+btoi(r.OK) != len(tt.ms) {
			t.Errorf("%s: %+v", tt.name, r)
		}
	}
	prefix := []Match{p("a", 100e6, "GB1", true), p("b", 0, "NO1", false)}
	for i := range prefix {
		prefix[i].Kind = MatchPrefix
	}
	if r := Resolve(prefix); r.OK {
		t.Errorf("prefix matches stood out: %+v", r)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestEmbeddedClubs(t *testing.T) {
	m := embedded(t)
	tests := []struct{ query, first string }{
		{"Arsenal", "Arsenal FC"},
		{"Arsenal Football Club", "Arsenal FC"}, // the official name
		{"Real Madrid", "Real Madrid"},
		{"Real Madrid Club de Fútbol", "Real Madrid"},
		{"Spurs", "Tottenham Hotspur"},
		{"Barça", "FC Barcelona"},
		{"Bayern", "Bayern Munich"},
		{"Ajax", "Ajax Amsterdam"},
		{"PSV", "PSV Eindhoven"},
		{"Eindhovense Voetbalvereniging", "PSV Eindhoven"}, // words of the official name
		{"paok", "PAOK Thessaloniki"},
		{"Celtic", "Celtic FC"},
		{"Toronto", "Toronto FC"},
		{"Inter Miami", "Inter Miami CF"},
		{"Club Internacional de Fútbol Miami", "Inter Miami CF"},
	}
	for _, tt := range tests {
		got := m.Clubs(tt.query)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("Clubs(%q) = %q, want %q first", tt.query, got, tt.first)
		}
		keys := map[string]bool{}
		for _, n := range got {
			keys[ClubKey(n)] = true
		}
		if len(keys) != 1 {
			t.Errorf("Clubs(%q) = %q: several clubs", tt.query, got)
		}
	}
	// "Inter" names two clubs in common use.
	if got := m.Clubs("Inter"); !slices.Contains(got, "Inter Milan") || !slices.Contains(got, "Inter Miami CF") {
		t.Errorf("Clubs(Inter) = %q", got)
	}
	// Curated names sit with the snapshot's club of the same key.
	if got := m.Clubs("Liverpool"); len(got) != 1 || got[0] != "Liverpool FC" {
		t.Errorf("Clubs(Liverpool) = %q", got)
	}
	if s := m.ClubSuggest("Arsenel", 3); len(s) == 0 || s[0] != "Arsenal FC" {
		t.Errorf("ClubSuggest(Arsenel) = %q", s)
	}
	if c, ok := m.Club("Arsenal"); !ok || c.ID != "11" || c.Official != "Arsenal Football Club" || c.League != "GB1" || c.Association != "ENG" {
		t.Errorf("Club(Arsenal) = %+v, %v", c, ok)
	}
}

func TestEmbeddedClubRows(t *testing.T) {
	m := embedded(t)
	june := rules.D(2026, 6, 12)
	arsenal := m.ClubRows("Arsenal", june)
	if len(arsenal) < 20 {
		t.Fatalf("Arsenal as of %s: %d contracts", june, len(arsenal))
	}
	names := map[string]Contract{}
	for _, c := range arsenal {
		if ClubKey(c.Club) != "arsenal" {
			t.Errorf("%s at %s in Arsenal's list", c.Player, c.Club)
		}
		names[c.Player] = c
	}
	// His renewal of 30 Sep 2025 was announced in the snapshot's season.
	if c := names["William Saliba"]; c.Expires != rules.D(2030, 6, 30) || c.Listing {
		t.Errorf("Saliba: %+v", c)
	}
	if _, ok := names["Martin Ødegaard"]; !ok {
		t.Error("no Ødegaard at Arsenal")
	}
	// As of 2025-10-07 the curated rows answer for the players they have.
	liverpool := m.ClubRows("Liverpool FC", rules.D(2025, 10, 7))
	found := false
	for _, c := range liverpool {
		if c.PlayerID == "357119" {
			found = true
			if c.Listing || c.Expires != rules.D(2026, 6, 30) || c.Pos.File != DefaultName {
				t.Errorf("Konaté at Liverpool as of 2025-10-07: %+v", c)
			}
		}
	}
	if !found || len(liverpool) < 20 {
		t.Errorf("Liverpool as of 2025-10-07: %d contracts, Konaté %v", len(liverpool), found)
	}
	// The same list as every player's row in force, filtered by club.
	all, err := m.InForce(june)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range all {
		if ClubKey(c.Club) == "arsenal" {
			n++
		}
	}
	if n != len(arsenal) {
		t.Errorf("InForce has %d Arsenal contracts, ClubRows %d", n, len(arsenal))
	}
	if got := m.ClubRows("No Such Club", june); len(got) != 0 {
		t.Errorf("no such club: %d rows", len(got))
	}
}

// InForce has one row per player: the snapshot's 18,353 and the curated
// players it does not have.
func TestEmbeddedInForce(t *testing.T) {
	m := embedded(t)
	rows, err := m.InForce(rules.D(2026, 6, 12))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, c := range rows {
		if ids[c.PlayerID] {
			t.Fatalf("%s twice", c.PlayerID)
		}
		ids[c.PlayerID] = true
	}
	ds, _ := Default()
	curatedOnly := map[string]bool{}
	for _, c := range ds.Contracts {
		if _, err := m.snap.byIDs(map[string]bool{c.PlayerID: true}); err != nil {
			t.Fatal(err)
		}
		if got, _ := m.snap.byIDs(map[string]bool{c.PlayerID: true}); len(got) == 0 {
			curatedOnly[c.PlayerID] = true
		}
	}
	if len(rows) != 18353+len(curatedOnly) {
		t.Fatalf("%d rows, want 18,353 + %d curated players the snapshot lacks", len(rows), len(curatedOnly))
	}
}

// A Market of loaded rows answers as an Index over them does.
func TestNewMarketIsIndex(t *testing.T) {
	ds, err := LoadFile(filepath.Join(testdataDir, "footydex_big5_players_2026-07.csv"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, ix := NewMarket(ds.Contracts), NewIndex(ds.Contracts)
	for _, q := range []string{"Konate", "Haaland", "Kon", "Silva", "Liverpool", "Real Madrid", "Inter", "zzz"} {
		if got, want := fmt.Sprint(m.Players(q)), fmt.Sprint(ix.Players(q)); got != want {
			t.Errorf("Players(%q) differs from the index", q)
		}
		if got, want := m.Clubs(q), ix.Clubs(q); !slices.Equal(got, want) {
			t.Errorf("Clubs(%q) = %q, index %q", q, got, want)
		}
	}
	rows := m.ClubRows("Real Madrid", rules.D(2026, 7, 10))
	if len(rows) < 20 {
		t.Fatalf("Real Madrid: %d rows", len(rows))
	}
	if m.Snapshot() != (SnapshotMeta{}) {
		t.Error("a market of loaded rows has a snapshot")
	}
}

// Questions asked at once get the same answers (run with -race).
func TestEmbeddedConcurrent(t *testing.T) {
	m := embedded(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch i % 4 {
			case 0:
				if r := m.Resolve("Konate"); r.Match.PlayerID != "357119" {
					t.Error("Konaté")
				}
			case 1:
				if c := m.Clubs("Arsenal"); len(c) == 0 {
					t.Error("Arsenal")
				}
			case 2:
				if rows := m.ClubRows("Celtic", rules.D(2026, 6, 12)); len(rows) < 20 {
					t.Error("Celtic", len(rows))
				}
			case 3:
				if s := m.Suggest("Haalnd", 1); len(s) == 0 {
					t.Error("Haaland")
				}
			}
		}()
	}
	wg.Wait()
}

// smallMarket is a Market over a snapshot of the rows of the June 2026
// extract in testdata, with two curated rows on top: the embedded data's
// code paths at a fraction of its size.
func smallMarket(t testing.TB) *Market {
	t.Helper()
	ds, err := LoadFile(filepath.Join(testdataDir, "tmdatasets_players_2026-06-12_extract.csv"), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var rows []Contract
	var clubs []SnapshotClub
	seen := map[string]bool{}
	for _, c := range ds.Contracts {
		if c.LastSeason != 2025 {
			continue
		}
		if !seen[c.ClubID] {
			seen[c.ClubID] = true
			clubs = append(clubs, SnapshotClub{ID: c.ClubID, League: c.League, Association: c.Association, Name: c.Club, Official: c.Club})
		}
		rows = append(rows, c)
	}
	players, table, err := EncodeSnapshot(SnapshotMeta{Scraped: rules.D(2026, 6, 12), Season: 2025}, clubs, rows)
	if err != nil {
		t.Fatal(err)
	}
	s, err := openSnapshot("small", string(players), string(table))
	if err != nil {
		t.Fatal(err)
	}
	curated := []Contract{
		{PlayerID: "357119", Player: "Ibrahima Konaté", Club: "Liverpool FC", Association: "ENG", Expires: rules.D(2026, 6, 30)},
		{PlayerID: "x1", Player: "Nobody Else", Club: "Zed Rovers", Expires: rules.D(2027, 6, 30)},
	}
	return &Market{snap: s, curated: curated}
}

// No query, however odd, makes the name and club searches fail: they
// answer, or find nothing.
func FuzzEmbeddedQuery(f *testing.F) {
	m := smallMarket(f)
	if r := m.Resolve("Konate"); r.Match.PlayerID != "357119" || len(r.Match.Rows) != 2 {
		f.Fatalf("the small market: %+v", r)
	}
	for _, s := range []string{"Konate", "kon", "a", "|", "\t", "\n=31", "357119", "ødegaard", "N'Golo", " ", "=", "0", "-1", "é", "\x00", "Real Madrid", "inter", "KAK", "St Vini Jr"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, p := range m.Players(q) {
			if len(p.Rows) == 0 || p.Kind < MatchExact || p.Kind > MatchInitials || p.Kind == MatchInitials && initialsQuery(q) == "" {
				t.Fatalf("%q: match %+v", q, p)
			}
		}
		for _, name := range m.Clubs(q) {
			if name == "" {
				t.Fatalf("%q: an empty club name", q)
			}
		}
		if r := m.ResolveClub(q); r.Names == nil && r.Why != "" || r.Names != nil && (r.Why == "" || r.Names[0] == "") {
			t.Fatalf("ResolveClub(%q) = %+v", q, r)
		}
	})
}

// queryIndex holds only the curated players a query may name: for every
// query, its Players are those of the index of every curated row. The
// queries are each curated name, its words, a word's first letters, its
// initials in capitals, and a few that match no one or read as ids.
func TestQueryIndexAgrees(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{"", " ", "-", "Konate", "TAA", "zzzz", "St", "Saint", "van", "de", "Kike", "Rudiger", "Ruediger"}
	for _, c := range m.curated {
		queries = append(queries, c.Player)
		ini := ""
		for _, w := range strings.Fields(c.Player) {
			queries = append(queries, w, strings.ToLower(w))
			if r := []rune(w); len(r) > 3 {
				queries = append(queries, string(r[:3]))
			}
			ini += strings.ToUpper(string([]rune(w)[0]))
		}
		queries = append(queries, ini)
	}
	// default.csv has one Konaté, Ibrahima (Liverpool FC), matched in words
	if got := m.queryIndex("Konate").Players("Konate"); len(got) != 1 || got[0].Name != "Ibrahima Konaté" {
		t.Fatalf("Konate: %+v, want Ibrahima Konaté alone", got)
	}
	for _, q := range queries {
		got, want := m.queryIndex(q).Players(q), m.index().Players(q)
		if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
			t.Errorf("%q: queryIndex gives %d players, the whole index %d:\n%+v\n%+v", q, len(got), len(want), got, want)
		}
	}
}

package contracts

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

const testdataDir = "../testdata/contracts"

// checkAccounted fails when a row read is neither loaded, skipped nor merged.
func checkAccounted(t testing.TB, ds *Dataset) {
	t.Helper()
	if ds == nil {
		return
	}
	if ds.Read != len(ds.Contracts)+ds.Given+ds.Skipped+ds.Merged+ds.Conflicts+ds.Blank {
		t.Fatalf("rows not accounted for: read %d != loaded %d + streamed %d + skipped %d + merged %d + conflicting %d + blank %d",
			ds.Read, len(ds.Contracts), ds.Given, ds.Skipped, ds.Merged, ds.Conflicts, ds.Blank)
	}
}

func loadString(t *testing.T, s string, opt LoadOptions) (*Dataset, error) {
	t.Helper()
	ds, err := Load(strings.NewReader(s), "in.csv", opt)
	checkAccounted(t, ds)
	return ds, err
}

func mustClubs(t testing.TB, file string) *ClubTable {
	t.Helper()
	c, err := LoadClubsFile(filepath.Join(testdataDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Every real file loads whole: no row lost, none in error.
func TestLoadRealFiles(t *testing.T) {
	tests := []struct {
		file, clubs, format       string
		read, loaded, merged, exp int // exp: rows loaded with an expiry
	}{
		{"tmdatasets_players_2026-03-29_first1000.csv", "tmdatasets_clubs_2026-03-29.csv",
			"transfermarkt-datasets players.csv (26 columns)", 1000, 1000, 0, 45},
		{"tmdatasets_players_named_extract_2026-02.csv", "",
			"transfermarkt-datasets players.csv (23 columns)", 8, 8, 0, 8},
		{"tmdatasets_players_trimmed_2024-early.csv", "tmdatasets_clubs_trimmed_2024-early.csv",
			"transfermarkt-datasets players.csv (12 columns)", 15360, 15360, 0, 12928},
		{"footydex_big5_players_2026-07.csv", "", "FootyDex squad list", 2798, 2798, 0, 2798 - 150},
		// 625 rows, 130 distinct: 120 rows appear 5 times, 4 three times,
		// 4 twice, 1 four times and 1 once.
		{"tm_expiring_contracts_jun2025_scraped_2024-09.csv", "",
			"Transfermarkt expiring-contracts scrape", 625, 130, 495, 130},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var opt LoadOptions
			if tt.clubs != "" {
				opt.Clubs = mustClubs(t, tt.clubs)
			}
			ds, err := LoadFile(filepath.Join(testdataDir, tt.file), opt)
			if err != nil {
				t.Fatal(err)
			}
			checkAccounted(t, ds)
			if ds.Format != tt.format || ds.Read != tt.read || len(ds.Contracts) != tt.loaded || ds.Merged != tt.merged || ds.Errors != 0 {
				t.Fatalf("format %q read %d loaded %d merged %d errors %d; want %q %d %d %d 0",
					ds.Format, ds.Read, len(ds.Contracts), ds.Merged, ds.Errors, tt.format, tt.read, tt.loaded, tt.merged)
			}
			exp := 0
			for _, c := range ds.Contracts {
				if !c.Expires.IsZero() {
					exp++
				}
			}
			if exp != tt.exp {
				t.Fatalf("%d rows with an expiry, want %d", exp, tt.exp)
			}
		})
	}
}

// Values read by hand from the files.
func TestLoadKnownValues(t *testing.T) {
	tm := LoadOptions{Clubs: mustClubs(t, "tmdatasets_clubs_2026-03-29.csv")}
	trim := LoadOptions{Clubs: mustClubs(t, "tmdatasets_clubs_trimmed_2024-early.csv")}
	tests := []struct {
		name, file string
		opt        LoadOptions
		player     string
		want       Contract // Source and Pos.File are not compared
	}{
		{"konate named extract", "tmdatasets_players_named_extract_2026-02.csv", LoadOptions{}, "Ibrahima Konaté", Contract{
			PlayerID: "357119", Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25), Nationality: "France",
			Position: Defender, SubPosition: "Centre-Back", MarketValue: 45_000_000, Club: "Liverpool Football Club", ClubID: "31",
			Association: "ENG", League: "GB1", Expires: rules.D(2026, 6, 30), LastSeason: 2025, Pos: Pos{Line: 6}}},
		{"mbappe stale at psg", "tmdatasets_players_named_extract_2026-02.csv", LoadOptions{}, "Kylian Mbappé", Contract{
			PlayerID: "342229", Player: "Kylian Mbappé", Birth: rules.D(1998, 12, 20), Nationality: "France",
			Position: Attack, SubPosition: "Centre-Forward", MarketValue: 180_000_000, Club: "Paris Saint-Germain Football Club", ClubID: "583",
			Association: "FRA", League: "FR1", Expires: rules.D(2029, 6, 30), LastSeason: 2023, Pos: Pos{Line: 5}}},
		{"huijsen stale at roma", "tmdatasets_players_named_extract_2026-02.csv", LoadOptions{}, "Dean Huijsen", Contract{
			PlayerID: "890290", Player: "Dean Huijsen", Birth: rules.D(2005, 4, 14), Nationality: "Spain",
			Position: Defender, SubPosition: "Centre-Back", MarketValue: 10_000_000, Club: "Associazione Sportiva Roma", ClubID: "12",
			Association: "ITA", League: "IT1", Expires: rules.D(2030, 6, 30), LastSeason: 2023, Pos: Pos{Line: 9}}},
		{"klose no expiry kept", "tmdatasets_players_2026-03-29_first1000.csv", tm, "Miroslav Klose", Contract{
			PlayerID: "10", Player: "Miroslav Klose", Birth: rules.D(1978, 6, 9), Nationality: "Germany",
			Position: Attack, SubPosition: "Centre-Forward", MarketValue: 1_000_000, Club: "Società Sportiva Lazio S.p.A.", ClubID: "398",
			Association: "ITA", League: "IT1", LastSeason: 2015, Pos: Pos{Line: 2}}},
		{"guerrero club unknown everywhere, december expiry", "tmdatasets_players_2026-03-29_first1000.csv", tm, "Paolo Guerrero", Contract{
			PlayerID: "2989", Player: "Paolo Guerrero", Birth: rules.D(1984, 1, 1), Nationality: "Peru",
			Position: Attack, SubPosition: "Centre-Forward", ClubID: "184", Expires: rules.D(2026, 12, 31), LastSeason: 2025, Pos: Pos{Line: 136}}},
		{"gordon may expiry scotland", "tmdatasets_players_2026-03-29_first1000.csv", tm, "Craig Gordon", Contract{
			PlayerID: "12589", Player: "Craig Gordon", Birth: rules.D(1982, 12, 31), Nationality: "Scotland",
			Position: Goalkeeper, SubPosition: "Goalkeeper", MarketValue: 50_000, Club: "Heart of Midlothian Football Club", ClubID: "43",
			Association: "SCO", League: "SC1", Expires: rules.D(2026, 5, 31), LastSeason: 2025, Pos: Pos{Line: 962}}},
		{"trimmed name from slug club from clubs.csv", "tmdatasets_players_trimmed_2024-early.csv", trim, "Lassine Sinayoko", Contract{
			PlayerID: "569140", Player: "Lassine Sinayoko", Birth: rules.D(1999, 12, 8),
			Position: Attack, SubPosition: "Right Winger", Club: "AJ Auxerre", ClubID: "290", Association: "FRA", League: "FR1",
			Expires: rules.D(2025, 6, 30), Pos: Pos{Line: 2}}},
		{"footydex konate at real madrid", "footydex_big5_players_2026-07.csv", LoadOptions{}, "Ibrahima Konaté", Contract{
			PlayerID: "357119", Player: "Ibrahima Konaté", Nationality: "France", Position: Defender, SubPosition: "Centre-Back",
			MarketValue: 45_000_000, Club: "Real Madrid", ClubID: "418", Association: "ESP", League: "ES1", Expires: rules.D(2030, 6, 30), Pos: Pos{Line: 141}}},
		{"scrape mendy merged", "tm_expiring_contracts_jun2025_scraped_2024-09.csv", LoadOptions{}, "Ferland Mendy", Contract{
			Player: "Ferland Mendy", Position: Defender, SubPosition: "Left-Back", MarketValue: 22_000_000, Club: "Real Madrid",
			Association: "ESP", AssociationInferred: true, Expires: rules.D(2025, 6, 30), Pos: Pos{Line: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := LoadFile(filepath.Join(testdataDir, tt.file), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var found []Contract
			for _, c := range ds.Contracts {
				if c.Player == tt.player {
					found = append(found, c)
				}
			}
			if len(found) != 1 {
				t.Fatalf("%d rows for %s, want 1", len(found), tt.player)
			}
			got := found[0]
			got.Source, got.Pos.File = "", ""
			if got != tt.want {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestLoadTables(t *testing.T) {
	clubs := mustClubs(t, "tmdatasets_clubs_2026-03-29.csv")
	trimmed := mustClubs(t, "tmdatasets_clubs_trimmed_2024-early.csv")
	comps, err := LoadCompetitionsFile(filepath.Join(testdataDir, "tmdatasets_competitions_2026-03-29.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if clubs.Len() != 451 || trimmed.Len() != 426 || comps.Len() != 49 {
		t.Fatalf("clubs %d, trimmed clubs %d, competitions %d; want 451, 426, 49", clubs.Len(), trimmed.Len(), comps.Len())
	}
	if c, ok := clubs.Lookup("10"); !ok || c != (Club{ID: "10", Name: "Arminia Bielefeld", Competition: "L1", LastSeason: 2021}) {
		t.Errorf("club 10 = %+v, %v", c, ok)
	}
	if c, ok := trimmed.Lookup("290"); !ok || c != (Club{ID: "290", Name: "AJ Auxerre", Competition: "FR1"}) {
		t.Errorf("trimmed club 290 = %+v, %v", c, ok)
	}
	if c, ok := comps.Lookup("GB1"); !ok || c.Country != "England" || c.Association != "ENG" {
		t.Errorf("competition GB1 = %+v, %v", c, ok)
	}
	if c, ok := comps.Lookup("CL"); !ok || c.Country != "" || c.Association != "" {
		t.Errorf("competition CL = %+v, %v", c, ok)
	}
	var none *ClubTable
	if _, ok := none.Lookup("10"); ok || none.Len() != 0 {
		t.Error("a nil table is not empty")
	}
	_, err = LoadClubs(strings.NewReader("club_id,name\n1,A\n1,B\nx\n"), "clubs.csv")
	if err == nil || !strings.Contains(err.Error(), "clubs.csv:3:1: club_id: club 1 appears twice") ||
		!strings.Contains(err.Error(), "clubs.csv:4: row has 1 fields, the header has 2") {
		t.Fatalf("bad clubs table: %v", err)
	}
	if _, err := LoadCompetitions(strings.NewReader("id,name\n"), "c.csv"); err == nil {
		t.Fatal("a table without competition_id loaded")
	}
}

const bosmanHeader = "player_id,player,date_of_birth,nationality,position,club,association,league,contract_signed,contract_start,contract_expires,option_until,option_holder,loan_club,loan_until,source,confirmed,note\n"

// TestLoadFormats reads a small file of each format and checks one row.
func TestLoadFormats(t *testing.T) {
	alaba := Contract{PlayerID: "59016", Player: "David Alaba", Birth: rules.D(1992, 6, 24), Nationality: "Austria",
		Position: Defender, SubPosition: "Centre-Back", Club: "Real Madrid", Association: "ESP", League: "ES1",
		Signed: rules.D(2021, 5, 28), Start: rules.D(2021, 7, 1), Expires: rules.D(2026, 6, 30)}
	clubs, err := LoadClubs(strings.NewReader("club_id,name,domestic_competition_id\n31,Liverpool Football Club,GB1\n77,Zed FC,ZZ1\n"), "clubs.csv")
	if err != nil {
		t.Fatal(err)
	}
	comps, err := LoadCompetitions(strings.NewReader("competition_id,name,country_name\nZZ1,zed-league,Norway\n"), "competitions.csv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		opt      LoadOptions
		format   string
		mapping  string // substring of Dataset.Mapping; "" means Mapping must be empty
		want     Contract
	}{
		{"bosman csv", bosmanHeader +
			"59016,David Alaba,1992-06-24,Austria,Centre-Back,Real Madrid,ESP,ES1,2021-05-28,2021-07-01,2026-06-30,,,,,,,\n",
			LoadOptions{}, "bosman CSV", "", alaba},
		{"bosman csv columns reordered and few", "contract_expires,player,club,association\n2026-06-30,David Alaba,Real Madrid,ESP\n",
			LoadOptions{}, "bosman CSV", "", Contract{Player: "David Alaba", Club: "Real Madrid", Association: "ESP", Expires: rules.D(2026, 6, 30)}},
		{"bosman csv semicolons bom crlf", "\ufeffplayer;club;association;contract_expires\r\n\"Alaba; David\";Real Madrid;esp;2026-06-30\r\n",
			LoadOptions{}, "bosman CSV", "", Contract{Player: "Alaba; David", Club: "Real Madrid", Association: "ESP", Expires: rules.D(2026, 6, 30)}},
		{"bosman csv tabs", "player\tclub\tassociation\tcontract_expires\nDavid Alaba\tReal Madrid\tSpain\t30.06.2026\n",
			LoadOptions{}, "bosman CSV", "", Contract{Player: "David Alaba", Club: "Real Madrid", Association: "ESP", Expires: rules.D(2026, 6, 30)}},
		{"bosman csv option and loan", "player,club,association,contract_expires,option_until,option_holder,loan_club,loan_until\n" +
			"A,B,ENG,2026-06-30,2027-06-30,Club,C,2026-01-31\n",
			LoadOptions{}, "bosman CSV", "", Contract{Player: "A", Club: "B", Association: "ENG", Expires: rules.D(2026, 6, 30),
				Option: Option{Until: rules.D(2027, 6, 30), Holder: "club"}, Loan: Loan{Club: "C", Until: rules.D(2026, 1, 31)}}},
		{"bosman json", `[
  {"player_id": 59016, "player": "David Alaba", "date_of_birth": "1992-06-24", "nationality": "Austria",
   "position": "Centre-Back", "club": "Real Madrid", "association": "ESP", "league": "ES1",
   "contract_signed": "2021-05-28", "contract_start": "2021-07-01", "contract_expires": "2026-06-30", "note": null}
]`, LoadOptions{}, "bosman JSON", "", alaba},
		{"tm-datasets 26 columns club from clubs.csv", "player_id,first_name,last_name,name,last_season,current_club_id,player_code,country_of_birth,city_of_birth,country_of_citizenship,date_of_birth,sub_position,position,foot,height_in_cm,contract_expiration_date,agent_name,image_url,international_caps,international_goals,current_national_team_id,url,current_club_domestic_competition_id,current_club_name,market_value_in_eur,highest_market_value_in_eur\r\n" +
			"357119,Ibrahima,Konaté,Ibrahima Konaté,2025,31,ibrahima-konate,France,Paris,France,1999-05-25 00:00:00,Centre-Back,Defender,right,194,2026-06-30 00:00:00,CAA Stellar,,,,,,,,45000000,45000000\r\n",
			LoadOptions{Clubs: clubs}, "transfermarkt-datasets players.csv (26 columns)", "", Contract{PlayerID: "357119",
				Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25), Nationality: "France", Position: Defender, SubPosition: "Centre-Back",
				MarketValue: 45_000_000, Club: "Liverpool Football Club", ClubID: "31", Association: "ENG", League: "GB1",
				Expires: rules.D(2026, 6, 30), LastSeason: 2025}},
		{"tm-datasets first and last name only, league from competitions.csv", "player_id,first_name,last_name,current_club_id,contract_expiration_date\n" +
			"1,Odd,Zedsen,77,2027-06-30\n", LoadOptions{Clubs: clubs, Competitions: comps},
			"transfermarkt-datasets players.csv (5 columns)", "", Contract{PlayerID: "1", Player: "Odd Zedsen", Club: "Zed FC", ClubID: "77",
				Association: "NOR", League: "ZZ1", Expires: rules.D(2027, 6, 30)}},
		{"tm-datasets trimmed slug names", "player_id,current_club_id,player_code,date_of_birth,contract_expiration_date\n" +
			"1,31,sergej-milinković-savić,1995-02-27,\n", LoadOptions{Clubs: clubs},
			"transfermarkt-datasets players.csv (5 columns)", "names made from player_code", Contract{PlayerID: "1",
				Player: "Sergej Milinković Savić", Birth: rules.D(1995, 2, 27), Club: "Liverpool Football Club", ClubID: "31", Association: "ENG", League: "GB1"}},
		{"footydex", "player_id,player_name,competition_id,competition_name,club_id,club_name,age,position,nationality,market_value,height,foot,contract_expires,total_days_injured,total_games_missed,shirt_number\n" +
			"418560,Erling Haaland,GB1,Premier League,281,Manchester City,25,Centre-Forward,Norway,200000000.0,195.0,left,2034-06-30,252.0,47.0,9\n",
			LoadOptions{}, "FootyDex squad list", "", Contract{PlayerID: "418560", Player: "Erling Haaland", Nationality: "Norway",
				Position: Attack, SubPosition: "Centre-Forward", MarketValue: 200_000_000, Club: "Manchester City", ClubID: "281",
				Association: "ENG", League: "GB1", Expires: rules.D(2034, 6, 30)}},
		{"tm expiring scrape", "Name,Position,Club,Contract End Date,Market Value,Fee Paid,Agent\n" +
			"Koke,Central Midfield,Atletico de Madrid,\"Jun 30, 2025\",EUR9.00m,-,Relatives\n",
			LoadOptions{}, "Transfermarkt expiring-contracts scrape", "", Contract{Player: "Koke", Position: Midfield, SubPosition: "Central Midfield",
				MarketValue: 9_000_000, Club: "Atletico de Madrid", Association: "ESP", AssociationInferred: true, Expires: rules.D(2025, 6, 30)}},
		{"spreadsheet synonyms", "Player;Team;Country;Born;Contract until;Market value\nDavid Alaba;Real Madrid;Spain;24.06.1992;30.06.2026;20m\n",
			LoadOptions{}, "spreadsheet", `market_value_eur="Market value"`, Contract{Player: "David Alaba", Club: "Real Madrid",
				Association: "ESP", Birth: rules.D(1992, 6, 24), Expires: rules.D(2026, 6, 30), MarketValue: 20_000_000}},
		{"spreadsheet month first", "Name,Club,League,Expiry\nDavid Alaba,Real Madrid,ES1,6/30/2026\n",
			LoadOptions{MonthFirst: true}, "spreadsheet", `contract_expires="Expiry"`, Contract{Player: "David Alaba", Club: "Real Madrid",
				Association: "ESP", League: "ES1", Expires: rules.D(2026, 6, 30)}},
		{"user mapping", "Spieler,Verein,Land,Vertragsende\nDavid Alaba,Real Madrid,ESP,30.06.2026\n",
			LoadOptions{Map: map[string]string{"name": "Spieler", "club": "verein", "association": "Land", "expiry": "Vertragsende"}},
			"spreadsheet", `contract_expires="Vertragsende"`, Contract{Player: "David Alaba", Club: "Real Madrid",
				Association: "ESP", Expires: rules.D(2026, 6, 30)}},
		{"user mapping overrides a known format", "player,club,association,contract_expires,Vertragsende\nDavid Alaba,Real Madrid,ESP,2026-06-30,2027-06-30\n",
			LoadOptions{Map: map[string]string{"contract_expires": "Vertragsende"}},
			"bosman CSV", `ignored "contract_expires"`, Contract{Player: "David Alaba", Club: "Real Madrid",
				Association: "ESP", Expires: rules.D(2027, 6, 30)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := loadString(t, tt.in, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if ds.Format != tt.format || len(ds.Contracts) != 1 {
				t.Fatalf("format %q, %d rows; want %q, 1 (problems %v)", ds.Format, len(ds.Contracts), tt.format, ds.Problems)
			}
			if tt.mapping == "" && ds.Mapping != "" || !strings.Contains(ds.Mapping, tt.mapping) {
				t.Fatalf("mapping %q, want it to contain %q", ds.Mapping, tt.mapping)
			}
			got := ds.Contracts[0]
			got.Source, got.Pos = "", Pos{}
			if got != tt.want {
				t.Fatalf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// row writes a row of the columns of bosmanHeader.
func row(fields map[string]string) string {
	var b strings.Builder
	for i, c := range strings.Split(strings.TrimSpace(bosmanHeader), ",") {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(fields[c])
	}
	b.WriteByte('\n')
	return b.String()
}

var goodRow = row(map[string]string{"player_id": "1", "player": "Ann Able", "club": "Aston Villa", "association": "ENG", "contract_expires": "2027-06-30"})

// TestLoadBadData feeds each kind of bad data and checks the problem
// reported, where, and how the rows are counted.
func TestLoadBadData(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		opt         LoadOptions
		fails       bool   // Load returns an error
		problem     string // substring of the first problem's Error()
		sev         Severity
		read, ok    int
		skip, merge int
	}{
		{"impossible date", bosmanHeader + goodRow + row(map[string]string{"player": "B", "association": "ENG", "contract_expires": "2026-02-30"}),
			LoadOptions{}, true, `in.csv:3:11: contract_expires: "2026-02-30" is not a real date: February 2026 has 28 days, not 30`, Error, 2, 1, 1, 0},
		{"impossible date skipped on request", bosmanHeader + goodRow + row(map[string]string{"player": "B", "contract_expires": "2026-02-30"}),
			LoadOptions{SkipInvalid: true}, false, "in.csv:3:11: contract_expires:", Error, 2, 1, 1, 0},
		{"expiry before start", bosmanHeader + row(map[string]string{"player": "B", "association": "ENG", "contract_start": "2026-07-01", "contract_expires": "2026-06-30"}),
			LoadOptions{}, true, "in.csv:2:11: contract_expires: expiry 2026-06-30 is before the start 2026-07-01 (expected the last day", Error, 1, 0, 1, 0},
		{"expiry before signing", bosmanHeader + row(map[string]string{"player": "B", "association": "ENG", "contract_signed": "2026-07-01", "contract_expires": "2025-06-30"}),
			LoadOptions{}, true, "in.csv:2:11: contract_expires: expiry 2025-06-30 is before the signing 2026-07-01", Error, 1, 0, 1, 0},
		{"option not after expiry", bosmanHeader + row(map[string]string{"player": "B", "association": "ENG", "contract_expires": "2026-06-30", "option_until": "2026-06-30"}),
			LoadOptions{}, true, "in.csv:2:12: option_until: option until 2026-06-30 is not after the expiry", Error, 1, 0, 1, 0},
		{"unknown option holder", bosmanHeader + row(map[string]string{"player": "B", "association": "ENG", "contract_expires": "2026-06-30", "option_holder": "agent"}),
			LoadOptions{}, true, `in.csv:2:13: option_holder: "agent" is not an option holder (expected club, player or mutual)`, Error, 1, 0, 1, 0},
		{"unknown association suggests", bosmanHeader + row(map[string]string{"player": "B", "association": "ENH", "contract_expires": "2026-06-30"}),
			LoadOptions{}, true, `in.csv:2:7: association: unknown association "ENH" (did you mean ENG?)`, Error, 1, 0, 1, 0},
		{"no player", bosmanHeader + row(map[string]string{"association": "ENG", "contract_expires": "2026-06-30"}),
			LoadOptions{}, true, "in.csv:2: row has no player name or id", Error, 1, 0, 1, 0},
		{"ragged row", bosmanHeader + goodRow + "1,Ann,2026-06-30\n" + row(map[string]string{"player": "Cid", "association": "ENG"}),
			LoadOptions{}, true, "in.csv:3: row has 3 fields, the header has 18", Error, 3, 2, 1, 0},
		{"bare quote", "player,contract_expires\nAnn \"The\" Able,2026-06-30\nBob,2027-06-30\n",
			LoadOptions{}, true, `in.csv:2:1: a double quote inside an unquoted field (put the field in double quotes and double the quote: "Antonio ""Toni"" Rüdiger")`, Error, 2, 1, 1, 0},
		{"oversized field", "player,contract_expires,note\nAnn," + "2026-06-30," + strings.Repeat("x", 200) + "\nBob,2027-06-30,\n",
			LoadOptions{MaxFieldBytes: 100}, true, "in.csv:2:3: field is 200 bytes long (at most 100 bytes)", Error, 2, 1, 1, 0},
		{"oversized line stops the reading", "player,association,contract_expires,note\nAnn,ENG,2026-06-30,\nBob,ENG,2027-06-30," + strings.Repeat("x", 300<<10) + "\nCid,ENG,2027-06-30,\n",
			LoadOptions{MaxRecordBytes: 1 << 10, SkipInvalid: true}, true, "in.csv:3:4: a line over 1 KiB, in column note (a closing quote missing earlier? bosman stops reading there)", Error, 2, 1, 1, 0},
		{"invalid utf-8 field", "player,contract_expires\nJos\xe9,2026-06-30\n",
			LoadOptions{}, true, "in.csv:2:1: field is not valid UTF-8 (save the file as CSV (UTF-8), not Latin-1", Error, 1, 0, 1, 0},
		{"nul bytes: binary", "player,contract_expires\x00\x00\x01\n",
			LoadOptions{SkipInvalid: true}, true, "in.csv: not a CSV file: it contains NUL bytes, so it is binary (expected text in UTF-8)", Error, 0, 0, 0, 0},
		{"unclosed quote", "player,contract_expires,note\nAnn,2026-06-30,\"open\nBob,2027-06-30,\n",
			LoadOptions{}, true, `in.csv:2:3: a quoted field is never closed (add the closing " before the next comma)`, Error, 1, 0, 1, 0},
		{"quote inside a quoted field", "player;contract_expires\n\"Ann \"The\" Able\";2026-06-30\nBob;2027-06-30\n",
			LoadOptions{}, true, `in.csv:2:1: a double quote inside a quoted field, or text after its closing quote`, Error, 2, 1, 1, 0},
		{"nul byte in a text file", "player,contract_expires\nB\x00b,2027-06-30\nAnn,2026-06-30\n",
			LoadOptions{}, true, "in.csv:2:1: a NUL byte (character zero) in the field (delete it", Error, 2, 1, 1, 0},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00",
			LoadOptions{}, true, "in.csv: this is a gzip-compressed file, not CSV (decompress it first: gunzip)", Error, 0, 0, 0, 0},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			LoadOptions{}, true, "in.csv: this is a PNG image, not a CSV file", Error, 0, 0, 0, 0},
		{"pipe separated", "player|club|contract_expires\nAnn|Villa|2026-06-30\n",
			LoadOptions{}, true, `in.csv:1: the header is one column holding "|" (bosman reads comma-`, Error, 0, 0, 0, 0},
		{"json elements not objects", `["Ann", 5]`,
			LoadOptions{}, true, "in.csv:1: element 1 is a string, not an object", Error, 2, 0, 2, 0},
		{"json number as a date", `[{"player": "Ann", "contract_expires": 20260630}]`,
			LoadOptions{}, true, `in.csv:1:20: contract_expires: the JSON number 20260630 is not a date (write dates as strings: "2026-06-30")`, Error, 1, 0, 1, 0},
		{"xlsx workbook", "PK\x03\x04\x14\x00\x06\x00",
			LoadOptions{}, true, "in.csv: not a CSV file: this is a ZIP archive (an .xlsx or .ods workbook?) (save the sheet as CSV (UTF-8))", Error, 0, 0, 0, 0},
		{"utf-16", "\xff\xfep\x00l\x00",
			LoadOptions{}, true, "in.csv: the file is in UTF-16", Error, 0, 0, 0, 0},
		// issue 12 #16: UTF-32 is named so, not called UTF-16
		{"utf-32 le", "\xff\xfe\x00\x00p\x00\x00\x00", LoadOptions{}, true, "in.csv: the file is in UTF-32 (save it as CSV (UTF-8))", Error, 0, 0, 0, 0},
		{"utf-32 be without a mark", "\x00\x00\x00p\x00\x00\x00l\x00\x00\x00a\x00\x00\x00y", LoadOptions{}, true,
			"in.csv: the file looks like UTF-32 (three bytes in four are zero)", Error, 0, 0, 0, 0},
		{"utf-16 without a mark", "p\x00l\x00a\x00y\x00e\x00r\x00", LoadOptions{}, true, "in.csv: the file looks like UTF-16 (every other byte is zero)", Error, 0, 0, 0, 0},
		{"empty file", "", LoadOptions{}, true, "in.csv: empty file", Error, 0, 0, 0, 0},
		{"blank file with bom", "\ufeff\r\n  \n", LoadOptions{}, true, "in.csv: empty file", Error, 0, 0, 0, 0},
		{"header only is a warning", bosmanHeader, LoadOptions{}, false, "in.csv:1: warning: no data rows, only a header", Warning, 0, 0, 0, 0},
		{"unrecognised header", "a,b,c\n1,2,3\n", LoadOptions{}, true,
			"in.csv:1: no column for the player's name found in the header (a, b, c) (name it Player or Name, or give --map player=<column>)", Error, 0, 0, 0, 0},
		{"no expiry column", "Name,Club\nAnn,Villa\n", LoadOptions{}, true, "in.csv:1: no column for the contract's expiry", Error, 0, 0, 0, 0},
		{"map key unknown", "Name,Ende\nAnn,2026-06-30\n", LoadOptions{Map: map[string]string{"ende": "Ende"}}, true,
			`in.csv: --map ende=Ende: bosman has no field "ende"`, Error, 0, 0, 0, 0},
		{"map column missing", "Name,Ende\nAnn,2026-06-30\n", LoadOptions{Map: map[string]string{"expiry": "Vertragsende"}}, true,
			`in.csv:1: --map expiry=Vertragsende: the header has no column "Vertragsende" (columns are Name, Ende)`, Error, 0, 0, 0, 0},
		{"clubs.csv given as contracts", "club_id,name,domestic_competition_id\n1,A,GB1\n", LoadOptions{}, true,
			"in.csv:1: this is a transfermarkt-datasets clubs.csv, not a list of contracts (it is a lookup table: put it beside players.csv", Error, 0, 0, 0, 0},
		{"unknown column warned", "player,contract_expires,association,shoe_size\nAnn,2026-06-30,ENG,44\n", LoadOptions{}, false,
			`in.csv:1:4: warning: column "shoe_size" is not one bosman knows; ignored`, Warning, 1, 1, 0, 0},
		{"column named twice", "player,association,contract_expires,Player\nAnn,ENG,2026-06-30,Bob\n", LoadOptions{}, false,
			`in.csv:1:4: warning: column "Player" appears twice; the first is used`, Warning, 1, 1, 0, 0},
		{"exact duplicate merged", bosmanHeader + goodRow + goodRow + goodRow, LoadOptions{}, false,
			"in.csv:2: warning: Ann Able: row repeated 2 more times (lines 3 and 4); merged into this one", Warning, 3, 1, 0, 2},
		{"conflicting duplicate names both lines", bosmanHeader + goodRow + strings.Replace(goodRow, "2027-06-30", "2028-06-30", 1), LoadOptions{}, false,
			"in.csv:3:11: warning: contract_expires: Ann Able: line 2 says the contract expires 2027-06-30, this row says 2028-06-30 (same player, club, signing and start); this row is left out, line 2, the first, is used", Warning, 2, 1, 0, 0},
		{"no expiry kept", "player,association,contract_expires\nAnn,ENG,\nBob,ENG,\n", LoadOptions{}, false,
			"in.csv:2:3: warning: 2 rows have no contract expiry, the first on this line: kept, expiry unknown", Warning, 2, 2, 0, 0},
		{"loan outlasting contract", bosmanHeader + row(map[string]string{"player": "B", "association": "ENG", "contract_expires": "2026-06-30", "loan_until": "2027-06-30"}),
			LoadOptions{}, false, "in.csv:2:15: warning: loan_until: loan until 2027-06-30 outlasts the contract", Warning, 1, 1, 0, 0},
		{"unknown competition warned once", "player,league,contract_expires\nAnn,XX9,2026-06-30\nBob,XX9,2026-06-30\n", LoadOptions{}, false,
			`in.csv:2:2: warning: league: competition "XX9" is not one bosman knows`, Warning, 2, 2, 0, 0},
		{"time of day refused", "player,association,contract_expires\nAnn,ENG,2026-06-29 22:00:00\n", LoadOptions{}, true,
			"in.csv:2:3: contract_expires: \"2026-06-29 22:00:00\" has a time of day other than midnight", Error, 1, 0, 1, 0},
		{"bad last_season", "player_id,name,current_club_id,current_club_name,last_season,contract_expiration_date,current_club_domestic_competition_id\n1,Ann,2,Villa,20x5,,GB1\n", LoadOptions{}, true,
			`in.csv:2:5: last_season: "20x5" is not a season`, Error, 1, 0, 1, 0},
		{"json object not array", `{"player": "Ann"}`, LoadOptions{}, true, "in.csv:1: the JSON is an object, not an array", Error, 0, 0, 0, 0},
		{"json syntax error", "[\n{\"player\": \"Ann\", \"association\": \"ENG\", \"contract_expires\": \"2026-06-30\"},\n{\"player\": }\n]", LoadOptions{}, true,
			"in.csv:3:12: invalid JSON: invalid character '}' looking for beginning of value", Error, 1, 1, 0, 0},
		// a syntax error's column, counted by hand: the decoder's own offsets
		// skip what its Token calls read, so the loader places it again
		{"json syntax error after a comma and spaces", "[{\"player\":\"b\"},  x]", LoadOptions{}, true,
			"in.csv:1:19: invalid JSON: invalid character 'x' looking for beginning of value", Error, 1, 1, 0, 0},
		{"json missing comma", "[{\"player\":\"b\"} {\"a\":\"c\"}]", LoadOptions{}, true,
			"in.csv:1:17: invalid JSON: expected comma after array element", Error, 1, 1, 0, 0},
		{"json second comma", "[{\"player\":\"b\"},,]", LoadOptions{}, true,
			"in.csv:1:17: invalid JSON: invalid character ',' looking for beginning of value", Error, 1, 1, 0, 0},
		{"json stray brace after an element", "[{\"player\":\"b\"}}", LoadOptions{}, true,
			"in.csv:1:16: invalid JSON: invalid character '}' after array element", Error, 1, 1, 0, 0},
		{"json nesting too deep", "[" + strings.Repeat("[", 10001), LoadOptions{}, true,
			"in.csv:1:10002: invalid JSON: invalid character '[' exceeded max depth", Error, 0, 0, 0, 0},
		{"json bad date and nested value", "[\n{\"player\": \"Ann\", \"contract_expires\": \"2026-02-30\"},\n{\"player\": \"Bob\", \"club\": {\"name\": \"X\"}}\n]", LoadOptions{}, true,
			"in.csv:2:19: contract_expires: \"2026-02-30\" is not a real date", Error, 2, 0, 2, 0},
		{"json unknown key", "[{\"player\": \"Ann\", \"association\": \"ENG\", \"contract_expires\": \"2026-06-30\", \"boots\": \"red\"}]", LoadOptions{}, false,
			`in.csv:1:76: warning: key "boots" is not one bosman knows; ignored`, Warning, 1, 1, 0, 0},
		// issue 12 #10: nothing after the array, no key twice, no string that is not UTF-8
		{"json second array refused", "[{\"player\": \"Ann\", \"association\": \"ENG\", \"contract_expires\": \"2026-06-30\"}]\n[{\"player\": \"Bob\", \"contract_expires\": \"2027-06-30\"}]\n",
			LoadOptions{SkipInvalid: true}, true, "in.csv:2:1: a second JSON array after the first; the file must hold one array (join the arrays into one", Error, 1, 1, 0, 0},
		{"json text after the array refused", "[]\n  x", LoadOptions{}, true, "in.csv:2:3: data after the closing ] of the array", Error, 0, 0, 0, 0},
		{"json duplicate key refused", "[{\"player\": \"Ann\", \"association\": \"ENG\",\n  \"contract_expires\": \"2026-06-30\",\n  \"contract_expires\": \"2030-06-30\"}]",
			LoadOptions{}, true, `in.csv:3:3: key "contract_expires" given twice in the object, first on line 2, column 3 (keep one of them`, Error, 1, 0, 1, 0},
		{"json duplicate unknown key refused", `[{"player": "Ann", "contract_expires": "2026-06-30", "status": 1, "status": 2}]`,
			LoadOptions{}, true, `in.csv:1:67: key "status" given twice in the object, first on line 1, column 54`, Error, 1, 0, 1, 0},
		{"json invalid utf-8 refused", "[{\"player\": \"Jos\xe9\", \"association\": \"ENG\", \"contract_expires\": \"2026-06-30\"}]",
			LoadOptions{}, true, "in.csv:1:17: player: the string is not valid UTF-8 (save the file as UTF-8", Error, 1, 0, 1, 0},
		{"json lone surrogate refused", `[{"player": "Jos\ud800", "association": "ENG", "contract_expires": "2026-06-30"}]`,
			LoadOptions{}, true, "in.csv:1:17: player: the string is not valid UTF-8", Error, 1, 0, 1, 0},
		{"json empty array", "[]", LoadOptions{}, false, "in.csv:1: warning: no data rows: the array is empty", Warning, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := loadString(t, tt.in, tt.opt)
			if (err != nil) != tt.fails {
				t.Fatalf("error %v, want one: %v", err, tt.fails)
			}
			if err != nil {
				var le *LoadError
				if !errors.As(err, &le) {
					t.Fatalf("error %T %v is not a *LoadError", err, err)
				}
			}
			if len(ds.Problems) == 0 {
				t.Fatal("no problem reported")
			}
			p := ds.Problems[0]
			if !strings.Contains(p.Error(), tt.problem) || p.Severity != tt.sev {
				t.Fatalf("problem %s %q\nwant  %s %q", p.Severity, p.Error(), tt.sev, tt.problem)
			}
			if ds.Read != tt.read || len(ds.Contracts) != tt.ok || ds.Skipped != tt.skip || ds.Merged != tt.merge {
				t.Fatalf("read %d loaded %d skipped %d merged %d; want %d %d %d %d",
					ds.Read, len(ds.Contracts), ds.Skipped, ds.Merged, tt.read, tt.ok, tt.skip, tt.merge)
			}
		})
	}
}

// A repeated column is warned about once, not also as an unknown column.
func TestLoadRepeatedColumnWarnedOnce(t *testing.T) {
	ds, err := loadString(t, "player,association,contract_expires,Player\nAnn,ENG,2026-06-30,Bob\n", LoadOptions{})
	if err != nil || ds.Warnings != 1 || ds.Contracts[0].Player != "Ann" {
		t.Fatalf("error %v, %d warnings %v", err, ds.Warnings, ds.Problems)
	}
}

// All bad rows are listed, up to the limit, and the error says how many more.
func TestLoadListsAllBadRows(t *testing.T) {
	var in strings.Builder
	in.WriteString("player,association,contract_expires\n")
	for i := range 60 {
		fmt.Fprintf(&in, "P%d,ENG,2026-02-%d\n", i, 30+i%2) // 30 or 31 February
		in.WriteString("Q,ENG,2026-06-30\n")
	}
	ds, err := loadString(t, in.String(), LoadOptions{})
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v, want a *LoadError", err)
	}
	if le.Errors != 60 || len(le.Problems) != 50 || ds.Errors != 60 || ds.Skipped != 60 || len(ds.Contracts) != 1 || ds.Merged != 59 {
		t.Fatalf("errors %d listed %d, dataset errors %d skipped %d loaded %d merged %d",
			le.Errors, len(le.Problems), ds.Errors, ds.Skipped, len(ds.Contracts), ds.Merged)
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	if lines[0] != "in.csv: 60 errors" || lines[1] != `in.csv:2:3: contract_expires: "2026-02-30" is not a real date: February 2026 has 28 days, not 30` ||
		lines[2] != `in.csv:4:3: contract_expires: "2026-02-31" is not a real date: February 2026 has 28 days, not 31` ||
		lines[len(lines)-1] != "and 10 more" || len(lines) != 52 {
		t.Fatalf("error text:\n%s", msg)
	}
}

func TestDefault(t *testing.T) {
	ds, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if ds.Format != "bosman CSV" || len(ds.Contracts) == 0 || ds.Errors != 0 {
		t.Fatalf("default dataset: format %q, %d rows, %d errors", ds.Format, len(ds.Contracts), ds.Errors)
	}
	checkAccounted(t, ds)
	lines := bytes.Count(defaultCSV, []byte("\n"))
	if !bytes.HasSuffix(defaultCSV, []byte("\n")) {
		lines++
	}
	if ds.Read != lines-1 {
		t.Fatalf("read %d rows, the file has %d lines after the header", ds.Read, lines-1)
	}
	if c := ds.Contracts[0]; c.Pos.File != "default.csv (embedded)" || c.Pos.Line != 2 {
		t.Fatalf("first row at %+v", c.Pos)
	}
}

func FuzzLoadCSV(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(testdataDir, "*.csv"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 2000)])
	}
	for _, s := range []string{bosmanHeader + goodRow + goodRow, "player;contract_expires\r\n\"a\"\"b\";1.2.2026\r\n",
		"[{\"player\":\"a\",\"contract_expires\":\"2026-06-30\"}]", "Name,Club,Contract End Date\nA,B,\"Jun 30, 2025\"\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := Load(bytes.NewReader(data), "fuzz.csv", LoadOptions{SkipInvalid: true, MaxRecordBytes: 4096})
		if ds == nil {
			t.Fatalf("nil dataset (error %v)", err)
		}
		checkAccounted(t, ds)
		if err != nil && ds.Errors == 0 {
			t.Fatalf("error %v without an error-severity problem", err)
		}
		for _, p := range ds.Problems {
			if p.Pos.File != "fuzz.csv" || p.Pos.Line < 0 || p.Msg == "" {
				t.Fatalf("bad problem %+v", p)
			}
		}
		for _, c := range ds.Contracts {
			if c.Player == "" && c.PlayerID == "" {
				t.Fatalf("row without a player loaded: %+v", c)
			}
		}
	})
}

// tmHeader26 is the header of transfermarkt-datasets players.csv since March 2026.
const tmHeader26 = "player_id,first_name,last_name,name,last_season,current_club_id,player_code,country_of_birth,city_of_birth,country_of_citizenship,date_of_birth,sub_position,position,foot,height_in_cm,contract_expiration_date,agent_name,image_url,international_caps,international_goals,current_national_team_id,url,current_club_domestic_competition_id,current_club_name,market_value_in_eur,highest_market_value_in_eur\r\n"

// tmPlayers50k builds a players.csv of n rows shaped like the real one.
func tmPlayers50k(n int) []byte {
	firsts := []string{"Ibrahima", "William", "Dean", "Kylian", "David", "Antonio", "Dušan", "Lamine", "Erling", "José"}
	lasts := []string{"Konaté", "Saliba", "Huijsen", "Mbappé", "Alaba", "Rüdiger", "Vlahović", "Yamal", "Haaland", "Sá"}
	clubs := []struct{ id, comp, name string }{{"31", "GB1", "Liverpool Football Club"}, {"418", "ES1", "Real Madrid Club de Fútbol"},
		{"27", "L1", "FC Bayern München"}, {"506", "IT1", "Juventus Football Club"}, {"583", "FR1", "Paris Saint-Germain Football Club"},
		{"610", "NL1", "AFC Ajax Amsterdam"}, {"294", "PO1", "Sport Lisboa e Benfica"}, {"371", "SC1", "Celtic Football Club"}}
	positions := [][2]string{{"Centre-Back", "Defender"}, {"Centre-Forward", "Attack"}, {"Goalkeeper", "Goalkeeper"}, {"Central Midfield", "Midfield"}}
	var b bytes.Buffer
	b.Grow(n * 420)
	b.WriteString(tmHeader26)
	for i := range n {
		f, l := firsts[i%len(firsts)], lasts[(i/7)%len(lasts)]
		c := clubs[i%len(clubs)]
		p := positions[i%len(positions)]
		exp := ""
		if i%6 != 0 {
			exp = fmt.Sprintf("%d-06-30 00:00:00", 2026+i%5)
		}
		slug := strings.ToLower(f + "-" + l)
		fmt.Fprintf(&b, "%d,%s,%s,%s %s,%d,%s,%s,France,Paris,France,%d-%02d-%02d 00:00:00,%s,%s,right,%d,%s,CAA Stellar,"+
			"https://img.a.transfermarkt.technology/portrait/header/%d-1669190550.jpg?lm=1,%d,%d,3377,"+
			"https://www.transfermarkt.co.uk/%s/profil/spieler/%d,%s,%s,%d,%d\r\n",
			100000+i, f, l, f, l, 2020+i%6, c.id, slug, 1985+i%20, 1+i%12, 1+i%28, p[0], p[1], 170+i%30, exp,
			100000+i, i%50, i%10, slug, 100000+i, c.comp, c.name, 1000000*(i%80), 2000000*(i%80))
	}
	return b.Bytes()
}

func TestTMPlayers50kShape(t *testing.T) {
	ds, err := Load(bytes.NewReader(tmPlayers50k(600)), "gen.csv", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Every sixth row (i = 0, 6, …) has no expiry: 100 of 600.
	if len(ds.Contracts) != 600 || ds.Format != "transfermarkt-datasets players.csv (26 columns)" || ds.Warnings != 1 {
		t.Fatalf("%d rows, format %q, problems %v", len(ds.Contracts), ds.Format, ds.Problems)
	}
	if c := ds.Contracts[1]; c.Player != "William Konaté" || c.Association != "ESP" || c.Expires != rules.D(2027, 6, 30) || c.LastSeason != 2021 {
		t.Fatalf("row 1: %+v", c)
	}
}

func BenchmarkLoadTMDatasets50k(b *testing.B) {
	data := tmPlayers50k(50000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ds, err := Load(bytes.NewReader(data), "players.csv", LoadOptions{})
		if err != nil || len(ds.Contracts) != 50000 {
			b.Fatalf("%v, %d rows", err, len(ds.Contracts))
		}
	}
}

// A JSON string keeps what it says: escapes, a surrogate pair for a
// character beyond the BMP, and U+FFFD written as such are not refused as
// invalid UTF-8 (issue 12 #10).
func TestLoadJSONValidStrings(t *testing.T) {
	in := `[{"player": "Jos\u00e9 \ud83d\ude00 \ufffd \"Q\"", "association": "ENG", "contract_expires": "2026-06-30"}]` + "\n\n"
	ds, err := loadString(t, in, LoadOptions{})
	if err != nil || len(ds.Contracts) != 1 || ds.Contracts[0].Player != "José 😀 \ufffd \"Q\"" {
		t.Fatalf("err %v, rows %+v", err, ds.Contracts)
	}
}

// Excel's "CSV (Macintosh)" ends lines with a carriage return alone: the
// rows are read, not taken for one long header (issue 12 #11), and a note
// says how the lines were read.
func TestLoadCROnlyLineEnds(t *testing.T) {
	in := "player;club;association;contract_expires\r\"Ann\rAble\";Riverside FC;ENG;30/6/2026\rBob Bell;Riverside FC;ENG;2027-06-30\r"
	ds, err := loadString(t, in, LoadOptions{})
	if err != nil || len(ds.Contracts) != 2 {
		t.Fatalf("err %v, %d rows, want 2", err, len(ds.Contracts))
	}
	if a, b := ds.Contracts[0], ds.Contracts[1]; a.Player != "Ann\nAble" || a.Expires != rules.D(2026, 6, 30) || b.Pos.Line != 4 {
		t.Errorf("rows %+v; %+v", a, b)
	}
	if len(ds.Notes) != 1 || !strings.Contains(ds.Notes[0].Error(), "in.csv: the lines end with a carriage return alone") {
		t.Errorf("notes %v", ds.Notes)
	}
	// CRLF is not CR alone
	ds, err = loadString(t, "player,contract_expires\r\nAnn,2026-06-30\r\n", LoadOptions{})
	if err != nil || len(ds.Contracts) != 1 || len(ds.Notes) != 0 {
		t.Errorf("CRLF: err %v, rows %d, notes %v", err, len(ds.Contracts), ds.Notes)
	}
}

// Excel habits (issue 13 #15): the empty rows at the end of a sheet,
// ";;;;", are skipped quietly and counted, not failed nor kept; Excel's
// "sep=;" line names the separator and is not the header.
func TestLoadExcelHabits(t *testing.T) {
	in := "sep=;\nPlayer;Club;Country;Contract until\nAnn Able;Riverside FC;ENG;30/6/2027\n;;;\n  ; ;;\nBob Bell;Riverside FC;ENG;\n;;;\n"
	ds, err := loadString(t, in, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ds.Read != 5 || len(ds.Contracts) != 2 || ds.Blank != 3 || ds.Skipped != 0 {
		t.Fatalf("read %d loaded %d blank %d skipped %d; want 5 2 3 0", ds.Read, len(ds.Contracts), ds.Blank, ds.Skipped)
	}
	if c := ds.Contracts[1]; c.Player != "Bob Bell" || c.Pos.Line != 6 {
		t.Errorf("second row %+v, want Bob Bell on line 6", c)
	}
	// the one warning is Bob's missing expiry; nothing about the blank rows
	if ds.Warnings != 1 || !strings.Contains(ds.Problems[0].Error(), "in.csv:6:4: warning: 1 row has no contract expiry") {
		t.Errorf("problems %v", ds.Problems)
	}
	if len(ds.Notes) != 1 || ds.Notes[0].Error() != "in.csv:1: the first line names the separator (sep=;): the header is line 2" {
		t.Errorf("notes %v", ds.Notes)
	}
	// problems of the header name line 2
	_, err = loadString(t, "\"sep=,\"\nPlayer,Club\nAnn,Villa\n", LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "in.csv:2: no column for the contract's expiry") {
		t.Errorf("header after sep=: %v", err)
	}
	// a file of blank rows only says so
	ds, _ = loadString(t, "Player;Contract until\n;\n;\n", LoadOptions{})
	if ds.Warnings != 1 || !strings.Contains(ds.Problems[0].Msg, "no data rows, only a header and 2 rows every field of which is empty") {
		t.Errorf("blank rows only: %v", ds.Problems)
	}
}

// A file's slashed dates that read either way are read in the order its
// other dates show (issue 13 #15): 6/30/2027 shows month first, so 9/5/2001
// is 5 September, and a note says so; with no date to show it, day first
// and a note; dates showing both orders are an error naming both lines.
func TestLoadDateOrder(t *testing.T) {
	head := "Player,Club,Country,Born,Contract until\n"
	tests := []struct {
		name, in string
		opt      LoadOptions
		born     []string // each row's birth date; nil when the file fails
		problem  string   // in the error, or in the note
	}{
		{"month first shown after the ambiguous date", "Ann,X,ENG,9/5/2001,6/30/2027\nBob,X,ENG,1/2/1999,7/1/2028\n", LoadOptions{},
			[]string{"2001-09-05", "1999-01-02"}, "in.csv:2: slashed dates read month first (M/D/YYYY), as 6/30/2027 on line 2 shows, and so were 3 dates that read either way, the first 9/5/2001 on line 2 (5 Sep 2001)"},
		{"day first shown", "Ann,X,ENG,9/5/2001,30/6/2027\n", LoadOptions{},
			[]string{"2001-05-09"}, "slashed dates read day first (D/M/YYYY), as 30/6/2027 on line 2 shows, and so was 9/5/2001 on line 2, which reads either way (9 May 2001)"},
		{"nothing shows the order: day first, said", "Ann,X,ENG,9/5/2001,1/7/2027\n", LoadOptions{},
			[]string{"2001-05-09"}, "slashed dates read day first (D/M/YYYY), bosman's default, as no date of the file shows the order, and so were 2 dates that read either way, the first 9/5/2001 on line 2 (9 May 2001): give --month-first if they are month first"},
		{"no ambiguous date, no note", "Ann,X,ENG,25/5/2001,30/6/2027\nBob,X,ENG,1/1/2001,2027-06-30\n", LoadOptions{},
			[]string{"2001-05-25", "2001-01-01"}, ""},
		{"both orders shown: an error with both lines", "Ann,X,ENG,25/5/2001,2027-06-30\nBob,X,ENG,,6/30/2027\n", LoadOptions{SkipInvalid: true},
			nil, "in.csv:3:5: Contract until: 6/30/2027 reads month first only, but 25/5/2001 on line 2 reads day first only: the file mixes the two orders"},
		{"month first shown beyond the start, after ambiguous dates read day first", "Ann,X,ENG,9/5/2001,2027-06-30\n" + strings.Repeat("Cid,X,ENG,,2027-06-30\n", 4000) + "Bob,X,ENG,,6/30/2027\n", LoadOptions{},
			nil, "in.csv:4003:5: Contract until: 6/30/2027 reads month first only, but the dates before it that read either way were read day first (1, the first 9/5/2001 on line 2) (give --month-first"},
		// the start shows both orders, so --month-first cannot help: the
		// hint says the file mixes them (an ambiguous birth date is read
		// before the row's month-first expiry; the next row is day first)
		{"both orders shown after an ambiguous date: the hint says the file mixes them", "Ann,X,ENG,9/5/2001,6/30/2027\nBob,X,ENG,,30/06/2027\n", LoadOptions{},
			nil, "in.csv:2:5: Contract until: 6/30/2027 reads month first only, but the dates before it that read either way were read day first (1, the first 9/5/2001 on line 2) (the file mixes day-first and month-first dates: write them one way"},
		{"month first given: a day-first date is refused with the reason", "Ann,X,ENG,25/5/2001,6/30/2027\n", LoadOptions{MonthFirst: true},
			nil, "25/5/2001 is day first: leave out --month-first"},
		{"month first given: ambiguous dates read so, no note", "Ann,X,ENG,9/5/2001,6/30/2027\n", LoadOptions{MonthFirst: true},
			[]string{"2001-09-05"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, streamed := range []bool{false, true} {
				opt := tt.opt
				var born []string
				if streamed {
					opt.Each = func(_ *Dataset, c *Contract) error { born = append(born, c.Birth.String()); return nil }
				}
				ds, err := loadString(t, head+tt.in, opt)
				if tt.born == nil {
					if err == nil || !strings.Contains(err.Error(), tt.problem) {
						t.Fatalf("streamed %v: error %v, want one with %q", streamed, err, tt.problem)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				if !streamed {
					for _, c := range ds.Contracts {
						born = append(born, c.Birth.String())
					}
				}
				if strings.Join(born, " ") != strings.Join(tt.born, " ") {
					t.Errorf("streamed %v: born %v, want %v", streamed, born, tt.born)
				}
				switch {
				case tt.problem == "" && len(ds.Notes) > 0:
					t.Errorf("notes %v, want none", ds.Notes)
				case tt.problem != "" && (len(ds.Notes) != 1 || !strings.Contains(ds.Notes[0].Error(), tt.problem)):
					t.Errorf("notes %v, want one with %q", ds.Notes, tt.problem)
				}
			}
		})
	}
}

// A row that gives an earlier row's contract (same player, club, signing
// and start) another expiry is left out, the first used, so that every
// command, streamed or not, answers with one contract (issue 12 #13); rows
// that differ in their start are two contracts, a renewal, and both load.
func TestLoadConflictingRows(t *testing.T) {
	in := "player_id,player,club,association,contract_start,contract_expires\n" +
		"1,Ann,X,ENG,,2026-06-30\n" +
		"1,Ann,X,ENG,,2027-06-30\n" +
		"1,Ann,X,ENG,2026-07-01,2029-06-30\n"
	for _, streamed := range []bool{false, true} {
		var got []string
		opt := LoadOptions{}
		if streamed {
			opt.Each = func(_ *Dataset, c *Contract) error { got = append(got, c.Expires.String()); return nil }
		}
		ds, err := loadString(t, in, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ds.Contracts {
			got = append(got, c.Expires.String())
		}
		if strings.Join(got, " ") != "2026-06-30 2029-06-30" || ds.Conflicts != 1 || ds.Kinds[KindConflict] != 1 {
			t.Errorf("streamed %v: expiries %v, %d conflicts, kinds %v; want 2026-06-30 2029-06-30, 1 conflict", streamed, got, ds.Conflicts, ds.Kinds)
		}
	}
}

// A row that is not loaded is not counted in the file-wide warnings of
// rows kept ("no association … kept"), nor is a merged repeat.
func TestLoadCountsOnlyKeptRows(t *testing.T) {
	in := "player,club,contract_expires\nAnn,Riverside FC,2026-02-30\nBob,Riverside FC,\nBob,Riverside FC,\nCid,Riverside FC,2027-06-30\n"
	ds, _ := loadString(t, in, LoadOptions{SkipInvalid: true, NoInfer: true})
	var got []string
	for _, p := range ds.Problems {
		if p.Severity == Warning {
			got = append(got, p.Msg)
		}
	}
	want := []string{
		"1 row has no contract expiry, the first on this line: kept, expiry unknown",
		"2 rows have no association or league, the first on this line: kept, association unknown",
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("warnings %q, want %q among them", got, w)
		}
	}
}

package report

import (
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Every current player of the 12 June 2026 transfermarkt-datasets build
// whose league is known falls under a rule set of his own association: one
// real row per competition of the build (32), and a Canadian club in MLS,
// which belongs to Canada Soccer and follows the MLS league set.
func TestEveryCompetitionHasItsAssociationsRules(t *testing.T) {
	ds, err := contracts.LoadFile("../testdata/contracts/tmdatasets_players_2026-06-12_one_per_competition.csv", contracts.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	book, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Contracts) != 33 {
		t.Fatalf("%d rows, want 32 competitions and Toronto FC", len(ds.Contracts))
	}
	leagues := map[string]bool{}
	for _, c := range ds.Contracts {
		leagues[c.League] = true
		if c.Association == "" {
			t.Errorf("%s (%s, %s): no association", c.Player, c.Club, c.League)
			continue
		}
		w := book.Windows(rules.Contract{Association: c.Association, League: c.League, Expires: c.Expires}, rules.Query{AsOf: rules.D(2026, 6, 12)})
		switch {
		case w.Fallback:
			t.Errorf("%s (%s, %s, %s): no rule set, the FIFA fallback", c.Player, c.Club, c.League, c.Association)
		case w.Set.Association() != c.Association && !(c.League == "MLS1" && w.Set.Code == "MLS"):
			t.Errorf("%s (%s, %s): rule set %s, want %s's own", c.Player, c.Club, c.League, w.Set.Code, c.Association)
		}
		if c.League == "MLS1" && w.Set.Code != "MLS" {
			t.Errorf("%s (%s): rule set %s, want the MLS league set", c.Player, c.Club, w.Set.Code)
		}
		if c.Club == "Toronto FC" && c.Association != "CAN" {
			t.Errorf("Toronto FC: association %s, want CAN (Canada Soccer)", c.Association)
		}
	}
	if len(leagues) != 32 {
		t.Errorf("%d competitions, want 32", len(leagues))
	}
}

// The data status of an answer, by hand from the rules of dataStatus.
func TestDataStatus(t *testing.T) {
	scrape := rules.D(2026, 6, 12)
	cases := []struct {
		name      string
		asOf, day rules.Date
		stale     bool
		want      string
	}{
		{"a 2026 row asked about 2020 answers from data six years later", rules.D(2020, 1, 1), scrape, false, DataBeforeData},
		{"asked 11 days before the scrape: within the month's grace", rules.D(2026, 6, 1), scrape, false, DataCurrent},
		{"asked 31 days before the scrape: before the data", rules.D(2026, 5, 12), scrape, false, DataBeforeData},
		{"asked 365 days after the facts: still current", rules.D(2027, 6, 12), scrape, false, DataCurrent},
		{"asked 366 days after the facts: old", rules.D(2027, 6, 13), scrape, false, DataOld},
		{"old beats a stale club", rules.D(2027, 7, 1), scrape, true, DataOld},
		{"a stale club in current data", rules.D(2026, 8, 1), scrape, true, DataStaleClub},
		{"no day in the data", rules.D(2026, 8, 1), rules.Date{}, false, DataUnknown},
	}
	for _, tc := range cases {
		if got := dataStatus(tc.asOf, tc.day, tc.stale); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

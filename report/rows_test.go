package report

import (
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// TestCanSign: the first day a club of the --to association may sign him
// to a pre-contract, as of 7 Oct 2025, for contracts ending 30 Jun 2026
// (free on 1 Jul 2026) unless said otherwise.
func TestCanSign(t *testing.T) {
	asOf := rules.D(2025, 10, 7)
	rudiger := contracts.Contract{Player: "Antonio Rüdiger", Club: "Real Madrid", Association: "ESP", League: "ES1", Expires: rules.D(2026, 6, 30)}
	mls := contracts.Contract{Player: "MLS Player", Birth: rules.D(1998, 3, 1), Club: "Test SC", Association: "USA", League: "MLS1", Expires: rules.D(2026, 12, 31)}
	usl := contracts.Contract{Player: "USL Player", Club: "Test FC", Association: "USA", Expires: rules.D(2026, 12, 31)}
	for _, tc := range []struct {
		name, to  string
		c         contracts.Contract
		day       rules.Date
		condition bool
	}{
		// FIFA RSTP art. 18.3: another association's club, six months before he is free.
		{"Konaté for a Spanish club", "ESP", konate(), rules.D(2026, 1, 1), false},
		// England's domestic rule: the day after the third Saturday in May
		// (16 May 2026), only if Liverpool made no offer of re-engagement.
		{"Konaté for an English club", "ENG", konate(), rules.D(2026, 5, 17), true},
		// Spain's domestic rule: six months, as abroad.
		{"Rüdiger for a Spanish club", "ESP", rudiger, rules.D(2026, 1, 1), false},
		{"Rüdiger for an English club", "ENG", rudiger, rules.D(2026, 1, 1), false},
		// MLS: no pre-contract at home (Free Agency or the Re-Entry Draft);
		// a club abroad goes by art. 18.3: free on 1 Jan 2027, so 1 Jul 2026.
		{"an MLS player for a US club", "USA", mls, rules.Date{}, false},
		{"an MLS player for an English club", "ENG", mls, rules.D(2026, 7, 1), false},
		// A club of the MLS league set is a US club: at home for a US
		// player outside MLS, whose domestic rule is FIFA's six months.
		{"a US player outside MLS for an MLS club", "MLS", usl, rules.D(2026, 7, 1), false},
		{"no --to", "", konate(), rules.Date{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := testQuery(t, asOf, tc.to)
			en := q.Answer(tc.c)
			day, cond := en.CanSign()
			if day != tc.day || (cond != "") != tc.condition {
				t.Errorf("can sign from %s (condition %q), want %s (condition: %v)", day, cond, tc.day, tc.condition)
			}
			if tc.condition && !strings.Contains(cond, "re-engagement") {
				t.Errorf("condition %q is not England's no-offer rule", cond)
			}
		})
	}
}

// TestProfileColumns: the columns after source, in DESIGN's order, for
// Konaté as of 7 Oct 2025 (26: born 25 May 1999) asked by an English club.
func TestProfileColumns(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "ENG")
	c := konate()
	c.Position, c.SubPosition, c.Nationality, c.MarketValue = "Defender", "Centre-Back", "France", 40_000_000
	en := q.Answer(c)
	f := en.Fields(nil)
	if len(f) != len(Columns) || Columns[16] != "source" {
		t.Fatalf("%d fields for %d columns; column 17 is %s", len(f), len(Columns), Columns[16])
	}
	want := map[string]string{
		"data_as_of": "2025-10-01", "data_status": "current", "position": "Defender", "sub_position": "Centre-Back",
		"nationality": "France", "age": "26", "market_value_eur": "40000000", "can_sign_from": "2026-05-17",
		"can_sign_condition": "only if he had no offer of re-engagement from his club, or declined it",
	}
	for i, col := range Columns[17:] {
		if f[17+i] != want[col] {
			t.Errorf("%s = %q, want %q", col, f[17+i], want[col])
		}
	}
	c.Birth, c.MarketValue = rules.Date{}, 0
	en = q.Answer(c)
	if f := en.Fields(nil); f[22] != "" || f[23] != "" {
		t.Errorf("age %q and value %q, want both empty when unknown", f[22], f[23])
	}
}

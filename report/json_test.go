package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// TestPlayerJSONExtras: one player's JSON keeps the 17 columns first, in
// order and unchanged, then gives the card's reasoning as fields. Konaté as
// of 7 Oct 2025 for a Spanish club: England's rule set; abroad after
// written notice (FIFA RSTP art. 18.3); England's offer deadline on the
// third Saturday in May 2026, the 16th; registration in Spain's summer
// period from 1 Jul 2026, the day he is free (estimated: 2026/27 is not
// published); with an option to 30 Jun 2027, free on 1 Jul 2027 if it is
// exercised, abroad from 1 Jan 2027.
func TestPlayerJSONExtras(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "ESP")
	k := konate()
	k.Option.Until = rules.D(2027, 6, 30)
	en := q.Answer(k)
	var b bytes.Buffer
	if err := WriteRows(&b, "json", true, []Entry{en}); err != nil {
		t.Fatal(err)
	}
	// the keys in order, as written
	dec := json.NewDecoder(bytes.NewReader(b.Bytes()))
	dec.Token()
	var keys []string
	for dec.More() {
		tok, _ := dec.Token()
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	if strings.Join(keys[:len(Columns)], ",") != strings.Join(Columns, ",") {
		t.Errorf("keys begin %v, want the columns", keys[:len(Columns)])
	}
	var got struct {
		Player     string                `json:"player"`
		RuleSet    struct{ Code string } `json:"rule_set"`
		Conditions struct {
			Foreign  *string `json:"foreign_precontract"`
			Domestic *string `json:"domestic_precontract"`
		}
		Registration struct {
			Association, From, Basis string
			Period                   struct {
				Name      string
				Estimated bool
			}
		}
		Scenarios []struct {
			Name    string
			Expires string `json:"contract_expires"`
			Free    string `json:"free_agent_from"`
			Foreign string `json:"foreign_precontract_from"`
		}
		Notes []struct{ Kind, Rule, Date, Text string }
		Rules []struct {
			ID      string
			Sources []string
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Player != "Ibrahima Konaté" || got.RuleSet.Code != "ENG" {
		t.Errorf("player %q, rule set %q", got.Player, got.RuleSet.Code)
	}
	if got.Conditions.Foreign == nil || *got.Conditions.Foreign != "after written notice to the current club" || got.Conditions.Domestic == nil {
		t.Errorf("conditions %+v", got.Conditions)
	}
	if r := got.Registration; r.Association != "ESP" || r.From != "2026-07-01" || r.Basis != "period" || r.Period.Name != "summer" || !r.Period.Estimated {
		t.Errorf("registration %+v", r)
	}
	if len(got.Scenarios) != 1 || got.Scenarios[0].Name != "option-exercised" || got.Scenarios[0].Expires != "2027-06-30" ||
		got.Scenarios[0].Free != "2027-07-01" || got.Scenarios[0].Foreign != "2027-01-01" {
		t.Errorf("scenarios %+v", got.Scenarios)
	}
	deadline := false
	for _, n := range got.Notes {
		deadline = deadline || n.Kind == "deadline" && n.Rule == "eng-offer-deadline" && n.Date == "2026-05-16"
	}
	if !deadline {
		t.Errorf("no offer deadline of 16 May 2026 in %+v", got.Notes)
	}
	ids := map[string]bool{}
	for _, r := range got.Rules {
		ids[r.ID] = len(r.Sources) > 0
	}
	if !ids["fifa-rstp-18.3"] || !ids["eng-pl-handbook-T"] {
		t.Errorf("rules %v: want fifa-rstp-18.3 and eng-pl-handbook-T with their sources", ids)
	}
	// the export's array keeps the 17 keys alone
	b.Reset()
	WriteRows(&b, "json", false, []Entry{en})
	if strings.Contains(b.String(), "rule_set") {
		t.Errorf("the array of rows carries the extras")
	}
}

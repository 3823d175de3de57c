package contracts

import (
	"errors"
	"slices"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// One resolver turns a typed code into what it means (DESIGN: Codes, one
// vocabulary; issue 13 #18).
func TestResolveCode(t *testing.T) {
	book, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in          string
		kind        CodeKind
		assoc, set  string
		leagues     []string
		covers, not Contract
	}{
		{"ENG", CodeAssociation, "ENG", "ENG", nil, Contract{Association: "ENG", League: "GB2"}, Contract{Association: "WAL"}},
		{" england ", CodeAssociation, "ENG", "ENG", nil, Contract{Association: "ENG"}, Contract{Association: "SCO"}},
		{"spain", CodeAssociation, "ESP", "ESP", nil, Contract{Association: "ESP"}, Contract{Association: "ENG"}},
		{"EFL", CodeLeagueSet, "ENG", "EFL", []string{"GB2", "GB3", "GB4"}, Contract{Association: "ENG", League: "GB3"}, Contract{Association: "ENG", League: "GB1"}},
		{"mls", CodeLeagueSet, "USA", "MLS", []string{"MLS1"}, Contract{Association: "CAN", League: "MLS1"}, Contract{Association: "USA"}},
		{"GB1", CodeCompetition, "ENG", "ENG", []string{"GB1"}, Contract{Association: "ENG", League: "GB1"}, Contract{Association: "ENG", League: "GB2"}},
		{"gb2", CodeCompetition, "ENG", "EFL", []string{"GB2"}, Contract{League: "GB2"}, Contract{League: "GB3"}},
		{"MLS1", CodeCompetition, "USA", "MLS", []string{"MLS1"}, Contract{League: "MLS1"}, Contract{League: "CDN1"}},
		{"ES1", CodeCompetition, "ESP", "ESP", []string{"ES1"}, Contract{League: "ES1"}, Contract{League: "ES2"}},
	}
	for _, tt := range tests {
		k, err := ResolveCode(tt.in, book)
		if err != nil || k.Kind != tt.kind || k.Association != tt.assoc || k.Set != tt.set || !slices.Equal(k.Leagues, tt.leagues) {
			t.Errorf("ResolveCode(%q) = %+v, %v; want kind %d, %s, set %s, leagues %v", tt.in, k, err, tt.kind, tt.assoc, tt.set, tt.leagues)
			continue
		}
		if !k.Covers(&tt.covers) || k.Covers(&tt.not) {
			t.Errorf("%q: covers %+v %v, %+v %v", tt.in, tt.covers, k.Covers(&tt.covers), tt.not, k.Covers(&tt.not))
		}
	}
	for in, sug := range map[string]string{"ENX": "ENG", "Englnd": "England", "EFK": "EFL", "zzzz": ""} {
		_, err := ResolveCode(in, book)
		var ce *CodeError
		if !errors.As(err, &ce) || ce.Suggestion != sug {
			t.Errorf("ResolveCode(%q): %v, want a CodeError suggesting %q", in, err, sug)
		}
	}
	// a club in a league set's competition registers under the set
	if k := CodeOfClub([]string{"Toronto FC"}, "CAN", "MLS1", book); k.Set != "MLS" || k.Association != "CAN" || !k.Covers(&Contract{Club: "Toronto FC"}) {
		t.Errorf("Toronto FC: %+v", k)
	}
	if k := CodeOfClub([]string{"Forge FC"}, "CAN", "CDN1", book); k.Set != "CAN" {
		t.Errorf("Forge FC: %+v", k)
	}
}

package contracts

import (
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// Nicknames, initials and the two spellings of St and Jr find the player
// people mean (issue 13 #17), over the embedded market and over loaded
// rows alike; a name is never read as initials.
func TestPlayerNicknamesAndInitials(t *testing.T) {
	m := embedded(t)
	for q, want := range map[string]string{
		"Vini Jr":     "Vinicius Junior",
		"Vinicius Jr": "Vinicius Junior",
		"vini junior": "Vinicius Junior",
		"VVD":         "Virgil van Dijk",
		"KDB":         "Kevin De Bruyne",
		"TAA":         "Trent Alexander-Arnold",
		"Mo Salah":    "Mohamed Salah",
	} {
		r := m.Resolve(q)
		if !r.OK || r.Match.Name != want {
			t.Errorf("Resolve(%q) = %q (ok %v, %d others), want %s", q, r.Match.Name, r.OK, len(r.Others), want)
		}
	}
	// "Kane" is a name: Harry Kane, not someone whose names begin k, a, n, e
	if r := m.Resolve("Kane"); !r.OK || r.Match.Name != "Harry Kane" {
		t.Errorf("Resolve(Kane) = %q", r.Match.Name)
	}
	// over loaded rows
	ix := NewIndex([]Contract{
		{PlayerID: "1", Player: "Virgil van Dijk", Club: "Liverpool FC", Expires: rules.D(2027, 6, 30)},
		{PlayerID: "2", Player: "Vinícius Júnior", Club: "Real Madrid", Expires: rules.D(2027, 6, 30)},
		{PlayerID: "3", Player: "Allan Saint-Maximin", Club: "RC Lens", Expires: rules.D(2027, 6, 30)},
		{PlayerID: "4", Player: "Vincent van Dam", Club: "Riverside FC", Expires: rules.D(2027, 6, 30)},
	})
	for q, want := range map[string]string{"Vini Jr": "Vinícius Júnior", "St Maximin": "Allan Saint-Maximin", "vinicius jr": "Vinícius Júnior"} {
		if ms := ix.Players(q); len(ms) != 1 || ms[0].Name != want {
			t.Errorf("Players(%q) = %v, want %s", q, ms, want)
		}
	}
	// initials that two players share match both, to be told apart
	if ms := ix.Players("VVD"); len(ms) != 2 || ms[0].Kind != MatchInitials {
		t.Errorf("Players(VVD) = %v, want van Dam and van Dijk by their initials", ms)
	}
	if ms := ix.Players("vvd"); len(ms) != 0 {
		t.Errorf("Players(vvd) = %v: initials are written in capitals", ms)
	}
}

// St and Saint are one word in club names (issue 13 #17).
func TestClubSaint(t *testing.T) {
	m := embedded(t)
	for q, want := range map[string]string{"Saint Pauli": "FC St. Pauli", "St Etienne": "AS Saint-Étienne", "Saint Mirren": "St. Mirren", "St Gallen": "FC St. Gallen 1879"} {
		if got := m.Clubs(q); len(got) == 0 || got[0] != want {
			t.Errorf("Clubs(%q) = %q, want %s first", q, got, want)
		}
	}
	ix := NewIndex([]Contract{{Player: "A", Club: "Saint Johnstone FC"}, {Player: "B", Club: "St Patrick's Athletic"}})
	for q, want := range map[string]string{"St Johnstone": "Saint Johnstone FC", "Saint Patrick's Athletic": "St Patrick's Athletic"} {
		if got := ix.Clubs(q); len(got) != 1 || got[0] != want {
			t.Errorf("Clubs(%q) = %q, want %s", q, got, want)
		}
	}
}

// An exact or best-known club wins over partial matches, the others named
// as alternatives (issue 13 #5).
func TestResolveClub(t *testing.T) {
	m := embedded(t)
	ix := NewIndex(fixture())
	fix := NewIndex(append(fixture(),
		Contract{Player: "A", Club: "Atlético de Madrid", League: "ES1"},
		Contract{Player: "B", Club: "CA Boca Juniors", League: "AR1N"},
		Contract{Player: "C", Club: "CA River Plate", League: "AR1N"}))
	tests := []struct {
		name  string
		r     ClubResolution
		want  string // first name of the club answered for, "" none
		why   string
		other string // one of the alternatives, "" none
	}{
		{"Inter: the club called so", m.ResolveClub("Inter"), "Inter Milan", ClubByName, "Inter Miami CF"},
		{"Inter in loaded rows", ix.ResolveClub("Inter"), "FC Internazionale Milano", ClubByName, "Inter Miami CF"},
		{"Atletico: its own name", fix.ResolveClub("Atletico"), "Atlético de Madrid", ClubByOwnName, "CA Boca Juniors"},
		{"Atletico over the market: the top-league one", m.ResolveClub("Atletico"), "Atlético de Madrid", ClubByTopLeague, "Atlético-MG"},
		{"Inter Miami", m.ResolveClub("Inter Miami"), "Inter Miami CF", ClubByOnlyMatch, ""},
		{"Real Madrid, not Castilla", ix.ResolveClub("Real Madrid"), "Real Madrid Club de Fútbol", ClubByName, "Real Madrid Castilla"},
		{"Manchester: two of one league", ix.ResolveClub("Manchester"), "", "", "Manchester City FC"},
		{"a prefix picks nothing", m.ResolveClub("Atl"), "", "", ""},
		{"nothing", m.ResolveClub("Zzyzx Rovers"), "", "", ""},
	}
	for _, tt := range tests {
		got := ""
		if len(tt.r.Names) > 0 {
			got = tt.r.Names[0]
		}
		hasOther := tt.other == ""
		for _, o := range tt.r.Others {
			hasOther = hasOther || o[0] == tt.other
		}
		if got != tt.want || tt.r.Why != tt.why || !hasOther {
			t.Errorf("%s: %q (%s), others %q; want %q (%s), with %q", tt.name, got, tt.r.Why, tt.r.Others, tt.want, tt.why, tt.other)
		}
	}
}

// Initials and the other form of a word name the whole name: the player
// they find is not answered for "in part" (see Match.InPart).
func TestInPartInitialsAndForms(t *testing.T) {
	m := embedded(t)
	for q, want := range map[string]string{"VVD": "Virgil van Dijk", "St Maximin": "Allan Saint-Maximin", "Vinicius Jr": "Vinicius Junior"} {
		found := false
		for _, p := range m.Players(q) {
			if p.Name == want {
				found = true
				if p.InPart(q) {
					t.Errorf("%q: %s is taken as a part of his name", q, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found", q, want)
		}
	}
}

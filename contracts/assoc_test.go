package contracts

import "testing"

func TestAssociation(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"fifa code", "ENG", "ENG", true},
		{"fifa code lower case", "esp", "ESP", true},
		{"fifa code with spaces", " ksa ", "KSA", true},
		{"premier league id", "GB1", "ENG", true},
		{"championship id", "GB2", "ENG", true},
		{"bundesliga id", "L1", "GER", true},
		{"2. bundesliga id", "L2", "GER", true},
		{"mls id", "MLS1", "USA", true},
		{"argentina id", "AR1N", "ARG", true},
		{"ukraine id", "UKR1", "UKR", true},
		{"austria id", "A1", "AUT", true},
		{"switzerland id", "C1", "SUI", true},
		{"saudi id", "SA1", "KSA", true},
		{"country name", "England", "ENG", true},
		{"country name lower case", "spain", "ESP", true},
		{"country variant", "Türkiye", "TUR", true},
		{"transfermarkt country", "Korea, South", "KOR", true},
		{"unknown code", "XYZ", "", false},
		{"united kingdom is four associations", "United Kingdom", "", false},
		{"empty", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Association(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Fatalf("Association(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// Every domestic league of the transfermarkt-datasets competitions.csv of
// March 2026 maps to the association of its country_name.
func TestLeagueIDsOfCompetitionsCSV(t *testing.T) {
	want := map[string]string{"BE1": "BEL", "DK1": "DEN", "ES1": "ESP", "FR1": "FRA", "GB1": "ENG",
		"GR1": "GRE", "IT1": "ITA", "L1": "GER", "NL1": "NED", "PO1": "POR", "RU1": "RUS",
		"SC1": "SCO", "TR1": "TUR", "UKR1": "UKR"}
	for id, code := range want {
		if got, ok := LeagueAssociation(id); !ok || got != code {
			t.Errorf("LeagueAssociation(%s) = %q, %v; want %s", id, got, ok, code)
		}
	}
}

func TestSuggestAssociation(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"typo in code", "ENH", "ENG"},
		{"doubled letter", "GERR", "GER"},
		{"dropped digit in league", "UKR", "UKR"},
		{"typo in country", "Englnd", "England"},
		{"typo in league id", "GB9", "GB1"},
		{"nothing close", "QWERTYUIOP", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.in); got != tt.want {
				t.Fatalf("Suggest(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

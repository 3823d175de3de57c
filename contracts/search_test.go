package contracts

import (
	"fmt"
	"slices"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// fixture is a small dataset written for these tests. Dates are as
// reported in the press; what matters here is their order.
func fixture() []Contract {
	return []Contract{
		{PlayerID: "konate", Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25), Club: "Liverpool FC",
			Signed: rules.D(2021, 5, 28), Expires: rules.D(2026, 6, 30)},
		{PlayerID: "salah", Player: "Mohamed Salah", Birth: rules.D(1992, 6, 15), Club: "Liverpool Football Club",
			Signed: rules.D(2025, 4, 11), Expires: rules.D(2027, 6, 30)},
		{PlayerID: "taa", Player: "Trent Alexander-Arnold", Birth: rules.D(1998, 10, 7), Club: "Real Madrid Club de Fútbol",
			Signed: rules.D(2025, 5, 30), Expires: rules.D(2031, 6, 30)},
		{PlayerID: "rudiger", Player: "Antonio Rüdiger", Birth: rules.D(1993, 3, 3), Club: "Real Madrid",
			Signed: rules.D(2025, 2, 24), Expires: rules.D(2026, 6, 30)},
		{PlayerID: "mbappe", Player: "Kylian Mbappé", Birth: rules.D(1998, 12, 20), Club: "Paris Saint-Germain",
			Signed: rules.D(2022, 5, 21), Expires: rules.D(2025, 6, 30)},
		{PlayerID: "mbappe", Player: "Kylian Mbappe", Birth: rules.D(1998, 12, 20), Club: "Real Madrid CF",
			Signed: rules.D(2024, 6, 3), Start: rules.D(2024, 7, 1), Expires: rules.D(2029, 6, 30)},
		{PlayerID: "ramon", Player: "Jacobo Ramón", Birth: rules.D(2005, 1, 6), Club: "Real Madrid Castilla",
			Expires: rules.D(2026, 6, 30)},
		{PlayerID: "muller", Player: "Thomas Müller", Birth: rules.D(1989, 9, 13), Club: "FC Bayern München",
			Signed: rules.D(2024, 4, 1), Expires: rules.D(2025, 6, 30)},
		{Player: "Lukas Mueller", Birth: rules.D(2004, 2, 2), Club: "Bayern Munich", Expires: rules.D(2027, 6, 30)},
		{PlayerID: "goretzka", Player: "Leon Goretzka", Birth: rules.D(1995, 2, 6), Club: "FC Bayern München",
			Expires: rules.D(2026, 6, 30)},
		{PlayerID: "kante", Player: "N'Golo Kanté", Birth: rules.D(1991, 3, 29), Club: "Al-Ittihad Club",
			Expires: rules.D(2026, 6, 30)},
		{Player: "Danilo", Birth: rules.D(2001, 4, 29), Club: "Nottingham Forest", Expires: rules.D(2029, 6, 30)},
		{Player: "Danilo", Birth: rules.D(1991, 7, 15), Club: "CR Flamengo", Expires: rules.D(2027, 12, 31)},
		{PlayerID: "lautaro", Player: "Lautaro Martínez", Birth: rules.D(1997, 8, 22), Club: "FC Internazionale Milano",
			Expires: rules.D(2029, 6, 30)},
		{PlayerID: "barella", Player: "Nicolò Barella", Birth: rules.D(1997, 2, 7), Club: "Inter",
			Expires: rules.D(2029, 6, 30)},
		{PlayerID: "messi", Player: "Lionel Messi", Birth: rules.D(1987, 6, 24), Club: "Inter Miami CF",
			Expires: rules.D(2028, 12, 31)},
		{PlayerID: "leao", Player: "Rafael Leão", Birth: rules.D(1999, 6, 10), Club: "AC Milan", Expires: rules.D(2028, 6, 30)},
		{PlayerID: "bruno", Player: "Bruno Fernandes", Birth: rules.D(1994, 9, 8), Club: "Manchester United",
			Expires: rules.D(2027, 6, 30)},
		{PlayerID: "haaland", Player: "Erling Haaland", Birth: rules.D(2000, 7, 21), Club: "Manchester City FC",
			Expires: rules.D(2034, 6, 30)},
		{PlayerID: "romero", Player: "Cristian Romero", Birth: rules.D(1998, 4, 27), Club: "Tottenham Hotspur",
			Expires: rules.D(2029, 6, 30)},
		{PlayerID: "pedri", Player: "Pedri", Birth: rules.D(2002, 11, 25), Club: "FC Barcelona", Expires: rules.D(2030, 6, 30)},
		{PlayerID: "vlahovic", Player: "Dušan Vlahović", Birth: rules.D(2000, 1, 28), Club: "Juventus FC",
			Expires: rules.D(2026, 6, 30)},
		{PlayerID: "saliba", Player: "William Saliba", Birth: rules.D(2001, 3, 24), Club: "Arsenal FC",
			Signed: rules.D(2023, 7, 6), Expires: rules.D(2027, 6, 30)},
		{PlayerID: "saliba", Player: "William Saliba", Birth: rules.D(2001, 3, 24), Club: "Arsenal FC",
			Signed: rules.D(2025, 9, 30), Expires: rules.D(2030, 6, 30)},
	}
}

// summary is "Name (Club, year of birth)" for each match, as a caller
// listing candidates would print them.
func summary(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s (%s, %d)", m.Name, m.Club, m.Birth.Year()))
	}
	return out
}

func TestPlayers(t *testing.T) {
	ix := NewIndex(fixture())
	konate := []string{"Ibrahima Konaté (Liverpool FC, 1999)"}
	rudiger := []string{"Antonio Rüdiger (Real Madrid, 1993)"}
	trent := []string{"Trent Alexander-Arnold (Real Madrid Club de Fútbol, 1998)"}
	kante := []string{"N'Golo Kanté (Al-Ittihad Club, 1991)"}
	muller := []string{"Thomas Müller (FC Bayern München, 1989)"}
	bothMuellers := []string{"Lukas Mueller (Bayern Munich, 2004)", "Thomas Müller (FC Bayern München, 1989)"}
	tests := []struct {
		name  string
		query string
		want  []string
		kind  MatchKind
	}{
		{"surname plain", "Konate", konate, MatchWords},
		{"surname accented", "Konaté", konate, MatchWords},
		{"surname upper case", "KONATE", konate, MatchWords},
		{"surname prefix", "kona", konate, MatchPrefix},
		{"full name exact", "ibrahima konate", konate, MatchExact},
		{"words in any order", "Konaté Ibrahima", konate, MatchWords},
		{"umlaut dropped", "Rudiger", rudiger, MatchWords},
		{"umlaut spelt ue", "Ruediger", rudiger, MatchWords},
		{"umlaut written", "Rüdiger", rudiger, MatchWords},
		{"umlaut full name exact", "antonio ruediger", rudiger, MatchExact},
		{"Muller finds only the umlaut", "Muller", muller, MatchWords},
		{"Mueller finds both spellings", "Mueller", bothMuellers, MatchWords},
		{"Müller finds both spellings", "Müller", bothMuellers, MatchWords},
		{"first name", "Trent", trent, MatchWords},
		{"hyphenated surname", "Alexander-Arnold", trent, MatchWords},
		{"hyphen as space", "alexander arnold", trent, MatchWords},
		{"half of hyphenated surname", "Arnold", trent, MatchWords},
		{"apostrophe joined exact", "Ngolo Kante", kante, MatchExact},
		{"apostrophe kept exact", "N'Golo Kanté", kante, MatchExact},
		{"apostrophe split word", "Golo", kante, MatchWords},
		{"two players one name", "Danilo", []string{"Danilo (CR Flamengo, 1991)", "Danilo (Nottingham Forest, 2001)"}, MatchExact},
		{"latest club shown", "Mbappe", []string{"Kylian Mbappe (Real Madrid CF, 1998)"}, MatchWords},
		{"older spelling still found", "Kylian Mbappé", []string{"Kylian Mbappe (Real Madrid CF, 1998)"}, MatchExact},
		{"whole word beats prefix", "Leon", []string{"Leon Goretzka (FC Bayern München, 1995)"}, MatchWords},
		{"prefix when no whole word", "Le", []string{"Leon Goretzka (FC Bayern München, 1995)", "Rafael Leão (AC Milan, 1999)"}, MatchPrefix},
		{"all words must match", "Trent Konate", nil, 0},
		{"no such player", "Zidane", nil, 0},
		{"empty query", "", nil, 0},
		{"punctuation only", " -'- ", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ix.Players(tt.query)
			if s := summary(got); !slices.Equal(s, tt.want) {
				t.Fatalf("Players(%q) = %q, want %q", tt.query, s, tt.want)
			}
			for _, m := range got {
				if m.Kind != tt.kind {
					t.Errorf("Players(%q): %s matched as %d, want %d", tt.query, m.Name, m.Kind, tt.kind)
				}
			}
		})
	}
}

func TestPlayersRows(t *testing.T) {
	ix := NewIndex(fixture())
	tests := []struct {
		name, query, id string
		rows            int
	}{
		{"rows grouped by id", "Saliba", "saliba", 2},
		{"rows grouped by id across spellings", "Mbappé", "mbappe", 2},
		{"rows without id grouped by name and birth", "Lukas Mueller", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := ix.Players(tt.query)
			if len(ms) != 1 {
				t.Fatalf("Players(%q) gave %d matches, want 1", tt.query, len(ms))
			}
			if ms[0].PlayerID != tt.id || len(ms[0].Rows) != tt.rows {
				t.Errorf("Players(%q) = id %q with %d rows, want %q with %d", tt.query, ms[0].PlayerID, len(ms[0].Rows), tt.id, tt.rows)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	ix := NewIndex(fixture())
	tests := []struct {
		name, query string
		want        []string
	}{
		{"doubled letter", "Konatee", []string{"Ibrahima Konaté"}},
		{"missing letter", "Rudigr", []string{"Antonio Rüdiger"}},
		{"missing double letter", "Mbape", []string{"Kylian Mbappe"}},
		{"two words each a letter off", "Ibrahim Konatee", []string{"Ibrahima Konaté"}},
		{"ASCII ue source, bare u query", "Lukas Muller", []string{"Lukas Mueller"}},
		{"nothing near", "Xyzzy", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ms := ix.Players(tt.query); len(ms) != 0 {
				t.Fatalf("Players(%q) matched %q; the case wants no match", tt.query, summary(ms))
			}
			if got := ix.Suggest(tt.query, 3); !slices.Equal(got, tt.want) {
				t.Errorf("Suggest(%q, 3) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
	if got := ix.Suggest("Danil", 0); got != nil {
		t.Errorf("Suggest with n = 0 = %q, want nil", got)
	}
}

func TestClubKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"FC suffix", "Liverpool FC", "liverpool"},
		{"Football Club", "Liverpool Football Club", "liverpool"},
		{"dotted F.C.", "Everton F.C.", "everton"},
		{"Club de Fútbol", "Real Madrid Club de Fútbol", "real madrid"},
		{"CF", "Real Madrid CF", "real madrid"},
		{"reserve side kept apart", "Real Madrid Castilla", "real madrid castilla"},
		{"Football Club S.p.A.", "Juventus Football Club S.p.A.", "juventus"},
		{"AC prefix", "AC Milan", "milan"},
		{"Inter Milan is not Milan", "Inter Milan", "internazionale milano"},
		{"Man Utd", "Man Utd", "manchester united"},
		{"Man United", "Man United", "manchester united"},
		{"Man City", "Man City", "manchester city"},
		{"Spurs", "Spurs", "tottenham hotspur"},
		{"Barça", "Barça", "barcelona"},
		{"FC Barcelona", "FC Barcelona", "barcelona"},
		{"Bayern", "Bayern", "bayern munchen"},
		{"Bayern Munich", "Bayern Munich", "bayern munchen"},
		{"Bayern Muenchen", "FC Bayern Muenchen", "bayern munchen"},
		{"PSG", "PSG", "paris saint germain"},
		{"Atleti", "Atleti", "atletico de madrid"},
		{"Atlético S.A.D.", "Club Atlético de Madrid, S.A.D.", "atletico de madrid"},
		{"BVB", "BVB", "borussia dortmund"},
		{"Gladbach", "Gladbach", "borussia monchengladbach"},
		{"Wolves", "Wolves", "wolverhampton wanderers"},
		{"Galatasaray A.Ş.", "Galatasaray A.Ş.", "galatasaray"},
		{"Al-Hilal", "Al Hilal SFC", "al hilal"},
		{"LA Galaxy", "Los Angeles Galaxy", "la galaxy"},
		{"Boca", "Boca", "boca juniors"},
		{"data's bare Inter is Internazionale", "Inter", "internazionale milano"},
		{"never stripped empty", "AC", "ac"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClubKey(tt.in); got != tt.want {
				t.Errorf("ClubKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestClubs(t *testing.T) {
	ix := NewIndex(fixture())
	realMadrid := []string{"Real Madrid Club de Fútbol", "Real Madrid", "Real Madrid CF"}
	liverpool := []string{"Liverpool FC", "Liverpool Football Club"}
	bayern := []string{"FC Bayern München", "Bayern Munich"}
	tests := []struct {
		name, query string
		want        []string
	}{
		{"Real Madrid exact beats Castilla", "Real Madrid", realMadrid},
		{"Real Madrid by legal name", "Real Madrid Club de Fútbol", realMadrid},
		{"Real Madrid CF", "real madrid cf", realMadrid},
		{"reserve side", "Castilla", []string{"Real Madrid Castilla"}},
		{"Real lists both", "Real", append(slices.Clone(realMadrid), "Real Madrid Castilla")},
		{"Liverpool", "Liverpool", liverpool},
		{"Liverpool FC", "Liverpool FC", liverpool},
		{"Man Utd", "Man Utd", []string{"Manchester United"}},
		{"Man United", "Man United", []string{"Manchester United"}},
		{"Man City", "Man City", []string{"Manchester City FC"}},
		{"Manchester lists both", "Manchester", []string{"Manchester City FC", "Manchester United"}},
		{"Spurs", "Spurs", []string{"Tottenham Hotspur"}},
		{"Barça", "Barça", []string{"FC Barcelona"}},
		{"Barca", "barca", []string{"FC Barcelona"}},
		{"Bayern", "Bayern", bayern},
		{"Bayern Munich", "Bayern Munich", bayern},
		{"Bayern München", "Bayern München", bayern},
		{"Bayern Muenchen", "Bayern Muenchen", bayern},
		{"PSG", "PSG", []string{"Paris Saint-Germain"}},
		{"Juve", "Juve", []string{"Juventus FC"}},
		{"Flamengo", "Flamengo", []string{"CR Flamengo"}},
		{"Inter is ambiguous", "Inter", []string{"Inter Miami CF", "FC Internazionale Milano", "Inter"}},
		{"Inter FC is ambiguous too", "Inter FC", []string{"Inter Miami CF", "FC Internazionale Milano", "Inter"}},
		{"Inter Milan", "Inter Milan", []string{"FC Internazionale Milano", "Inter"}},
		{"Internazionale", "Internazionale", []string{"FC Internazionale Milano", "Inter"}},
		{"Inter Miami", "Inter Miami", []string{"Inter Miami CF"}},
		{"Milan is AC Milan", "Milan", []string{"AC Milan"}},
		{"AC Milan", "AC Milan", []string{"AC Milan"}},
		{"club not in data", "Chelsea", nil},
		{"alias of club not in data", "BVB", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Clubs(tt.query); !slices.Equal(got, tt.want) {
				t.Errorf("Clubs(%q) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func TestClubSuggest(t *testing.T) {
	ix := NewIndex(fixture())
	tests := []struct {
		name, query string
		want        []string
	}{
		{"missing letter", "Liverpol", []string{"Liverpool FC"}},
		{"missing letter and FC", "Barcelna FC", []string{"FC Barcelona"}},
		{"misspelt alias", "Spurz", []string{"Tottenham Hotspur"}},
		{"nothing near", "Chelsea", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Clubs(tt.query); len(got) != 0 {
				t.Fatalf("Clubs(%q) = %q; the case wants no match", tt.query, got)
			}
			if got := ix.ClubSuggest(tt.query, 3); !slices.Equal(got, tt.want) {
				t.Errorf("ClubSuggest(%q, 3) = %q, want %q", tt.query, got, tt.want)
			}
		})
	}
}

func FuzzPlayers(f *testing.F) {
	for _, s := range []string{"Konate", "Rüdiger", "ruediger", "N'Golo", "Real Madrid", "Inter", "a", "", " ", "ẞ", "\xff", "İ̇", "TAA", "St Vini Jr"} {
		f.Add(s)
	}
	ix := NewIndex(fixture())
	f.Fuzz(func(t *testing.T, q string) {
		for _, m := range ix.Players(q) {
			if len(m.Rows) == 0 || m.Kind < MatchExact || m.Kind > MatchInitials || m.Kind == MatchInitials && initialsQuery(q) == "" {
				t.Fatalf("Players(%q) gave %+v", q, m)
			}
		}
		if len(ix.Suggest(q, 3)) > 3 || len(ix.ClubSuggest(q, 3)) > 3 {
			t.Fatalf("more than 3 suggestions for %q", q)
		}
		_ = ix.Clubs(q)
		if r := ix.ResolveClub(q); r.Names == nil && r.Why != "" || r.Names != nil && r.Why == "" {
			t.Fatalf("ResolveClub(%q) = %+v", q, r)
		}
	})
}

func BenchmarkPlayers(b *testing.B) {
	names := benchNames(50000)
	cs := make([]Contract, len(names))
	for i, n := range names {
		cs[i] = Contract{PlayerID: fmt.Sprint(i), Player: n, Club: "Club " + fmt.Sprint(i%500)}
	}
	b.Run("NewIndex", func(b *testing.B) {
		for b.Loop() {
			_ = NewIndex(cs)
		}
	})
	ix := NewIndex(cs)
	for _, q := range []string{names[123], "Konate", "Ibrahima Ko", "Rüdiger", "k"} {
		b.Run("Players/"+q, func(b *testing.B) {
			for b.Loop() {
				_ = ix.Players(q)
			}
		})
	}
	b.Run("Suggest", func(b *testing.B) {
		for b.Loop() {
			_ = ix.Suggest("Ibrahima Konatee", 5)
		}
	})
}

package contracts

import (
	"reflect"
	"testing"
)

// Over the whole embedded market (the June 2026 snapshot and the curated
// rows), an Index over the rows a filter keeps answers every question as
// an Index over all of them does, and a Suggester offers what Suggest
// offers: the streamed lookups of the command line answer as the loaded
// ones did.
func TestFiltersKeepEveryMatch(t *testing.T) {
	m := embedded(t)
	all, err := m.All()
	if err != nil {
		t.Fatal(err)
	}
	full := NewIndex(all)
	keep := func(f func(*Contract) bool) []Contract {
		var out []Contract
		for i := range all {
			if f(&all[i]) {
				out = append(out, all[i])
			}
		}
		return out
	}
	ids := func(ms []Match) []string {
		var out []string
		for _, m := range ms {
			out = append(out, m.PlayerID+" "+m.Name)
		}
		return out
	}
	for _, q := range []string{"Konate", "Konaté", "Rudiger", "Ruediger", "Rüdiger", "N'Golo Kante", "Ngolo", "Kante", "Kon", "Müller",
		"Mueller", "Alexander-Arnold", "Trent Alexander Arnold", "Salah", "Ødegaard", "Odegaard", "Haaland", "357119", "Lamine Yamal", "Vinicius"} {
		kept := keep(PlayerFilter(q))
		if len(kept) > len(all)/100 && q != "Kon" {
			t.Errorf("%q: the filter keeps %d of %d rows", q, len(kept), len(all))
		}
		if got, want := ids(NewIndex(kept).Players(q)), ids(full.Players(q)); !reflect.DeepEqual(got, want) {
			t.Errorf("Players(%q) over the kept rows = %v, want %v", q, got, want)
		}
	}
	for _, q := range []string{"Liverpool", "Spurs", "Man Utd", "Barça", "Barcelona", "Inter", "Real Madrid", "Bayern", "PSV", "Arsenal Football Club", "Milan"} {
		kept := keep(ClubFilter(q))
		if got, want := NewIndex(kept).Clubs(q), full.Clubs(q); !reflect.DeepEqual(got, want) {
			t.Errorf("Clubs(%q) over the kept rows = %v, want %v", q, got, want)
		}
	}
	for _, q := range []string{"Konatee", "Haalend", "Rudigr", "Mbape"} {
		s := NewSuggester(q, 5)
		for i := range all {
			s.Add(all[i].Player)
		}
		if got, want := s.Names(), full.Suggest(q, 5); !reflect.DeepEqual(got, want) {
			t.Errorf("Suggester(%q) = %v, Suggest = %v", q, got, want)
		}
	}
	for _, q := range []string{"Liverpol", "Arsnal", "Barcelna"} {
		s := NewClubSuggester(q, 5)
		for i := range all {
			s.Add(all[i].Club)
		}
		if got, want := s.Names(), full.ClubSuggest(q, 5); !reflect.DeepEqual(got, want) {
			t.Errorf("ClubSuggester(%q) = %v, ClubSuggest = %v", q, got, want)
		}
	}
}

package contracts

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain key unchanged", "ibrahima konate", "ibrahima konate"},
		{"acute accent", "Ibrahima Konaté", "ibrahima konate"},
		{"upper case and accent", "IBRAHIMA KONATÉ", "ibrahima konate"},
		{"decomposed input", "Mbappe\u0301", "mbappe"},
		{"umlaut to bare vowel", "Antonio Rüdiger", "antonio rudiger"},
		{"hyphen", "Trent Alexander-Arnold", "trent alexander arnold"},
		{"apostrophe and spaces", "  N'Golo  KANTÉ ", "n golo kante"},
		{"dots", "J. P. R. Williams", "j p r williams"},
		{"sharp s", "Straße", "strasse"},
		{"capital sharp s", "STRAẞE", "strasse"},
		{"ae ligature", "Æsir", "aesir"},
		{"oe ligature", "Œuvre", "oeuvre"},
		{"o with stroke", "Martin Ødegaard", "martin odegaard"},
		{"d with stroke", "Đorđe Petrović", "dorde petrovic"},
		{"l with stroke", "Łukasz Fabiański", "lukasz fabianski"},
		{"dotless i", "Kılıç", "kilic"},
		{"dotted capital I", "İlkay Gündoğan", "ilkay gundogan"},
		{"thorn and eth", "Þórður Guðjohnsen", "thordur gudjohnsen"},
		{"ligature fi", "\ufb01lipe", "filipe"},
		{"full-width", "ＰＥＤＲＩ", "pedri"},
		{"digits kept", "Mainz 05", "mainz 05"},
		{"Cyrillic lower-cased", "Лунин", "лунин"},
		{"only punctuation", " -.'- ", ""},
		{"empty", "", ""},
		{"invalid UTF-8 splits", "ab\xffcd", "ab cd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldVariants(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"ASCII has one", "Konate", []string{"konate"}},
		{"umlaut both ways", "Rüdiger", []string{"rudiger", "ruediger"}},
		{"o with stroke both ways", "Ødegaard", []string{"odegaard", "oedegaard"}},
		{"apostrophe split and joined", "N'Golo Kanté", []string{"n golo kante", "ngolo kante"}},
		{"typographic apostrophe", "N\u2019Golo", []string{"n golo", "ngolo"}},
		{"decomposed umlaut", "Mu\u0308ller", []string{"muller", "mueller"}},
		{"nothing to fold", "?!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := foldVariants(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("foldVariants(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldNoAllocForKeys(t *testing.T) {
	s := "ibrahima konate"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold of a key allocates %v times, want 0", n)
	}
}

// checkKey fails t unless k is a well-formed key: no upper case, single
// spaces between words, none at the ends, and Fold(k) == k.
func checkKey(t *testing.T, in, k string) {
	t.Helper()
	if !utf8.ValidString(k) || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
		t.Fatalf("Fold(%q) = %q: not a key", in, k)
	}
	if again := Fold(k); again != k {
		t.Fatalf("Fold(%q) = %q but Fold(%q) = %q", in, k, k, again)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Rüdiger", "N'Golo Kanté", "STRAẞE", "İ", "ǅ", "\ufb01", "a\u0308", "ab\xffcd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkKey(t, s, Fold(s))
		for _, v := range foldVariants(s) {
			checkKey(t, s, v)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	names := benchNames(50000)
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = Fold(n)
	}
	b.Run("key", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			_ = Fold(keys[i%len(keys)])
		}
	})
	b.Run("name", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			_ = Fold(names[i%len(names)])
		}
	})
	b.Run("variants", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			_ = foldVariants(names[i%len(names)])
		}
	})
}

// benchNames returns n player names, deterministic, about a third of them
// with accents, umlauts or apostrophes.
func benchNames(n int) []string {
	first := []string{"Ibrahima", "Antonio", "Kylian", "Trent", "William", "Thomas", "N'Golo", "Łukasz", "İlkay", "Martin",
		"João", "José", "Luka", "Erling", "Mohamed", "Virgil", "Bruno", "Jürgen", "Søren", "Rafael"}
	syl := []string{"ko", "na", "té", "rü", "di", "ger", "mba", "ppé", "sa", "li", "ba", "mül", "ler", "øde", "gaard",
		"fa", "biań", "ski", "gün", "do", "ğan", "mo", "dri", "ć", "van", "dijk", "ha", "land", "ka", "ré"}
	out := make([]string, n)
	x := uint32(2026)
	next := func(m int) int {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return int(x % uint32(m))
	}
	for i := range out {
		var b strings.Builder
		b.WriteString(first[next(len(first))])
		b.WriteByte(' ')
		for range 2 + next(3) {
			b.WriteString(syl[next(len(syl))])
		}
		s := b.String()
		if next(8) == 0 {
			s = strings.ToUpper(s)
		}
		out[i] = s
	}
	return out
}

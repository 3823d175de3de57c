package contracts

import (
	"strings"
)

// Names people type for players, besides their names: nicknames the
// press uses. The first name of each line is the player's name as
// datasets write it; a query that folds to one of the others is searched
// as that name too. Initials ("VVD", "KDB", "TAA") need no line: see
// Index.Players.
var playerNicknames = [][]string{
	{"Vinícius Júnior", "Vini Jr", "Vini Junior", "Vinicius Jr", "Vini"},
	{"Cristiano Ronaldo", "CR7"},
	{"Mohamed Salah", "Mo Salah"},
	{"Emiliano Martínez", "Dibu Martínez", "Dibu"},
}

// nicknameOf maps the folded nicknames to the folded names.
var nicknameOf = func() map[string]string {
	m := map[string]string{}
	for _, line := range playerNicknames {
		for _, n := range line[1:] {
			m[Fold(n)] = Fold(line[0])
		}
	}
	return m
}()

// wordForms are words written two ways in names (St Pauli, Saint Pauli;
// Vinicius Jr, Vinicius Junior): a query is searched in both.
var wordForms = [][2]string{{"st", "saint"}, {"ste", "sainte"}, {"jr", "junior"}}

// queryKeys returns the keys a player query is searched by: its fold
// variants (see foldVariants), each also with the words of wordForms in
// their other form, and the name of a nickname it is.
func queryKeys(query string) []string {
	vs := foldVariants(query)
	if len(vs) == 0 {
		return nil
	}
	out := vs
	add := func(k string) {
		if k != "" && !inList(out, k) {
			out = append(out, k)
		}
	}
	for _, v := range vs {
		add(otherForms(v, 0))
		add(otherForms(v, 1))
	}
	if name, ok := nicknameOf[vs[0]]; ok {
		add(name)
	}
	return out
}

// clubQueryKeys is clubKeys for a club query: also with the words of
// wordForms in their other form (St Mirren, Saint Mirren).
func clubQueryKeys(query string) []string {
	ks := clubKeys(query)
	for _, v := range foldVariants(query) {
		for _, side := range []int{0, 1} {
			if o := otherForms(v, side); o != "" {
				for _, k := range clubKeys(o) {
					if !inList(ks, k) {
						ks = append(ks, k)
					}
				}
			}
		}
	}
	return ks
}

// clubQueryWords is clubQueryKeys and the query's words as typed, legal
// forms stripped, not only the alias they name: "Inter" is
// Internazionale's alias, and a word of Inter Miami's name.
func clubQueryWords(query string) []string {
	qs := clubQueryKeys(query)
	for _, v := range foldVariants(query) {
		for _, k := range []string{v, otherForms(v, 0), otherForms(v, 1)} {
			if k = stripLegal(k); k != "" && !inList(qs, k) {
				qs = append(qs, k)
			}
		}
	}
	return qs
}

// otherForms returns the key k with each word of wordForms written in its
// form number to (0 short, 1 long), or "" when k has none to change.
func otherForms(k string, to int) string {
	words := strings.Fields(k)
	changed := false
	for i, w := range words {
		for _, f := range wordForms {
			if w == f[1-to] {
				words[i], changed = f[to], true
			}
		}
	}
	if !changed {
		return ""
	}
	return strings.Join(words, " ")
}

// initialsQuery returns the letters of a query that may be a player's
// initials: two to four capital letters, as people write them ("VVD",
// "KDB", "TAA"); "" when it is not. "Kane" is a name, not initials.
func initialsQuery(query string) string {
	q := strings.TrimSpace(query)
	if len(q) < 2 || len(q) > 4 {
		return ""
	}
	for i := 0; i < len(q); i++ {
		if q[i] < 'A' || q[i] > 'Z' {
			return ""
		}
	}
	return strings.ToLower(q)
}

// initials returns the entries having a key whose words begin with the
// letters of ini, in order (see hasInitials).
func (c *nameCatalog) initials(ini string) []int32 {
	var ids []int32
	for e, ks := range c.ekeys {
		for _, k := range ks {
			if hasInitials(k, ini) {
				ids = append(ids, int32(e))
				break
			}
		}
	}
	return ids
}

// hasInitials reports whether the words of the key k begin, in order and
// each, with the letters of ini: "virgil van dijk" has "vvd".
func hasInitials(k, ini string) bool {
	words := strings.Fields(k)
	if len(words) != len(ini) {
		return false
	}
	for i, w := range words {
		if w[0] != ini[i] {
			return false
		}
	}
	return true
}

package contracts

import "strings"

// InPart reports whether query names only part of the player's name in
// every spelling his rows give it, so that an answer for him may be an
// answer about someone else: a query word is only the beginning of a word
// of the name ("Haala" for "Erling Haaland"), or the query takes one part
// of a hyphenated word and leaves the rest ("Salah" for "Anass
// Salah-Eddine"). "Konate" for "Ibrahima Konaté", "Alexander-Arnold" for
// "Trent Alexander-Arnold" and "Ruediger" for "Antonio Rüdiger" name whole
// words; so does a player id.
//
// Initials in capitals (MatchInitials: "VVD") name every word of the name;
// a query is also taken in the other forms of its words (St Maximin as
// Saint Maximin, see queryKeys).
func (m Match) InPart(query string) bool {
	if m.Kind == MatchExact || m.Kind == MatchInitials || isDigits(strings.TrimSpace(query)) {
		return false
	}
	qs := append([]string{query}, queryKeys(query)...)
	var seen []string
	for _, r := range m.Rows {
		if inList(seen, r.Player) {
			continue
		}
		seen = append(seen, r.Player)
		for _, q := range qs {
			for _, mode := range [...]int{0, foldDigraph, foldJoin, foldDigraph | foldJoin} {
				if wholeWords(q, r.Player, mode) {
					return false
				}
			}
		}
	}
	return true
}

// wholeWords reports whether every folded word of query is a word of name
// and no word of name as written (a hyphenated "Salah-Eddine" is one) is
// only partly in the query, folding by mode.
func wholeWords(query, name string, mode int) bool {
	q := strings.Fields(fold(query, mode))
	if len(q) == 0 {
		return false
	}
	var words [][]string
	for _, w := range strings.Fields(name) {
		if toks := strings.Fields(fold(w, mode)); len(toks) > 0 {
			words = append(words, toks)
		}
	}
	for _, t := range q {
		found := false
		for _, w := range words {
			found = found || inList(w, t)
		}
		if !found {
			return false
		}
	}
	for _, w := range words {
		in := 0
		for _, t := range w {
			if inList(q, t) {
				in++
			}
		}
		if in > 0 && in < len(w) {
			return false
		}
	}
	return true
}

package contracts

import (
	"slices"
	"strings"
)

// The filters and suggesters below let a one-player or one-club question
// be answered over a file too large to hold (LoadOptions.Each): the file is
// streamed once, only the rows that may match are kept, and an Index (or
// NewMarket) over them answers exactly as one over the whole file would.

// PlayerFilter returns a cheap test that keeps every row whose player
// Index.Players(query) may match, and few others: a query of digits keeps
// that player id; else a row is kept when the longest word of one of the
// query's folded spellings (see queryKeys: nicknames, St and Saint …)
// begins a word of one of the name's, or, for a query in capitals, when
// the name has those initials (MatchInitials).
func PlayerFilter(query string) func(c *Contract) bool {
	keep := playerMatcher(query)
	return func(c *Contract) bool { return keep(c, nil) }
}

// playerMatcher is PlayerFilter's test, given also the foldVariants of
// the row's name when they are known (the curated rows', generated with
// them: curatedNames); nil: it folds the name itself.
func playerMatcher(query string) func(c *Contract, names []string) bool {
	q := strings.TrimSpace(query)
	if isDigits(q) {
		return func(c *Contract, _ []string) bool { return c.PlayerID == q }
	}
	toks := longestWords(queryKeys(query))
	if len(toks) == 0 {
		return func(*Contract, []string) bool { return false }
	}
	ini := initialsQuery(query)
	return func(c *Contract, names []string) bool {
		name := c.Player
		variants := func() []string {
			if names == nil {
				names = foldVariants(name)
			}
			return names
		}
		if ini != "" && name != "" && (name[0]|0x20 == ini[0] || name[0] >= 0x80) {
			for _, k := range variants() {
				if hasInitials(k, ini) {
					return true
				}
			}
		}
		if plainASCII(name) { // most names: no fold, no allocation
			for _, t := range toks {
				if hasWordPrefixFold(name, t) {
					return true
				}
			}
			return false
		}
		for _, k := range variants() {
			for _, t := range toks {
				if hasWordPrefix(k, t) {
					return true
				}
			}
		}
		return false
	}
}

// ClubFilter returns a cheap test that keeps every row whose club
// Index.Clubs(query) may match (by its names, legal forms and the aliases
// bosman knows), and few others. The test remembers each club name it has
// seen: a file has few.
func ClubFilter(query string) func(c *Contract) bool {
	toks := longestWords(clubQueryWords(query))
	seen := map[string]bool{}
	return func(c *Contract) bool {
		if c.Club == "" || len(toks) == 0 {
			return false
		}
		keep, ok := seen[c.Club]
		if !ok {
			keys := clubKeys(c.Club)
			if len(keys) > 0 {
				keys = append(keys, aliasesOf()[keys[0]]...)
			}
			for _, k := range keys {
				for _, t := range toks {
					keep = keep || hasWordPrefix(k, t)
				}
			}
			seen[strings.Clone(c.Club)] = keep
		}
		return keep
	}
}

// longestWords is the longest word of each key, each once.
func longestWords(keys []string) []string {
	var out []string
	for _, k := range keys {
		t := ""
		for _, w := range strings.Fields(k) {
			if len(w) > len(t) {
				t = w
			}
		}
		if t != "" && !inList(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// hasWordPrefix reports whether t begins a word of the key k (words
// separated by single spaces).
func hasWordPrefix(k, t string) bool {
	for from := 0; ; {
		i := strings.Index(k[from:], t)
		if i < 0 {
			return false
		}
		if at := from + i; at == 0 || k[at-1] == ' ' {
			return true
		}
		from += i + 1
	}
}

// plainASCII reports whether a name folds by lower-casing alone: ASCII
// with no apostrophe (which a spelling joins, "N'Golo" → "ngolo").
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '\'' || c == '`' {
			return false
		}
	}
	return true
}

// hasWordPrefixFold is hasWordPrefix on the fold of an ASCII name without
// folding it: t (folded: lower-case letters and digits) must begin a run
// of letters and digits of name, ignoring case.
func hasWordPrefixFold(name, t string) bool {
	for i := 0; i+len(t) <= len(name); i++ {
		if i > 0 && isAlnum(name[i-1]) {
			continue
		}
		j := 0
		for j < len(t) && lower(name[i+j]) == t[j] {
			j++
		}
		if j == len(t) {
			return true
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Suggester finds, among names given one at a time, those nearest to a
// query that matched nothing, as Index.Suggest (players) or
// Index.ClubSuggest (clubs) would over the same names, holding only the
// names near enough to be offered.
type Suggester struct {
	n     int
	club  bool
	qs    []string
	seen  map[string]bool // the names near enough, each once
	names []string
	keys  [][]string
}

// NewSuggester returns a Suggester of up to n player names for query.
func NewSuggester(query string, n int) *Suggester {
	return &Suggester{n: n, qs: foldVariants(query), seen: map[string]bool{}}
}

// NewClubSuggester returns a Suggester of up to n club names for query.
func NewClubSuggester(query string, n int) *Suggester {
	return &Suggester{n: n, club: true, qs: clubKeys(query), seen: map[string]bool{}}
}

// Add considers a name (a row's player, or its club for a club
// suggester).
func (s *Suggester) Add(name string) {
	if name == "" || s.seen[name] || len(s.qs) == 0 {
		return
	}
	var keys []string
	if s.club {
		keys = clubKeys(name)
	} else {
		keys = foldVariants(name)
	}
	if len(keys) == 0 {
		return
	}
	if c := newCatalog([][]string{keys}); len(c.suggest(s.qs, 1, func(int32) string { return "" })) == 0 {
		return // not near enough
	}
	name = strings.Clone(name)
	s.seen[name] = true
	s.names = append(s.names, name)
	s.keys = append(s.keys, keys)
}

// Names returns the nearest names, nearest first, as Index.Suggest orders
// them.
func (s *Suggester) Names() []string {
	if len(s.names) == 0 {
		return nil
	}
	c := newCatalog(s.keys)
	label := func(i int32) string { return keysLabel(c, i) }
	var out []string
	for _, id := range c.suggest(s.qs, s.n, label) {
		if name := s.names[id]; !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

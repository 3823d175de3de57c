package contracts

import (
	"slices"
	"sort"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// Index finds players and clubs of a dataset by name. Build it once with
// NewIndex; it is read-only afterwards and safe for concurrent use.
//
// Names are compared by their folded keys (see Fold). A player is keyed
// under every spelling of his name in his rows, each in up to four
// variants: plain ("antonio rudiger"), German ("antonio ruediger"), and
// both with apostrophes removed rather than split at ("ngolo kante" beside
// "n golo kante"). A query is folded the same ways and matches when any of
// its variants matches any key, so "Rudiger", "Ruediger" and "Rüdiger" all
// find Rüdiger, and "Müller" also finds a source's ASCII "Mueller". A query
// "Rudiger" does not find a name the source wrote only as "Ruediger": the
// index does not guess that "ue" is an umlaut ("Samuel" is not "Samül");
// Suggest offers it.
type Index struct {
	players []indexedPlayer
	pcat    *nameCatalog
	clubs   []indexedClub
	ccat    *nameCatalog
}

type indexedPlayer struct {
	id    string
	name  string // as in the latest row
	key   string // Fold(name), for ordering
	birth rules.Date
	club  string // of the latest row
	rows  []Contract
}

type indexedClub struct {
	key    string   // ClubKey of the names
	names  []string // distinct names in the data, in order of appearance
	league string   // the first league its rows give, "" none
}

// MatchKind says how well a name matches a query. Lower is better.
type MatchKind int

const (
	// MatchExact: the folded query is the whole folded name.
	MatchExact MatchKind = iota + 1
	// MatchWords: every word of the query is a whole word of the name, in any
	// order ("Konate" for "Ibrahima Konaté").
	MatchWords
	// MatchPrefix: every word of the query begins a word of the name ("Kon" for
	// "Ibrahima Konaté").
	MatchPrefix
	// MatchInitials: the query is two to four capitals, the initials of the
	// name's words ("VVD" for "Virgil van Dijk"), and no name has it as a
	// word. It goes before MatchPrefix: "TAA" is Trent Alexander-Arnold,
	// not the beginning of a name.
	MatchInitials
)

// Match is a player found by Players.
type Match struct {
	PlayerID string     // dataset's id; empty when the rows have none
	Name     string     // full name as written in the player's latest row
	Birth    rules.Date // date of birth; zero when unknown
	Club     string     // club of the player's latest row (see Latest)
	Rows     []Contract // all the player's rows, in dataset order
	Kind     MatchKind  // how the name matched
}

// NewIndex indexes cs. Rows with the same PlayerID are one player; rows
// without a PlayerID are one player when their folded names and birth
// dates are equal. The index copies cs's rows into per-player slices,
// which the Rows of every Match share: callers must not modify them.
func NewIndex(cs []Contract) *Index { return newIndex(cs, true) }

// indexKey is what makes rows one player in an Index: the player id, or
// for a row without one the folded name and date of birth.
func indexKey(c *Contract) string {
	if c.PlayerID != "" {
		return "id\x00" + c.PlayerID
	}
	return "nb\x00" + Fold(c.Player) + "\x00" + c.Birth.String()
}

// newIndex is NewIndex; without clubs, it indexes players only, and
// Clubs and ClubSuggest find nothing.
func newIndex(cs []Contract, clubs bool) *Index {
	ix := &Index{}
	byPlayer := make(map[string]int)
	for _, c := range cs {
		k := indexKey(&c)
		i, ok := byPlayer[k]
		if !ok {
			i = len(ix.players)
			byPlayer[k] = i
			ix.players = append(ix.players, indexedPlayer{id: c.PlayerID})
		}
		ix.players[i].rows = append(ix.players[i].rows, c)
	}
	pkeys := make([][]string, len(ix.players))
	for i := range ix.players {
		p := &ix.players[i]
		last := Latest(p.rows)
		p.name, p.club, p.birth = last.Player, last.Club, last.Birth
		p.key = Fold(p.name)
		var ks []string
		for _, r := range p.rows {
			if p.birth.IsZero() {
				p.birth = r.Birth
			}
			for _, k := range foldVariants(r.Player) {
				if !inList(ks, k) {
					ks = append(ks, k)
				}
			}
		}
		pkeys[i] = ks
	}
	ix.pcat = newCatalog(pkeys)
	if !clubs {
		ix.ccat = newCatalog(nil)
		return ix
	}

	byClub := make(map[string]int)
	var ckeys [][]string
	leagues := make(map[string]string) // club name → its rows' first league
	for _, c := range cs {
		if leagues[c.Club] == "" {
			leagues[c.Club] = c.League
		}
	}
	eachClubName(cs, func(name string, ks []string) {
		i, ok := byClub[ks[0]]
		if !ok {
			i = len(ix.clubs)
			byClub[ks[0]] = i
			ix.clubs = append(ix.clubs, indexedClub{key: ks[0]})
			ckeys = append(ckeys, slices.Clone(aliasesOf()[ks[0]]))
		}
		ix.clubs[i].names = append(ix.clubs[i].names, name)
		if ix.clubs[i].league == "" {
			ix.clubs[i].league = leagues[name]
		}
		for _, k := range ks {
			if !inList(ckeys[i], k) {
				ckeys[i] = append(ckeys[i], k)
			}
		}
	})
	ix.ccat = newCatalog(ckeys)
	return ix
}

// eachClubName calls fn once with every distinct club name of cs, in order
// of appearance, and its keys (clubKeys), skipping names with none.
func eachClubName(cs []Contract, fn func(name string, keys []string)) {
	seen := make(map[string]bool)
	for _, c := range cs {
		if c.Club == "" || seen[c.Club] {
			continue
		}
		seen[c.Club] = true
		if ks := clubKeys(c.Club); len(ks) > 0 {
			fn(c.Club, ks)
		}
	}
}

// Players returns the players whose names match query, best kind only:
// the players whose folded name is the folded query (MatchExact) if any; else
// those having every query word as a whole word of the name (MatchWords); else
// those having every query word as the beginning of a word of the name
// (MatchPrefix). Query words may come in any order. A result of more than one
// player is for the caller to list (Name, Club, Birth year tell them
// apart); none means no match, for which see Suggest. Results are ordered
// by folded name, then birth date, then id.
func (ix *Index) Players(query string) []Match {
	ids, kind := ix.pcat.find(queryKeys(query))
	if ini := initialsQuery(query); ini != "" && (len(ids) == 0 || kind == MatchPrefix) {
		// capitals are initials unless a name matches in words: "TAA" is
		// Trent Alexander-Arnold, not the beginning of Al-Taay
		if iids := ix.pcat.initials(ini); len(iids) > 0 {
			ids, kind = iids, MatchInitials
		}
	}
	slices.SortStableFunc(ids, func(a, b int32) int {
		p, q := &ix.players[a], &ix.players[b]
		if c := strings.Compare(p.key, q.key); c != 0 {
			return c
		}
		if c := p.birth.Sub(q.birth); c != 0 {
			return c
		}
		return strings.Compare(p.id, q.id)
	})
	out := make([]Match, 0, len(ids))
	for _, id := range ids {
		p := &ix.players[id]
		out = append(out, Match{PlayerID: p.id, Name: p.name, Birth: p.birth, Club: p.club, Rows: p.rows, Kind: kind})
	}
	return out
}

// Suggest returns up to n names of players nearest to query, for a query
// that matched nothing: by edit distance (Levenshtein, on folded names)
// between the query and the whole name, any one word of it (a surname),
// or, for a query of several words, the sum over the query's words of the
// distance to the nearest word of the name. Only names within one edit in
// four letters of the query are offered (at least one edit; for a query of
// several words, each word too must be that near a word of the name), so a
// query far from every name gets none; nearest first, then by name. Each
// name appears once.
func (ix *Index) Suggest(query string, n int) []string {
	var out []string
	for _, id := range ix.pcat.suggest(queryKeys(query), n, func(i int32) string { return ix.players[i].key }) {
		if name := ix.players[id].name; !inList(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// Clubs returns the club names of the data that match query, as the data
// writes them. Names are compared by ClubKey, so aliases ("Spurs",
// "Barça") and legal forms ("Liverpool FC") are taken care of. As for
// Players, the best kind only: a club whose key is the query's key wins
// outright ("Real Madrid" gives Real Madrid, not also Real Madrid
// Castilla); else clubs having every query word as a whole word; else as a
// word's beginning. A query that names several clubs in common use
// ("Inter": Internazionale, Inter Miami) is matched by words only, even
// where the data calls one of them just "Inter". Names
// of one club (equal ClubKey: "Liverpool", "Liverpool FC") come together;
// clubs are ordered by key.
func (ix *Index) Clubs(query string) []string {
	var ids []int32
	if k := stripLegal(Fold(query)); ambiguousClubQueries[k] {
		ids, _ = ix.ccat.partial([]string{k})
	} else {
		ids, _ = ix.ccat.find(clubQueryKeys(query))
	}
	slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(ix.clubs[a].key, ix.clubs[b].key) })
	var out []string
	for _, id := range ids {
		out = append(out, ix.clubs[id].names...)
	}
	return out
}

// ClubSuggest returns up to n club names nearest to query, as Suggest
// does for players; one name (the first the data uses) per club.
func (ix *Index) ClubSuggest(query string, n int) []string {
	var out []string
	for _, id := range ix.ccat.suggest(clubQueryKeys(query), n, func(i int32) string { return ix.clubs[i].key }) {
		out = append(out, ix.clubs[id].names[0])
	}
	return out
}

// nameCatalog finds entries (players, clubs), each known by some keys, from
// folded queries.
type nameCatalog struct {
	exact  map[string][]int32 // key → entries having it
	words  []string           // the distinct words of all keys, sorted
	posts  [][]int32          // posts[i]: entries having words[i], ascending
	cum    []int              // cum[i]: len(posts[0]) + … + len(posts[i-1])
	ewords [][]string         // ewords[e]: the distinct words of e's keys
	ekeys  [][]string         // ekeys[e]: e's keys
}

func newCatalog(keys [][]string) *nameCatalog {
	c := &nameCatalog{exact: make(map[string][]int32), ewords: make([][]string, len(keys)), ekeys: keys}
	post := make(map[string][]int32)
	for e, ks := range keys {
		id := int32(e)
		for _, k := range ks {
			if l := c.exact[k]; len(l) == 0 || l[len(l)-1] != id {
				c.exact[k] = append(l, id)
			}
			for _, w := range strings.Fields(k) {
				if !inList(c.ewords[e], w) {
					c.ewords[e] = append(c.ewords[e], w)
					post[w] = append(post[w], id)
				}
			}
		}
	}
	c.words = make([]string, 0, len(post))
	for w := range post {
		c.words = append(c.words, w)
	}
	sort.Strings(c.words)
	c.posts = make([][]int32, len(c.words))
	c.cum = make([]int, len(c.words)+1)
	for i, w := range c.words {
		c.posts[i] = post[w]
		c.cum[i+1] = c.cum[i] + len(post[w])
	}
	return c
}

// prefixRange returns the range of c.words that begin with t.
func (c *nameCatalog) prefixRange(t string) (lo, hi int) {
	lo = sort.SearchStrings(c.words, t)
	hi = lo + sort.Search(len(c.words)-lo, func(i int) bool { return !strings.HasPrefix(c.words[lo+i], t) })
	return lo, hi
}

// find returns the entries matching any of the query keys qs, best kind
// only (see Index.Players), in ascending order, and that kind.
func (c *nameCatalog) find(qs []string) ([]int32, MatchKind) {
	var ids []int32
	for _, q := range qs {
		ids = append(ids, c.exact[q]...)
	}
	if len(ids) > 0 {
		slices.Sort(ids)
		return slices.Compact(ids), MatchExact
	}
	return c.partial(qs)
}

// partial returns the entries having every word of any of the query keys
// qs as a word (MatchWords) or as the beginning of a word (MatchPrefix),
// best kind only, in ascending order, and that kind.
func (c *nameCatalog) partial(qs []string) ([]int32, MatchKind) {
	var ids []int32
	best := MatchKind(0)
	for _, q := range qs {
		toks := strings.Fields(q)
		if len(toks) == 0 {
			continue
		}
		// Candidates: the entries with a word beginning with the rarest
		// query word; then check the other words on each.
		lo, hi := c.prefixRange(toks[0])
		for _, t := range toks[1:] {
			l, h := c.prefixRange(t)
			if c.cum[h]-c.cum[l] < c.cum[hi]-c.cum[lo] {
				lo, hi = l, h
			}
		}
		var cand []int32
		for i := lo; i < hi; i++ {
			cand = append(cand, c.posts[i]...)
		}
		slices.Sort(cand)
		for _, e := range slices.Compact(cand) {
			k := matchWords(toks, c.ewords[e])
			if k == 0 || best != 0 && k > best {
				continue
			}
			if k < best || best == 0 {
				best, ids = k, ids[:0]
			}
			ids = append(ids, e)
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids), best
}

// matchWords returns MatchWords when every token is one of words, MatchPrefix when
// every token begins one of words, else 0.
func matchWords(toks, words []string) MatchKind {
	kind := MatchWords
	for _, t := range toks {
		k := MatchKind(0)
		for _, w := range words {
			if w == t {
				k = MatchWords
				break
			}
			if strings.HasPrefix(w, t) {
				k = MatchPrefix
			}
		}
		if k == 0 {
			return 0
		}
		kind = max(kind, k)
	}
	return kind
}

// suggest returns up to n entries nearest to the query keys qs (see
// Index.Suggest), nearest first, ties by label.
func (c *nameCatalog) suggest(qs []string, n int, label func(int32) string) []int32 {
	if n <= 0 || len(qs) == 0 {
		return nil
	}
	type scored struct {
		id   int32
		dist int
	}
	var lv lev
	var hits []scored
	qr := make([][]rune, len(qs))
	qt := make([][][]rune, len(qs))
	for i, q := range qs {
		qr[i] = []rune(q)
		for _, t := range strings.Fields(q) {
			qt[i] = append(qt[i], []rune(t))
		}
	}
	limit := editLimit(len(qr[0]))
	for e := range c.ekeys {
		best := limit + 1
		for i := range qs {
			for _, k := range c.ekeys[e] {
				best = min(best, lv.dist(qr[i], k, best-1))
			}
			if len(qt[i]) == 1 {
				for _, w := range c.ewords[e] {
					best = min(best, lv.dist(qr[i], w, best-1))
				}
				continue
			}
			sum := 0
			for _, t := range qt[i] {
				tl := editLimit(len(t))
				d := tl + 1
				for _, w := range c.ewords[e] {
					d = min(d, lv.dist(t, w, d-1))
				}
				if d > tl {
					sum = best // this word is near no word of the name
					break
				}
				if sum += d; sum >= best {
					break
				}
			}
			best = min(best, sum)
		}
		if best <= limit {
			hits = append(hits, scored{int32(e), best})
		}
	}
	slices.SortFunc(hits, func(a, b scored) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(label(a.id), label(b.id))
	})
	var out []int32
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.id)
	}
	return out
}

// editLimit is the greatest edit distance at which a word of n letters
// is still worth suggesting: one typo in four letters, at least one.
func editLimit(n int) int { return max(1, (n+1)/4) }

// lev computes bounded Levenshtein distances, reusing its buffers.
type lev struct {
	b   []rune
	row []int
}

// dist returns the edit distance between a and s, or bound+1 when it is
// greater than bound.
func (l *lev) dist(a []rune, s string, bound int) int {
	if bound < 0 {
		return bound + 1
	}
	l.b = l.b[:0]
	for _, r := range s {
		l.b = append(l.b, r)
	}
	b := l.b
	if d := len(a) - len(b); d > bound || -d > bound {
		return bound + 1
	}
	l.row = l.row[:0]
	for j := 0; j <= len(b); j++ {
		l.row = append(l.row, j)
	}
	row := l.row
	for i := 1; i <= len(a); i++ {
		diag := row[0]
		row[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(row[j]+1, row[j-1]+1, diag+cost)
			diag, row[j] = row[j], v
			rowMin = min(rowMin, v)
		}
		if rowMin > bound {
			return bound + 1
		}
	}
	return min(row[len(b)], bound+1)
}

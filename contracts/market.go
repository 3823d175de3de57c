package contracts

import (
	"slices"
	"strings"
	"sync"

	"github.com/bosmanhq/bosman/rules"
)

// Market is the contracts a run answers from: the embedded data (the
// snapshot of every current player, with the curated rows of default.csv
// on top, see Embedded) or rows loaded from files (see NewMarket). It
// answers one-player and one-club questions without parsing what they do
// not need, and market-wide ones from All and InForce. A Market is safe for
// concurrent use; what it returns is the caller's.
//
// What each question costs on the embedded data (figures in the package's
// benchmarks): Players searches the snapshot's bytes for the query's
// folded words and parses the few lines that hold them, and indexes the
// 142 curated rows; Clubs parses the club table (about 1,500 lines) and
// indexes the club names; ClubRows parses one club's block and looks the
// curated players' other rows up in one pass over the bytes; All and
// InForce parse every row. Over loaded rows, the first question builds an
// Index of all of them, as before.
type Market struct {
	snap    *snapshot  // nil when the market is made of loaded rows
	curated []Contract // the embedded curated rows; NewMarket: all rows
	names   [][]string // foldVariants of each curated row's name, when known (curatedNames)

	ixOnce sync.Once
	ix     *Index // of curated

	idOnce sync.Once
	byID   map[string][]int // curated rows by player id

	clubOnce sync.Once
	ckeys    [][]string         // per club entry: its keys
	cnames   [][]string         // per club entry: the names, the snapshot's first
	cleague  []string           // per club entry: its league, "" unknown
	csnap    []int              // per club entry: the snapshot club, or -1
	cbyKey   map[string]int     // canonical ClubKey → club entry
	cexact   map[string][]int32 // every key → club entries
	ccatOnce sync.Once
	ccat     *nameCatalog // word index of the club entries, for partial queries

	sugOnce sync.Once
	sug     *nameCatalog
	sugName []string // per suggestion entry: the name shown
}

// SnapshotName is how Contract.Pos names the embedded snapshot's file.
const SnapshotName = "snapshot-players.tsv (embedded)"

// Embedded returns the embedded data: the snapshot of every player in a
// current squad of the transfermarkt-datasets build of 12 June 2026 (see
// data/SNAPSHOT.md), with the curated rows of default.csv on top (see
// Overlay). Curated rows and snapshot rows with the same PlayerID are one
// player. Nothing of the snapshot is parsed until a question needs it.
func Embedded() (*Market, error) {
	rows := curatedRows()
	s, err := openSnapshot(SnapshotName, snapshotPlayers, snapshotClubs)
	if err != nil {
		return nil, err
	}
	s.words = wordIndex(snapshotWords, len(s.keys))
	return &Market{snap: s, curated: rows, names: curatedNames()}, nil
}

// EmbeddedSnapshot describes the embedded snapshot (its scrape day, row
// count and source) without opening the market: to compare it with a
// cached release.
func EmbeddedSnapshot() (SnapshotMeta, error) {
	s, err := openSnapshot(SnapshotName, snapshotPlayers, snapshotClubs)
	if err != nil {
		return SnapshotMeta{}, err
	}
	return s.meta, nil
}

// OpenSnapshot returns the Market of an encoded snapshot other than the
// embedded one (a cached release's, written by EncodeSnapshot): the
// snapshot's rows, named name in Contract.Pos, with the curated rows of
// default.csv on top, as Embedded has them. players and clubs are the
// files' contents; the rows parsed from them point into them.
func OpenSnapshot(name, players, clubs string) (*Market, error) {
	rows := curatedRows()
	s, err := openSnapshot(name, players, clubs)
	if err != nil {
		return nil, err
	}
	return &Market{snap: s, curated: rows, names: curatedNames()}, nil
}

// NewMarket returns a Market over loaded rows (the --data files): it
// answers as an Index over all of them does, and InForce and ClubRows pick
// each player's row as Overlay does (InForce, unless rows were loaded as a
// listing).
func NewMarket(rows []Contract) *Market {
	return &Market{curated: rows}
}

// Snapshot describes the market's snapshot (the embedded one, or that of
// OpenSnapshot); zero for a market of loaded rows.
func (m *Market) Snapshot() SnapshotMeta {
	if m.snap == nil {
		return SnapshotMeta{}
	}
	return m.snap.meta
}

func (m *Market) index() *Index {
	m.ixOnce.Do(func() {
		m.ix = newIndex(m.curated, m.snap == nil) // the embedded curated clubs are in m.clubs()
	})
	return m.ix
}

// queryIndex is an index of the curated players whom query may name:
// those with a row PlayerFilter(query) keeps, each with all his rows. Its
// Players(query) is that of m.index(), without indexing every curated row
// for one question (TestQueryIndexAgrees).
func (m *Market) queryIndex(query string) *Index {
	keep := playerMatcher(query)
	wanted := map[string]bool{}
	for i := range m.curated {
		var names []string
		if i < len(m.names) {
			names = m.names[i]
		}
		if keep(&m.curated[i], names) {
			wanted[indexKey(&m.curated[i])] = true
		}
	}
	var rows []Contract
	for i := range m.curated {
		if len(wanted) > 0 && wanted[indexKey(&m.curated[i])] {
			rows = append(rows, m.curated[i])
		}
	}
	return newIndex(rows, false)
}

// curatedRows returns the curated rows of player id.
func (m *Market) curatedRows(id string) []Contract {
	m.idOnce.Do(func() {
		m.byID = make(map[string][]int)
		for i, c := range m.curated {
			if c.PlayerID != "" {
				m.byID[c.PlayerID] = append(m.byID[c.PlayerID], i)
			}
		}
	})
	var out []Contract
	for _, i := range m.byID[id] {
		out = append(out, m.curated[i])
	}
	return out
}

// Players returns the players whose names match query, as Index.Players
// does over all the rows (best kind of match only, ordered by folded name,
// birth date and id). A query of digits alone is a player id. Each Match
// has all the player's rows, the curated ones first; its Name, Birth and
// Club are those of the row Overlay picks with no cut-off. To pick one
// player of several, see Resolve.
func (m *Market) Players(query string) []Match {
	if isDigits(strings.TrimSpace(query)) {
		return m.playerByID(strings.TrimSpace(query))
	}
	if m.snap == nil {
		return m.index().Players(query)
	}
	// the candidates by player id (or name and birth date, for a curated
	// row with no id), in the order first found; add stays a closure the
	// compiler inlines, so that cands and order stay on the stack
	cands := map[string]*candidate{}
	var order []string
	add := func(id string, rows []Contract, kind MatchKind, snap bool) {
		c, ok := cands[id]
		if !ok {
			c = &candidate{kind: kind}
			cands[id] = c
			order = append(order, id)
			if !snap {
				c.rows = append(c.rows, rows...)
			} else {
				c.rows = append(m.curatedRows(id), rows...)
			}
		} else {
			c.rows = append(c.rows, rows...)
			c.kind = min(c.kind, kind)
		}
		c.snap = c.snap || snap
	}
	for _, cm := range m.queryIndex(query).Players(query) {
		id := cm.PlayerID
		if id == "" {
			id = "\x00" + cm.Name + "\x00" + cm.Birth.String()
		}
		add(id, cm.Rows, cm.Kind, false)
	}
	var hits []snapHit
	hits, order = m.snapHits(query, cands, order)
	for _, h := range hits {
		r, err := m.snap.rowAt(h.off)
		if err != nil {
			continue
		}
		add(r.PlayerID, []Contract{r}, h.kind, true)
	}
	m.addSnapshotRows(cands)
	out := bestMatches(cands, order)
	sortMatches(out)
	return out
}

// A candidate is a player Market.Players may answer with: his rows and the
// best kind of match among them.
type candidate struct {
	rows []Contract
	kind MatchKind
	snap bool // has its snapshot row
}

// snapHits returns the snapshot's names that match query, and order, the
// ids of cands. When query is initials and no name of cands or the
// snapshot matches it in words, the hits are the names with those
// initials instead and the prefix matches are dropped from cands and
// order, if there are any such names in either.
func (m *Market) snapHits(query string, cands map[string]*candidate, order []string) ([]snapHit, []string) {
	hits := m.snap.find(queryKeys(query))
	ini := initialsQuery(query)
	if ini == "" {
		return hits, order
	}
	// capitals are initials unless a name matches in words: "TAA" is
	// Trent Alexander-Arnold, not the beginning of Al-Taay
	named := false
	for _, c := range cands {
		named = named || c.kind < MatchPrefix
	}
	for _, h := range hits {
		named = named || h.kind < MatchPrefix
	}
	curatedInitials := false
	for _, c := range cands {
		curatedInitials = curatedInitials || c.kind == MatchInitials
	}
	if named {
		return hits, order
	}
	ih := m.snap.initials(ini)
	if len(ih) == 0 && !curatedInitials {
		return hits, order
	}
	for id, c := range cands {
		if c.kind == MatchPrefix {
			delete(cands, id)
			order = slices.DeleteFunc(order, func(x string) bool { return x == id })
		}
	}
	return ih, order
}

// addSnapshotRows adds their snapshot rows to the candidates found by id
// among the curated rows only.
func (m *Market) addSnapshotRows(cands map[string]*candidate) {
	need := map[string]bool{}
	for id, c := range cands {
		if !c.snap && isDigits(id) {
			need[id] = true
		}
	}
	if rows, err := m.snap.byIDs(need); err == nil {
		for _, r := range rows {
			c := cands[r.PlayerID]
			c.rows = append(c.rows, r)
		}
	}
}

// bestMatches returns the matches of the candidates of the best kind among
// cands, in order, the order they were found.
func bestMatches(cands map[string]*candidate, order []string) []Match {
	best := MatchKind(0)
	for _, c := range cands {
		if best == 0 || c.kind < best {
			best = c.kind
		}
	}
	var out []Match
	for _, id := range order {
		c := cands[id]
		if c.kind != best {
			continue
		}
		out = append(out, matchOf(c.rows, best))
	}
	return out
}

// playerByID is Players for a query that is a player id.
func (m *Market) playerByID(id string) []Match {
	var rows []Contract
	if m.snap == nil {
		for _, c := range m.curated {
			if c.PlayerID == id {
				rows = append(rows, c)
			}
		}
	} else {
		rows = m.curatedRows(id)
		if snap, err := m.snap.byIDs(map[string]bool{id: true}); err == nil {
			rows = append(rows, snap...)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return []Match{matchOf(rows, MatchExact)}
}

// matchOf makes the Match of one player's rows.
func matchOf(rows []Contract, kind MatchKind) Match {
	last, _ := Overlay(rows, rules.Date{})
	m := Match{PlayerID: last.PlayerID, Name: last.Player, Birth: last.Birth, Club: last.Club, Rows: rows, Kind: kind}
	for _, r := range rows {
		if m.Birth.IsZero() {
			m.Birth = r.Birth
		}
	}
	return m
}

// sortMatches orders matches as Index.Players does: by folded name, then
// birth date, then id.
func sortMatches(ms []Match) {
	keys := make(map[string]string, len(ms))
	for _, m := range ms {
		keys[m.Name] = Fold(m.Name)
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if c := strings.Compare(keys[a.Name], keys[b.Name]); c != 0 {
			return c
		}
		if c := a.Birth.Sub(b.Birth); c != 0 {
			return c
		}
		return strings.Compare(a.PlayerID, b.PlayerID)
	})
}

// Suggest returns up to n names nearest to a query that matched nothing,
// as Index.Suggest does over all the rows. On the embedded data it reads
// every name's keys once (tens of milliseconds): it is for the error path.
func (m *Market) Suggest(query string, n int) []string {
	if m.snap == nil {
		return m.index().Suggest(query, n)
	}
	m.sugOnce.Do(func() {
		var keys [][]string
		seen := map[string]bool{}
		for _, c := range m.curated {
			if c.PlayerID != "" && seen[c.PlayerID] {
				continue
			}
			seen[c.PlayerID] = true
			keys = append(keys, foldVariants(c.Player))
			m.sugName = append(m.sugName, c.Player)
		}
		m.snap.eachKeys(func(k string, off int) {
			line, _, _ := strings.Cut(m.snap.rows[off:], "\n")
			var f [2]string
			splitTabs(line, f[:])
			if seen[f[0]] {
				return
			}
			keys = append(keys, strings.Split(k, "|"))
			m.sugName = append(m.sugName, f[1])
		})
		m.sug = newCatalog(keys)
	})
	var out []string
	for _, id := range m.sug.suggest(queryKeys(query), n, func(i int32) string { return keysLabel(m.sug, i) }) {
		if name := m.sugName[id]; !inList(out, name) {
			out = append(out, name)
		}
	}
	return out
}

func keysLabel(c *nameCatalog, i int32) string {
	if len(c.ekeys[i]) == 0 {
		return ""
	}
	return c.ekeys[i][0]
}

// clubs builds the club entries: the snapshot's named clubs and the
// curated rows' club names, one entry per canonical ClubKey, and the map
// of their keys that an exact query needs.
func (m *Market) clubs() {
	m.clubOnce.Do(func() {
		m.cbyKey = map[string]int{}
		addKeys := func(e int, ks []string) {
			for _, k := range ks {
				if !inList(m.ckeys[e], k) {
					m.ckeys[e] = append(m.ckeys[e], k)
				}
			}
		}
		entry := func(key string) int {
			e, ok := m.cbyKey[key]
			if !ok {
				e = len(m.ckeys)
				m.cbyKey[key] = e
				m.ckeys = append(m.ckeys, slices.Clone(aliasesOf()[key]))
				m.cnames = append(m.cnames, nil)
				m.cleague = append(m.cleague, "")
				m.csnap = append(m.csnap, -1)
			}
			return e
		}
		if m.snap != nil {
			if clubs, _, err := m.snap.clubTable(); err == nil {
				for i, c := range clubs {
					if c.Name == "" || len(c.keys) == 0 {
						continue
					}
					e := entry(c.keys[0])
					m.csnap[e] = i
					m.cleague[e] = c.League
					m.cnames[e] = append(m.cnames[e], c.Name)
					addKeys(e, c.keys)
				}
			}
		}
		leagues := make(map[string]string) // curated club name → its rows' first league
		for _, c := range m.curated {
			if leagues[c.Club] == "" {
				leagues[c.Club] = c.League
			}
		}
		eachClubName(m.curated, func(name string, ks []string) {
			e := entry(ks[0])
			if m.cleague[e] == "" {
				m.cleague[e] = leagues[name]
			}
			if !inList(m.cnames[e], name) {
				m.cnames[e] = append(m.cnames[e], name)
			}
			addKeys(e, ks)
		})
		m.cexact = make(map[string][]int32, 3*len(m.ckeys))
		for e, ks := range m.ckeys {
			for _, k := range ks {
				m.cexact[k] = append(m.cexact[k], int32(e))
			}
		}
	})
}

// clubCatalog returns the word index of the club entries, built on first
// use: only a query that names no club exactly needs it.
func (m *Market) clubCatalog() *nameCatalog {
	m.clubs()
	m.ccatOnce.Do(func() { m.ccat = newCatalog(m.ckeys) })
	return m.ccat
}

// Clubs returns the names of the clubs matching query, as Index.Clubs
// does, over the snapshot's clubs (found by their short names, their
// official names and the aliases bosman knows) and the curated rows'
// clubs. Names of one club come together, the snapshot's short name
// first.
func (m *Market) Clubs(query string) []string {
	if m.snap == nil {
		return m.index().Clubs(query)
	}
	m.clubs()
	var ids []int32
	if k := stripLegal(Fold(query)); ambiguousClubQueries[k] {
		ids, _ = m.clubCatalog().partial([]string{k})
	} else {
		qs := clubQueryKeys(query)
		for _, q := range qs {
			ids = append(ids, m.cexact[q]...)
		}
		if len(ids) == 0 {
			ids, _ = m.clubCatalog().partial(qs)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
	}
	slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(m.ckeys[a][0], m.ckeys[b][0]) })
	var out []string
	for _, id := range ids {
		out = append(out, m.cnames[id]...)
	}
	return out
}

// ClubSuggest returns up to n club names nearest to query, as
// Index.ClubSuggest does.
func (m *Market) ClubSuggest(query string, n int) []string {
	if m.snap == nil {
		return m.index().ClubSuggest(query, n)
	}
	var out []string
	for _, id := range m.clubCatalog().suggest(clubQueryKeys(query), n, func(i int32) string { return m.cnames[i][0] }) {
		out = append(out, m.cnames[id][0])
	}
	return out
}

// Club returns what the snapshot says about the club name names (compared
// by ClubKey): its id, league, association, short and official names.
func (m *Market) Club(name string) (SnapshotClub, bool) {
	if m.snap == nil {
		return SnapshotClub{}, false
	}
	m.clubs()
	e, ok := m.cbyKey[ClubKey(name)]
	if !ok || m.csnap[e] < 0 {
		return SnapshotClub{}, false
	}
	clubs, _, _ := m.snap.clubTable()
	return clubs[m.csnap[e]].SnapshotClub, true
}

// ClubRows returns the contract in force on asOf (see Overlay) of every
// player whose contract in force is at the club name names (compared by
// ClubKey: give one of the names Clubs returned), in the order of All.
// Players who left the club are not listed; those who joined are.
func (m *Market) ClubRows(name string, asOf rules.Date) []Contract {
	key := ClubKey(name)
	if key == "" {
		return nil
	}
	if m.snap == nil {
		var out []Contract
		for _, c := range m.inForce(m.curated, asOf) {
			if clubKeyCached(c.Club) == key {
				out = append(out, c)
			}
		}
		return out
	}
	m.clubs()
	var snapRows []Contract
	if e, ok := m.cbyKey[key]; ok && m.csnap[e] >= 0 {
		clubs, _, _ := m.snap.clubTable()
		snapRows, _ = m.snap.clubRows(clubs[m.csnap[e]].ID)
	}
	rows := map[string][]Contract{}
	var order []string
	add := func(id string, r ...Contract) {
		if _, ok := rows[id]; !ok {
			order = append(order, id)
		}
		rows[id] = append(rows[id], r...)
	}
	have := map[string]bool{}
	for _, r := range snapRows {
		add(r.PlayerID, m.curatedRows(r.PlayerID)...)
		add(r.PlayerID, r)
		have[r.PlayerID] = true
	}
	need := map[string]bool{}
	for _, c := range m.curated {
		if have[c.PlayerID] || clubKeyCached(c.Club) != key {
			continue
		}
		have[c.PlayerID] = true
		id := c.PlayerID
		if id == "" {
			id = "\x00" + c.Player + "\x00" + c.Birth.String()
			add(id, c)
			continue
		}
		add(id, m.curatedRows(id)...)
		if isDigits(id) {
			need[id] = true
		}
	}
	if extra, err := m.snap.byIDs(need); err == nil {
		for _, r := range extra {
			add(r.PlayerID, r)
		}
	}
	var out []Contract
	for _, id := range order {
		if c, ok := Overlay(rows[id], asOf); ok && clubKeyCached(c.Club) == key {
			out = append(out, c)
		}
	}
	return out
}

var clubKeyCache sync.Map

// clubKeyCached is ClubKey, remembered: club lists key the same few names
// again and again.
func clubKeyCached(name string) string {
	if k, ok := clubKeyCache.Load(name); ok {
		return k.(string)
	}
	k := ClubKey(name)
	clubKeyCache.Store(name, k)
	return k
}

// All returns every row: the snapshot's (by club, then player id), then
// the curated rows. The error is for a damaged embedded snapshot, which
// the package's tests rule out.
func (m *Market) All() ([]Contract, error) {
	if m.snap == nil {
		return slices.Clone(m.curated), nil
	}
	rows, err := m.snap.all(len(m.curated))
	if err != nil {
		return nil, err
	}
	return append(rows, m.curated...), nil
}

// InForce returns each player's contract in force on asOf (see Overlay),
// one row per player, in the order of his first row in All. Rows with the
// same PlayerID are one player; rows without one, when their names and
// birth dates are equal.
func (m *Market) InForce(asOf rules.Date) ([]Contract, error) {
	all, err := m.All()
	if err != nil {
		return nil, err
	}
	return m.inForce(all, asOf), nil
}

func (m *Market) inForce(all []Contract, asOf rules.Date) []Contract {
	groups := make(map[string]int32, len(all))
	first := make([]int32, 0, len(all)) // per player: his first row
	var more map[int32][]int32          // per player with several rows: the others
	for i := range all {
		c := &all[i]
		k := c.PlayerID
		if k == "" {
			k = "\x00" + c.Player + "\x00" + c.Birth.String()
		}
		g, ok := groups[k]
		if !ok {
			groups[k] = int32(len(first))
			first = append(first, int32(i))
			continue
		}
		if more == nil {
			more = make(map[int32][]int32)
		}
		more[g] = append(more[g], int32(i))
	}
	out := make([]Contract, 0, len(first))
	var rows []Contract
	for g, i := range first {
		others, ok := more[int32(g)]
		if !ok {
			if c, ok := Overlay(all[i:i+1], asOf); ok {
				out = append(out, c)
			}
			continue
		}
		rows = append(rows[:0], all[i])
		for _, j := range others {
			rows = append(rows, all[j])
		}
		if c, ok := Overlay(rows, asOf); ok {
			out = append(out, c)
		}
	}
	return out
}

package contracts

import (
	"slices"
	"strings"
)

// ClubResolution is the answer to a club name a user typed.
type ClubResolution struct {
	// Names are the names in the data of the club answered for (see
	// Index.Clubs); nil when the query matched none, or several of which
	// none stands out (Others lists them all).
	Names []string
	// Why says how the club was chosen: ClubByOnlyMatch, ClubByName,
	// ClubByOwnName or ClubByTopLeague.
	Why string
	// Others are the other clubs the query matched, each by its names in
	// the data: to name as alternatives.
	Others [][]string
}

// The reasons a ClubResolution gives.
const (
	ClubByOnlyMatch = "the only club of that name"
	ClubByName      = "its name, or a name it is known by, is the query"
	ClubByOwnName   = "the only one whose own name has those words"
	ClubByTopLeague = "the only one of them in a top-five league"
)

// clubEntries is what resolveClub needs of a set of clubs: their word
// index, the entries having each key, each entry's names (the first is
// its own) and league.
type clubEntries struct {
	cat    *nameCatalog
	exact  map[string][]int32
	names  func(int32) []string
	league func(int32) string
}

// resolveClub picks the club a query means among those it matches:
//
//  1. one club matches: it is the answer;
//  2. the query is the name of one club, or a name it is known by (an
//     alias: "Inter" for Internazionale, "Spurs"): it is the answer, even
//     when others have the query's words in their names (Inter Miami);
//  3. else the clubs matching in words (not only by the beginning of a
//     word, "Atl"): the only one whose own name, as the data shows it, has
//     the words wins over those found by an official or other name
//     ("Atletico": Atlético de Madrid, not Boca Juniors, officially Club
//     Atlético Boca Juniors);
//  4. else, among those, the only one in a top-five league (TopLeagues);
//  5. else none stands out, and Others lists them all.
func (ce *clubEntries) resolve(query string) ClubResolution {
	qs := clubQueryKeys(query)
	var exact []int32
	for _, q := range qs {
		exact = append(exact, ce.exact[q]...)
	}
	slices.Sort(exact)
	exact = slices.Compact(exact)
	pq := clubQueryWords(query)
	partial, kind := ce.cat.partial(pq)
	all := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(exact), partial...))))
	slices.SortStableFunc(all, func(a, b int32) int { return strings.Compare(Fold(ce.names(a)[0]), Fold(ce.names(b)[0])) })
	pick := func(win int32, why string) ClubResolution {
		r := ClubResolution{Names: ce.names(win), Why: why}
		for _, e := range all {
			if e != win {
				r.Others = append(r.Others, ce.names(e))
			}
		}
		return r
	}
	none := func() ClubResolution {
		var r ClubResolution
		for _, e := range all {
			r.Others = append(r.Others, ce.names(e))
		}
		return r
	}
	switch {
	case len(all) == 0:
		return ClubResolution{}
	case len(all) == 1:
		return pick(all[0], ClubByOnlyMatch)
	case len(exact) == 1:
		return pick(exact[0], ClubByName)
	case len(exact) == 0 && kind == MatchPrefix:
		return none()
	}
	cands := exact
	if len(cands) == 0 {
		var own []int32
		for _, e := range partial {
			for _, q := range pq {
				if matchWords(strings.Fields(q), strings.Fields(ClubKey(ce.names(e)[0]))) == MatchWords {
					own = append(own, e)
					break
				}
			}
		}
		if len(own) == 1 {
			return pick(own[0], ClubByOwnName)
		}
		cands = partial
		if len(own) > 1 {
			cands = own
		}
	}
	if i := only(cands, func(e int32) bool { return slices.Contains(TopLeagues, ce.league(e)) }); i >= 0 {
		return pick(cands[i], ClubByTopLeague)
	}
	return none()
}

// ResolveClub picks the club of the data that query means, and names the
// others it matches (see ClubResolution): "Inter" is Internazionale when
// the data has it, with Inter Miami as an alternative.
func (ix *Index) ResolveClub(query string) ClubResolution {
	ce := clubEntries{cat: ix.ccat, exact: ix.ccat.exact,
		names:  func(e int32) []string { return ix.clubs[e].names },
		league: func(e int32) string { return ix.clubs[e].league }}
	return ce.resolve(query)
}

// ResolveClub is Index.ResolveClub over the market's clubs (see Clubs).
func (m *Market) ResolveClub(query string) ClubResolution {
	if m.snap == nil {
		return m.index().ResolveClub(query)
	}
	m.clubs()
	ce := clubEntries{cat: m.clubCatalog(), exact: m.cexact,
		names:  func(e int32) []string { return m.cnames[e] },
		league: func(e int32) string { return m.cleague[e] }}
	return ce.resolve(query)
}

// ClubInfo is one club of a listing of the data's clubs (see
// Index.ClubList).
type ClubInfo struct {
	Name        string   // the name shown: the first the data uses
	Names       []string // every name the data uses for it
	Association string   // "" when unknown
	League      string   // competition id, "" when unknown
}

// ClubList returns every club of the data, by association, then league,
// then name: what to choose a club query from.
func (ix *Index) ClubList() []ClubInfo {
	assoc := map[string]string{}
	for _, p := range ix.players {
		for _, r := range p.rows {
			if assoc[r.Club] == "" {
				assoc[r.Club] = r.Association
			}
		}
	}
	out := make([]ClubInfo, 0, len(ix.clubs))
	for _, c := range ix.clubs {
		ci := ClubInfo{Name: c.names[0], Names: c.names, League: c.league}
		for _, n := range c.names {
			if ci.Association == "" {
				ci.Association = assoc[n]
			}
		}
		out = append(out, ci)
	}
	sortClubInfos(out)
	return out
}

// ClubList is Index.ClubList over the market's clubs: the snapshot's club
// table and the curated rows' clubs.
func (m *Market) ClubList() []ClubInfo {
	if m.snap == nil {
		return m.index().ClubList()
	}
	m.clubs()
	clubs, _, _ := m.snap.clubTable()
	assoc := map[string]string{}
	for _, c := range m.curated {
		if assoc[c.Club] == "" {
			assoc[c.Club] = c.Association
		}
	}
	out := make([]ClubInfo, 0, len(m.cnames))
	for e, names := range m.cnames {
		if len(names) == 0 {
			continue
		}
		ci := ClubInfo{Name: names[0], Names: names, League: m.cleague[e]}
		if i := m.csnap[e]; i >= 0 && i < len(clubs) {
			ci.Association = clubs[i].Association
		}
		for _, n := range names {
			if ci.Association == "" {
				ci.Association = assoc[n]
			}
		}
		out = append(out, ci)
	}
	sortClubInfos(out)
	return out
}

func sortClubInfos(cs []ClubInfo) {
	slices.SortStableFunc(cs, func(a, b ClubInfo) int {
		if c := strings.Compare(a.Association, b.Association); c != 0 {
			return c
		}
		if c := strings.Compare(a.League, b.League); c != 0 {
			return c
		}
		return strings.Compare(Fold(a.Name), Fold(b.Name))
	})
}

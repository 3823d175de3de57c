package contracts

import (
	"bytes"
	"sync"
)

// The clubs the embedded data knows, by every ClubKey of their names: the
// snapshot's clubs (short name, official name, aliases) and the curated
// rows' clubs, with their association and, for a club of MLS (a league
// without promotion or relegation), the league MLS1. A key two
// associations claim is left out.
var knownClubs struct {
	once  sync.Once
	assoc map[string]knownClub
}

type knownClub struct{ assoc, league string }

func knownClubAssociations() map[string]knownClub {
	knownClubs.once.Do(func() {
		m := map[string]knownClub{}
		claim := func(k, a, league string) {
			if league != "MLS1" {
				league = ""
			}
			if old, ok := m[k]; ok && old.assoc != a {
				m[k] = knownClub{} // ambiguous
				return
			} else if ok && old.league != "" {
				league = old.league
			}
			m[k] = knownClub{a, league}
		}
		if s, err := openSnapshot(SnapshotName, snapshotPlayers, snapshotClubs); err == nil {
			if clubs, _, err := s.clubTable(); err == nil {
				for _, c := range clubs {
					if c.Association == "" {
						continue
					}
					for _, k := range c.keys {
						claim(k, c.Association, c.League)
					}
				}
			}
		}
		if ds, err := Load(bytes.NewReader(defaultCSV), DefaultName, LoadOptions{NoInfer: true}); err == nil {
			for _, c := range ds.Contracts {
				if c.Association != "" && c.Club != "" {
					claim(ClubKey(c.Club), c.Association, c.League)
				}
			}
		}
		for k, c := range m {
			if c.assoc == "" {
				delete(m, k)
			}
		}
		knownClubs.assoc = m
	})
	return knownClubs.assoc
}

// InferAssociation returns the association of the club the embedded data
// knows by name (compared by ClubKey: "Liverpool", "Liverpool FC" and
// "Liverpool Football Club" are ENG), and its league when it is a club of
// MLS (which has no promotion or relegation, and whose rule set applies by
// the league: Toronto FC is CAN in MLS1); false when it knows no such club
// or the name is claimed by clubs of two associations. Load uses it for
// rows that state neither an association nor a league; see
// Contract.AssociationInferred.
func InferAssociation(club string) (assoc, league string, ok bool) {
	k := ClubKey(club)
	if k == "" {
		return "", "", false
	}
	c, ok := knownClubAssociations()[k]
	return c.assoc, c.league, ok
}

package report

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// DataSource says where an entry's facts come from and how old they are,
// in a few words: "transfermarkt-datasets, scraped 12 Jun 2026" (the
// embedded snapshot or a cached release), "curated, confirmed 11 Sep
// 2025" (bosman's hand-sourced rows), or a file's name and its date.
func DataSource(en *Entry) string {
	c := &en.Contract
	origin := dataOrigin(c)
	switch {
	case c.Listing && !c.Confirmed.IsZero():
		return origin + ", scraped " + c.Confirmed.Human()
	case !c.Confirmed.IsZero():
		return origin + ", confirmed " + c.Confirmed.Human()
	case !c.Signed.IsZero():
		return origin + ", signed " + c.Signed.Human() + " (no day it was confirmed)"
	}
	return origin + ", no day it was confirmed"
}

// dataOrigin names the source of a row: the listing, the curated rows, or
// the file it was read from.
func dataOrigin(c *contracts.Contract) string {
	switch {
	case c.Listing:
		return "transfermarkt-datasets"
	case c.Pos.File == contracts.DefaultName:
		return "curated"
	case c.Pos.File != "":
		return Clean(filepath.Base(c.Pos.File))
	}
	return "the data"
}

// DataWarning says why an entry's facts may not hold on the as-of date,
// when its DataStatus is not current; "" when it is. A club the source
// saw in an older season is said by StaleClubNote instead.
func DataWarning(en *Entry, asOf rules.Date) string {
	switch en.DataStatus {
	case DataBeforeData:
		return fmt.Sprintf("these facts are of %s, later than %s: they show the contract of that day, which may have been signed or changed after %s.",
			en.DataAsOf.Human(), asOf.Human(), asOf.Human())
	case DataOld:
		return fmt.Sprintf("these facts were last confirmed on %s, more than a season before %s: a renewal or a move since then may be missing.",
			en.DataAsOf.Human(), asOf.Human())
	case DataUnknown:
		return "the data gives no day its facts were confirmed, so how current they are is unknown."
	}
	return ""
}

// InferredNote says that an entry's association was inferred from its
// club's name; "" when the data stated it.
func InferredNote(en *Entry) string {
	c := &en.Contract
	if !c.AssociationInferred {
		return ""
	}
	return fmt.Sprintf("association %s inferred from the club's name (the data gives no association or league for %s)", Clean(c.Association), Clean(c.Club))
}

// DataSummary says where a list's facts come from: each source with its
// dates and how many entries it answers, the largest first: "Data:
// transfermarkt-datasets, scraped 12 Jun 2026 (24); curated, confirmed
// 11 Sep 2025 to 1 Jul 2026 (3)". It is "" for no entries.
func DataSummary(entries []Entry) string {
	type group struct {
		origin, verb string
		first, last  rules.Date
		n, undated   int
	}
	var groups []*group
	find := map[string]*group{}
	for i := range entries {
		c := &entries[i].Contract
		origin, verb := dataOrigin(c), "confirmed"
		if c.Listing {
			verb = "scraped"
		}
		g, ok := find[origin]
		if !ok {
			g = &group{origin: origin, verb: verb}
			find[origin] = g
			groups = append(groups, g)
		}
		g.n++
		d := entries[i].DataAsOf
		switch {
		case d.IsZero():
			g.undated++
		case g.first.IsZero() || d.Before(g.first):
			if g.last.IsZero() {
				g.last = d
			}
			g.first = d
		case d.After(g.last):
			g.last = d
		}
	}
	if len(groups) == 0 {
		return ""
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].n > groups[j].n })
	var parts []string
	for _, g := range groups {
		s := g.origin
		switch {
		case g.first.IsZero():
			s += ", no day confirmed"
		case g.first == g.last:
			s += ", " + g.verb + " " + g.first.Human()
		default:
			s += ", " + g.verb + " " + g.first.Human() + " to " + g.last.Human()
		}
		if g.undated > 0 && !g.first.IsZero() {
			s += fmt.Sprintf(", %d undated", g.undated)
		}
		parts = append(parts, s+" ("+strconv.Itoa(g.n)+")")
	}
	return "Data: " + strings.Join(parts, "; ")
}

// Candidate is a player a name also matched, and what to type to get him.
type Candidate struct {
	Name  string
	Club  string
	Birth rules.Date
	Pick  string // the query that names him alone (bosman player PICK)
}

// Label is the candidate as a list shows him, with what to type to get
// him: "Moussa Konaté (FC Sion, born 1993): bosman player 237224".
func (c Candidate) Label() string {
	s := c.short()
	if c.Pick != "" {
		s += ": bosman player " + quoteArg(Clean(c.Pick))
	}
	return s
}

// short is the candidate without the pick: "Moussa Konaté (FC Sion, born 1993)".
func (c Candidate) short() string {
	born := "birth unknown"
	if !c.Birth.IsZero() {
		born = "born " + strconv.Itoa(c.Birth.Year())
	}
	club := c.Club
	if club == "" {
		club = "no club"
	}
	return fmt.Sprintf("%s (%s, %s)", Clean(c.Name), Clean(club), born)
}

// quoteArg quotes a command-line argument that holds spaces or quotes.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " '\"\\$`") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}

// Matches is what a name matched besides the player answered for.
type Matches struct {
	Query  string
	Why    string      // why he was chosen (contracts.Resolution.Why)
	Others []Candidate // the others, most valuable first
}

// NamedOthers is how many other matches a card or a note names: only
// they need a Pick.
const NamedOthers = 3

// Text says who else the name matched and how to pick them, for the card:
// "Also matched by "Konate": 7 other players, among them Mohamed Konaté
// (RFK Akhmat Grozny, born 1997) …; he was chosen as the only one of them
// in the curated data. Pick another by name or id: bosman player 'Mohamed
// Konaté'." "" when there are none.
func (m *Matches) Text() string {
	if m == nil || len(m.Others) == 0 {
		return ""
	}
	s := fmt.Sprintf("Also matched by %q: %s", Clean(m.Query), m.List())
	if m.Why != "" {
		s += "; he was chosen as " + m.Why
	}
	return s + ". " + m.PickText() + "."
}

// List is the other players, the first few named: "7 other players,
// among them Mohamed Konaté (RFK Akhmat Grozny, born 1997), … and Mory
// Konaté (KV Mechelen, born 1993)".
func (m *Matches) List() string {
	var labels []string
	for i, c := range m.Others {
		if i == NamedOthers {
			break
		}
		labels = append(labels, c.short())
	}
	list := labels[0]
	if len(labels) > 1 {
		list = strings.Join(labels[:len(labels)-1], ", ") + " and " + labels[len(labels)-1]
	}
	if len(m.Others) > len(labels) {
		list = "among them " + list
	}
	return Count(len(m.Others), "other player") + ", " + list
}

// PickText says how to pick another: "Pick another by name or id:
// bosman player 'Mohamed Konaté'".
func (m *Matches) PickText() string {
	p := m.Others[0].Pick
	if p == "" {
		return "Pick another by a fuller name"
	}
	return "Pick another by name or id: bosman player " + quoteArg(Clean(p))
}

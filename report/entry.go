package report

import (
	"fmt"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Entry is one contract and its windows on the as-of date: the answer every
// form renders.
type Entry struct {
	Contract contracts.Contract
	Windows  *rules.Windows
	// StaleClub: the source last saw him at the club before the as-of
	// season, so the club may be out of date.
	StaleClub bool
	// DataAsOf is the day the row's facts were last confirmed against its
	// source; zero when the data does not say.
	DataAsOf rules.Date
	// DataStatus says how far the row's facts can be trusted on the as-of
	// date: DataCurrent, DataStaleClub, DataOld, DataBeforeData or
	// DataUnknown (see dataStatus).
	DataStatus string
	// To is the association whose clubs asked (Query.To), and home says
	// it is his own (his club's association, or the league set his club
	// plays under): it decides which window is his CanSign.
	To   string
	home bool
}

// The data statuses of an answer, most serious first.
const (
	// DataBeforeData: the question is about a day more than a month before
	// the facts were confirmed (a 2026 row asked about 2020): a contract
	// signed in between may be answering.
	DataBeforeData = "before-data"
	// DataOld: the facts are more than a season (365 days) older than the
	// as-of date: a renewal or a move since may be missing.
	DataOld = "old"
	// DataStaleClub: the source last saw him at the club before the as-of
	// season.
	DataStaleClub = "stale-club"
	// DataUnknown: the data gives no day its facts were confirmed.
	DataUnknown = "unknown"
	// DataCurrent: none of the above.
	DataCurrent = "current"
)

// beforeDataGrace is how long before the data's day a question may be
// asked and still be answered as current: a scrape of 12 June reflects the
// contracts signed before it, not only on it.
const beforeDataGrace = 30

// dataStatus is the most serious data status that applies.
func dataStatus(asOf, dataAsOf rules.Date, staleClub bool) string {
	switch {
	case !dataAsOf.IsZero() && asOf.Before(dataAsOf.AddDays(-beforeDataGrace)):
		return DataBeforeData
	case !dataAsOf.IsZero() && dataAsOf.Before(asOf.AddDays(-365)):
		return DataOld
	case staleClub:
		return DataStaleClub
	case dataAsOf.IsZero():
		return DataUnknown
	}
	return DataCurrent
}

// SeasonOf is the season (its start year) that d falls in: 1 July to 30
// June.
func SeasonOf(d rules.Date) int {
	if d.Month() < 7 {
		return d.Year() - 1
	}
	return d.Year()
}

// StaleClubNote says why the club may be out of date.
func (en *Entry) StaleClubNote() string {
	c := &en.Contract
	if c.Club == "" {
		return fmt.Sprintf("the source last saw him at a club in %d/%02d, and names none: he may have moved", c.LastSeason, (c.LastSeason+1)%100)
	}
	return fmt.Sprintf("the source last saw him at %s in %d/%02d: the club may be out of date", c.Club, c.LastSeason, (c.LastSeason+1)%100)
}

// Query is what every answer is asked with: the rules, the day the question
// is asked, and the association of the club that would register the player
// ("" for none).
type Query struct {
	Book *rules.Book
	AsOf rules.Date
	To   string
}

// Answer returns the windows of c.
func (q *Query) Answer(c contracts.Contract) Entry {
	en := Entry{Windows: new(rules.Windows)}
	q.AnswerInto(&en, &c)
	return en
}

// AnswerInto is Answer into en, reusing its Windows: export answers a
// million rows one after another.
func (q *Query) AnswerInto(en *Entry, c *contracts.Contract) {
	en.Contract = *c
	q.Book.WindowsInto(en.Windows, rules.Contract{
		Association: c.Association,
		League:      c.League,
		Signed:      c.Signed,
		Start:       c.Start,
		Expires:     c.Expires,
		Birth:       c.Birth,
		Option:      rules.Option{Until: c.Option.Until, Holder: c.Option.Holder},
	}, rules.Query{AsOf: q.AsOf, To: q.To})
	en.DataAsOf, en.StaleClub, en.DataStatus = q.freshness(c)
	en.To, en.home = q.To, q.To != "" && q.isHome(c.Association, en.Windows)
}

// freshness is what Entry says of c's data: the day its facts were
// confirmed, whether the source saw him at the club before the as-of
// season, and its data status.
func (q *Query) freshness(c *contracts.Contract) (dataAsOf rules.Date, staleClub bool, status string) {
	dataAsOf = c.DataAsOf()
	if c.LastSeason > 0 {
		// The season the source was looking at: the as-of date's, or the
		// data's own when that is earlier, so that a June 2026 listing of
		// the 2025/26 squads asked about December 2026 does not call every
		// squad stale (its age is DataOld's to say).
		seen := q.AsOf
		if !dataAsOf.IsZero() && dataAsOf.Before(seen) {
			seen = dataAsOf
		}
		staleClub = c.LastSeason < SeasonOf(seen)
	}
	return dataAsOf, staleClub, dataStatus(q.AsOf, dataAsOf, staleClub)
}

// isHome says whether a club of q.To is of the same association as a
// player of association assoc answered by w: the same code, or a league
// set and the association it builds on (MLS and USA), either way round.
func (q *Query) isHome(assoc string, w *rules.Windows) bool {
	to := q.To
	if s := q.Book.Set(to); s != nil {
		to = s.Association()
	}
	if to == assoc {
		return true
	}
	return w.Set != nil && !w.Fallback && to == w.Set.Association()
}

// Age is his age in whole years on the as-of date, or -1 when the data
// has no birth date.
func (en *Entry) Age() int { return rules.AgeOn(en.Contract.Birth, en.Windows.AsOf) }

// CanSign is the first day a club of the asking association (Query.To)
// may sign him to a pre-contract, and the condition that day holds on,
// if any. A club of his own association goes by its domestic rule
// (England: after the third Saturday in May, only if his club made him no
// offer of re-engagement or he declined it); any other by FIFA RSTP art.
// 18.3, six months before he is free. The day is zero when no club asked,
// the expiry is unknown, or at home only his club's consent allows it.
func (en *Entry) CanSign() (day rules.Date, condition string) {
	w := en.Windows
	if en.To == "" || w.Status == rules.UnknownExpiry {
		return rules.Date{}, ""
	}
	if !en.home {
		return w.Foreign.Date, ""
	}
	if w.Domestic.Date.IsZero() {
		return rules.Date{}, ""
	}
	if dr := w.Set.DomesticFor(w.Expires); dr != nil && dr.Kind == rules.KindApproachAfter {
		return w.Domestic.Date, w.Domestic.Text
	}
	return w.Domestic.Date, ""
}

package report

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// TimelineCapMonths is the longest view a timeline shows: lanes whose
// windows run past it are drawn to the edge and say so.
const TimelineCapMonths = 48

// Timeline is what a timeline shows, whatever draws it: one lane per
// contract over the days in view, and the registration periods behind.
type Timeline struct {
	Title   string // the club, or the players
	AsOf    rules.Date
	Begin   rules.Date // the lanes are drawn from this day: the as-of date, or a season's start
	From    rules.Date // first day in view: the first of Begin's month
	To      rules.Date // last day in view
	Capped  bool       // some lane runs past To
	Lanes   []Entry
	Assoc   string          // whose registration periods are shown, or ""
	Periods []*rules.Period // registration periods overlapping the view
	Sources string          // summary of the contract data's sources
	// Data says where the lanes' facts come from and how old they are
	// (DataSummary), and what was left out for its data: the caption.
	Data string
}

// NewTimeline lays lanes out as a timeline titled title, sorted by expiry:
// from the first of the as-of month to the end of the month after the last
// free-agency day, with the registration periods of q.To or, by default,
// of the association all lanes share.
func NewTimeline(title string, lanes []Entry, q *Query) *Timeline {
	return newTimeline(title, lanes, q, q.AsOf)
}

// NewTimelineFor is NewTimeline for the contracts of horizon h: a horizon
// that begins before the as-of date (a season, asked during it or after)
// is shown from its first day, so its windows are in view, with the as-of
// date marked where it falls; one that begins later is shown from the
// as-of date, so the run-up is in view too.
func NewTimelineFor(title string, lanes []Entry, q *Query, h Horizon) *Timeline {
	begin := q.AsOf
	if !h.All && !h.From.IsZero() && h.From.Before(begin) {
		begin = h.From
	}
	return newTimeline(title, lanes, q, begin)
}

func newTimeline(title string, lanes []Entry, q *Query, begin rules.Date) *Timeline {
	t := &Timeline{Title: Clean(title), AsOf: q.AsOf, Begin: begin, Lanes: cleanEntries(lanes)}
	SortByExpiry(t.Lanes)
	t.frame()
	t.Assoc = Clean(q.To)
	if t.Assoc == "" {
		t.Assoc = commonAssociation(t.Lanes)
	}
	if set := q.Book.Set(t.Assoc); set != nil {
		t.Periods = set.PeriodsBetween(t.From, t.To)
	} else {
		t.Assoc = ""
	}
	t.Sources = sourcesSummary(t.Lanes)
	t.Data = DataSummary(t.Lanes)
	later := 0
	for _, en := range t.Lanes {
		if en.DataStatus == DataBeforeData {
			later++
		}
	}
	if later > 0 {
		t.Data += fmt.Sprintf("; %d of them known only from data later than %s, who may have joined or signed since", later, q.AsOf.Human())
	}
	return t
}

// LeaveOut says in the caption that n lanes were left out: players the
// source last saw at the club in an older season.
func (t *Timeline) LeaveOut(n int) {
	if n > 0 {
		t.Data += fmt.Sprintf("; not drawn: %s last seen at the club in an older season", Count(n, "player"))
	}
}

// frame sets the days in view: from the first of Begin's month to the
// end of the month after the last free-agency day, at least six months and
// at most TimelineCapMonths.
func (t *Timeline) frame() {
	y, m, _ := t.Begin.Civil()
	t.From = rules.D(y, m, 1)
	last := t.Begin
	for _, en := range t.Lanes {
		if f := en.Windows.FreeAgent.Date; !f.IsZero() && f.After(last) {
			last = f
		}
	}
	ly, lm, _ := last.Civil()
	end := rules.D(ly, lm, 1).AddMonths(2).AddDays(-1) // end of the month after
	if least := t.From.AddMonths(6).AddDays(-1); end.Before(least) {
		end = least
	}
	if limit := t.From.AddMonths(TimelineCapMonths).AddDays(-1); end.After(limit) {
		end = limit
		t.Capped = true
	}
	t.To = end
}

// inView says whether d is a day in view.
func (t *Timeline) inView(d rules.Date) bool {
	return !d.IsZero() && !d.Before(t.From) && !d.After(t.To)
}

// commonAssociation is the association all lanes' clubs share, or "".
func commonAssociation(lanes []Entry) string {
	a := ""
	for _, en := range lanes {
		switch {
		case en.Contract.Association == "":
			return ""
		case a == "":
			a = en.Contract.Association
		case a != en.Contract.Association:
			return ""
		}
	}
	return a
}

// sourcesSummary names the hosts of the lanes' sources, most used first.
func sourcesSummary(lanes []Entry) string {
	count := map[string]int{}
	for _, en := range lanes {
		s := strings.TrimSpace(en.Contract.Source)
		if s == "" {
			s = "unknown"
		} else if u, err := url.Parse(s); err == nil && u.Host != "" {
			s = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
		count[s]++
	}
	hosts := make([]string, 0, len(count))
	for h := range count {
		hosts = append(hosts, h)
	}
	sort.Slice(hosts, func(i, j int) bool {
		if count[hosts[i]] != count[hosts[j]] {
			return count[hosts[i]] > count[hosts[j]]
		}
		return hosts[i] < hosts[j]
	})
	var parts []string
	for i, h := range hosts {
		if i == 3 && len(hosts) > 4 {
			rest := 0
			for _, r := range hosts[3:] {
				rest += count[r]
			}
			parts = append(parts, fmt.Sprintf("%d more sources (%d)", len(hosts)-3, rest))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", h, count[h]))
	}
	return strings.Join(parts, ", ")
}

// segKind is what a stretch of a lane shows.
type segKind int

const (
	segContract segKind = iota + 1 // under contract, no window open
	segForeign                     // pre-contract abroad only
	segDomestic                    // pre-contract at home only
	segBoth                        // pre-contract abroad and at home
)

// segment is a stretch [start, end] of days of one kind.
type segment struct {
	start, end rules.Date
	kind       segKind
}

// segments splits a lane into stretches within [from, to], from the as-of
// date (or from, if later) to the expiry.
func segments(w *rules.Windows, asOf, from, to rules.Date) []segment {
	free := w.FreeAgent.Date
	if free.IsZero() {
		return nil
	}
	start := rules.MaxDate(asOf, from)
	end := rules.MinDate(free.AddDays(-1), to)
	if end.Before(start) {
		return nil
	}
	cuts := []rules.Date{start}
	for _, d := range []rules.Date{w.Foreign.Date, w.Domestic.Date} {
		if !d.IsZero() && d.After(start) && !d.After(end) {
			cuts = append(cuts, d)
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].Before(cuts[j]) })
	var out []segment
	for i, c := range cuts {
		if i > 0 && c == cuts[i-1] {
			continue
		}
		e := end
		for _, n := range cuts[i+1:] {
			if n.After(c) {
				e = n.AddDays(-1)
				break
			}
		}
		k := kindOn(w, c)
		if len(out) > 0 && out[len(out)-1].kind == k {
			out[len(out)-1].end = e
			continue
		}
		out = append(out, segment{start: c, end: e, kind: k})
	}
	return out
}

// kindOn is which windows are open on day d.
func kindOn(w *rules.Windows, d rules.Date) segKind {
	f := !w.Foreign.Date.IsZero() && !d.Before(w.Foreign.Date)
	h := !w.Domestic.Date.IsZero() && !d.Before(w.Domestic.Date)
	switch {
	case f && h:
		return segBoth
	case f:
		return segForeign
	case h:
		return segDomestic
	}
	return segContract
}

// shortDate is "1 Jul 2026".
func shortDate(d rules.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return fmt.Sprintf("%d %s %d", dd, m.String()[:3], y)
}

// monthStarts lists the first days of the months that begin in [from, to].
func monthStarts(from, to rules.Date) []rules.Date {
	y, m, d := from.Civil()
	first := rules.D(y, m, 1)
	if d != 1 {
		first = first.AddMonths(1)
	}
	var out []rules.Date
	for x := first; !x.After(to); x = x.AddMonths(1) {
		out = append(out, x)
	}
	return out
}

var monthLetters = [...]string{time.January: "J", time.February: "F", time.March: "M", time.April: "A", time.May: "M", time.June: "J",
	time.July: "J", time.August: "A", time.September: "S", time.October: "O", time.November: "N", time.December: "D"}

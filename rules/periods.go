package rules

import (
	"sort"
	"sync"
)

// periodCache holds, per year, the registration periods that open in that
// year: the published ones, and estimated ones from the patterns where none
// is published.
type periodCache struct {
	mu    sync.Mutex
	years map[int][]*Period
}

// periodsOpening returns the periods that open in year y, sorted by Opens.
func (s *Set) periodsOpening(y int) []*Period {
	s.periods.mu.Lock()
	defer s.periods.mu.Unlock()
	if ps, ok := s.periods.years[y]; ok {
		return ps
	}
	if s.periods.years == nil {
		s.periods.years = map[int][]*Period{}
	}
	var ps []*Period
	reg := s.Registration
	if reg != nil {
		for _, p := range reg.Periods {
			if p.Opens.Year() == y {
				ps = append(ps, p)
			}
		}
		for _, pat := range reg.Patterns {
			opens := pat.Opens.In(y)
			closes := pat.Closes.In(y)
			if closes.Before(opens) {
				closes = pat.Closes.In(y + 1)
			}
			if pat.Roll == "next-workday" && s.Calendar != nil {
				closes = s.Calendar.work.NextWorkday(closes)
			}
			est := &Period{Rule: pat.Rule, Name: pat.Name, Opens: opens, Closes: closes, Estimated: true}
			if !publishedNear(reg.Periods, est) {
				ps = append(ps, est)
			}
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Opens.Before(ps[j].Opens) })
	s.periods.years[y] = ps
	return ps
}

// publishedNear reports whether a published period of the same name covers
// the season an estimated one would stand for.
func publishedNear(pub []*Period, est *Period) bool {
	for _, p := range pub {
		if p.Name != est.Name {
			continue
		}
		if !p.Closes.Before(est.Opens.AddDays(-45)) && !p.Opens.After(est.Closes.AddDays(45)) {
			return true
		}
	}
	return false
}

// PeriodsBetween returns the registration periods that overlap [from, to],
// sorted by opening day.
func (s *Set) PeriodsBetween(from, to Date) []*Period {
	var out []*Period
	for y := from.Year() - 1; y <= to.Year(); y++ {
		for _, p := range s.periodsOpening(y) {
			if !p.Closes.Before(from) && !p.Opens.After(to) {
				out = append(out, p)
			}
		}
	}
	return out
}

package rules

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/ar"
	"github.com/rickar/cal/v2/at"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/be"
	"github.com/rickar/cal/v2/bg"
	"github.com/rickar/cal/v2/br"
	"github.com/rickar/cal/v2/ca"
	"github.com/rickar/cal/v2/ch"
	"github.com/rickar/cal/v2/cy"
	"github.com/rickar/cal/v2/cz"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/dk"
	"github.com/rickar/cal/v2/ee"
	"github.com/rickar/cal/v2/es"
	"github.com/rickar/cal/v2/fi"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickar/cal/v2/gr"
	"github.com/rickar/cal/v2/hr"
	"github.com/rickar/cal/v2/hu"
	"github.com/rickar/cal/v2/ie"
	"github.com/rickar/cal/v2/is"
	"github.com/rickar/cal/v2/it"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/ke"
	"github.com/rickar/cal/v2/lt"
	"github.com/rickar/cal/v2/lu"
	"github.com/rickar/cal/v2/lv"
	"github.com/rickar/cal/v2/mt"
	"github.com/rickar/cal/v2/mx"
	"github.com/rickar/cal/v2/nl"
	"github.com/rickar/cal/v2/no"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/pl"
	"github.com/rickar/cal/v2/pt"
	"github.com/rickar/cal/v2/ro"
	"github.com/rickar/cal/v2/rs"
	"github.com/rickar/cal/v2/ru"
	"github.com/rickar/cal/v2/se"
	"github.com/rickar/cal/v2/si"
	"github.com/rickar/cal/v2/sk"
	"github.com/rickar/cal/v2/ua"
	"github.com/rickar/cal/v2/us"
	"github.com/rickar/cal/v2/za"
)

func init() {
	// Contract dates are civil dates; rickar/cal computes in DefaultLoc, and
	// every conversion here reads dates in their own location, but keep the
	// library on UTC so no caller sees a local-time shift.
	cal.DefaultLoc = time.UTC
}

// holidayCalendars maps the names rule files use to rickar/cal's national
// holiday lists.
var holidayCalendars = map[string][]*cal.Holiday{
	"ar": ar.Holidays, "at": at.Holidays, "be": be.Holidays, "br": br.Holidays, "ca": ca.Holidays,
	"ch": ch.Holidays, "de": de.Holidays, "dk": dk.Holidays, "es": es.Holidays, "fr": fr.Holidays,
	"gb": gb.Holidays, "gr": gr.Holidays, "ie": ie.Holidays, "it": it.Holidays, "jp": jp.Holidays,
	"mx": mx.Holidays, "nl": nl.Holidays, "no": no.Holidays, "pl": pl.Holidays, "pt": pt.Holidays,
	"se": se.Holidays, "us": us.Holidays,
	"bg": bg.Holidays, "cy": cy.Holidays, "cz": cz.Holidays, "ee": ee.Holidays, "fi": fi.Holidays,
	"hr": hr.Holidays, "hu": hu.Holidays, "is": is.Holidays, "ke": ke.Holidays, "lt": lt.Holidays,
	"lu": lu.Holidays, "lv": lv.Holidays, "mt": mt.Holidays, "nz": nz.Holidays, "ro": ro.Holidays,
	"rs": rs.Holidays, "ru": ru.Holidays, "si": si.Holidays, "sk": sk.Holidays, "ua": ua.Holidays,
	"za": za.Holidays,
	// Australia: rickar/cal lists holidays per state; the A-League and
	// Football Australia sit in Sydney, so New South Wales stands for it.
	"au-nsw": au.HolidaysNSW,
	// Scotland: England's list has the August bank holiday on the last
	// Monday; Scotland's is the first Monday, and 2 January and St Andrew's
	// Day are holidays there too.
	"gb-sct": scotland(),
}

func scotland() []*cal.Holiday {
	var hs []*cal.Holiday
	for _, h := range gb.Holidays {
		if h != gb.SummerHoliday {
			hs = append(hs, h)
		}
	}
	return append(hs, gb.SummerHolidayScotland,
		// rickar/cal has no Scottish list; these two follow gb's New Year
		// rule: a weekend day is observed on the next Monday or Tuesday.
		&cal.Holiday{Name: "2nd January", Month: time.January, Day: 2, Func: cal.CalcDayOfMonth,
			Observed: []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 2}, {Day: time.Monday, Offset: 1}}},
		&cal.Holiday{Name: "St Andrew's Day", Month: time.November, Day: 30, Func: cal.CalcDayOfMonth,
			Observed: []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 1}}})
}

// workdays counts working days of one calendar in O(1) per question, from a
// table of cumulative working days per year built on first use.
type workdays struct {
	holidays []*cal.Holiday
	weekend  [7]bool

	// table[y-tableFrom][i]: working days among the first i days of year
	// y, built on first use; read without locks, as every export row asks.
	table [tableYears]atomic.Pointer[[367]uint16]
	mu    sync.Mutex
	years map[int]*[367]uint16 // years outside the table

	// days remembers the days asked about lately, each in the slot of its
	// day count modulo 64, as day count<<32 | year-tableFrom<<16 | working
	// days before it in its year (0: empty): an export asks about the same
	// as-of date and a few expiry dates on every row.
	days [64]atomic.Uint64
}

const tableFrom, tableYears = 1900, 300

// tableStart and tableEnd are the first day of the table's years and the
// day after the last.
var tableStart, tableEnd = D(tableFrom, time.January, 1), D(tableFrom+tableYears, time.January, 1)

// inTable reports whether d falls in the years the working-day table covers.
func inTable(d Date) bool { return !d.Before(tableStart) && d.Before(tableEnd) }

func newWorkdays(name string, weekend []string, extra []FixedHoliday) (*workdays, error) {
	w := &workdays{years: map[int]*[367]uint16{}}
	if name != "" {
		hs, ok := holidayCalendars[name]
		if !ok {
			return nil, fmt.Errorf("no holiday calendar %q (known: %s)", name, strings.Join(sortedKeys(holidayCalendars), ", "))
		}
		w.holidays = hs
	}
	if len(extra) > 0 {
		w.holidays = append([]*cal.Holiday(nil), w.holidays...)
		for _, h := range extra {
			w.holidays = append(w.holidays, &cal.Holiday{Name: h.Name, Month: time.Month(h.Month), Day: h.Day, Func: cal.CalcDayOfMonth})
		}
	}
	if len(weekend) == 0 {
		weekend = []string{"saturday", "sunday"}
	}
	for _, d := range weekend {
		wd, ok := weekdays[strings.ToLower(d)]
		if !ok {
			return nil, fmt.Errorf("weekend day %q is not a day of the week", d)
		}
		w.weekend[wd] = true
	}
	return w, nil
}

func (w *workdays) year(y int) *[367]uint16 {
	if i := y - tableFrom; i >= 0 && i < tableYears {
		if t := w.table[i].Load(); t != nil {
			return t
		}
		t := w.build(y)
		w.table[i].Store(t)
		return t
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if t, ok := w.years[y]; ok {
		return t
	}
	t := w.build(y)
	w.years[y] = t
	return t
}

// build counts the working days of year y.
func (w *workdays) build(y int) *[367]uint16 {
	off := map[Date]bool{}
	for _, h := range w.holidays {
		for _, yy := range [...]int{y - 1, y, y + 1} {
			_, obs := h.Calc(yy)
			if !obs.IsZero() {
				off[DateOf(obs)] = true
			}
		}
	}
	t := new([367]uint16)
	first := D(y, time.January, 1)
	n := D(y+1, time.January, 1).Sub(first)
	for i := 0; i < n; i++ {
		d := first.AddDays(i)
		t[i+1] = t[i]
		if !w.weekend[d.Weekday()] && !off[d] {
			t[i+1]++
		}
	}
	for i := n + 1; i < len(t); i++ {
		t[i] = t[n]
	}
	return t
}

// before returns d's year and the number of working days before d in it.
func (w *workdays) before(d Date) (y, n int) {
	slot := &w.days[uint32(d.n)%uint32(len(w.days))]
	if v := slot.Load(); v != 0 && int32(v>>32) == d.n {
		return tableFrom + int(v>>16&0xffff), int(v & 0xffff)
	}
	y = d.Year()
	n = int(w.year(y)[d.Sub(D(y, time.January, 1))])
	if inTable(d) {
		slot.Store(uint64(uint32(d.n))<<32 | uint64(y-tableFrom)<<16 | uint64(n))
	}
	return y, n
}

// Between returns the number of working days d with a <= d < b.
func (w *workdays) Between(a, b Date) int {
	if !a.Before(b) {
		return 0
	}
	ya, na := w.before(a)
	yb, nb := w.before(b)
	n := nb - na
	for y := ya; y < yb; y++ {
		n += int(w.year(y)[366])
	}
	return n
}

// IsWorkday reports whether d is a working day.
func (w *workdays) IsWorkday(d Date) bool { return w.Between(d, d.AddDays(1)) == 1 }

// NextWorkday returns d, or the first working day after it.
func (w *workdays) NextWorkday(d Date) Date {
	for i := 0; i < 31 && !w.IsWorkday(d); i++ {
		d = d.AddDays(1)
	}
	return d
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

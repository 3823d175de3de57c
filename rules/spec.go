package rules

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/rickar/cal/v2"
)

// DaySpec is a recurring day of the year, written the way rickar/cal's
// Holiday rules express them:
//
//	{ month = 3, day = 31 }                                    31 March (cal.CalcDayOfMonth)
//	{ month = 5, weekday = "saturday", offset = 3 }            third Saturday in May (cal.CalcWeekdayOffset)
//	{ month = 5, weekday = "saturday", offset = 3, calc_offset = 1 }  the day after it
//	{ month = 8, weekday = "monday", offset = -1 }             last Monday in August
//	{ month = 6, day = 1, weekday = "monday", offset = 1 }     first Monday on or after 1 June (cal.CalcWeekdayFrom)
//	{ month = 3, day = 1, calc_offset = -1 }                   last day of February
type DaySpec struct {
	Month      int    `toml:"month"`
	Day        int    `toml:"day"`
	Weekday    string `toml:"weekday"`
	Offset     int    `toml:"offset"`
	CalcOffset int    `toml:"calc_offset"`

	h     *cal.Holiday
	cache *[cacheYears]atomic.Int32 // In(y) for y in cacheFrom.., 0 until computed
}

const cacheFrom, cacheYears = 1900, 300

// maxCalcOffset bounds calc_offset: a rule day is a day near a named one
// (the day after the third Saturday in May, the last day of February), not
// one a season away.
const maxCalcOffset = 62

func (s *DaySpec) isSet() bool { return s != nil && s.Month != 0 }

// compile checks the spec and builds its cal.Holiday.
func (s *DaySpec) compile() error {
	if s.Month < 1 || s.Month > 12 {
		return fmt.Errorf("month %d is not 1..12", s.Month)
	}
	if s.CalcOffset < -maxCalcOffset || s.CalcOffset > maxCalcOffset {
		return fmt.Errorf("calc_offset %d: want at most %d days either way (a day near the one named)", s.CalcOffset, maxCalcOffset)
	}
	if s.Weekday != "" && s.Day != 0 && (s.Day < 1 || s.Day > DaysIn(2024, time.Month(s.Month))) {
		return fmt.Errorf("day %d does not exist in month %d", s.Day, s.Month)
	}
	h := &cal.Holiday{Month: time.Month(s.Month), Day: s.Day, Offset: s.Offset, CalcOffset: s.CalcOffset}
	switch {
	case s.Weekday == "":
		if s.Day < 1 || s.Day > DaysIn(2024, time.Month(s.Month)) {
			return fmt.Errorf("day %d does not exist in month %d", s.Day, s.Month)
		}
		if s.Offset != 0 {
			return fmt.Errorf("offset needs a weekday (use calc_offset to move a fixed date)")
		}
		h.Func = cal.CalcDayOfMonth
	default:
		wd, ok := weekdays[strings.ToLower(s.Weekday)]
		if !ok {
			return fmt.Errorf("weekday %q is not a day of the week", s.Weekday)
		}
		if s.Offset == 0 || s.Offset > 5 || s.Offset < -5 {
			return fmt.Errorf("offset %d: want the nth weekday, 1..5 or -1..-5", s.Offset)
		}
		h.Weekday = wd
		h.Func = cal.CalcWeekdayOffset
		if s.Day != 0 {
			h.Func = cal.CalcWeekdayFrom
		}
	}
	s.h = h
	s.cache = new([cacheYears]atomic.Int32)
	return nil
}

// In returns the day in year y.
func (s *DaySpec) In(y int) Date {
	i := y - cacheFrom
	if i >= 0 && i < cacheYears {
		if n := s.cache[i].Load(); n != 0 {
			return Date{n}
		}
	}
	a, _ := s.h.Calc(y)
	d := DateOf(a)
	if i >= 0 && i < cacheYears {
		s.cache[i].Store(d.n)
	}
	return d
}

// String describes the spec in words ("third Saturday in May, plus 1 day").
func (s *DaySpec) String() string {
	if !s.isSet() {
		return ""
	}
	m := time.Month(s.Month).String()
	var b string
	switch {
	case s.Weekday == "" && s.CalcOffset == -1 && s.Day == 1:
		return "the last day of " + time.Month((s.Month+10)%12+1).String()
	case s.Weekday == "":
		b = fmt.Sprintf("%d %s", s.Day, m)
	case s.Day != 0:
		b = fmt.Sprintf("%s %s on or after %d %s", ordinal(s.Offset), titleCase(s.Weekday), s.Day, m)
	default:
		b = fmt.Sprintf("%s %s in %s", ordinal(s.Offset), titleCase(s.Weekday), m)
	}
	switch {
	case s.CalcOffset == 1:
		b = "the day after the " + b
	case s.CalcOffset != 0:
		b += fmt.Sprintf(" %+d days", s.CalcOffset)
	}
	return b
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	case 4:
		return "fourth"
	case 5:
		return "fifth"
	case -1:
		return "last"
	case -2:
		return "second-to-last"
	}
	return fmt.Sprintf("%dth", n)
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

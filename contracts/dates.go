package contracts

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// FirstDate and LastDate bound the dates bosman reads: the years in which
// the rules count working days. A date outside them in
// a dataset or a flag (0001-01-01, 9999-12-31 for "open-ended") is refused
// rather than turned into a window of year 0 or 10000.
var (
	FirstDate = rules.D(1900, time.January, 1)
	LastDate  = rules.D(2199, time.December, 31)
)

// ParseDate reads a date as datasets and spreadsheets write it. It accepts:
//
//	2026-06-30            ISO 8601
//	2026-06-30 00:00:00   transfermarkt-datasets (also with T and a trailing Z)
//	Jun 30, 2026          Transfermarkt pages (also "June 30, 2026")
//	30 Jun 2026           the form bosman prints (also "30 June 2026")
//	30/6/2026  30.6.2026  day first; with monthFirst, 6/30/2026 instead
//
// A time of day must be midnight: a timestamp such as "2026-06-29 22:00:00"
// is usually a midnight shifted by a time zone, so it is rejected rather than
// read as the wrong day. monthFirst applies to dates written with slashes
// only; dotted dates are always day first. Years have four digits, and the
// date must lie between FirstDate and LastDate. Leading and trailing spaces
// are ignored; an empty string is an error (callers treat an empty field as
// "unknown" before calling ParseDate).
func ParseDate(s string, monthFirst bool) (rules.Date, error) {
	d, _, err := parseDate(s, monthFirst)
	return d, err
}

// slashOrder is what a date shows of the order of day and month.
type slashOrder uint8

const (
	notSlashed      slashOrder = iota // not D/M/YYYY: ISO, dotted, a month name
	slashSame                         // reads the same either way: 1/1/2026
	slashAmbiguous                    // reads two ways: 1/7/2026
	slashDayFirst                     // only day first: 30/6/2026
	slashMonthFirst                   // only month first: 6/30/2026
)

// parseDate is ParseDate, and what the date shows of the order of day and
// month when it is written with slashes.
func parseDate(s string, monthFirst bool) (rules.Date, slashOrder, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return rules.Date{}, notSlashed, errors.New("empty date")
	}
	switch {
	case len(s) >= 10 && isDigits(s[:4]) && s[4] == '-':
		d, err := parseISOTime(s)
		return d, notSlashed, err
	case isLetter(s[0]):
		d, err := parseMonthName(s)
		return d, notSlashed, err
	}
	// D Mon YYYY, D/M/YYYY, D.M.YYYY.
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 || i == len(s) {
		return rules.Date{}, notSlashed, errNotDate(s)
	}
	switch s[i] {
	case ' ':
		d, err := parseDayMonthName(s)
		return d, notSlashed, err
	case '.':
		d, err := parseNumeric(s, '.', false)
		return d, notSlashed, err
	case '/':
		order := orderOf(s)
		d, err := parseNumeric(s, '/', monthFirst)
		return d, order, err
	}
	return rules.Date{}, notSlashed, errNotDate(s)
}

// orderOf says what the slashed date s (A/B/YYYY) shows of its order.
func orderOf(s string) slashOrder {
	a, rest, _ := strings.Cut(s, "/")
	b, year, ok := strings.Cut(rest, "/")
	if !ok || !isDigits(a) || !isDigits(b) || len(a) > 2 || len(b) > 2 || len(year) != 4 || !isDigits(year) {
		return notSlashed
	}
	x, y := atoi(a), atoi(b)
	switch {
	case x == y && x >= 1 && x <= 12:
		return slashSame
	case x > 12 && y >= 1 && y <= 12:
		return slashDayFirst
	case y > 12 && x >= 1 && x <= 12:
		return slashMonthFirst
	case x >= 1 && x <= 12 && y >= 1 && y <= 12:
		return slashAmbiguous
	}
	return notSlashed
}

// ParseDateArg reads a date given on the command line (--as-of and the
// like): "today", or any form ParseDate reads. A slashed date is read the
// only way it can be (6/30/2027 is month first, 30/6/2027 day first); one
// that reads two ways (1/7/2027) is read month first when monthFirst, else
// day first, and note says how it was read and how to read it the other
// way. note is empty otherwise.
func ParseDateArg(s string, today rules.Date, monthFirst bool) (d rules.Date, note string, err error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "today") {
		return today, "", nil
	}
	order := notSlashed
	if strings.Count(s, "/") == 2 {
		order = orderOf(s)
	}
	switch order {
	case slashDayFirst:
		monthFirst = false
	case slashMonthFirst:
		monthFirst = true
	}
	d, _, err = parseDate(s, monthFirst)
	if err != nil {
		return d, "", fmt.Errorf("%s", strings.Replace(err.Error(), "(expected ", "(expected today, ", 1))
	}
	if order == slashAmbiguous {
		other, _, _ := parseDate(s, !monthFirst)
		how, flag := "day first", "--month-first reads it as "+other.Human()
		if monthFirst {
			how, flag = "month first (--month-first)", "without --month-first it is "+other.Human()
		}
		note = fmt.Sprintf("%s read as %s, %s; %s, and %s is never ambiguous", s, d.Human(), how, flag, d)
	}
	return d, note, nil
}

// ParseSeason reads a season as people write it: 2026/27, 2026-27,
// 2026/2027 or 2026-2027 (1 July 2026 to 30 June 2027; the second year must
// follow the first), or 2026 alone, the calendar year, as leagues that
// play in one year count their seasons. start is the season's first year.
func ParseSeason(s string) (start int, calendarYear bool, err error) {
	s = strings.TrimSpace(s)
	y, y2, two := strings.Cut(s, "/")
	if !two {
		y, y2, two = strings.Cut(s, "-")
	}
	if len(y) != 4 || !isDigits(y) {
		return 0, false, fmt.Errorf("%q is not a season (expected 2026/27, 2026-27, 2026/2027, or 2026 for a calendar year)", s)
	}
	start = atoi(y)
	last := LastDate.Year()
	if two {
		last--
	}
	if start < FirstDate.Year() || start > last {
		return 0, false, fmt.Errorf("season %q is out of range: bosman reads dates from %s to %s", s, FirstDate.Human(), LastDate.Human())
	}
	if !two {
		return start, true, nil
	}
	end := -1
	if (len(y2) == 2 || len(y2) == 4) && isDigits(y2) {
		end = atoi(y2)
	}
	if (len(y2) == 2 && end != (start+1)%100) || (len(y2) == 4 && end != start+1) || end < 0 {
		return 0, false, fmt.Errorf("season %q: the second year must follow the first (expected %d/%02d)", s, start, (start+1)%100)
	}
	return start, false, nil
}

func errNotDate(s string) error {
	return fmt.Errorf("%q is not a date (expected YYYY-MM-DD, Jun 30, 2026, 30 Jun 2026, 30/6/2026 or 30.6.2026)", s)
}

// parseISOTime reads YYYY-MM-DD with an optional midnight time.
func parseISOTime(s string) (rules.Date, error) {
	if len(s) == 10 {
		return ymd(s, s[:4], s[5:7], s[8:10], s[7] == '-')
	}
	rest := s[10:]
	if rest[0] != ' ' && rest[0] != 'T' {
		return rules.Date{}, errNotDate(s)
	}
	rest = strings.TrimSuffix(rest[1:], "Z")
	if len(rest) != 8 || rest[2] != ':' || rest[5] != ':' || !isDigits(rest[:2]) || !isDigits(rest[3:5]) || !isDigits(rest[6:]) {
		return rules.Date{}, errNotDate(s)
	}
	d, err := ymd(s, s[:4], s[5:7], s[8:10], s[7] == '-')
	if err != nil {
		return d, err
	}
	if rest != "00:00:00" {
		return rules.Date{}, fmt.Errorf("%q has a time of day other than midnight (a time-zone shift?); expected the date alone", s)
	}
	return d, nil
}

// isoDay reads the two forms most files write, YYYY-MM-DD and
// YYYY-MM-DD 00:00:00 (transfermarkt-datasets), as parseDate does, in
// one pass; ok is false for anything else, a date out of range among
// them, which parseDate then reads or explains.
func isoDay(s string) (_ rules.Date, ok bool) {
	if len(s) != 10 && (len(s) != 19 || s[10:] != " 00:00:00") {
		return rules.Date{}, false
	}
	if s[4] != '-' || s[7] != '-' {
		return rules.Date{}, false
	}
	var n [8]int
	for i, j := range [8]int{0, 1, 2, 3, 5, 6, 8, 9} {
		c := s[j]
		if c < '0' || c > '9' {
			return rules.Date{}, false
		}
		n[i] = int(c - '0')
	}
	y, m, d := n[0]*1000+n[1]*100+n[2]*10+n[3], time.Month(n[4]*10+n[5]), n[6]*10+n[7]
	if m < 1 || m > 12 || d < 1 || d > rules.DaysIn(y, m) {
		return rules.Date{}, false
	}
	date := rules.D(y, m, d)
	if date.Before(FirstDate) || date.After(LastDate) {
		return rules.Date{}, false
	}
	return date, true
}

// ymd checks and assembles year, month and day written as digits.
func ymd(s, y, m, d string, sepOK bool) (rules.Date, error) {
	if !sepOK || len(y) != 4 || len(m) == 0 || len(m) > 2 || len(d) == 0 || len(d) > 2 ||
		!isDigits(y) || !isDigits(m) || !isDigits(d) {
		return rules.Date{}, errNotDate(s)
	}
	date, err := rules.MakeDate(atoi(y), time.Month(atoi(m)), atoi(d))
	if err != nil {
		return rules.Date{}, fmt.Errorf("%q is not a real date: %v", s, err)
	}
	if date.Before(FirstDate) || date.After(LastDate) {
		return rules.Date{}, fmt.Errorf("%q is out of range: bosman reads dates from %s to %s, the years its calendars cover; leave the field empty when the date is unknown",
			s, FirstDate, LastDate)
	}
	return date, nil
}

// parseNumeric reads D/M/YYYY or D.M.YYYY (M/D/YYYY when monthFirst).
func parseNumeric(s string, sep byte, monthFirst bool) (rules.Date, error) {
	a, rest, ok := strings.Cut(s, string(sep))
	if !ok {
		return rules.Date{}, errNotDate(s)
	}
	b, y, ok := strings.Cut(rest, string(sep))
	if !ok {
		return rules.Date{}, errNotDate(s)
	}
	if monthFirst {
		a, b = b, a
	}
	return ymd(s, y, b, a, true)
}

// parseMonthName reads "Jun 30, 2026" or "June 30 2026".
func parseMonthName(s string) (rules.Date, error) {
	mon, rest, ok := strings.Cut(s, " ")
	if !ok {
		return rules.Date{}, errNotDate(s)
	}
	m := monthByName(mon)
	day, year, ok := strings.Cut(strings.TrimLeft(rest, " "), " ")
	day = strings.TrimSuffix(day, ",")
	if m == 0 || !ok {
		return rules.Date{}, errNotDate(s)
	}
	return ymd(s, strings.TrimLeft(year, " "), twoDigit(m), day, true)
}

// parseDayMonthName reads "30 Jun 2026".
func parseDayMonthName(s string) (rules.Date, error) {
	day, rest, _ := strings.Cut(s, " ")
	mon, year, ok := strings.Cut(strings.TrimLeft(rest, " "), " ")
	mon = strings.TrimSuffix(mon, ",")
	m := monthByName(mon)
	if m == 0 || !ok {
		return rules.Date{}, errNotDate(s)
	}
	return ymd(s, strings.TrimLeft(year, " "), twoDigit(m), day, true)
}

var monthNames = [...]string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthByName returns 1..12 for an English month name or its first three
// letters (also "Sept"), in any case; 0 otherwise.
func monthByName(s string) int {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 3 {
		return 0
	}
	for i, n := range monthNames {
		if strings.EqualFold(s, n) || strings.EqualFold(s, n[:3]) || (i == 8 && strings.EqualFold(s, "sept")) {
			return i + 1
		}
	}
	return 0
}

func twoDigit(m int) string { return string([]byte{byte('0' + m/10), byte('0' + m%10)}) }

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// atoi reads a short string of digits already checked by isDigits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

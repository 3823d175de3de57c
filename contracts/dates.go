package contracts

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/rules"
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
// only; dotted dates are always day first. Years have four digits. Leading
// and trailing spaces are ignored; an empty string is an error (callers treat
// an empty field as "unknown" before calling ParseDate).
func ParseDate(s string, monthFirst bool) (rules.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return rules.Date{}, errors.New("empty date")
	}
	switch {
	case len(s) >= 10 && isDigits(s[:4]) && s[4] == '-':
		return parseISOTime(s)
	case isLetter(s[0]):
		return parseMonthName(s)
	}
	// D Mon YYYY, D/M/YYYY, D.M.YYYY.
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 || i == len(s) {
		return rules.Date{}, errNotDate(s)
	}
	switch s[i] {
	case ' ':
		return parseDayMonthName(s)
	case '/', '.':
		return parseNumeric(s, s[i], monthFirst && s[i] == '/')
	}
	return rules.Date{}, errNotDate(s)
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

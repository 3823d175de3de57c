package contracts

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// maxMarketValue is the largest market value accepted, €10bn: far above any
// player's, and far below what an int64 holds.
const maxMarketValue = 10_000_000_000

// ParseMarketValue reads a market value in euros as datasets write it:
//
//	45000000  200000000.0       transfermarkt-datasets, FootyDex
//	EUR22.00m  €45.00m  €500k   Transfermarkt pages and their scrapes
//	45m  1.2bn  45,000,000      spreadsheets (also 45.000.000, "45,00 Mio. €")
//
// A suffix k (thousand), m (million) or bn (billion), also th/Tsd., mio/mln
// and Mrd., multiplies; with a suffix the decimal separator may be a point
// or a comma. Without one, separators between groups of three digits are
// thousands separators. The currency may be EUR or € before or after the
// number, or absent. An empty field, "-" and "?" mean unknown: 0 and no
// error. Another currency (£, $, GBP …) is an error: bosman does not
// convert. The result is rounded to whole euros.
func ParseMarketValue(s string) (int64, error) {
	if n, ok := plainEuros(s); ok {
		return n, nil
	}
	v := strings.TrimSpace(s)
	switch v {
	case "", "-", "–", "?", "n/a", "N/A":
		return 0, nil
	}
	lower := strings.ToLower(v)
	for _, cur := range []string{"£", "$", "gbp", "usd", "chf", "₺", "r$"} {
		if strings.Contains(lower, cur) {
			return 0, fmt.Errorf("%q is not in euros: bosman keeps market values in euros only", s)
		}
	}
	for _, cur := range []string{"eur", "€"} {
		lower = strings.TrimSpace(strings.TrimPrefix(lower, cur))
		lower = strings.TrimSpace(strings.TrimSuffix(lower, cur))
	}
	num, mult := lower, int64(1)
	for _, sf := range []struct {
		s string
		m int64
	}{{"bn", 1e9}, {"mrd.", 1e9}, {"mrd", 1e9}, {"b", 1e9}, {"mio.", 1e6}, {"mio", 1e6}, {"mln", 1e6}, {"m", 1e6},
		{"tsd.", 1e3}, {"tsd", 1e3}, {"th.", 1e3}, {"th", 1e3}, {"k", 1e3}} {
		if strings.HasSuffix(num, sf.s) {
			num, mult = strings.TrimSpace(strings.TrimSuffix(num, sf.s)), sf.m
			break
		}
	}
	n, err := parseAmount(num, mult)
	if err != nil {
		return 0, fmt.Errorf("%q is not a market value (%v)", s, err)
	}
	return n, nil
}

// plainEuros reads the common case fast: digits, perhaps followed by ".0"
// as FootyDex writes them.
func plainEuros(s string) (int64, bool) {
	s = strings.TrimSuffix(s, ".0")
	if s == "" || len(s) > 11 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, n <= maxMarketValue
}

// parseAmount reads a non-negative decimal number times mult. With mult 1
// the separators are thousands separators, except a last separator followed
// by one or two digits (200000000.0), which is the decimal one.
func parseAmount(s string, mult int64) (int64, error) {
	if s == "" {
		return 0, errors.New("no number")
	}
	intPart, frac := s, ""
	if i := strings.LastIndexAny(s, ".,"); i >= 0 {
		after := len(s) - i - 1
		if mult > 1 || after != 3 || strings.Count(s, s[i:i+1]) == 1 && strings.ContainsAny(s[:i], ".,") {
			intPart, frac = s[:i], s[i+1:]
		}
	}
	var whole int64
	digits := 0
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		switch {
		case '0' <= c && c <= '9':
			whole = whole*10 + int64(c-'0')
			digits++
			if whole > maxMarketValue {
				return 0, errors.New("more than €10bn")
			}
		case (c == ',' || c == '.' || c == ' ' || c == '\'') && mult == 1 && digits > 0 && groupOfThree(intPart[i+1:]):
		default:
			return 0, fmt.Errorf("unexpected %q", string(c))
		}
	}
	if digits == 0 {
		return 0, errors.New("no digits before the separator")
	}
	if whole*mult > maxMarketValue {
		return 0, errors.New("more than €10bn")
	}
	if len(frac) > 9 {
		return 0, errors.New("too many decimals")
	}
	f, scale := 0.0, 1.0
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("unexpected %q", string(c))
		}
		f = f*10 + float64(c-'0')
		scale *= 10
	}
	n := whole*mult + int64(math.Round(f*float64(mult)/scale))
	if n > maxMarketValue { // the decimals took it over: 10,1bn
		return 0, errors.New("more than €10bn")
	}
	return n, nil
}

// groupOfThree reports whether s begins with exactly three digits followed
// by a separator or the end.
func groupOfThree(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := range 3 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 3 || strings.IndexByte(",. '", s[3]) >= 0
}

package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/contracts"
)

// Clean returns s as it may be shown to a person on a terminal or in a
// picture: control characters (C0, DEL and C1, so ESC, BEL and the OSC and
// CSI sequences they start), bidirectional and other invisible format
// controls, and line and paragraph separators are shown escaped, as \x1b or
// \u202e, and bytes that are not UTF-8 as U+FFFD. A name from a dataset can
// then neither set the window title, move the cursor, recolour the screen nor
// reorder the text around it. The zero-width joiner and non-joiner stay:
// names in Persian or Indic scripts need them. Text without such characters
// is returned as it is.
func Clean(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		// ranging over a string turns each byte that is not UTF-8 into U+FFFD
		switch {
		case r == utf8.RuneError:
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r, 1) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r, 1):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeRune says whether r (n bytes long in the text) is one Clean escapes.
func unsafeRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true // not UTF-8
	case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		return true
	case r < 0xad:
		return false // the common case, quickly
	case r == 0x200c || r == 0x200d:
		return false // zero-width non-joiner and joiner
	}
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// CleanLines is Clean for text of several lines: each line is cleaned, the
// line breaks are kept.
func CleanLines(s string) string {
	if !strings.Contains(s, "\n") {
		return Clean(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Clean(l)
	}
	return strings.Join(lines, "\n")
}

// cleanContract returns c with every text a person may read cleaned; the
// note is prose, so its line breaks and tabs become spaces first.
func cleanContract(c contracts.Contract) contracts.Contract {
	c.Note = spaced(c.Note)
	for _, p := range []*string{&c.PlayerID, &c.Player, &c.Club, &c.Association, &c.League, &c.Loan.Club,
		&c.Source, &c.Note, &c.Nationality, &c.Position, &c.SubPosition, &c.ClubID, &c.Pos.File, &c.Option.Holder} {
		*p = Clean(*p)
	}
	return c
}

// cleanEntries returns a copy of entries with their contracts cleaned.
func cleanEntries(entries []Entry) []Entry {
	out := make([]Entry, len(entries))
	for i := range entries {
		out[i] = entries[i]
		out[i].Contract = cleanContract(entries[i].Contract)
	}
	return out
}

// cleanRow cleans each cell of row, in place, and returns it.
func cleanRow(row []string) []string {
	for i, c := range row {
		row[i] = Clean(c)
	}
	return row
}

// spaced is prose s with its line breaks and tabs as spaces.
func spaced(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// Unclean undoes Clean's escapes, \xNN and \uNNNN, so that a name copied
// from bosman's output finds the name of the data it was written from.
func Unclean(s string) string {
	if !strings.Contains(s, `\x`) && !strings.Contains(s, `\u`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			digits := 0
			switch s[i+1] {
			case 'x':
				digits = 2
			case 'u':
				digits = 4
			}
			if digits > 0 && i+2+digits <= len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+2+digits], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += 1 + digits
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

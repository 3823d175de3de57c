package report

import (
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/rules"
)

// csvWriter writes CSV or TSV as encoding/csv would (RFC 4180 quoting, \n
// line ends), appending straight to a buffer: dates and numbers never need
// quoting, so a row costs no allocation.
type csvWriter struct {
	csvCells
	w io.Writer
	b []byte
}

// csvCells writes the cells of a CSV or TSV row (see cellEncoder).
type csvCells struct {
	sep     byte
	neutral bool // CSV; TSV folds tabs and newlines in text to spaces
}

func newDelimitedWriter(w io.Writer, sep byte) *csvWriter {
	cw := &csvWriter{csvCells: csvCells{sep: sep, neutral: sep == ','}, w: w}
	for i, col := range Columns {
		cw.b = cw.text(cw.b, i, col, false)
	}
	cw.b = append(cw.b, '\n')
	return cw
}

func (cw *csvWriter) Write(en *Entry) error {
	b := appendRow(cw.b, cw.csvCells, en)
	b = append(b, '\n')
	cw.b = b
	if len(b) >= 32<<10 {
		return cw.flush()
	}
	return nil
}

// before appends the separator that comes before cell i.
func (e csvCells) before(b []byte, i int) []byte {
	if i > 0 {
		b = append(b, e.sep)
	}
	return b
}

func (e csvCells) text(b []byte, i int, s string, free bool) []byte {
	return e.cell(e.before(b, i), s, free)
}

func (e csvCells) word(b []byte, i int, s string) []byte { return append(e.before(b, i), s...) }

func (e csvCells) date(b []byte, i int, d rules.Date) []byte { return d.AppendText(e.before(b, i)) }

func (e csvCells) number(b []byte, i int, n int64, ok bool) []byte {
	b = e.before(b, i)
	if ok {
		b = strconv.AppendInt(b, n, 10)
	}
	return b
}

// cell appends a text field, neutralised (free text only) and quoted as
// encoding/csv quotes.
func (e csvCells) cell(b []byte, s string, free bool) []byte {
	if plainCell(s, e.sep) {
		return append(b, s...)
	}
	if free && !e.neutral {
		s = tsvFolder.Replace(s)
	}
	if free && formulaLike(s) {
		s = "'" + s // rare: a formula-like cell, which a spreadsheet would run
	}
	if !needsQuotes(s, e.sep) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

// formulaLike says whether a spreadsheet would read s as a formula: it
// starts with = + - @ TAB or CR, after any quotes (so that '=x, which
// bosman's reader would read as =x, is written with two quotes), and is not a plain
// number such as -1 or +44, which a spreadsheet reads as a number. bosman's
// reader of its own CSV and TSV removes the one ' this adds (contracts).
func formulaLike(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	if i == len(s) || strings.IndexByte("=+-@\t\r", s[i]) < 0 {
		return false
	}
	return i > 0 || !plainNumber(s)
}

// plainNumber: an optional sign, digits, and at most one decimal point
// between digits.
func plainNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0 && i+1 < len(s):
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// plainCell says, in one pass over s's bytes, that s is written as it is
// whatever text does: no byte that a TSV folds, encoding/csv quotes for, or
// that would start a formula, and a first byte that is neither a quote nor
// the first byte of white space. Anything else takes text's full path.
func plainCell(s string, sep byte) bool {
	if s == "" {
		return true
	}
	if c := s[0]; cellStart[c] || c == sep {
		return false
	}
	if len(s) < 8 {
		for i := 1; i < len(s); i++ {
			if c := s[i]; cellSpecial[c] || c == sep {
				return false
			}
		}
		return true
	}
	// eight bytes at a time, the last word overlapping the one before; any
	// control byte (the tab and the line breaks among them) sends s on
	seps := 0x0101010101010101 * uint64(sep)
	for i := 0; i < len(s); i += 8 {
		w := word8(s[min(i, len(s)-8):])
		if hasByteBelow(w, 0x20)|hasByte(w, quotes8)|hasByte(w, seps) != 0 {
			return false
		}
	}
	return true
}

const quotes8 = 0x0101010101010101 * '"'

// word8 is the first eight bytes of s, little-endian.
func word8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hasByteBelow is not zero when a byte of w is below n (n at most 128).
func hasByteBelow(w uint64, n byte) uint64 {
	return (w - 0x0101010101010101*uint64(n)) &^ w & 0x8080808080808080
}

// hasByte is not zero when a byte of w is the byte repeated in b.
func hasByte(w, b uint64) uint64 { return hasByteBelow(w^b, 1) }

// cellSpecial marks the bytes that may change a cell anywhere in it: line
// breaks and tabs (which a TSV folds and encoding/csv quotes) and the
// quote; cellStart those that may change it as its first byte: those, the
// first bytes of a formula and of the quote, ASCII white space, and the
// lead bytes of non-ASCII white space (U+0085, U+00A0: C2; U+1680: E1;
// U+2000 to U+205F: E2; U+3000: E3), and the backslash of `\.`.
var cellSpecial, cellStart = func() (sp, st [256]bool) {
	for _, c := range []byte("\t\n\r\"") {
		sp[c], st[c] = true, true
	}
	for _, c := range []byte("=+-@'\v\f \\\xc2\xe1\xe2\xe3") {
		st[c] = true
	}
	return
}()

var tsvFolder = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// needsQuotes is encoding/csv's rule: a separator, quote or line break
// anywhere, or white space first.
func needsQuotes(s string, sep byte) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '"' || c == sep {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func (cw *csvWriter) flush() error {
	_, err := cw.w.Write(cw.b)
	cw.b = cw.b[:0]
	return err
}

func (cw *csvWriter) Close() error { return cw.flush() }

package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// csvField is how encoding/csv writes s as one field of a record.
func csvField(t *testing.T, s string, sep byte) string {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = rune(sep)
	if err := w.Write([]string{s, ""}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	// the record is the field, the separator, and "\n"
	out := buf.String()
	return out[:len(out)-2]
}

// slowText is text without its plain-cell shortcut: fold, neutralise,
// quote as encoding/csv quotes.
func slowText(cw *csvWriter, s string, free bool) string {
	if free && !cw.neutral {
		s = tsvFolder.Replace(s)
	}
	if free && formulaLike(s) {
		s = "'" + s
	}
	if !needsQuotes(s, cw.sep) {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// FuzzCSVField: a field that is not free text is written as encoding/csv
// writes it, in CSV and in TSV, and the shortcut for plain cells writes a
// cell as the full path would.
func FuzzCSVField(f *testing.F) {
	for _, s := range []string{"", "Jamal Modrić", " lead", "\u00a0nbsp", "\u3000x", "\u2028", "\u0085", `\.`, `\.x`,
		"a,b", "a\tb", "say \"hi\"", "line\nbreak", "cr\r", "https://www.transfermarkt.co.uk/x/profil/spieler/1", "seventeen bytes\tx", "=SUM(A1)", "-1", "+44", "'=x", "@x", "\xc2", "\xe2\x80", "Ángel"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sep := range []byte{',', '\t'} {
			cw := &csvWriter{csvCells: csvCells{sep: sep, neutral: sep == ','}}
			if got, want := string(cw.cell(nil, s, false)), csvField(t, s, sep); got != want {
				t.Errorf("sep %q: text(%q) = %q, encoding/csv writes %q", sep, s, got, want)
			}
			for _, free := range []bool{false, true} {
				if got, want := string(cw.cell([]byte("x"), s, free)), "x"+slowText(cw, s, free); got != want {
					t.Errorf("sep %q, free %v: text(%q) = %q, want %q", sep, free, s, got, want)
				}
			}
		}
	})
}

// Hand-worked cells: a name with a comma is quoted in CSV, not in TSV; a
// leading no-break space is white space to encoding/csv, so quoted; a
// formula gets its quote mark; a TSV folds a tab in free text to a space.
func TestCSVText(t *testing.T) {
	comma := &csvWriter{csvCells: csvCells{sep: ',', neutral: true}}
	tab := &csvWriter{csvCells: csvCells{sep: '\t'}}
	cases := []struct {
		cw   *csvWriter
		in   string
		free bool
		want string
	}{
		{comma, "Società Sportiva Münsterberg City, S.p.A.", true, `"Società Sportiva Münsterberg City, S.p.A."`},
		{tab, "Società Sportiva Münsterberg City, S.p.A.", true, "Società Sportiva Münsterberg City, S.p.A."},
		{comma, "\u00a0Ramos", true, "\"\u00a0Ramos\""},
		{comma, "Ángel", true, "Ángel"},
		{comma, "=1+1", true, "'=1+1"},
		{comma, "-12", true, "-12"},
		{tab, "a\tb", true, "a b"},
		{tab, "a\tb", false, "\"a\tb\""},
		{comma, `\.`, false, `"\."`},
	}
	for _, c := range cases {
		if got := string(c.cw.cell(nil, c.in, c.free)); got != c.want {
			t.Errorf("sep %q: text(%q, free %v) = %q, want %q", c.cw.sep, c.in, c.free, got, c.want)
		}
	}
}

// plainCell reads eight bytes at a time: every byte value, at every place
// of strings of 8 to 17 bytes (a whole word, a word and a tail overlapping
// it, two words and a tail), writes as the full path writes it, in CSV,
// in TSV and with a semicolon.
func TestPlainCellWords(t *testing.T) {
	for _, sep := range []byte{',', '\t', ';'} {
		cw := &csvWriter{csvCells: csvCells{sep: sep, neutral: sep == ','}}
		for n := 8; n <= 17; n++ {
			for at := 0; at < n; at++ {
				for c := 0; c < 256; c++ {
					b := []byte(strings.Repeat("x", n))
					b[at] = byte(c)
					s := string(b)
					for _, free := range []bool{false, true} {
						if got, want := string(cw.cell(nil, s, free)), slowText(cw, s, free); got != want {
							t.Fatalf("sep %q, free %v: cell(%q) = %q, want %q", sep, free, s, got, want)
						}
					}
				}
			}
		}
	}
	// a byte the full path changes is never taken as plain, wherever it is
	for _, s := range []string{"abcdefg\"", "abcdefgh\"", "abcdefghijklmno\n", "abcdefghijklmnop\r", "abcdefgh,ijk"} {
		if plainCell(s, ',') {
			t.Errorf("plainCell(%q) = true", s)
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// refJSONWriter is the JSON writer as it was before appendRow: the cells
// as Fields gives them, each quoted by json.Marshal, the numeric columns
// by name. It is the reference the fast writer is held to.
type refJSONWriter struct {
	w      io.Writer
	single bool
	n      int
}

var refNumeric = map[string]bool{"days_to_free_agency": true, "workdays_to_free_agency": true, "age": true, "market_value_eur": true}

func (jw *refJSONWriter) Write(en *Entry) error {
	f := en.Fields(nil)
	var b []byte
	switch {
	case jw.single:
	case jw.n == 0:
		b = append(b, "[\n"...)
	default:
		b = append(b, ",\n"...)
	}
	jw.n++
	if !jw.single {
		b = append(b, "  "...)
	}
	b = append(b, '{')
	for i, col := range Columns {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, col)
		b = append(b, ": "...)
		switch v := f[i]; {
		case v == "":
			b = append(b, "null"...)
		case refNumeric[col]:
			b = append(b, v...)
		default:
			q, _ := json.Marshal(v)
			b = append(b, q...)
		}
	}
	if jw.single {
		b = appendExtras(b, en)
	}
	b = append(b, '}')
	_, err := jw.w.Write(b)
	return err
}

func (jw *refJSONWriter) Close() error {
	end := "\n]\n"
	switch {
	case jw.single:
		end = "\n"
	case jw.n == 0:
		end = "[]\n"
	}
	_, err := io.WriteString(jw.w, end)
	return err
}

// refCSVRow is a CSV or TSV row as the writer wrote it before appendRow:
// Fields' cells, the text ones by slowText (free text neutralised, the
// association not), the others as they are.
func refCSVRow(cw *csvWriter, en *Entry) string {
	free := map[int]bool{0: true, 1: true, 3: true, 16: true, 19: true, 20: true, 21: true, 25: true}
	var sb strings.Builder
	for i, v := range en.Fields(nil) {
		if i > 0 {
			sb.WriteByte(cw.sep)
		}
		switch {
		case free[i] || i == 4:
			sb.WriteString(slowText(cw, v, free[i]))
		default:
			sb.WriteString(v)
		}
	}
	return sb.String() + "\n"
}

// pieces are what the generated text is made of: names with accents,
// everything CSV quotes or TSV folds, formula starts, white space that
// encoding/csv sees (U+00A0, U+3000), what JSON escapes (< > &, U+2028,
// control bytes), and bytes that are not UTF-8.
var pieces = []string{"Jamal", "Modrić", "Ángel", "Società", "Zoë", " ", ",", `"`, "\n", "\r", "\t", "=", "+", "-", "@", "'",
	"\u00a0", "\u3000", "\u2028", "\u2029", "\u0085", "<", ">", "&", `\`, `\.`, ".", "\xff", "\xc2", "\xe2\x80", "1", "44", "\x00", "\x1f", "\x7f", "\v", "é", "😀"}

func genText(r *rand.Rand) string {
	var sb strings.Builder
	for range r.IntN(5) {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

// edgeDays are the days the generated dates favour: leap days (2000 is a
// leap year, 1900 and 2100 are not), the ends of the working-day table
// (1900 to 2199) and of the years a date may be written in.
var edgeDays = []rules.Date{{}, rules.D(1900, 1, 1), rules.D(1900, 2, 28), rules.D(1900, 3, 1), rules.D(2000, 2, 29),
	rules.D(2024, 2, 29), rules.D(2100, 2, 28), rules.D(2100, 3, 1), rules.D(2196, 2, 29), rules.D(2199, 12, 31),
	rules.D(2200, 1, 1), rules.D(1899, 12, 31), rules.D(1, 1, 1), rules.D(9999, 12, 31), rules.D(2026, 6, 30), rules.D(2026, 12, 31)}

func genDate(r *rand.Rand) rules.Date {
	switch r.IntN(4) {
	case 0:
		return edgeDays[r.IntN(len(edgeDays))]
	case 1:
		return rules.D(1900, 1, 1).AddDays(r.IntN(300 * 366))
	}
	return rules.D(1985, 1, 1).AddDays(r.IntN(50 * 366))
}

func genContract(r *rand.Rand) contracts.Contract {
	assocs := []string{"ENG", "ESP", "ITA", "USA", "FRA", "SCO", "GER", "BRA", "BUL", "", "XYZ"}
	leagues := []string{"", "", "GB1", "MLS1", "ES1", "IT1"}
	c := contracts.Contract{
		PlayerID: genText(r), Player: genText(r), Birth: genDate(r), Nationality: genText(r),
		Position: genText(r), SubPosition: genText(r), Club: genText(r), Association: assocs[r.IntN(len(assocs))],
		League: leagues[r.IntN(len(leagues))], Signed: genDate(r), Start: genDate(r), Expires: genDate(r),
		Source: genText(r), Confirmed: genDate(r), LastSeason: 2000 + r.IntN(30),
	}
	if r.IntN(4) == 0 {
		c.Option = contracts.Option{Until: genDate(r), Holder: "club"}
	}
	if r.IntN(2) == 0 {
		c.MarketValue = r.Int64N(200_000_000) - 1000
	}
	if r.IntN(3) == 0 {
		c.Association = genText(r) // text the association column writes unneutralised
	}
	return c
}

// genEntries answers n generated contracts, each asked on a generated day
// by a club of a generated association (or none).
func genEntries(t testing.TB, n int) []Entry {
	r := rand.New(rand.NewPCG(1, 2))
	tos := []string{"", "", "ENG", "ESP", "USA", "ITA", "XYZ"}
	entries := make([]Entry, n)
	for i := range entries {
		asOf := rules.D(2020, 1, 1).AddDays(r.IntN(12 * 366))
		if r.IntN(10) == 0 {
			asOf = genDate(r)
		}
		entries[i] = testQuery(t, asOf, tos[r.IntN(len(tos))]).Answer(genContract(r))
	}
	return entries
}

// TestRowsAgainstReference: over generated rows, the CSV, TSV and JSON
// writers write each row byte for byte as the writers before appendRow
// did (refCSVRow, refJSONWriter), and a whole JSON export and one
// player's object as well.
func TestRowsAgainstReference(t *testing.T) {
	entries := genEntries(t, 5000)
	for _, sep := range []byte{',', '\t'} {
		var buf bytes.Buffer
		cw := newDelimitedWriter(&buf, sep)
		if err := cw.flush(); err != nil {
			t.Fatal(err)
		}
		for i := range entries {
			buf.Reset()
			if err := cw.Write(&entries[i]); err != nil {
				t.Fatal(err)
			}
			if err := cw.flush(); err != nil {
				t.Fatal(err)
			}
			if want := refCSVRow(cw, &entries[i]); buf.String() != want {
				t.Fatalf("sep %q, row %d:\n got %q\nwant %q", sep, i, buf.String(), want)
			}
		}
	}
	for _, single := range []bool{false, true} {
		rows := entries
		if single {
			rows = entries[:1]
		}
		var got, want bytes.Buffer
		if err := WriteRows(&got, "json", single, rows); err != nil {
			t.Fatal(err)
		}
		ref := &refJSONWriter{w: &want, single: single}
		for i := range rows {
			if err := ref.Write(&rows[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := ref.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(g), len(w)) {
				if g[i] != w[i] {
					t.Fatalf("single %v, line %d:\n got %s\nwant %s", single, i, g[i], w[i])
				}
			}
			t.Fatalf("single %v: %d lines, want %d", single, len(g), len(w))
		}
	}
}

// FuzzJSONString: appendJSONString writes any string as json.Marshal does.
func FuzzJSONString(f *testing.F) {
	for _, s := range pieces {
		f.Add(s)
	}
	f.Add("Ibrahima Konaté")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}

// Hand-worked strings: a plain name and one with an accent are copied;
// a quote, < and U+2028 are escaped as json.Marshal escapes them, and a
// byte that is not UTF-8 becomes U+FFFD.
func TestJSONString(t *testing.T) {
	for in, want := range map[string]string{
		"Liverpool FC":    `"Liverpool FC"`,
		"Ibrahima Konaté": `"Ibrahima Konaté"`,
		`say "hi"`:        `"say \"hi\""`,
		"<b>":             `"\u003cb\u003e"`,
		"a\u2028b":        `"a\u2028b"`,
		"a\xffb":          `"a\ufffdb"`,
		"tab\there":       `"tab\there"`,
	} {
		if got := string(appendJSONString(nil, in)); got != want {
			t.Errorf("appendJSONString(%q) = %s, want %s", in, got, want)
		}
	}
}

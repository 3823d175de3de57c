package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Each output format has a fuzz target that writes rows of arbitrary text
// and dates and reads them back with a real parser of the format: the
// rows, the columns and the values must be the ones written.

// fuzzSeeds are hostile fields from the attack on bosman: line breaks
// that end a CSV row, an iCalendar line or a Markdown row, pipes, HTML,
// formula characters, invalid UTF-8, and very long text.
func fuzzSeeds(f *testing.F) {
	f.Add("357119", "Ibrahima Konaté", "Liverpool FC", "https://example.org", uint8(0), int32(739797), int32(730264))
	f.Add("1\nEND:VEVENT\nBEGIN:VEVENT\nUID:fake@evil\nX-A:b", "A One", "Club", "", uint8(1), int32(739797), int32(0))
	f.Add("-1", "=cmd|' /C calc'!A0", "A | B", "<img src=x onerror=alert(1)>", uint8(2), int32(3652059), int32(1))
	f.Add("'=x", "line\r\nbreak", "tab\there", "\"quoted\", with, commas", uint8(3), int32(1), int32(3652000))
	f.Add("\xff\xfe", "\x1b]0;pwned\x07", "\u202eevil", strings.Repeat("ü", 200), uint8(4), int32(739000), int32(-5))
	f.Add("", "", "", "", uint8(5), int32(0), int32(0))
}

var fuzzBook = sync.OnceValues(rules.Embedded)

// fuzzQuery is the question every fuzzed row is asked: as of 7 Oct 2025,
// for a Spanish club.
func fuzzQuery(t *testing.T) *Query {
	book, err := fuzzBook()
	if err != nil {
		t.Fatal(err)
	}
	return &Query{Book: book, AsOf: rules.D(2025, 10, 7), To: "ESP"}
}

var fuzzAssocs = []string{"ENG", "ESP", "ITA", "USA", "", "XYZ"}

// fuzzEntries answers three contracts as of 7 Oct 2025: the fuzzed one,
// Konaté, and the fuzzed one again with another club. expires and birth
// count days from 1 Jan 0001 (0: no date).
func fuzzEntries(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) []Entry {
	q := fuzzQuery(t)
	day := func(n int32) rules.Date {
		if n <= 0 {
			return rules.Date{}
		}
		return rules.D(1, 1, 1).AddDays(int(n % 3652059))
	}
	c := contracts.Contract{PlayerID: id, Player: player, Club: club, Source: source,
		Association: fuzzAssocs[int(assoc)%len(fuzzAssocs)], Expires: day(expires), Birth: day(birth)}
	if k := konate(); c.PlayerID == k.PlayerID && c.Player == k.Player && c.Club == k.Club {
		c.PlayerID += "x" // not a second Konaté: the same row twice is one event twice
	}
	other := c
	other.Club += " B"
	return []Entry{q.Answer(c), q.Answer(konate()), q.Answer(other)}
}

// csvWant is the value a CSV or TSV reader gives back for text s written
// in a free-text column.
func csvWant(s string, tsv bool) string {
	if tsv {
		s = tsvFolder.Replace(s)
	}
	if formulaLike(s) {
		s = "'" + s
	}
	return strings.ReplaceAll(s, "\r\n", "\n") // encoding/csv reads a quoted CRLF as LF
}

func fuzzDelimited(t *testing.T, format string, entries []Entry) {
	var b bytes.Buffer
	if err := WriteRows(&b, format, false, entries); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	if format == "tsv" {
		r.Comma = '\t'
	}
	r.FieldsPerRecord = len(Columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv: %v", err)
	}
	if len(recs) != 1+len(entries) {
		t.Fatalf("%d records, want a header and %d rows", len(recs), len(entries))
	}
	if strings.Join(recs[0], ",") != strings.Join(Columns, ",") {
		t.Fatalf("header %q", recs[0])
	}
	for i, en := range entries {
		rec, c := recs[i+1], &en.Contract
		for col, want := range map[int]string{0: c.PlayerID, 1: c.Player, 3: c.Club, 16: c.Source} {
			if got := rec[col]; got != csvWant(want, format == "tsv") {
				t.Errorf("row %d %s: read %q, wrote %q", i+1, Columns[col], got, want)
			}
		}
		if rec[6] != c.Expires.String() {
			t.Errorf("row %d: expiry %q, want %q", i+1, rec[6], c.Expires)
		}
	}
}

// FuzzCSV: the CSV is read by encoding/csv as the rows and values
// written, every row with the 17 columns.
func FuzzCSV(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) {
		fuzzDelimited(t, "csv", fuzzEntries(t, id, player, club, source, assoc, expires, birth))
	})
}

// FuzzTSV: the same for TSV, whose text has tabs and line breaks folded
// to spaces.
func FuzzTSV(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) {
		fuzzDelimited(t, "tsv", fuzzEntries(t, id, player, club, source, assoc, expires, birth))
	})
}

// FuzzJSON: the JSON is read by encoding/json as an array of objects (or
// one object, for one player) with the 17 keys and the values written.
func FuzzJSON(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) {
		entries := fuzzEntries(t, id, player, club, source, assoc, expires, birth)
		var b bytes.Buffer
		if err := WriteRows(&b, "json", false, entries); err != nil {
			t.Fatal(err)
		}
		var rows []map[string]any
		if err := json.Unmarshal(b.Bytes(), &rows); err != nil {
			t.Fatalf("encoding/json: %v\n%s", err, b.String())
		}
		if len(rows) != len(entries) {
			t.Fatalf("%d objects, want %d", len(rows), len(entries))
		}
		for i, en := range entries {
			c := &en.Contract
			if len(rows[i]) < len(Columns) {
				t.Errorf("object %d has %d keys", i, len(rows[i]))
			}
			for k, want := range map[string]string{"player_id": c.PlayerID, "player": c.Player, "club": c.Club, "source": c.Source} {
				want = string([]rune(want)) // encoding/json writes each invalid byte as U+FFFD
				got, _ := rows[i][k].(string)
				if want == "" && rows[i][k] != nil || want != "" && got != want {
					t.Errorf("object %d %s: read %#v, wrote %q", i, k, rows[i][k], want)
				}
			}
		}
		b.Reset()
		if err := WriteRows(&b, "json", true, entries[:1]); err != nil {
			t.Fatal(err)
		}
		var one map[string]any
		if err := json.Unmarshal(b.Bytes(), &one); err != nil {
			t.Fatalf("encoding/json, one object: %v\n%s", err, b.String())
		}
	})
}

// FuzzMarkdown: goldmark reads one table whose every row has the header's
// number of cells, and no HTML, link or image.
func FuzzMarkdown(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) {
		entries := fuzzEntries(t, id, player, club, source, assoc, expires, birth)
		var b bytes.Buffer
		if err := WriteRows(&b, "markdown", false, entries); err != nil {
			t.Fatal(err)
		}
		cells, html := mdTable(t, b.Bytes())
		if len(cells) != 1+len(entries) {
			t.Fatalf("%d rows, want %d:\n%s", len(cells), 1+len(entries), b.String())
		}
		for i, n := range cells {
			if n != len(Columns) {
				t.Fatalf("row %d has %d cells, want %d:\n%s", i, n, len(Columns), b.String())
			}
		}
		if html {
			t.Fatalf("HTML or a link in the table:\n%s", b.String())
		}
	})
}

// FuzzICS: golang-ical reads as many events as were written, each line at
// most 75 octets of valid UTF-8, and no two events share a UID.
func FuzzICS(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, player, club, source string, assoc uint8, expires, birth int32) {
		entries := fuzzEntries(t, id, player, club, source, assoc, expires, birth)
		var b bytes.Buffer
		rw := NewICSWriter(&b, fuzzQuery(t), Calendar{Name: player + " " + club})
		for i := range entries {
			if err := rw.Write(&entries[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := rw.Close(); err != nil {
			t.Fatal(err)
		}
		cal := parseICS(t, b.String())
		seen := map[string]bool{}
		for _, ev := range cal.Events() {
			if seen[ev.Id()] {
				t.Fatalf("UID %s twice", ev.Id())
			}
			seen[ev.Id()] = true
			if !utf8.ValidString(ev.Id()) || strings.ContainsAny(ev.Id(), " ;,:\\\"") {
				t.Fatalf("UID %q", ev.Id())
			}
		}
	})
}

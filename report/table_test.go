package report

import (
	"bytes"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter"
)

// TestRenderTable draws a small table, worked out by hand: a space before
// and after each cell, columns as wide as their widest cell, a rule under
// the header as wide as the table (14 + 6: the last cell's padding is
// drawn), trailing spaces trimmed, the column named right aligned right.
func TestRenderTable(t *testing.T) {
	var out bytes.Buffer
	err := renderTable(&out, []string{"Club", "Days"}, [][]string{{"Liverpool FC", "5"}, {"Ajax", "120"}}, false, map[int]bool{1: true})
	if err != nil {
		t.Fatal(err)
	}
	want := " Club          Days\n" +
		"────────────────────\n" +
		" Liverpool FC     5\n" +
		" Ajax           120\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// TestRenderTableReused: renderTable reuses tables (pooledTable), so a
// table drawn after others, markdown or not, aligned otherwise, with more
// or fewer columns, must come out as a table made new for it would.
func TestRenderTableReused(t *testing.T) {
	type table struct {
		header   []string
		rows     [][]string
		markdown bool
		right    map[int]bool
	}
	tables := []table{
		{[]string{"A", "B", "C"}, [][]string{{"1", "22", "333"}, {"4444", "5", "6"}}, true, map[int]bool{2: true}},
		{[]string{"Player", "Expires"}, [][]string{{"Ibrahima Konaté", "30 Jun 2026"}}, false, nil},
		{[]string{"X"}, [][]string{{"only"}}, true, nil},
		{[]string{"", "Date", "In"}, [][]string{{"Abroad from", "1 Jan 2026", "open for 151 d"}, {"Free agent from", "1 Jul 2026", "30 d"}}, false, map[int]bool{2: true}},
		{[]string{"Club", "Days", "Age", "Value"}, [][]string{{"Ajax", "3", "19", "€1.5m"}}, false, map[int]bool{1: true, 2: true, 3: true}},
		// spaces to trim and a line break: drawn by tablewriter, not drawPlain
		{[]string{"Club "}, [][]string{{" Ajax"}, {"Real\nMadrid"}}, false, nil},
	}
	fresh := func(tb table) string { return byTablewriter(t, tb.header, tb.rows, tb.markdown, tb.right) }
	for round := range 3 {
		for i, tb := range tables {
			var out bytes.Buffer
			if err := renderTable(&out, tb.header, tb.rows, tb.markdown, tb.right); err != nil {
				t.Fatal(err)
			}
			if want := fresh(tb); out.String() != want {
				t.Errorf("round %d, table %d drawn after others:\n%s\nwant, as a new table draws it:\n%s", round, i, out.String(), want)
			}
		}
	}
}

// byTablewriter is the table a new tablewriter table with renderTable's
// settings draws, its trailing spaces trimmed as renderTable trims them.
func byTablewriter(t *testing.T, header []string, rows [][]string, markdown bool, right map[int]bool) string {
	t.Helper()
	var buf bytes.Buffer
	tw := tablewriter.NewTable(&buf, tableOptions(len(header), markdown, right)...)
	tw.Header(header)
	for _, r := range rows {
		if err := tw.Append(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Render(); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		out.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return out.String()
}

// TestDrawPlain: every table drawPlain takes it draws as tablewriter does
// with renderTable's settings, for tables made up from pieces (wide and
// combining characters, an emoji, colours as Style paints them, empty
// cells, inner spaces), right alignment at random; and it takes most of
// them (a drawPlain that refused them all would pass the comparison), the
// card's table among them. Worked out by hand, the card's shape: columns
// 11+2, 10+2 (a colour takes no column) and 5+2 wide make a rule of 32;
// the empty header cell is 13 spaces, so "In" starts at 13+1+10+1+1 = 26;
// the last column aligned right.
func TestDrawPlain(t *testing.T) {
	b, ok := drawPlain([]string{"", "Date", "In"}, [][]string{{"Abroad from", "\x1b[32m1 Jan 2026\x1b[0m", "open"}, {"x", "", "151 d"}}, map[int]bool{2: true})
	want := "              Date        In\n" + strings.Repeat("─", 32) + "\n" +
		" Abroad from  \x1b[32m1 Jan 2026\x1b[0m   open\n" +
		" x" + strings.Repeat(" ", 24) + "151 d\n"
	if !ok || string(b) != want {
		t.Errorf("card-shaped table: ok %v, got\n%q\nwant\n%q", ok, b, want)
	}
	pieces := []string{"", "a", "Konaté", "Konate\u0301", "日本", "⚽", "30 d", "1 Jan 2026", "€1.5m", "x y", "\x1b[32m", "\x1b[0m", "\x1b[1;32m", "─"}
	r := rand.New(rand.NewPCG(3, 4))
	cell := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return strings.TrimSpace(b.String())
	}
	taken := 0
	const tables = 2000
	for range tables {
		header := make([]string, 1+r.IntN(5))
		for j := range header {
			header[j] = cell()
		}
		rows := make([][]string, 1+r.IntN(4))
		for k := range rows {
			rows[k] = make([]string, len(header))
			for j := range rows[k] {
				rows[k][j] = cell()
			}
		}
		right := map[int]bool{}
		for j := range header {
			right[j] = r.IntN(2) == 0
		}
		got, ok := drawPlain(header, rows, right)
		if !ok {
			continue
		}
		taken++
		if want := byTablewriter(t, header, rows, false, right); string(got) != want {
			t.Fatalf("%q over %q, right %v:\ndrawPlain\n%q\ntablewriter\n%q", header, rows, right, got, want)
		}
	}
	if taken < tables/2 {
		t.Errorf("drawPlain took %d of %d tables, want most", taken, tables)
	}
}

// TestDrawPlainRefuses: the tables drawPlain leaves to tablewriter, whose
// drawing of them differs (no rule under a header without rows, ragged
// rows, an empty column left out) or is not worked out here (trimmed
// spaces, line breaks, escapes other than colours, C1 controls, bad
// UTF-8); renderTable still draws each as tablewriter does.
func TestDrawPlainRefuses(t *testing.T) {
	tables := []struct {
		why    string
		header []string
		rows   [][]string
	}{
		{"no rows", []string{"A"}, nil},
		{"no columns", nil, [][]string{{}}},
		{"a short row", []string{"A", "B"}, [][]string{{"a"}}},
		{"a long row", []string{"A"}, [][]string{{"a", "b"}}},
		{"an empty column", []string{"A", ""}, [][]string{{"a", ""}}},
		{"a leading space", []string{"A"}, [][]string{{" a"}}},
		{"a trailing space", []string{"A "}, [][]string{{"a"}}},
		{"a no-break space at the end", []string{"A"}, [][]string{{"a\u00a0"}}},
		{"a line break", []string{"A"}, [][]string{{"a\nb"}}},
		{"a tab", []string{"A"}, [][]string{{"a\tb"}}},
		{"a link escape", []string{"A"}, [][]string{{"\x1b]8;;https://x\x07a\x1b]8;;\x07"}}},
		{"an escape that is no colour", []string{"A"}, [][]string{{"a\x1b[2Jb"}}},
		{"an escape cut short", []string{"A"}, [][]string{{"a\x1b[32"}}},
		{"a lone escape", []string{"A"}, [][]string{{"a\x1b"}}},
		{"a C1 control", []string{"A"}, [][]string{{"a\u0085b"}}},
		{"DEL", []string{"A"}, [][]string{{"a\x7fb"}}},
		{"bad UTF-8", []string{"A"}, [][]string{{"a\xffb"}}},
	}
	for _, tb := range tables {
		if _, ok := drawPlain(tb.header, tb.rows, nil); ok {
			t.Errorf("%s: drawPlain took %q over %q", tb.why, tb.header, tb.rows)
		}
		if len(tb.header) == 0 {
			continue
		}
		var out bytes.Buffer
		if err := renderTable(&out, tb.header, tb.rows, false, nil); err != nil {
			t.Fatal(err)
		}
		if want := byTablewriter(t, tb.header, tb.rows, false, nil); out.String() != want {
			t.Errorf("%s: renderTable drew\n%q\nwant, as tablewriter draws it:\n%q", tb.why, out.String(), want)
		}
	}
}

// TestRenderTableResetIsCheap: a table drawn again from the pool must not
// make a new stringer cache (tablewriter's Reset makes a map of 10,240
// entries, about 300 KB, unless the cache is renderTable's noCache).
func TestRenderTableResetIsCheap(t *testing.T) {
	// a line break sends the table to tablewriter (drawPlain refuses it)
	header, rows := []string{"Player", "Expires"}, [][]string{{"Ibrahima\nKonaté", "30 Jun 2026"}}
	least := uint64(1 << 62)
	for range 5 { // a GC may empty the pool; the least of five draws counts
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := renderTable(io.Discard, header, rows, false, nil); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if least > 64<<10 {
		t.Errorf("a pooled table allocates %d bytes to draw a one-row table, want under 64 KiB: is the stringer cache reset?", least)
	}
}

// TestLeastWidth: no table renderTable draws is narrower than leastWidth
// says, for cells of one and two columns each (é, 日本, an emoji), empty
// headers and cells, a column right-aligned, ragged rows; and, worked out
// by hand, columns of 3 and 2 with a space either side are 9 wide (the
// rule under the header), of which leastWidth counts 8, leaving out the
// last space, which a table without rows trims.
func TestLeastWidth(t *testing.T) {
	tables := []struct {
		header []string
		rows   [][]string
		right  map[int]bool
	}{
		{[]string{"A", "BB"}, [][]string{{"ccc", "d"}}, nil},
		{[]string{"", "Date", "In"}, [][]string{{"Abroad from", "1 Jan 2026", "open for 151 d"}, {"Free agent from", "1 Jul 2026", "30 d"}}, map[int]bool{2: true}},
		{[]string{"Player", "Club"}, [][]string{{"Ibrahima Konaté", "日本 FC"}, {"⚽ Zoë", ""}}, nil},
		{[]string{"X", "Y", "Z"}, [][]string{{"1"}, {"22", "333", "4444"}}, map[int]bool{0: true}},
		{[]string{"Long header here", "b"}, [][]string{{"", ""}}, nil},
	}
	for i, tb := range tables {
		var out bytes.Buffer
		if err := renderTable(&out, tb.header, tb.rows, false, tb.right); err != nil {
			t.Fatal(err)
		}
		drawn, least := tableWidth(out.String()), leastWidth(tb.header, tb.rows)
		if least > drawn {
			t.Errorf("table %d: least width %d, but drawn %d wide:\n%s", i, least, drawn, out.String())
		}
		if i == 0 && (least != 8 || drawn != 9) {
			t.Errorf("A|BB over ccc|d: least %d, drawn %d, want 8 and 9:\n%s", least, drawn, out.String())
		}
	}
	// and tables made up from pieces, spaces at either end among them
	pieces := []string{"", " ", "a", "Konaté", "日本", "⚽", "30 d ", " 1 Jan 2026", "€1.5m", "x y"}
	r := rand.New(rand.NewPCG(1, 2))
	cell := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 500 {
		header := make([]string, 1+r.IntN(4))
		for j := range header {
			header[j] = cell()
		}
		rows := make([][]string, r.IntN(4))
		for k := range rows {
			rows[k] = make([]string, len(header))
			for j := range rows[k] {
				rows[k][j] = cell()
			}
		}
		var out bytes.Buffer
		if err := renderTable(&out, header, rows, false, map[int]bool{0: r.IntN(2) == 0}); err != nil {
			t.Fatal(err)
		}
		if drawn, least := tableWidth(out.String()), leastWidth(header, rows); least > drawn {
			t.Fatalf("%q over %q: least width %d, but drawn %d wide:\n%s", header, rows, least, drawn, out.String())
		}
	}
}

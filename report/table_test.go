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
	}
	fresh := func(tb table) string {
		var buf bytes.Buffer
		tw := tablewriter.NewTable(&buf, tableOptions(len(tb.header), tb.markdown, tb.right)...)
		tw.Header(tb.header)
		for _, r := range tb.rows {
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

// TestRenderTableResetIsCheap: a table drawn again from the pool must not
// make a new stringer cache (tablewriter's Reset makes a map of 10,240
// entries, about 300 KB, unless the cache is renderTable's noCache).
func TestRenderTableResetIsCheap(t *testing.T) {
	header, rows := []string{"Player", "Expires"}, [][]string{{"Ibrahima Konaté", "30 Jun 2026"}}
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

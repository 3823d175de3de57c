package report

import (
	"bytes"
	"io"
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

package report

import (
	"bytes"
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

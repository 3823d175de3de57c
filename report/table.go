package report

import (
	"bytes"
	"io"
	"reflect"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// renderTable draws a table for people: no borders, left-aligned, headers
// as given, trailing spaces trimmed so the output diffs cleanly. right
// lists the columns to align right.
func renderTable(w io.Writer, header []string, rows [][]string, markdown bool, right map[int]bool) error {
	if !markdown {
		if b, ok := drawPlain(header, rows, right); ok {
			_, err := w.Write(b)
			return err
		}
	}
	pt := tables.Get().(*pooledTable)
	defer tables.Put(pt)
	buf := &pt.buf
	buf.Reset()
	t := pt.t
	if t == nil {
		t = tablewriter.NewTable(buf, tableOptions(len(header), markdown, right)...)
		pt.t = t
	} else {
		// as new: the default configuration (NewTable's: a zero Config
		// would not trim cells), then this table's options
		t.Reset()
		t.Options(append([]tablewriter.Option{tablewriter.WithConfig(tablewriter.NewConfigBuilder().Build())}, tableOptions(len(header), markdown, right)...)...)
	}
	t.Header(header)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		if _, err := io.WriteString(w, strings.TrimRight(line, " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// drawPlain draws the table renderTable's tablewriter settings draw, for
// the tables that are nearly all of them: a header and at least one row
// of as many cells, none with a control byte or white space at either end,
// no column empty from header to last row. Each cell gets a space either
// side and is padded to its column's width (twwidth's, as tablewriter
// measures), headers to the left, rows as right says; a rule of light
// box lines as wide as the columns and their spaces follows the header;
// trailing spaces are trimmed. ok is false for any other table, which
// tablewriter then draws. A card drawn so never makes a tablewriter
// table, whose first costs a third of a megabyte of fresh memory.
func drawPlain(header []string, rows [][]string, right map[int]bool) (b []byte, ok bool) {
	if len(header) == 0 || len(rows) == 0 {
		return nil, false
	}
	widths := make([]int, len(header))
	for j, h := range header {
		if !plainTableCell(h) {
			return nil, false
		}
		widths[j] = twwidth.WidthNoCache(h)
	}
	for _, r := range rows {
		if len(r) != len(header) {
			return nil, false
		}
		for j, c := range r {
			if !plainTableCell(c) {
				return nil, false
			}
			widths[j] = max(widths[j], twwidth.WidthNoCache(c))
		}
	}
	total := 0
	for _, wd := range widths {
		if wd == 0 {
			return nil, false
		}
		total += wd + 2
	}
	b = appendPlainLine(b, header, widths, nil)
	b = append(b, strings.Repeat("─", total)...)
	b = append(b, '\n')
	for _, r := range rows {
		b = appendPlainLine(b, r, widths, right)
	}
	return b, true
}

// appendPlainLine appends one line of drawPlain's table, its trailing
// spaces trimmed.
func appendPlainLine(b []byte, cells []string, widths []int, right map[int]bool) []byte {
	for j, c := range cells {
		pad := widths[j] - twwidth.WidthNoCache(c)
		b = append(b, ' ')
		if right[j] {
			b = appendSpaces(b, pad)
			b = append(b, c...)
		} else {
			b = append(b, c...)
			b = appendSpaces(b, pad)
		}
		b = append(b, ' ')
	}
	b = bytes.TrimRight(b, " ")
	return append(b, '\n')
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}

// plainTableCell says that tablewriter draws s as it is: valid UTF-8, no
// control byte (line breaks among them, C1 controls too) but the escape
// of a colour (ESC [ digits and semicolons m, which tablewriter's width
// leaves out as drawPlain's does), and no white space at either end, which
// tablewriter would trim.
func plainTableCell(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return false
			}
			for j++; j < len(s) && (s[j] == ';' || '0' <= s[j] && s[j] <= '9'); j++ {
			}
			if j >= len(s) || s[j] != 'm' {
				return false
			}
			i = j + 1
		case c < 0x20 || c == 0x7f:
			return false
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r < 0xa0 || r == utf8.RuneError && size == 1 {
				return false
			}
			i += size
		}
	}
	if s == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// pooledTable is a table drawn before, with the buffer it draws into.
// tablewriter.NewTable makes a cache of 10,240 entries for every table,
// a fresh third of a megabyte, and a card may be drawn several times to
// fit the width, so renderTable reuses its tables, each set back to the
// default configuration before this table's options.
type pooledTable struct {
	t   *tablewriter.Table
	buf bytes.Buffer
}

var tables = sync.Pool{New: func() any { return new(pooledTable) }}

// noCache is the stringer cache of renderTable's tables, which are given
// strings and have no stringer: it holds nothing, so that Table.Reset,
// which empties the cache by making a new map of 10,240 entries, costs
// nothing (a quarter of the page faults of bosman player).
type noCache struct{}

func (noCache) Add(reflect.Type, reflect.Value) bool        { return false }
func (noCache) Get(reflect.Type) (v reflect.Value, ok bool) { return v, false }
func (noCache) Purge()                                      {}

// tableOptions are renderTable's settings for a table of n columns.
func tableOptions(n int, markdown bool, right map[int]bool) []tablewriter.Option {
	align := make([]tw.Align, n)
	for i := range align {
		align[i] = tw.AlignLeft
		if right[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithStringerCacheCustom(noCache{}),
	}
	if markdown {
		return append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	return append(opts, tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
		Borders: tw.BorderNone,
		Symbols: tw.NewSymbols(tw.StyleLight),
		Settings: tw.Settings{
			Lines:      tw.Lines{ShowHeaderLine: tw.On},
			Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
		},
	})))
}

// shrink is one way to make a table narrower: drop a column, or shorten
// its header and cells.
type shrink struct {
	col    string // the header of the column
	drop   bool
	header string              // the shorter header, when not dropped
	cell   func(string) string // the shorter cell; nil keeps it
	also   []string            // other columns whose cells cell shortens in the same step
}

// replacer is a shrink's cell function that replaces words.
func replacer(oldnew ...string) func(string) string {
	return strings.NewReplacer(oldnew...).Replace
}

// fitTable draws a table for people no wider than width when it can: it
// applies steps in order, each dropping or shortening a column, until the
// table fits, before anything wraps. right names the columns aligned right.
// It returns the headers of the columns it dropped.
func fitTable(w io.Writer, header []string, rows [][]string, right map[string]bool, width int, steps []shrink) ([]string, error) {
	ft, err := fitRows(header, rows, right, width, steps)
	if err != nil {
		return nil, err
	}
	_, err = w.Write(ft.drawn)
	return ft.dropped, err
}

// fitted is a table fitted to a width: its header and rows once shrunk,
// the columns aligned right, those dropped, and the table drawn.
type fitted struct {
	header  []string
	rows    [][]string
	right   map[int]bool
	dropped []string
	drawn   []byte
}

// fitRows is fitTable without the writing: several tables with the same
// columns (the parts of a list) are fitted as one, then drawn each with
// the header and rows it returns.
func fitRows(header []string, rows [][]string, right map[string]bool, width int, steps []shrink) (fitted, error) {
	var dropped []string
	for i := 0; ; i++ {
		// a table whose cells alone are too wide is not drawn to see
		if i >= len(steps) || leastWidth(header, rows) <= width {
			var buf bytes.Buffer
			ri := map[int]bool{}
			for j, h := range header {
				ri[j] = right[h]
			}
			if err := renderTable(&buf, header, rows, false, ri); err != nil {
				return fitted{}, err
			}
			if i >= len(steps) || tableWidth(buf.String()) <= width {
				return fitted{header: header, rows: rows, right: ri, dropped: dropped, drawn: buf.Bytes()}, nil
			}
		}
		st := steps[i]
		j := indexOf(header, st.col)
		if j < 0 {
			continue
		}
		if st.drop {
			dropped = append(dropped, st.col)
			header = append(header[:j:j], header[j+1:]...)
			for k, r := range rows {
				rows[k] = append(r[:j:j], r[j+1:]...)
			}
			continue
		}
		right[st.header] = right[st.col]
		header = append([]string(nil), header...)
		header[j] = st.header
		if st.cell == nil {
			continue
		}
		for _, k := range append([]int{j}, indexesOf(header, st.also)...) {
			for _, r := range rows {
				r[k] = st.cell(r[k])
			}
		}
	}
}

// leastWidth is the narrowest renderTable can draw header and rows: each
// column as wide as its widest cell, with a space either side but after
// the last (white space at a cell's ends, and columns with nothing else,
// left out). A table drawn is never narrower (TestLeastWidth), so one
// whose least width is over the limit need not be drawn to know it does
// not fit.
func leastWidth(header []string, rows [][]string) int {
	n := 0
	for j, h := range header {
		w := widthOf(strings.TrimSpace(h))
		for _, r := range rows {
			if j < len(r) {
				w = max(w, widthOf(strings.TrimSpace(r[j])))
			}
		}
		if w > 0 {
			n += w + 2
		}
	}
	return max(n-1, 0) // the last column's space may be trimmed
}

// tableWidth is the width of the widest line of a drawn table.
func tableWidth(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, widthOf(l))
	}
	return n
}

// indexesOf are the indexes in list of those of names it holds.
func indexesOf(list, names []string) []int {
	var out []int
	for _, n := range names {
		if i := indexOf(list, n); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// TestMarkdownCell: each character that could end a cell, end a row or
// open HTML or a link is escaped, worked out by hand from the GFM spec
// (tables: "\|" is a pipe inside a cell; HTML: < starts a tag; links: [).
func TestMarkdownCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ibrahima Konaté", "Ibrahima Konaté"},
		{"A | B", `A \| B`},
		{`a\|b`, `a\\\|b`},
		{"line one\nline two\r\nthree", "line one line two  three"},
		{`<img src=x onerror=alert(1)>`, "&lt;img src=x onerror=alert(1)&gt;"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"Tom & Jerry", "Tom &amp; Jerry"},
		{"https://example.org/a_b?c=1", "https://example.org/a_b?c=1"},
		{"nul\x00bell\x07", "nul bell "},
	} {
		if got := MarkdownCell(c.in); got != c.want {
			t.Errorf("MarkdownCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// mdTable parses markdown with goldmark's GFM table extension and returns
// the number of cells of each row, header first, and whether any raw HTML
// or link came out of the cells.
func mdTable(t testing.TB, md []byte) (cells []int, html bool) {
	t.Helper()
	p := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	doc := p.Parse(text.NewReader(md))
	tables := 0
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case east.KindTable:
			tables++
		case east.KindTableHeader, east.KindTableRow:
			cells = append(cells, n.ChildCount())
		case ast.KindRawHTML, ast.KindHTMLBlock, ast.KindLink, ast.KindImage, ast.KindAutoLink:
			if n.Kind() != ast.KindAutoLink {
				html = true
			}
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if tables != 1 {
		t.Fatalf("%d tables in:\n%s", tables, md)
	}
	return cells, html
}

// TestMarkdownExportHostile: a pipe, a quoted line break and raw HTML in
// fields neither add columns, split a row nor reach the page as HTML
// (issue: "A | B" added columns, a newline split the row, <img onerror>
// was copied).
func TestMarkdownExportHostile(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	hostile := konate()
	hostile.Player = "A | B"
	hostile.Club = "Line\none\r\n| x | y |"
	hostile.Source = `<img src=x onerror="alert(1)"> [x](javascript:alert(1)) \|`
	hostile.PlayerID = "|||"
	entries := []Entry{q.Answer(konate()), q.Answer(hostile), q.Answer(konate())}
	var b bytes.Buffer
	if err := WriteRows(&b, "markdown", false, entries); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 2+len(entries) {
		t.Errorf("%d lines, want a header, its delimiter row and %d rows:\n%s", n, len(entries), b.String())
	}
	cells, html := mdTable(t, b.Bytes())
	if len(cells) != 1+len(entries) {
		t.Fatalf("%d rows in the parsed table, want %d", len(cells), 1+len(entries))
	}
	for i, n := range cells {
		if n != len(Columns) {
			t.Errorf("row %d has %d cells, want %d", i, n, len(Columns))
		}
	}
	if html {
		t.Errorf("raw HTML or a link in the table:\n%s", b.String())
	}
}

// TestMarkdownExportEmpty: no rows is still a table, of the header alone.
func TestMarkdownExportEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := WriteRows(&b, "markdown", false, nil); err != nil {
		t.Fatal(err)
	}
	if cells, _ := mdTable(t, b.Bytes()); len(cells) != 1 || cells[0] != len(Columns) {
		t.Errorf("cells %v:\n%s", cells, b.String())
	}
}

// TestFormulaLike: a cell a spreadsheet would run gets a ', a plain number
// does not (issue: the id -1 came back as '-1), and a cell that already
// starts with quotes before a formula character gets one more, so that
// bosman's reader, which removes one, gives it back as it was.
func TestFormulaLike(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"-1", false}, {"+44", false}, {"-1.5", false}, {"12", false}, {"Konaté", false}, {"'", false}, {"", false},
		{"=cmd|' /C calc'!A0", true}, {"@SUM(A1)", true}, {"+44 20 7946 0000", true}, {"-", true}, {"-1.", true},
		{"-1e5", true}, {"\tx", true}, {"'=x", true}, {"''-1", true}, {"'x", false},
	} {
		if got := formulaLike(c.in); got != c.want {
			t.Errorf("formulaLike(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

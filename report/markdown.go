package report

import (
	"io"
	"strings"
)

// MarkdownCell is s made safe as the text of one cell of a Markdown (GFM)
// table: a pipe cannot end the cell, a line break cannot end the row, and
// HTML, links and images are shown as the characters they are (a bare URL
// still links where the renderer links URLs). Line breaks
// and other control characters become spaces; nothing else is lost.
func MarkdownCell(s string) string {
	if !strings.ContainsFunc(s, needsMarkdownEscape) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\\', r == '|', r == '[', r == ']':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r < 0x20, r == 0x7f, r == '\u2028', r == '\u2029', r == 0x85:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsMarkdownEscape(r rune) bool {
	switch r {
	case '\\', '|', '[', ']', '<', '>', '&', 0x7f, '\u2028', '\u2029', 0x85:
		return true
	}
	return r < 0x20
}

// markdownWriter writes the rows as one GFM table, a line per row as it
// comes, so an export of any size is written in bounded memory; the
// columns are not padded.
type markdownWriter struct {
	w   io.Writer
	n   int
	buf []string
	b   []byte
}

func (mw *markdownWriter) header() {
	mw.b = mw.row(mw.b[:0], Columns)
	mw.b = append(mw.b, '|')
	for range Columns {
		mw.b = append(mw.b, " --- |"...)
	}
	mw.b = append(mw.b, '\n')
}

// row appends cells as a table row.
func (mw *markdownWriter) row(b []byte, cells []string) []byte {
	b = append(b, '|')
	for _, c := range cells {
		b = append(b, ' ')
		b = append(b, MarkdownCell(c)...)
		b = append(b, " |"...)
	}
	return append(b, '\n')
}

func (mw *markdownWriter) Write(en *Entry) error {
	if mw.n == 0 {
		mw.header()
	}
	mw.n++
	mw.buf = en.Fields(mw.buf)
	mw.b = mw.row(mw.b, mw.buf)
	if len(mw.b) < 32<<10 {
		return nil
	}
	_, err := mw.w.Write(mw.b)
	mw.b = mw.b[:0]
	return err
}

func (mw *markdownWriter) Close() error {
	if mw.n == 0 {
		mw.header()
	}
	_, err := mw.w.Write(mw.b)
	mw.b = mw.b[:0]
	return err
}

package report

import "strings"

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

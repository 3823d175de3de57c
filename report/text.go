package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// widthOf is the number of terminal columns s takes: wide characters
// (Japanese, Korean, Chinese) take two, combining marks none, and colour
// sequences none.
func widthOf(s string) int {
	return termWidth.String(s)
}

var termWidth = displaywidth.Options{ControlSequences: true}

// writeWrapped writes text in words, wrapped to width, the first line
// after prefix and the others indented as far. Each word is cleaned (see
// Clean): the prose may quote a dataset or a rule file.
func writeWrapped(out io.Writer, prefix, text string, width int) {
	lineW := widthOf(prefix)
	indent := lineW
	line := make([]byte, 0, max(width, 0)+len(prefix)+16)
	line = append(line, prefix...)
	started := false
	for _, word := range strings.Fields(text) {
		word = Clean(word)
		ww := widthOf(word)
		if started && lineW+1+ww > width {
			out.Write(append(line, '\n'))
			line = appendSpaces(line[:0], indent)
			lineW, started = indent, false
		}
		if started {
			line = append(line, ' ')
			lineW++
		}
		line = append(line, word...)
		lineW += ww
		started = true
	}
	out.Write(append(line, '\n'))
}

// wrapItems writes items separated by two spaces, wrapped to width.
func wrapItems(w io.Writer, items []string, width int) {
	line := ""
	for _, it := range items {
		if line != "" && widthOf(line)+2+widthOf(it) > width {
			fmt.Fprintln(w, line)
			line = ""
		}
		if line != "" {
			line += "  "
		}
		line += it
	}
	if line != "" {
		fmt.Fprintln(w, line)
	}
}

// Count is "1 row" or "n rows".
func Count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// truncate shortens s to at most n columns, with an ellipsis when it cuts.
func truncate(s string, n int) string {
	if widthOf(s) <= n {
		return s
	}
	return termWidth.TruncateString(s, max(n, 1), "…")
}

// padRunes pads s with spaces to n columns.
func padRunes(s string, n int) string {
	if k := widthOf(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// orArticle is "a " and s, or w when s is empty.
func orArticle(s, w string) string {
	if s == "" {
		return w
	}
	return "a " + s
}

// orWord is s, or w when s is empty.
func orWord(s, w string) string {
	if s == "" {
		return w
	}
	return s
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

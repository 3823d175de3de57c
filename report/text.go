package report

import (
	"fmt"
	"io"
	"strings"
)

// writeWrapped writes text in words, wrapped to width, the first line
// after prefix and the others indented as far.
func writeWrapped(out io.Writer, prefix, text string, width int) {
	line := prefix
	indent := strings.Repeat(" ", len(prefix))
	for _, word := range strings.Fields(text) {
		if len(line)+1+len(word) > width && strings.TrimSpace(line) != strings.TrimSpace(prefix) {
			fmt.Fprintln(out, line)
			line = indent
		}
		if line != prefix && line != indent {
			line += " "
		}
		line += word
	}
	fmt.Fprintln(out, line)
}

// wrapItems writes items separated by two spaces, wrapped to width.
func wrapItems(w io.Writer, items []string, width int) {
	line := ""
	for _, it := range items {
		if line != "" && len([]rune(line))+2+len([]rune(it)) > width {
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

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func padRunes(s string, n int) string {
	if k := len([]rune(s)); k < n {
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

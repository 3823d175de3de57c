package report

import (
	"strings"
	"testing"
)

// TestWriteWrapped wraps prose by hand: "- one two" is 9 columns and
// " three" would make it 15, over 12, so "three" starts the next line,
// indented as far as the prefix (2); "  three four" is exactly 12 and
// stays; a word wider than the width alone gets a line of its own, not
// cut; runs of spaces and line breaks between words are one space; a
// control byte in a word is cleaned (Clean writes it as \x01); a wide
// character counts two columns ("> 日本" is 6, " 日本" more is 11, over 8;
// "  日本 x" is 8).
func TestWriteWrapped(t *testing.T) {
	cases := []struct {
		prefix, text string
		width        int
		want         string
	}{
		{"- ", "one two three four", 12, "- one two\n  three four\n"},
		{"- ", "one two abc", 12, "- one two\n  abc\n"}, // 9 + 1 + 3 = 13
		{"- ", "one  two\n three   four", 12, "- one two\n  three four\n"},
		{"", "a supercalifragilistic b", 8, "a\nsupercalifragilistic\nb\n"},
		{"", "", 10, "\n"},
		{"Note: ", "", 10, "Note: \n"},
		{"> ", "日本 日本 x", 8, "> 日本\n  日本 x\n"},
		{"", "bad\x01word ok", 40, "bad\\x01word ok\n"},
	}
	for _, c := range cases {
		var out strings.Builder
		writeWrapped(&out, c.prefix, c.text, c.width)
		if out.String() != c.want {
			t.Errorf("writeWrapped(%q, %q, %d) = %q, want %q", c.prefix, c.text, c.width, out.String(), c.want)
		}
	}
}

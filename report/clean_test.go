package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/rules"
)

// Clean shows every character that could drive a terminal escaped, and
// leaves ordinary names, accents, wide characters and joiners alone.
func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Ibrahima Konaté", "Ibrahima Konaté"},
		{"大迫 勇也", "大迫 勇也"},
		{"\x1b]0;pwned\x07Kane", `\x1b]0;pwned\x07Kane`}, // OSC: sets the window title
		{"\x1b[2J\x1b[HName", `\x1b[2J\x1b[HName`},       // CSI: clears the screen
		{"A\u202eenaK", `A\u202eenaK`},                   // right-to-left override
		{"A\u2066B\u2069", `A\u2066B\u2069`},             // isolates
		{"a\u200bb", `a\u200bb`},                         // zero-width space hides text
		{"line\u2028break", `line\u2028break`},
		{"\u009b31m", `\u009b31m`}, // C1 CSI
		{"tab\there\nnl\r", `tab\x09here\x0anl\x0d`},
		{"bad \xff byte", "bad \ufffd byte"},
		{"می\u200cخواهم", "می\u200cخواهم"}, // the zero-width non-joiner of Persian stays
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := CleanLines("one\x1b\ntwo"); got != "one\\x1b\ntwo" {
		t.Errorf("CleanLines keeps the line breaks: %q", got)
	}
}

// Unclean turns what Clean shows back into the name of the data, so a name
// copied from a hint finds its club; text without an escape is kept.
func TestUnclean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Club\x1b[31m Red`, "Club\x1b[31m Red"},
		{`A\u202eenaK`, "A\u202eenaK"},
		{`C:\xyz`, `C:\xyz`}, // not hex: kept
		{`end\x1`, `end\x1`}, // too short: kept
		{"Konaté", "Konaté"},
	} {
		if got := Unclean(tc.in); got != tc.want {
			t.Errorf("Unclean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, s := range []string{"\x1b]0;pwned\x07Kane", "A\u2066B\u2069", "tab\there"} {
		if got := Unclean(Clean(s)); got != s {
			t.Errorf("Unclean(Clean(%q)) = %q", s, got)
		}
	}
}

// hostile is a contract whose every text carries the sequences.
func hostile() Entry {
	c := konate()
	c.Player = "\x1b]0;pwned\x07Evil \u202eName"
	c.Club = "Club\x1b[31m Red"
	c.Source = "http://x/\x1b]8;;http://evil\x07link"
	c.Note = "note \x1b[2J with a clear-screen"
	return Entry{Contract: c}
}

// No human form writes an escape, a bell or a bidi control from the data.
func TestHumanFormsCleanData(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	h := hostile()
	en := q.Answer(h.Contract)
	check := func(what, out string) {
		t.Helper()
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s writes %q raw:\n%s", what, bad, out)
			}
		}
		if !strings.Contains(out, `\x1b`) {
			t.Errorf("%s does not show the escape as \\x1b:\n%s", what, out)
		}
	}
	var b bytes.Buffer
	if err := Card(&b, &en, nil, Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	check("card", b.String())
	b.Reset()
	if err := ListTable(&b, testSelection(q, h.Contract.Club, Within(q.AsOf, 12, 'm'), h.Contract), Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	check("club table", b.String())
	b.Reset()
	tl := NewTimeline(h.Contract.Club, []Entry{en}, q)
	if err := tl.WriteTerminal(&b, 80, false); err != nil {
		t.Fatal(err)
	}
	check("timeline", b.String())
	b.Reset()
	if err := tl.Chart().WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	check("SVG timeline", b.String())
}

// FuzzClean: whatever the text, Clean leaves nothing that can drive a
// terminal (no C0, DEL or C1 control, no bidi or other format control, no
// invalid UTF-8), keeps text that needs no cleaning as it is, and is
// stable: cleaning again changes nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"Konaté", "\x1b]0;pwned\x07", "a\u202eb", "\xff\xfe", "\u009b2J", "می\u200cخواهم"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !utf8.ValidString(c) {
			t.Fatalf("Clean(%q) = %q: not UTF-8", s, c)
		}
		for _, r := range c {
			if unsafeRune(r, utf8.RuneLen(r)) && r != utf8.RuneError {
				t.Fatalf("Clean(%q) = %q keeps %U", s, c, r)
			}
		}
		if Clean(c) != c {
			t.Fatalf("Clean is not stable on %q: %q then %q", s, c, Clean(c))
		}
		safe := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unsafeRune(r, utf8.RuneLen(r)) })
		if safe && c != s {
			t.Fatalf("Clean(%q) = %q changes safe text", s, c)
		}
	})
}

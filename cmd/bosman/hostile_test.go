package main

import (
	"regexp"
	"strings"
	"testing"
)

// Escape sequences, bells and bidi controls in a dataset's names, clubs,
// sources and notes reach neither stdout nor stderr raw (issue: the window
// title set by "\x1b]0;pwned\x07"): the card, the club table, the timeline,
// the ambiguity list and the suggestions show them escaped.
func TestHostileTextIsShownEscaped(t *testing.T) {
	data := "testdata/data/hostile.csv"
	asOf := "--as-of=2025-10-07"
	for _, args := range [][]string{
		{"player", "Evil One", "--data", data, asOf},
		{"player", "Evil", "--data", data, asOf}, // two match: the list on stderr
		{"player", "Evl", "--data", data, asOf},  // none: the suggestions
		{"club", "Bad", "--data", data, "--all", asOf},
		{"timeline", "Bad", "--data", data, "--all", asOf},
		{"timeline", "Bad", "--data", data, "--all", "--format", "svg", asOf},
	} {
		stdout, stderr, code := run(t, nil, args...)
		if code != 0 && code != 1 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(stdout, bad) || strings.Contains(stderr, bad) {
				t.Errorf("%v writes %q raw:\n%s\n%s", args, bad, stdout, stderr)
			}
		}
		if !strings.Contains(stdout+stderr, `\x1b`) && !strings.Contains(stdout+stderr, `\u202e`) {
			t.Errorf("%v: the escapes are not shown:\n%s\n%s", args, stdout, stderr)
		}
	}
}

// A club's or a player's name as bosman shows it, escapes written out,
// finds the row of the data it was written from: a hint's "did you mean"
// can be copied.
func TestEscapedNameFindsItsRow(t *testing.T) {
	data := "testdata/data/hostile.csv"
	for _, tc := range []struct{ args []string }{
		{[]string{"club", `Bad\x1b[2J FC`, "--all"}},
		{[]string{"player", `\x1b]0;pwned\x07Evil One`}},
	} {
		stdout, stderr, code := run(t, nil, append(tc.args, "--data", data, "--as-of=2025-10-07")...)
		if code != 0 || !strings.Contains(stdout, `Bad\x1b[2J FC`) {
			t.Errorf("%v: exit %d\n%s\n%s", tc.args, code, stdout, stderr)
		}
	}
}

// COLUMNS is held to report.MaxWidth: a huge value neither allocates
// gigabytes nor draws a row wider than the cap.
func TestHugeColumnsIsCapped(t *testing.T) {
	for _, cols := range []string{"2147483647", "99999999999999999999", "-5", "wide"} {
		stdout, stderr, code := run(t, map[string]string{"COLUMNS": cols}, "timeline", "Liverpool", "--as-of=2025-10-07")
		if code != 0 {
			t.Fatalf("COLUMNS=%s: exit %d: %s", cols, code, stderr)
		}
		for _, l := range strings.Split(stdout, "\n") {
			if n := len([]rune(l)); n > 500 {
				t.Errorf("COLUMNS=%s: a line of %d columns", cols, n)
			}
		}
	}
}

// A card asked about a day before the player's birth says so, without a
// negative age: Konaté, born 25 May 1999, asked about 1 Jan 1999.
func TestCardBeforeBirth(t *testing.T) {
	stdout, stderr, code := run(t, nil, "player", "Konate", "--as-of", "1999-01-01")
	if code != 0 && code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if regexp.MustCompile(`\(-[0-9]`).MatchString(stdout) {
		t.Errorf("negative age:\n%s", stdout)
	}
	if code == 0 && !strings.Contains(stdout, "born 25 May 1999 (not yet born on 1 Jan 1999)") {
		t.Errorf("card does not say he was not yet born:\n%s", stdout)
	}
}

// At 60 columns the card, the club table and the timeline fit: tables
// drop or shorten columns before a line is wider, prose wraps (a URL, which
// cannot be broken, excepted).
func TestFitsSixtyColumns(t *testing.T) {
	asOf := "--as-of=2025-10-07"
	for _, args := range [][]string{
		{"player", "Konate", asOf},
		{"player", "Alaba", "--to", "ENG", asOf},
		{"club", "Liverpool", "--within", "2y", asOf},
		{"club", "Real Madrid", "--to", "ENG", asOf},
		{"timeline", "Liverpool", "--within", "2y", asOf},
	} {
		stdout, stderr, code := run(t, map[string]string{"COLUMNS": "60"}, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		for _, l := range strings.Split(stdout, "\n") {
			if n := len([]rune(l)); n > 60 && !strings.Contains(l, "https://") {
				t.Errorf("%v: a line of %d columns: %q", args, n, l)
			}
		}
	}
}

package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden from the current output")

// run runs bosman in-process with a fixed environment.
func run(t testing.TB, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code = Main(append([]string{"bosman"}, args...), strings.NewReader(""), &out, &errb, getenv)
	return out.String(), errb.String(), code
}

// TestCommandLine runs every command, format and error class against the
// embedded data and files in testdata, comparing stdout, stderr and the
// exit status with testdata/golden/NAME.golden. Run 'go test -update' to
// rewrite them, then read the diff before committing.
func TestCommandLine(t *testing.T) {
	asOf := "--as-of=2025-10-07"
	named := "testdata/data/tm_named_extract.csv"
	cases := []struct {
		name string
		args []string
		code int
	}{
		// player: the headline questions, every format
		{"player-konate", []string{"player", "Konate", asOf}, 0},
		{"player-konate-accented-flags-first", []string{asOf, "--format", "csv", "player", "Konaté"}, 0},
		{"player-rudiger-to-eng-json", []string{"player", "Ruediger", "--to", "ENG", "--format", "json", asOf}, 0},
		{"player-alaba-tsv", []string{"player", "alaba", "--format", "tsv", asOf}, 0},
		{"player-alaba-markdown", []string{"player", "Alaba", "--format", "markdown", asOf}, 0},
		{"player-alaba-to-club", []string{"player", "Alaba", "--to", "Liverpool", asOf}, 0},
		{"player-saliba-before-renewal", []string{"player", "Saliba", "--as-of", "2025-09-01", "--format", "csv"}, 0},
		{"player-saliba-after-renewal", []string{"player", "Saliba", "--as-of", "2025-10-07", "--format", "csv"}, 0},
		{"player-konate-free", []string{"player", "Konate", "--as-of", "2026-07-02"}, 0},
		{"player-stale-club", []string{"player", "Mbappe", "--data", named, asOf}, 0},
		// MLS, research example 7: the age decides Free Agency or the Re-Entry Draft
		{"player-mls-veteran", []string{"player", "Veteran", "--data", "testdata/data/mls.csv", "--as-of", "2026-03-01"}, 0},
		{"player-mls-young", []string{"player", "Young", "--data", "testdata/data/mls.csv", "--as-of", "2026-03-01"}, 0},
		// club
		{"club-liverpool", []string{"club", "Liverpool", asOf}, 0},
		{"club-real-madrid-season-csv", []string{"club", "Real Madrid", "--season", "2025/26", "--format", "csv", asOf}, 0},
		{"club-real-madrid-to-eng", []string{"club", "Real Madrid", "--within", "9m", "--to", "ENG", asOf}, 0},
		{"club-all-json", []string{"club", "Arsenal", "--all", "--format", "json", asOf}, 0},
		{"club-liverpool-markdown", []string{"club", "Liverpool", "--format", "markdown", "--to", "ESP", asOf}, 0},
		{"player-salah-markdown-sources", []string{"player", "Salah", "--format", "markdown", "--sources", "--as-of", "2026-04-01"}, 0},
		// export
		{"export-liverpool-csv", []string{"export", "--club", "Liverpool", asOf}, 0},
		{"export-esp-json", []string{"export", "--association", "ESP", "--expiring-before", "2027-01-01", "--format", "json", asOf}, 0},
		{"export-named-tsv", []string{"export", "--data", named, "--format", "tsv", asOf}, 0},
		{"export-named-ics", []string{"export", "--data", named, "--format", "ics", "--expiring-before", "2027-01-01", asOf}, 0},
		{"export-named-markdown", []string{"export", "--data", named, "--format", "markdown", asOf}, 0},
		// the calendar of a query: England's registration periods, each deadline day once, from 1 Feb 2026
		{"export-named-ics-to-eng-from", []string{"export", "--data", named, "--format", "ics", "--to", "ENG", "--from", "2026-02-01", "--expiring-before", "2027-01-01", asOf}, 0},
		// rules
		{"rules-list", []string{"rules", asOf}, 0},
		{"rules-eng", []string{"rules", "ENG"}, 0},
		{"rules-ita-markdown", []string{"rules", "ita", "--format", "markdown"}, 0},
		// validate
		{"validate-good", []string{"validate", named}, 0},
		{"validate-bad", []string{"validate", "testdata/data/bad_rows.csv"}, 1},
		// completion and version
		{"completion-bash", []string{"completion", "bash"}, 0},
		// errors: data (1)
		{"error-no-player", []string{"player", "Konatee", asOf}, 1},
		{"error-ambiguous", []string{"player", "Hernandez", "--data", "testdata/data/ambiguous.csv", asOf}, 1},
		{"error-no-club", []string{"club", "Liverpol", asOf}, 1},
		{"error-bad-dataset", []string{"export", "--data", "testdata/data/bad_rows.csv", asOf}, 1},
		{"error-skip-invalid", []string{"export", "--data", "testdata/data/bad_rows.csv", "--skip-invalid", asOf}, 0},
		{"error-missing-file", []string{"export", "--data", "testdata/data/nope.csv", asOf}, 1},
		{"error-no-rule-set", []string{"rules", "ENX"}, 2},
		// errors: usage (2)
		{"usage-unknown-command", []string{"playr", "Konate"}, 2},
		{"usage-unknown-flag", []string{"player", "--formt", "json", "Konate"}, 2},
		{"usage-bad-as-of", []string{"player", "Konate", "--as-of", "+026-10-07"}, 2}, // issue 12 #15: a sign is not a year
		{"usage-bad-format", []string{"player", "Konate", "--format", "xml", asOf}, 2},
		{"usage-no-name", []string{"player", asOf}, 2},
		{"usage-bad-within", []string{"club", "Liverpool", "--within", "soon", asOf}, 2},
		{"usage-no-command", []string{}, 2},
		{"usage-output-xlsx", []string{"export", "--output", "windows.xlsx", asOf}, 2},
		{"usage-from-not-ics", []string{"export", "--from", "2026-01-01", asOf}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := run(t, nil, c.args...)
			if code != c.code {
				t.Errorf("exit status %d, want %d\nstderr: %s", code, c.code, stderr)
			}
			if code != 0 && stdout != "" && !strings.HasPrefix(c.name, "validate") {
				t.Errorf("stdout on error: %q", stdout)
			}
			if strings.Contains(stderr, "internal error") {
				t.Errorf("panic: %s", stderr)
			}
			for _, line := range strings.Split(strings.TrimRight(stderr, "\n"), "\n") {
				if line != "" && !strings.HasPrefix(line, "bosman: ") && !strings.HasPrefix(line, "   ") && !strings.HasPrefix(line, "Did you") {
					t.Errorf("stderr line without the bosman: prefix: %q", line)
				}
			}
			got := fmt.Sprintf("$ bosman %s\n--- exit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(c.args, " "), code, stdout, stderr)
			compareGolden(t, filepath.Join("testdata", "golden", c.name+".golden"), got)
		})
	}
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run go test -update and read git diff):\n%s", path, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %q\n got: %q", i+1, a, b)
		}
	}
	return ""
}

// Every command's --help shows an example, on stdout, exit 0.
func TestHelpShowsExamples(t *testing.T) {
	for _, cmd := range []string{"player", "club", "export", "rules", "validate", "completion"} {
		stdout, stderr, code := run(t, nil, cmd, "--help")
		if code != 0 || !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "bosman "+cmd) {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q: want examples", cmd, code, stdout, stderr)
		}
	}
	stdout, _, code := run(t, nil, "--help")
	if code != 0 || !strings.Contains(stdout, "Examples:") {
		t.Errorf("--help: exit %d, %q", code, stdout)
	}
	stdout, _, code = run(t, nil, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "bosman ") {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
}

// The as-of date defaults to today, and BOSMAN_TODAY fixes today.
func TestToday(t *testing.T) {
	stdout, _, code := run(t, map[string]string{"BOSMAN_TODAY": "2026-01-02"}, "player", "Konate", "--format", "csv")
	if code != 0 || !strings.Contains(stdout, ",foreign-precontract-open,") {
		t.Fatalf("as of 2 Jan 2026 Konaté's foreign window is open: exit %d, %q", code, stdout)
	}
}

// A text cell that a spreadsheet would read as a formula is neutralised.
func TestCSVNeutralisesFormulas(t *testing.T) {
	stdout, stderr, code := run(t, nil, "export", "--data", "testdata/data/formula.csv", "--as-of", "2025-10-07")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, `,"'=HYPERLINK(""x"")",`) || !strings.Contains(stdout, ",'+cmd,") || !strings.Contains(stdout, ",'@SUM(A1),") {
		t.Fatalf("formulas not neutralised:\n%s", stdout)
	}
}

// --output writes the file, and colour appears only with a terminal.
func TestOutputFileAndNoColor(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "w.csv")
	stdout, stderr, code := run(t, nil, "export", "--club", "Liverpool", "--output", out, "--as-of", "2025-10-07")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "player_id,player,") {
		t.Fatalf("output file: %v %q", err, b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	if strings.Contains(string(b), "\x1b[") {
		t.Fatalf("colour in a file")
	}
}

// Colour only where asked for: CLICOLOR_FORCE stands in for a terminal;
// NO_COLOR and --no-color win over it. (120 columns: the table keeps the
// date abroad and the status in words.)
func TestColour(t *testing.T) {
	args := []string{"club", "Liverpool", "--as-of", "2026-01-05"}
	env := func(kv ...string) map[string]string {
		m := map[string]string{"COLUMNS": "120"}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	plain, _, _ := run(t, env(), args...)
	forced, _, _ := run(t, env("CLICOLOR_FORCE", "1"), args...)
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("colour without a terminal")
	}
	if !strings.Contains(forced, "\x1b[32m2026-01-01\x1b[0m") || !strings.Contains(forced, "\x1b[33mcan sign abroad\x1b[0m") {
		t.Errorf("no colour with CLICOLOR_FORCE:\n%s", forced)
	}
	for _, e := range []map[string]string{env("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), env("CLICOLOR_FORCE", "1", "TERM", "dumb")} {
		if out, _, _ := run(t, e, args...); out != plain {
			t.Errorf("%v: colour or other output", e)
		}
	}
	if out, _, _ := run(t, env("CLICOLOR_FORCE", "1"), append(args, "--no-color")...); out != plain {
		t.Errorf("--no-color: colour")
	}
}

// The flags stay what they were once nameFlags has given them their names:
// the zsh script marks the repeatable ones (StringSliceFlag) '*' so that
// zsh offers them again, and 'player --no-color x' takes no value.
func TestNamedFlagsKeepTheirKind(t *testing.T) {
	out, _, code := run(t, nil, "completion", "zsh")
	if code != 0 {
		t.Fatal(code)
	}
	for _, f := range []string{"position", "status", "data", "map"} {
		if !strings.Contains(out, "'*--"+f+"[") {
			t.Errorf("zsh script does not mark --%s repeatable", f)
		}
	}
	if strings.Contains(out, "'*--sort[") {
		t.Error("zsh script marks --sort repeatable")
	}
	_, valued := flagIndex(newApp(&streams{}))
	if valued["no-color"] || !valued["position"] || !valued["limit"] {
		t.Errorf("valued: no-color %v, position %v, limit %v; want false, true, true", valued["no-color"], valued["position"], valued["limit"])
	}
}

// flagNames gives every flag of bosman the names cli.FlagNames gives it
// (nameFlags), and cuts names as it does: at the first comma or space.
func TestFlagNames(t *testing.T) {
	app := newApp(&streams{})
	n := 0
	check := func(fs []cli.Flag) {
		for _, f := range fs {
			v := reflect.ValueOf(f).Elem()
			if v.Kind() == reflect.Struct && v.NumField() == 2 && v.Field(0).Kind() == reflect.Pointer {
				v = v.Field(0).Elem() // nameFlags' wrapper: the urfave/cli flag in it
			}
			name := v.FieldByName("Name").String()
			aliases := v.FieldByName("Aliases").Interface().([]string)
			if want := cli.FlagNames(name, aliases); !slices.Equal(f.Names(), want) {
				t.Errorf("--%s: names %q, cli.FlagNames gives %q", name, f.Names(), want)
			}
			n++
		}
	}
	check(app.Flags)
	for _, c := range app.Commands {
		check(c.Flags)
		for _, sub := range c.Subcommands {
			check(sub.Flags)
		}
	}
	if n < 100 {
		t.Errorf("checked %d flags; bosman has more than 100 (each command has the global ones)", n)
	}
	for _, c := range []struct {
		name    string
		aliases []string
	}{
		{"as-of", nil},
		{"format, f", []string{"o"}},
		{"data file", []string{"d,", " x"}},
		{"a,,b c", []string{""}},
		{"line\nbreak, x", []string{"y z"}},
	} {
		if got, want := flagNames(c.name, c.aliases), cli.FlagNames(c.name, c.aliases); !slices.Equal(got, want) {
			t.Errorf("flagNames(%q, %q) = %q, cli.FlagNames gives %q", c.name, c.aliases, got, want)
		}
	}
}

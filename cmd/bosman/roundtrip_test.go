package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// roundtripData writes a bosman CSV of good contracts, each of another
// player, with bad rows and exact duplicates of good rows added.
func roundtripData(good, bad, dups int) string {
	assocs := [][2]string{{"ENG", "GB1"}, {"ESP", "ES1"}, {"GER", "L1"}, {"ITA", "IT1"}, {"FRA", "FR1"}, {"TUR", "TR1"}, {"SCO", "SC1"}}
	badRows := []string{
		"9001,Bad Date,1990-01-01,France,Centre-Back,Club X,FRA,FR1,,,2026-02-30,,,,,,,\n",
		"9002,Bad Association,1990-01-01,France,Centre-Back,Club X,XYZ,,,,2026-06-30,,,,,,,\n",
		"9003,Short Row,1990-01-01\n",
		",,1990-01-01,France,Centre-Back,Club X,FRA,FR1,,,2026-06-30,,,,,,,\n",
		"9005,Bad Holder,1990-01-01,France,Centre-Back,Club X,FRA,FR1,,,2026-06-30,2027-06-30,agent,,,,,\n",
	}
	var b strings.Builder
	b.WriteString(fuzzBosmanHeader)
	var rows []string
	for i := 0; i < good; i++ {
		a := assocs[i%len(assocs)]
		exp := fmt.Sprintf("%d-06-30", 2026+i%4)
		if a[0] == "TUR" {
			exp = fmt.Sprintf("%d-05-31", 2026+i%4)
		}
		signed := ""
		if i%3 == 0 {
			signed = fmt.Sprintf("%d-0%d-15", 2022+i%3, 1+i%9)
		}
		rows = append(rows, fmt.Sprintf("%d,Player %d,%d-0%d-1%d,France,Centre-Back,Club %s %d,%s,%s,%s,,%s,,,,,https://example.org/%d,2026-07-01,\n",
			1000+i, i, 1985+i%20, 1+i%9, i%10, a[1], i%20, a[0], a[1], signed, exp, i))
	}
	for i, r := range rows {
		b.WriteString(r)
		if i < dups {
			b.WriteString(r)
		}
		if i < bad {
			b.WriteString(badRows[i%len(badRows)])
		}
	}
	return b.String()
}

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// leftovers lists the files of dir other than keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
next:
	for _, e := range entries {
		for _, k := range keep {
			if e.Name() == k {
				continue next
			}
		}
		extra = append(extra, e.Name())
	}
	return extra
}

// TestOutputFailureKeepsOldFile: when export fails, the file --output names
// is as it was and no temporary file is left beside it.
func TestOutputFailureKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "bad.csv", fuzzBosmanHeader+"1,A,,,,Club,ENG,GB1,,,2026-02-30,,,,,,,\n")
	writeTemp(t, dir, "good.csv", roundtripData(20, 0, 0))
	writeTemp(t, dir, "out.csv", "old contents\n")
	for _, args := range [][]string{
		{"export", "--data", "bad.csv", "--output", "out.csv"},                            // the input is bad
		{"export", "--data", "good.csv", "--club", "No Such Club", "--output", "out.csv"}, // a query error after loading
		{"export", "--data", "good.csv", "--format", "xml", "--output", "out.csv"},        // a usage error
	} {
		code, _, stderr := runBounded(t, args...)
		if code == 0 {
			t.Fatalf("%v: exit 0", args)
		}
		if !strings.Contains(stderr, "error:") {
			t.Errorf("%v: stderr has no error:\n%s", args, stderr)
		}
		if b, _ := os.ReadFile("out.csv"); string(b) != "old contents\n" {
			t.Errorf("%v: out.csv is now %q", args, b)
		}
		if extra := leftovers(t, dir, "bad.csv", "good.csv", "out.csv"); len(extra) > 0 {
			t.Errorf("%v: left %v behind", args, extra)
		}
	}

	// --output names a directory: refused before anything is written
	if err := os.Mkdir("outdir", 0o755); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, dir, "outdir/keep", "old contents\n")
	code, _, stderr := runBounded(t, "export", "--data", "good.csv", "--output", "outdir")
	if code != 1 || !strings.Contains(stderr, "outdir") {
		t.Errorf("--output a directory: exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile("outdir/keep"); string(b) != "old contents\n" {
		t.Errorf("--output a directory: its file is now %q", b)
	}
	if extra := leftovers(t, dir, "bad.csv", "good.csv", "out.csv", "outdir"); len(extra) > 0 {
		t.Errorf("--output a directory: left %v behind", extra)
	}

	// a directory bosman may not write in
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, ro, "out.csv", "old contents\n")
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(ro, 0o755)
	if f, err := os.CreateTemp(ro, "probe"); err == nil { // root writes anyway
		f.Close()
		os.Remove(f.Name())
		t.Log("running as a user who may write in a read-only directory: that case is skipped")
		return
	}
	code, _, stderr = runBounded(t, "export", "--data", "good.csv", "--output", "ro/out.csv")
	if code != 1 || !strings.Contains(stderr, "ro/out.csv") {
		t.Errorf("read-only directory: exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(ro, "out.csv")); string(b) != "old contents\n" {
		t.Errorf("read-only directory: out.csv is now %q", b)
	}
	if extra := leftovers(t, ro, "out.csv"); len(extra) > 0 {
		t.Errorf("read-only directory: left %v behind", extra)
	}
}

// TestOutputIsNotAnInput: bosman will not write over a file it reads, however
// the path is spelt.
func TestOutputIsNotAnInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	content := roundtripData(10, 0, 0)
	writeTemp(t, dir, "in.csv", content)
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "in.csv"), filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"in.csv", "./in.csv", "sub/../in.csv", filepath.Join(dir, "in.csv"), "link.csv"} {
		code, stdout, stderr := runBounded(t, "export", "--data", "in.csv", "--output", out)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "will not write over its input") {
			t.Errorf("--output %s: exit %d, stderr:\n%s", out, code, stderr)
		}
		if b, _ := os.ReadFile("in.csv"); string(b) != content {
			t.Fatalf("--output %s changed the input", out)
		}
	}
	if extra := leftovers(t, dir, "in.csv", "sub", "link.csv"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

// TestRowsAccounted: every row read is exported, reported invalid, or merged
// into an identical one.
func TestRowsAccounted(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	// 400 players, 7 bad rows, 3 rows repeated exactly: 410 rows
	writeTemp(t, dir, "in.csv", roundtripData(400, 7, 3))
	code, stdout, stderr := runBounded(t, "validate", "in.csv")
	if code != 1 {
		t.Fatalf("validate: exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "in.csv: bosman CSV; 410 rows read, 400 loaded, 7 invalid, 3 merged as duplicates; 7 errors, 3 warnings\n"; !strings.HasSuffix(stdout, want) {
		t.Errorf("validate says\n%swant last line\n%s", stdout, want)
	}
	code, stdout, stderr = runBounded(t, "export", "--data", "in.csv", "--skip-invalid", "--format", "csv")
	if code != 0 {
		t.Fatalf("export --skip-invalid: exit %d\n%s", code, stderr)
	}
	recs := readCSV(t, stdout)
	if len(recs)-1 != 400 {
		t.Errorf("exported %d rows, want 400", len(recs)-1)
	}
	if !strings.Contains(stderr, "skipped 7 invalid rows of 410") {
		t.Errorf("stderr does not give the skipped rows:\n%s", stderr)
	}
}

func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("%v in\n%s", err, s)
	}
	return recs
}

// windowColumns are the export's columns that a reload must reproduce.
var windowColumns = []string{"player_id", "player", "club", "association", "contract_expires",
	"free_agent_from", "foreign_precontract_from", "domestic_precontract_from", "status",
	"days_to_free_agency", "workdays_to_free_agency",
	"data_as_of", "data_status", "position", "sub_position", "nationality", "age", "market_value_eur"}

func project(t *testing.T, recs [][]string) []string {
	t.Helper()
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	var out []string
	for _, r := range recs {
		var f []string
		for _, c := range windowColumns {
			i, ok := idx[c]
			if !ok {
				t.Fatalf("export has no column %s", c)
			}
			f = append(f, r[i])
		}
		out = append(out, strings.Join(f, ","))
	}
	return out
}

// TestExportReloads: bosman's CSV export loads back into bosman, and a second
// export gives the same windows.
func TestExportReloads(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", roundtripData(300, 0, 0))
	for _, c := range []struct{ name, data string }{{"generated", "in.csv"}, {"embedded", ""}} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"export", "--format", "csv", "--as-of", "2026-11-28", "--output", "first.csv"}
			if c.data != "" {
				args = append(args, "--data", c.data)
			}
			if code, _, stderr := runBounded(t, args...); code != 0 {
				t.Fatalf("first export: exit %d\n%s", code, stderr)
			}
			first, _ := os.ReadFile("first.csv")
			code, stdout, stderr := runBounded(t, "export", "--format", "csv", "--as-of", "2026-11-28", "--data", "first.csv")
			if code != 0 {
				t.Fatalf("export of the export: exit %d\n%s", code, stderr)
			}
			if strings.Contains(stderr, "not one bosman knows") {
				t.Errorf("the export's columns do not load back quietly:\n%s", stderr)
			}
			a, b := project(t, readCSV(t, string(first))), project(t, readCSV(t, stdout))
			if len(a) != len(b) {
				t.Fatalf("%d rows, then %d", len(a), len(b))
			}
			if len(a) < 100 {
				t.Fatalf("only %d rows exported", len(a))
			}
			// The export has no league column (its 17 columns are the
			// documented contract), yet an MLS contract comes back under
			// the MLS rule set: a row of an MLS club that gives no league
			// is read as MLS1 (contracts.LoadOptions.NoInfer), so every
			// row must be identical.
			for i := range a {
				if a[i] != b[i] {
					t.Errorf("row %d:\nfirst  %s\nreload %s", i, a[i], b[i])
				}
			}
		})
	}
}

// TestLateBadRow: a bad row after thousands of good ones, which a streamed
// export has already computed and written. The export is streamed, not
// spooled to a temporary file (that left an output-sized file behind on
// every broken pipe), so to a pipe the rows written before the bad one
// stay written and the exit status, 1, says the output is not whole; a
// redirected file is cut back (TestStdoutFileCutBack); --output leaves the
// file as it was. README recommends --output for all or nothing.
func TestLateBadRow(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", streamedRows(5000, "9999,Late,Club X,FRA,2026-02-30\n"))
	writeTemp(t, dir, "out.csv", "old contents\n")
	code, stdout, stderr := runBounded(t, "export", "--data", "in.csv", "--format", "csv")
	if code != 1 || !strings.Contains(stderr, "in.csv:5002:5:") {
		t.Errorf("to stdout: exit %d, stderr:\n%s", code, stderr)
	}
	if lines := strings.Count(stdout, "\n"); lines > 5001 || strings.Contains(stdout, "Late") {
		t.Errorf("to stdout: %d lines, the bad row among them or more than were read", lines)
	}
	code, _, stderr = runBounded(t, "export", "--data", "in.csv", "--format", "csv", "--output", "out.csv")
	if code != 1 || !strings.Contains(stderr, "in.csv:5002:5:") {
		t.Errorf("--output: exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile("out.csv"); string(b) != "old contents\n" {
		t.Errorf("out.csv is now %d bytes", len(b))
	}
	if extra := leftovers(t, dir, "in.csv", "out.csv"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

// TestNeutralisedRoundTrip: cells neutralised for spreadsheets load back
// as they were (issue: -1 was written '-1 and loaded back as '-1); a plain
// number is not neutralised at all.
func TestNeutralisedRoundTrip(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	ids := []string{"-1", "=1+1", "'=x", "@SUM(A1)", "+44 20 7946", "''-2", "'plain"}
	var b strings.Builder
	b.WriteString("player_id,player,club,association,contract_expires\n")
	for i, id := range ids {
		fmt.Fprintf(&b, "%q,\"%s\",Club %d,ENG,2026-06-30\n", id, "-Player "+id, i)
	}
	writeTemp(t, dir, "in.csv", b.String())
	for _, format := range []string{"csv", "tsv"} {
		out := "out." + format
		if code, _, stderr := runBounded(t, "export", "--data", "in.csv", "--output", out); code != 0 {
			t.Fatalf("%s: exit %d\n%s", format, code, stderr)
		}
		written, _ := os.ReadFile(out)
		if !strings.Contains(string(written), "\n-1"+map[string]string{"csv": ",", "tsv": "\t"}[format]) {
			t.Errorf("%s: the id -1 is not written as the number it is:\n%s", format, written)
		}
		if !strings.Contains(string(written), "'=1+1") {
			t.Errorf("%s: =1+1 is not neutralised:\n%s", format, written)
		}
		code, stdout, stderr := runBounded(t, "export", "--data", out, "--format", "json")
		if code != 0 {
			t.Fatalf("%s reload: exit %d\n%s", format, code, stderr)
		}
		for _, id := range ids {
			if !strings.Contains(stdout, fmt.Sprintf(`"player_id": %q, "player": %q`, id, "-Player "+id)) {
				t.Errorf("%s: id %q or its player did not come back as it was:\n%s", format, id, stdout)
			}
		}
	}
}

// streamedRows is a CSV of n good rows without signing dates, which an
// export streams as it reads them, then the row last.
func streamedRows(n int, last string) string {
	var b strings.Builder
	b.WriteString("player_id,player,club,association,contract_expires\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,Player %d,Club %d,ENG,2026-06-30\n", 100000+i, i, i%20)
	}
	return b.String() + last
}

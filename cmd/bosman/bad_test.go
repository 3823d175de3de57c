package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var updateBad = flag.Bool("update-bad", false, "rewrite testdata/bad/*.golden from the current output")

// badDir holds malformed inputs, one a case, and the golden output of each:
// what the user sees from 'bosman export --data FILE' and 'bosman validate
// FILE', or from 'bosman rules --rules DIR' for the rule directories.
var badDir = filepath.Join("..", "..", "testdata", "bad")

// badTimeout bounds each run: a malformed input must end, not hang. It is
// a hang detector, not a speed check: generous enough for a loaded 2-core
// machine running the test packages side by side (a PNG of a big club took
// over 10 s there).
const badTimeout = 60 * time.Second

// runBounded runs bosman with args in the current directory and returns
// what it wrote, failing the test when it takes longer than badTimeout.
func runBounded(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var out, errb bytes.Buffer
		c := Main(append([]string{"bosman"}, args...), strings.NewReader(""), &out, &errb,
			func(k string) string {
				if k == "BOSMAN_TODAY" {
					return "2026-11-28"
				}
				return ""
			})
		done <- result{c, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		if strings.Contains(r.stderr, "internal error") {
			t.Errorf("bosman %s: internal error:\n%s", strings.Join(args, " "), r.stderr)
		}
		return r.code, r.stdout, r.stderr
	case <-time.After(badTimeout):
		t.Fatalf("bosman %s: still running after %v", strings.Join(args, " "), badTimeout)
		return 0, "", ""
	}
}

// transcript runs the commands and writes what a user sees: each command,
// its exit status, and its output (stdout of validate, which is its report,
// and stderr).
func transcript(t *testing.T, cmds ...[]string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range cmds {
		code, stdout, stderr := runBounded(t, args...)
		fmt.Fprintf(&b, "$ bosman %s\n", strings.Join(args, " "))
		if args[0] == "validate" {
			b.WriteString(stdout)
		} else if code != 0 && stdout != "" {
			t.Errorf("bosman %s: exit %d with output on stdout:\n%s", strings.Join(args, " "), code, stdout)
		}
		b.WriteString(stderr)
		fmt.Fprintf(&b, "exit %d\n", code)
	}
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *updateBad {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	compareGolden(t, path, got)
}

// badButLoads are the cases bosman loads, each with the warning it must
// give ("" when it gives none yet).
var badButLoads = map[string]string{
	"header_only.csv":           "no data rows",
	"duplicate_header.csv":      "a column named twice",
	"duplicate_conflicting.csv": "two expiries for one contract",
	"bom_in_middle.csv":         "", // loads silently, the BOM kept in the player id: reported
	"cr_line_ends.csv":          "", // old Mac line ends are read, with a note
	"excel_habits.csv":          "", // sep=, month-first dates and blank rows are read, with notes
	// hostile text for the writers: each loads, and its export in
	// hostileOutput shows it written safely
	"ics_injection.csv":      "",
	"markdown_injection.csv": "",
	"formula_cells.csv":      "",
	"same_name_no_ids.csv":   "",
}

// hostileOutput are the cases whose export is the point: the format it is
// shown in, stdout and all, in the golden.
var hostileOutput = map[string]string{
	"ics_injection.csv":      "ics",
	"markdown_injection.csv": "markdown",
	"formula_cells.csv":      "csv",
	"same_name_no_ids.csv":   "ics",
	"year_9999.csv":          "ics",
}

// showExport is the transcript of exporting name in format, with stdout.
func showExport(t *testing.T, name, format string) string {
	args := []string{"export", "--data", name, "--format", format}
	code, stdout, stderr := runBounded(t, args...)
	return fmt.Sprintf("$ bosman %s\n%s%sexit %d\n", strings.Join(args, " "), stdout, stderr, code)
}

// TestBadData runs every malformed dataset of testdata/bad through export
// and validate and compares what the user sees with its golden file.
func TestBadData(t *testing.T) {
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(badDir) // file names in the messages are as a user would type them
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".golden") || strings.HasSuffix(name, ".md") {
			continue
		}
		n++
		t.Run(name, func(t *testing.T) {
			got := transcript(t,
				[]string{"export", "--data", name, "--format", "csv"},
				[]string{"validate", name})
			if f, ok := hostileOutput[name]; ok {
				got += showExport(t, name, f)
			}
			switch reason, ok := badButLoads[name]; {
			case !ok && !strings.Contains(got, "exit 1\n"):
				t.Errorf("%s: no command failed:\n%s", name, got)
			case ok && reason != "" && !strings.Contains(got, "warning:"):
				t.Errorf("%s: loaded without a warning (%s):\n%s", name, reason, got)
			}
			checkGolden(t, strings.TrimSuffix(name, filepath.Ext(name))+".golden", got)
		})
	}
	if n < 30 {
		t.Errorf("%d bad datasets, want at least 30", n)
	}
}

// TestBadRules runs 'bosman rules --rules DIR' on each directory of
// testdata/bad/rules.
func TestBadRules(t *testing.T) {
	dir := filepath.Join(badDir, "rules")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(badDir)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			got := transcript(t, []string{"rules", "--rules", filepath.ToSlash(filepath.Join("rules", name))})
			if !strings.HasSuffix(got, "exit 1\n") {
				t.Errorf("rules in %s accepted:\n%s", name, got)
			}
			checkGolden(t, filepath.Join("rules", name+".golden"), got)
		})
	}
}

// TestBadHugeField reads a dataset with a 100 MB field: bosman must refuse
// it quickly and without holding the field in memory.
func TestBadHugeField(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100 MB file")
	}
	golden, err := filepath.Abs(filepath.Join(badDir, "huge_field.golden"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "huge_field.csv"))
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(fuzzBosmanHeader)
	w.WriteString("1,Ibrahima Konaté,1999-05-25,France,Centre-Back,Liverpool FC,ENG,GB1,,2021-07-01,2026-06-30,,,,,https://example.org,2025-10-07,")
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for i := 0; i < 100; i++ {
		w.Write(chunk)
	}
	w.WriteString("\n2,Antonio Rüdiger,1993-03-03,Germany,Centre-Back,Real Madrid,ESP,ES1,,2022-07-01,2026-06-30,,,,,https://example.org,2025-10-07,\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	chunk = nil
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample the heap while bosman runs
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	got := transcript(t,
		[]string{"export", "--data", "huge_field.csv", "--format", "csv"},
		[]string{"validate", "huge_field.csv"})
	close(stop)
	<-sampled
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	grew := int64(peak.Load()) - int64(base.HeapAlloc)
	t.Logf("heap grew by at most %d KiB; %d KiB allocated in all", grew>>10, (end.TotalAlloc-base.TotalAlloc)>>10)
	if grew > 64<<20 {
		t.Errorf("heap grew by %d MiB reading a 100 MB field, want under 64 MiB", grew>>20)
	}
	checkGolden(t, golden, got)
}

// TestBadCorpusListed keeps testdata/bad/README.md in step with the cases.
func TestBadCorpusListed(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(badDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	entries, _ := os.ReadDir(badDir)
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".golden") || name == "README.md" || name == "rules" {
			continue
		}
		if !bytes.Contains(readme, []byte("`"+name+"`")) {
			missing = append(missing, name)
		}
	}
	rulesDirs, _ := os.ReadDir(filepath.Join(badDir, "rules"))
	for _, e := range rulesDirs {
		if e.IsDir() && !bytes.Contains(readme, []byte("`rules/"+e.Name()+"`")) {
			missing = append(missing, "rules/"+e.Name())
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("testdata/bad/README.md does not describe: %s", strings.Join(missing, ", "))
	}
}

package main

import (
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// generate writes a transfermarkt-datasets players.csv of rows rows with
// cmd/gendata and returns its path.
func generate(b *testing.B, rows int) string {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "gendata")
	if out, err := exec.Command("go", "build", "-o", bin, "../gendata").CombinedOutput(); err != nil {
		b.Fatalf("building gendata: %v\n%s", err, out)
	}
	path := filepath.Join(dir, "players.csv")
	if out, err := exec.Command(bin, "-rows", strconv.Itoa(rows), "-format", "tmdatasets", "-seed", "1", "-o", path).CombinedOutput(); err != nil {
		b.Fatalf("gendata: %v\n%s", err, out)
	}
	return path
}

func benchExport(b *testing.B, rows int, output bool) {
	path := generate(b, rows)
	args := []string{"bosman", "export", "--data", path, "--format", "csv", "--as-of", "2026-11-28"}
	if output {
		args = append(args, "--output", filepath.Join(b.TempDir(), "windows.csv"))
	}
	getenv := func(string) string { return "" }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var stderr strings.Builder
		if code := Main(args, strings.NewReader(""), io.Discard, &stderr, getenv); code != 0 {
			b.Fatalf("exit %d\n%s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExport1M exports a 1,000,000-row players.csv (about 350 MB).
func BenchmarkExport1M(b *testing.B) {
	if testing.Short() {
		b.Skip("writes and reads a 350 MB file")
	}
	b.Run("stdout", func(b *testing.B) { benchExport(b, 1_000_000, false) })
	b.Run("output", func(b *testing.B) { benchExport(b, 1_000_000, true) })
}

func BenchmarkExport50k(b *testing.B) { benchExport(b, 50_000, false) }

// benchMain runs bosman with args on each round, its output discarded.
func benchMain(b *testing.B, rows int, args ...string) {
	getenv := func(string) string { return "" }
	b.ReportAllocs()
	for b.Loop() {
		var stderr strings.Builder
		if code := Main(append([]string{"bosman"}, args...), strings.NewReader(""), io.Discard, &stderr, getenv); code != 0 {
			b.Fatalf("exit %d\n%s", code, stderr.String())
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkExpiring1M runs expiring over a 1,000,000-row players.csv, read
// row by row with the filters applied to each, against export of the same
// file: "csv" lists all the contracts of the default horizon (about 410,000
// rows held, sorted and written), "table" the 50 most valuable centre-backs
// for a Spanish club.
func BenchmarkExpiring1M(b *testing.B) {
	if testing.Short() {
		b.Skip("writes and reads a 350 MB file")
	}
	const rows = 1_000_000
	path := generate(b, rows)
	asOf := "--as-of=2026-06-01"
	b.Run("export", func(b *testing.B) { benchMain(b, rows, "export", "--data", path, asOf) })
	b.Run("expiring-csv", func(b *testing.B) {
		benchMain(b, rows, "expiring", "--data", path, "--to", "ESP", "--format", "csv", asOf)
	})
	b.Run("expiring-table", func(b *testing.B) {
		benchMain(b, rows, "expiring", "--data", path, "--to", "ESP", "--position", "CB", asOf)
	})
}

// BenchmarkPlayerKonate is one 'bosman player Konate' in-process: the
// embedded market opened, the name resolved, the card written.
func BenchmarkPlayerKonate(b *testing.B) {
	env := map[string]string{"BOSMAN_TODAY": "2025-10-07"}
	for b.Loop() {
		if _, _, code := run(b, env, "player", "Konate"); code != 0 {
			b.Fatal(code)
		}
	}
}

// BenchmarkExpiringEmbedded is 'bosman expiring --to ESP --position CB'
// in-process over the embedded market: opened, every player's contract in
// force picked, the centre-backs answered, the table of 50 written.
func BenchmarkExpiringEmbedded(b *testing.B) {
	env := map[string]string{"BOSMAN_TODAY": "2026-06-12"}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, code := run(b, env, "expiring", "--to", "ESP", "--position", "CB"); code != 0 {
			b.Fatal(code)
		}
	}
}

// BenchmarkVersion is 'bosman --version' in-process: what every command
// costs before its own work (the command line built and parsed).
func BenchmarkVersion(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, code := run(b, nil, "--version"); code != 0 {
			b.Fatal(code)
		}
	}
}

package report

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// generate writes a transfermarkt-datasets players.csv of rows rows with
// cmd/gendata and returns its path.
func generate(b *testing.B, rows int) string {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "gendata")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/gendata").CombinedOutput(); err != nil {
		b.Fatalf("building gendata: %v\n%s", err, out)
	}
	path := filepath.Join(dir, "players.csv")
	if out, err := exec.Command(bin, "-rows", strconv.Itoa(rows), "-format", "tmdatasets", "-seed", "1", "-o", path).CombinedOutput(); err != nil {
		b.Fatalf("gendata: %v\n%s", err, out)
	}
	return path
}

// BenchmarkExportStages times the three stages of an export of 50,000 rows
// one by one: load, compute the windows, write the CSV.
func BenchmarkExportStages(b *testing.B) {
	const rows = 50_000
	path := generate(b, rows)
	book, err := rules.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	asOf, _ := rules.ParseISO("2026-11-28")
	q := &Query{Book: book, AsOf: asOf}
	ds, err := contracts.LoadFile(path, contracts.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := contracts.LoadFile(path, contracts.LoadOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	entries := make([]Entry, len(ds.Contracts))
	b.Run("compute", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i, c := range ds.Contracts {
				entries[i] = q.Answer(c)
			}
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rw, _ := NewRowWriter(io.Discard, "csv", false)
			for i := range entries {
				if err := rw.Write(&entries[i]); err != nil {
					b.Fatal(err)
				}
			}
			if err := rw.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
	_ = os.Remove(path)
}

// BenchmarkExportPipeline1M is a measure, not a part of bosman: the streamed
// export of 1,000,000 rows done serially (load → compute → write in one
// goroutine, as export does) and pipelined (one goroutine loads, another
// computes and writes, batches of rows between them), both to io.Discard
// without the spool file.
func BenchmarkExportPipeline1M(b *testing.B) {
	if testing.Short() {
		b.Skip("writes and reads a 350 MB file")
	}
	const rows = 1_000_000
	path := generate(b, rows)
	book, err := rules.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	asOf, _ := rules.ParseISO("2026-11-28")
	q := &Query{Book: book, AsOf: asOf}
	b.Run("serial", func(b *testing.B) { exportSerial(b, q, path, rows, false) })
	// one entry for all rows: no 256-byte copy per row on the heap
	b.Run("serial-entry-reused", func(b *testing.B) { exportSerial(b, q, path, rows, true) })
	b.Run("pipelined", func(b *testing.B) {
		const batch = 4096
		for b.Loop() {
			ch := make(chan []contracts.Contract, 8)
			free := make(chan []contracts.Contract, 10)
			done := make(chan error, 1)
			go func() {
				rw, _ := NewRowWriter(io.Discard, "csv", false)
				var werr error
				for cs := range ch {
					for i := range cs {
						if werr == nil {
							en := q.Answer(cs[i])
							werr = rw.Write(&en)
						}
					}
					select {
					case free <- cs[:0]:
					default:
					}
				}
				if werr == nil {
					werr = rw.Close()
				}
				done <- werr
			}()
			cur := make([]contracts.Contract, 0, batch)
			opt := contracts.LoadOptions{Each: func(_ *contracts.Dataset, c *contracts.Contract) error {
				cur = append(cur, *c)
				if len(cur) == batch {
					ch <- cur
					select {
					case cur = <-free:
					default:
						cur = make([]contracts.Contract, 0, batch)
					}
				}
				return nil
			}}
			_, err := contracts.LoadFile(path, opt)
			if len(cur) > 0 {
				ch <- cur
			}
			close(ch)
			if werr := <-done; err == nil {
				err = werr
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	})
}

func exportSerial(b *testing.B, q *Query, path string, rows int, reuse bool) {
	for b.Loop() {
		rw, _ := NewRowWriter(io.Discard, "csv", false)
		var shared Entry
		opt := contracts.LoadOptions{Each: func(_ *contracts.Dataset, c *contracts.Contract) error {
			if reuse {
				shared = q.Answer(*c)
				return rw.Write(&shared)
			}
			en := q.Answer(*c)
			return rw.Write(&en)
		}}
		if _, err := contracts.LoadFile(path, opt); err != nil {
			b.Fatal(err)
		}
		if err := rw.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

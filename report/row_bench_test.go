package report

import (
	"io"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// rowBench is 20,000 generated transfermarkt-datasets rows, loaded once:
// the contracts export answers and writes, one after another.
func rowBench(b *testing.B) (*rules.Book, []contracts.Contract) {
	b.Helper()
	path := generate(b, 20_000)
	book, err := rules.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	ds, err := contracts.LoadFile(path, contracts.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return book, ds.Contracts
}

// BenchmarkAnswerInto is the cost of answering one row as export does
// (Query.AnswerInto into a reused Entry), per row: with no club asking,
// and for a club of England asking (registration periods, CanSign).
func BenchmarkAnswerInto(b *testing.B) {
	book, cs := rowBench(b)
	asOf := rules.D(2026, 6, 1)
	for _, to := range []string{"", "ENG"} {
		name := "to=" + to
		if to == "" {
			name = "to=none"
		}
		b.Run(name, func(b *testing.B) {
			q := &Query{Book: book, AsOf: asOf, To: to}
			en := Entry{Windows: new(rules.Windows)}
			for i := range cs {
				q.AnswerInto(&en, &cs[i])
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				q.AnswerInto(&en, &cs[i])
				if i++; i == len(cs) {
					i = 0
				}
			}
		})
	}
}

// BenchmarkRowWrite is the cost of writing one answered row in each
// machine format, per row.
func BenchmarkRowWrite(b *testing.B) {
	book, cs := rowBench(b)
	for _, to := range []string{"", "ENG"} {
		q := &Query{Book: book, AsOf: rules.D(2026, 6, 1), To: to}
		entries := make([]Entry, len(cs))
		for i := range cs {
			entries[i] = q.Answer(cs[i])
		}
		for _, format := range []string{"csv", "tsv", "json"} {
			name := format + "/to=" + to
			if to == "" {
				name = format + "/to=none"
			}
			b.Run(name, func(b *testing.B) {
				rw, err := NewRowWriter(io.Discard, format, false)
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if err := rw.Write(&entries[i]); err != nil {
						b.Fatal(err)
					}
					if i++; i == len(entries) {
						i = 0
					}
				}
				if err := rw.Close(); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}

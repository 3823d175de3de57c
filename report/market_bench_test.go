package report

import (
	"io"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// BenchmarkExpiringEmbedded is 'bosman expiring --to ESP --position CB'
// over the embedded data, as of 12 Jun 2026, from a fresh start each time:
// the snapshot's 18,000-odd players parsed and each one's contract in
// force picked (contracts.Embedded().InForce), the filter and the answers,
// the sort, and the table of the first 50. "all" lists every contract of
// the default horizon in CSV instead.
func BenchmarkExpiringEmbedded(b *testing.B) {
	asOf := rules.D(2026, 6, 12)
	book, err := rules.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	cb, _ := ParsePositions([]string{"CB"})
	for _, bc := range []struct {
		name   string
		f      Filter
		limit  int
		format string
	}{
		{"cb-table", Filter{Horizon: DefaultHorizon(asOf), Positions: cb}, 50, "table"},
		{"all-csv", Filter{Horizon: DefaultHorizon(asOf)}, 0, "csv"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				m, err := contracts.Embedded()
				if err != nil {
					b.Fatal(err)
				}
				rows, err := m.InForce(asOf)
				if err != nil || len(rows) < 18000 {
					b.Fatalf("%v, %d rows", err, len(rows))
				}
				s := NewSelector(&Query{Book: book, AsOf: asOf, To: "ESP"}, bc.f, nil, bc.limit)
				s.AddAll(rows)
				sel := s.Done()
				if bc.format == "table" {
					err = ListTable(io.Discard, sel, Style{AsOf: asOf, Width: 100})
				} else {
					err = WriteSelection(io.Discard, bc.format, sel)
				}
				if err != nil {
					b.Fatal(err)
				}
				n = sel.Matched
			}
			b.ReportMetric(float64(n), "matched")
		})
	}
}

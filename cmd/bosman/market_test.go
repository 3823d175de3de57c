package main

import (
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

// TestExportWholeMarket: without --data, export answers from the whole
// embedded market. The snapshot of 12 June 2026 has 18,353 current
// players, 15,835 of them with an expiry (contracts/data/SNAPSHOT.md), and
// the curated rows add the few it lacks: on its own day every one of them
// is in force, so at least 18,353 rows.
func TestExportWholeMarket(t *testing.T) {
	out, errs, code := run(t, nil, "export", "--as-of", "2026-06-12")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(recs) - 1; n < 18_353 {
		t.Errorf("%d rows, want at least the snapshot's 18,353", n)
	}
	// data_as_of (DESIGN: column 18): every row's facts have a day, the
	// scrape day or a curated row's confirmation.
	if col := slices.Index(recs[0], "data_as_of"); col >= 0 {
		for i, r := range recs[1:] {
			if r[col] == "" {
				t.Fatalf("row %d (%s) has no data_as_of", i+2, r[1])
			}
		}
	}
}

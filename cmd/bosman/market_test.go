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
	// data_as_of (DESIGN: column 18): every snapshot row's facts have a
	// day, the scrape day; a curated row has its source's date or its
	// signing day, and none only when its source shows no date
	// (contracts/data/SOURCES.md), which data_status says: unknown.
	col, status, src := slices.Index(recs[0], "data_as_of"), slices.Index(recs[0], "data_status"), slices.Index(recs[0], "source")
	if col < 0 || status < 0 {
		t.Fatalf("no data_as_of or data_status column: %q", recs[0])
	}
	dated := 0
	for i, r := range recs[1:] {
		switch {
		case r[col] != "":
			dated++
		case r[status] != "unknown" || strings.Contains(r[src], "transfermarkt"):
			t.Errorf("row %d (%s, %s) has no data_as_of and is not a curated row marked unknown", i+2, r[1], r[src])
		default:
			t.Logf("row %d (%s): its source shows no date; data_status unknown", i+2, r[1])
		}
	}
	if dated < 15_000 || len(recs)-1-dated > 10 {
		t.Errorf("%d of %d rows with data_as_of, want at least 15,000 and all but a few curated ones", dated, len(recs)-1)
	}
}

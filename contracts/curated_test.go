package contracts

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"testing"
)

// The curated rows' notes are printed on the card as "Note in the
// dataset", for a journalist: they name no Go identifier of this code
// (contracts.Overlay), which means nothing to a reader.
func TestCuratedNotesNameNoCode(t *testing.T) {
	r := csv.NewReader(bytes.NewReader(defaultCSV))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	note := -1
	for i, h := range rows[0] {
		if h == "note" {
			note = i
		}
	}
	if note < 0 {
		t.Fatalf("no note column in %v", rows[0])
	}
	code := regexp.MustCompile(`\b(contracts|report|rules|snapbuild|release)\.[A-Z][A-Za-z]*`)
	for i, row := range rows[1:] {
		if m := code.FindString(row[note]); m != "" {
			t.Errorf("default.csv:%d: the note names %s: %q", i+2, m, row[note])
		}
	}
}

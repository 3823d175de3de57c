package main

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
)

func generated(t *testing.T, format string, rows int, seed uint64) [][]string {
	t.Helper()
	var b bytes.Buffer
	if err := Generate(&b, format, rows, seed); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != rows+1 {
		t.Fatalf("%d records, want %d rows and a header", len(recs), rows)
	}
	return recs
}

func TestTMDatasetsShape(t *testing.T) {
	recs := generated(t, "tmdatasets", 20000, 1)
	if strings.Join(recs[0], ",") != strings.Join(TMHeader, ",") || len(recs[0]) != 26 {
		t.Fatalf("header %q", recs[0])
	}
	dateTime := regexp.MustCompile(`^20(2[5-9]|30)-\d\d-\d\d 00:00:00$`)
	empty, june30, ids := 0, 0, map[string]bool{}
	leagues := map[string]int{}
	for _, r := range recs[1:] {
		if ids[r[0]] {
			t.Fatalf("player id %s twice", r[0])
		}
		ids[r[0]] = true
		leagues[r[22]]++
		switch exp := r[15]; {
		case exp == "":
			empty++
		case !dateTime.MatchString(exp):
			t.Fatalf("expiry %q", exp)
		case strings.Contains(exp, "-06-30 "):
			june30++
		}
	}
	// 15% empty; of the rest most end on 30 June
	if empty < 2700 || empty > 3300 {
		t.Errorf("%d of 20000 expiries empty, want about 3000", empty)
	}
	if june30 < 12000 {
		t.Errorf("%d of %d expiries on 30 June, want most", june30, 20000-empty)
	}
	// weights: GB1 132, MLS1 10 of 1022
	if leagues["GB1"] < 2300 || leagues["GB1"] > 2900 || leagues["MLS1"] < 100 || leagues["MLS1"] > 300 {
		t.Errorf("leagues %v", leagues)
	}
}

func TestBosmanShapeAndSeed(t *testing.T) {
	a := generated(t, "bosman", 500, 7)
	if strings.Join(a[0], ",") != strings.Join(BosmanHeader, ",") {
		t.Fatalf("header %q", a[0])
	}
	for _, r := range a[1:] {
		if len(r) != 18 {
			t.Fatalf("row %q", r)
		}
	}
	b := generated(t, "bosman", 500, 7)
	c := generated(t, "bosman", 500, 8)
	if !equal(a, b) {
		t.Error("seed 7 gave two different files")
	}
	if equal(a, c) {
		t.Error("seeds 7 and 8 gave the same file")
	}
}

func equal(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

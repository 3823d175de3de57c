package contracts

import (
	"encoding/csv"
	"hash/maphash"
	"strings"
	"testing"
)

// recordHash takes the one-call path on encoding/csv's records and the
// per-field path otherwise, and both tell records apart by their fields,
// not by their concatenation.
func TestRecordHash(t *testing.T) {
	seed := maphash.MakeSeed()
	read := func(line string) []string {
		r := csv.NewReader(strings.NewReader(line))
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	a, b := read("ab,c,,d\n"), read("a,bc,,d\n")
	if recordHash(seed, a) == recordHash(seed, b) {
		t.Errorf("ab|c and a|bc hash alike")
	}
	if recordHash(seed, a) != recordHash(seed, read("ab,c,,d\n")) {
		t.Errorf("the same record hashes differently")
	}
	// Strings not from one buffer (JSON rows): the per-field path.
	loose := []string{strings.Clone("ab"), strings.Clone("c"), "", strings.Clone("d")}
	if recordHash(seed, loose) != recordHash(seed, []string{"ab", "c", "", "d"}) {
		t.Errorf("per-field path depends on where the strings live")
	}
	if recordHash(seed, []string{"", ""}) == recordHash(seed, []string{""}) {
		t.Errorf("two empty fields and one hash alike")
	}
}

package contracts

import (
	"encoding/csv"
	"hash/maphash"
	"strings"
	"testing"
)

// recordHash hashes a line without quotes as the splitter read it, and any
// other record after joining it; both give a sum that depends on the
// fields alone, and tell records apart by their fields, not their
// concatenation.
func TestRecordHash(t *testing.T) {
	seed := maphash.MakeSeed()
	var buf []byte
	sum := func(rec []string) uint64 { return recordHash(seed, rec, "", ',', &buf) }
	read := func(line string) []string {
		r := csv.NewReader(strings.NewReader(line))
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	line := "ab,c,,d"
	asRead := recordHash(seed, strings.Split(line, ","), line, ',', &buf)
	if asRead != sum([]string{"ab", "c", "", "d"}) || asRead != sum(read(line+"\n")) {
		t.Errorf("the sum depends on how the record was read")
	}
	if sum(read("ab,c,,d\n")) == sum(read("a,bc,,d\n")) {
		t.Errorf("ab|c and a|bc hash alike")
	}
	if sum([]string{"a,b"}) == sum([]string{"a", "b"}) {
		t.Errorf(`"a,b" and a|b hash alike`)
	}
	if sum([]string{"", ""}) == sum([]string{""}) {
		t.Errorf("two empty fields and one hash alike")
	}
	tsv := "ab\tc"
	if recordHash(seed, []string{"ab", "c"}, tsv, '\t', &buf) != recordHash(seed, []string{"ab", "c"}, "", '\t', &buf) {
		t.Errorf("a TSV line as read hashes unlike its fields joined")
	}
}

// get trims a field as strings.TrimSpace does, taking the shortcut only
// when both ends are ASCII and not white space.
func TestGetTrims(t *testing.T) {
	ld := &loader{format: &format{}}
	ld.format.cols[fPlayer] = 1
	for _, v := range []string{"", " ", "x", " x", "x ", "\tx\r", "\u00a0x", "x\u3000", "\u0085", "a b", "é", "xé", "\v"} {
		ld.rec = []string{v}
		if got, want := ld.get(fPlayer), strings.TrimSpace(v); got != want {
			t.Errorf("get(%q) = %q, want %q", v, got, want)
		}
	}
}

package contracts

import (
	"encoding/csv"
	"fmt"
	"hash/maphash"
	"strings"
	"testing"
	"unsafe"
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

// TestIntern: equal strings come back as one copy of them, not the row's
// own bytes, whether intern finds them in its cache or its map; two strings
// that share a slot of the cache, asked for in turn, each come back as
// their own copy.
func TestIntern(t *testing.T) {
	ld := &loader{}
	row := []byte("Liverpool FC,Liverpool FC,Arsenal")
	a, b := string(row[:12]), string(row[13:25])
	first := ld.intern(a)
	if first != "Liverpool FC" || unsafe.StringData(first) == unsafe.StringData(a) {
		t.Fatalf("intern(%q) = %q, sharing the row's bytes: %v", a, first, unsafe.StringData(first) == unsafe.StringData(a))
	}
	if again := ld.intern(b); unsafe.StringData(again) != unsafe.StringData(first) {
		t.Errorf("the second Liverpool FC is another copy, want the first")
	}
	// two strings of one slot: found by trying names until one shares it
	x := "Arsenal"
	var y string
	for i := 0; y == ""; i++ {
		if s := fmt.Sprintf("Club %d", i); internSlot(s) == internSlot(x) {
			y = s
		}
	}
	for range 3 {
		if got := ld.intern(x); got != x {
			t.Errorf("intern(%q) = %q", x, got)
		}
		if got := ld.intern(y); got != y {
			t.Errorf("intern(%q) = %q", y, got)
		}
	}
	if ld.intern("") != "" || ld.intern("É") != "É" || ld.intern("12345678") != "12345678" {
		t.Errorf("short and empty strings not interned as themselves")
	}
}

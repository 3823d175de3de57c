package contracts

import (
	"flag"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

var updateWords = flag.Bool("update-words", false, "rewrite data/snapshot-players.words from the embedded snapshot")

const wordsFile = "data/snapshot-players.words"

// TestSnapshotWords: data/snapshot-players.words is the word index of the
// embedded snapshot's keys block as encodeWordIndex writes it now (go test
// ./contracts -run TestSnapshotWords -update-words rewrites it after the
// snapshot is rebuilt), and Embedded uses it.
func TestSnapshotWords(t *testing.T) {
	s, err := openSnapshot(SnapshotName, snapshotPlayers, snapshotClubs)
	if err != nil {
		t.Fatal(err)
	}
	want := encodeWordIndex(s.keys)
	checkGenerated(t, wordsFile, want, *updateWords, "the embedded snapshot's index is", "-run TestSnapshotWords -update-words")
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if m.snap.words == "" || len(m.snap.words) != len(want)-strings.IndexByte(string(want), '\n')-1 {
		t.Fatal("Embedded does not use the word index")
	}
}

// A word index made for another keys block, or not one, is not used.
func TestWordIndexRefused(t *testing.T) {
	idx := string(encodeWordIndex("ab cd\t0\n"))
	if wordIndex(idx, 8) == "" {
		t.Error("the index of its own block refused")
	}
	for _, bad := range []string{idx[:len(idx)-1], strings.Replace(idx, "\t8\n", "\t9\n", 1), "", "#bosman-snapshot-words v1\tx\n", "\n\x00\x00\x00\x00"} {
		if wordIndex(bad, 8) != "" {
			t.Errorf("%q used", bad)
		}
	}
}

// wordStarts, by hand: the words of each keys column (at its start, after
// a space or a |), never the offsets, sorted by the text from there on.
func TestWordStarts(t *testing.T) {
	keys := "ab cd|ef\t12\nab\t3 4\n"
	got := wordStarts(keys)
	// ab(0) "ab cd|ef\t…", cd(3), ef(6), ab(12) "ab\t3 4\n"; "ab\t" < "ab " (tab 9 < space 32)
	want := []int{12, 0, 3, 6}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wordStarts = %v, want %v", got, want)
	}
}

// find gives the same hits with the index as by reading the keys block:
// every word of 400 random lines, their beginnings and a letter more,
// queries of two words, and names that are not there.
func TestFindIndexedAgreesWithScan(t *testing.T) {
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	indexed := m.snap
	scan, err := openSnapshot(SnapshotName, snapshotPlayers, snapshotClubs) // no index: the keys block read
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(indexed.keys, "\n"), "\n")
	r := rand.New(rand.NewPCG(1, 2))
	queries := []string{"konate", "ibrahima konate", "alaba", "rudiger", "zzzzqx", "a", "k", "jr", "o'", "van dijk", "de"}
	for range 400 {
		keys, _, _ := strings.Cut(lines[r.IntN(len(lines))], "\t")
		words := strings.FieldsFunc(keys, func(c rune) bool { return c == ' ' || c == '|' })
		w := words[r.IntN(len(words))]
		queries = append(queries, w, w[:1+r.IntN(len(w))], w+"e", strings.ReplaceAll(strings.Split(keys, "|")[0], "-", " "))
		if len(words) > 1 {
			queries = append(queries, words[0]+" "+words[len(words)-1][:1])
		}
	}
	n := 0
	for _, q := range queries {
		qs := queryKeys(q)
		a, b := indexed.find(qs), scan.find(qs)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%q: indexed %v, read %v", q, a, b)
		}
		n += len(a)
	}
	if n < 2000 {
		t.Errorf("%d hits in all: the queries find too little to show anything", n)
	}
}

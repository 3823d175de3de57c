package contracts

import (
	"sort"
	"strconv"
	"strings"
)

// The word index of a keys block (data/snapshot-players.words is the
// embedded snapshot's, written by TestSnapshotWords from the snapshot
// itself): the place in the block of every word of a keys column, sorted
// by the text from there on. A name question finds the words that begin
// with its token by binary search instead of reading the whole block, so
// its cost does not grow with the snapshot (initials, for a query in
// capitals that matches no name, are still found by reading it: see
// snapshot.initials). Its first line gives the
// length of the keys block it was made from; the four bytes of each place
// follow, little-endian.
const snapWordsMagic = "#bosman-snapshot-words v1\t"

// wordIndex returns the places of idx, the text of a word index, when it
// was made from a keys block of keysLen bytes; "" otherwise (the
// snapshot is then searched by reading its keys block).
func wordIndex(idx string, keysLen int) string {
	head, places, ok := strings.Cut(idx, "\n")
	if !ok || !strings.HasPrefix(head, snapWordsMagic) || len(places)%4 != 0 {
		return ""
	}
	if n, err := strconv.Atoi(head[len(snapWordsMagic):]); err != nil || n != keysLen {
		return ""
	}
	return places
}

// wordStarts are the places of the words of keys, a keys block, sorted as
// the index holds them: a word begins a keys column, or follows a space
// or a |, and is in the keys column (before its line's tab).
func wordStarts(keys string) []int {
	var out []int
	inKeys := true
	for i := 0; i < len(keys); i++ {
		c := keys[i]
		switch c {
		case '\n':
			inKeys = true
			continue
		case '\t':
			inKeys = false
			continue
		case ' ', '|':
			continue
		}
		if inKeys && (i == 0 || keys[i-1] == '\n' || keys[i-1] == ' ' || keys[i-1] == '|') {
			out = append(out, i)
		}
	}
	sort.Slice(out, func(a, b int) bool { return keys[out[a]:] < keys[out[b]:] })
	return out
}

// encodeWordIndex writes the index of keys (see snapshotWords).
func encodeWordIndex(keys string) []byte {
	starts := wordStarts(keys)
	b := make([]byte, 0, 64+4*len(starts))
	b = append(b, snapWordsMagic...)
	b = strconv.AppendInt(b, int64(len(keys)), 10)
	b = append(b, '\n')
	for _, p := range starts {
		b = append(b, byte(p), byte(p>>8), byte(p>>16), byte(p>>24))
	}
	return b
}

// indexedWords calls visit with the place of each word of s.keys that
// begins with t, by binary search of s.words.
func (s *snapshot) indexedWords(t string, visit func(pos int)) {
	n := len(s.words) / 4
	at := func(i int) int {
		w := s.words[4*i:]
		return int(uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16 | uint32(w[3])<<24)
	}
	// the text at a place, cut to t's length, orders as the whole text does
	// against t
	head := func(i int) string {
		p := at(i)
		if p > len(s.keys) {
			return ""
		}
		return s.keys[p:min(len(s.keys), p+len(t))]
	}
	for i := sort.Search(n, func(i int) bool { return head(i) >= t }); i < n && head(i) == t; i++ {
		visit(at(i))
	}
}

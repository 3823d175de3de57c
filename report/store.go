package report

import (
	"bytes"
	"unsafe"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// store holds the contracts a Selector keeps, compactly: each as a held
// row of fixed size without pointers, its own texts (id, name, source) in
// large byte chunks, and the texts many rows share (club, nationality,
// position …) once, by number. Rows and texts are stored in chunks, so
// growing never copies what is held. A row keeps what its answer and
// its columns need: not the dataset's note or loan.
type store struct {
	rows [][]held
	n    int
	text [][]byte
	tab  *strTable
}

// held is one kept contract.
type held struct {
	chunk, off uint32           // where its texts start in store.text
	lens       [numTexts]uint32 // the lengths of its texts, in that order
	strs       [numStrs]uint32  // its shared texts, by number in strTable
	birth      rules.Date
	signed     rules.Date
	start      rules.Date
	expires    rules.Date
	option     rules.Date
	confirmed  rules.Date
	canSign    rules.Date // the CanSign day: a sort key
	value      int64
	lastSeason int32
	line       int32 // Pos.Line
	flags      uint8 // heldListing, heldInferred
	part       uint8 // the part of a list it is listed in (see partOf)
}

// held's flags.
const (
	heldListing  = 1 << iota // Contract.Listing
	heldInferred             // Contract.AssociationInferred
)

// A held row's own texts.
const (
	textID = iota
	textPlayer
	textSource
	textFolded // the folded name, for sorting by name
	numTexts
)

// A held row's shared texts.
const (
	strNationality = iota
	strPosition
	strSub
	strClub
	strAssociation
	strLeague
	strHolder
	strFile // Pos.File
	numStrs
)

const (
	rowChunk  = 4096
	textChunk = 1 << 20
)

// strTable numbers the shared texts.
type strTable struct {
	ids  map[string]uint32
	list []string
}

func (t *strTable) id(s string) uint32 {
	if i, ok := t.ids[s]; ok {
		return i
	}
	i := uint32(len(t.list))
	t.ids[s] = i
	t.list = append(t.list, s)
	return i
}

func (st *store) len() int { return st.n }

func (st *store) row(i int) *held { return &st.rows[i/rowChunk][i%rowChunk] }

// add holds c, with the day it may be signed and its part of a list.
func (st *store) add(c *contracts.Contract, canSign rules.Date, part uint8) {
	h := held{
		birth: c.Birth, signed: c.Signed, start: c.Start, expires: c.Expires, option: c.Option.Until,
		confirmed: c.Confirmed, canSign: canSign, value: c.MarketValue, lastSeason: int32(c.LastSeason), line: int32(c.Pos.Line),
		part: part,
	}
	if c.Listing {
		h.flags |= heldListing
	}
	if c.AssociationInferred {
		h.flags |= heldInferred
	}
	st.share(&h, [numStrs]string{c.Nationality, c.Position, c.SubPosition, c.Club, c.Association, c.League, c.Option.Holder, c.Pos.File})
	st.push(&h, [numTexts]string{c.PlayerID, c.Player, c.Source, contracts.Fold(c.Player)})
}

// share numbers h's shared texts.
func (st *store) share(h *held, strs [numStrs]string) {
	if st.tab == nil {
		st.tab = &strTable{ids: map[string]uint32{}}
	}
	for i, s := range strs {
		h.strs[i] = st.tab.id(s)
	}
}

// push stores h's own texts and h.
func (st *store) push(h *held, texts [numTexts]string) {
	total := 0
	for i, s := range texts {
		h.lens[i] = uint32(len(s))
		total += len(s)
	}
	b := st.room(h, total)
	for _, s := range texts {
		b = append(b, s...)
	}
	st.keep(h, b)
}

// room places h's texts, total bytes, at the end of the last text chunk,
// or of a new one, and returns that chunk to append them to.
func (st *store) room(h *held, total int) []byte {
	last := len(st.text) - 1
	if last < 0 || cap(st.text[last])-len(st.text[last]) < total {
		st.text = append(st.text, make([]byte, 0, max(textChunk, total)))
		last++
	}
	h.chunk, h.off = uint32(last), uint32(len(st.text[last]))
	return st.text[last]
}

// keep ends push: b is the last text chunk with h's texts appended.
func (st *store) keep(h *held, b []byte) {
	st.text[h.chunk] = b
	if st.n%rowChunk == 0 {
		st.rows = append(st.rows, make([]held, 0, rowChunk))
	}
	st.rows[len(st.rows)-1] = append(st.rows[len(st.rows)-1], *h)
	st.n++
}

// texts returns h's own texts, in the order of textID …
func (st *store) texts(h *held) (out [numTexts][]byte) {
	b := st.text[h.chunk][h.off:]
	for i, n := range h.lens {
		out[i], b = b[:n:n], b[n:]
	}
	return out
}

func (st *store) compareText(a, b *held, which int) int {
	return bytes.Compare(st.text1(a, which), st.text1(b, which))
}

// text1 is one of h's own texts.
func (st *store) text1(h *held, which int) []byte {
	off := h.off
	for _, n := range h.lens[:which] {
		off += n
	}
	return st.text[h.chunk][off : off+h.lens[which]]
}

// copyRow holds row i of src, which shares st's strTable.
func (st *store) copyRow(src *store, i int) {
	h := *src.row(i)
	total := uint32(0)
	for _, n := range h.lens {
		total += n
	}
	raw := src.text[h.chunk][h.off : h.off+total]
	st.keep(&h, append(st.room(&h, int(total)), raw...))
}

// contract makes held row i a Contract again, into c.
func (st *store) contract(i int, c *contracts.Contract) {
	h := st.row(i)
	t := st.texts(h)
	s := st.tab.list
	*c = contracts.Contract{
		PlayerID: chunkString(t[textID]), Player: chunkString(t[textPlayer]), Source: chunkString(t[textSource]),
		Birth: h.birth, Signed: h.signed, Start: h.start, Expires: h.expires, Confirmed: h.confirmed,
		Option:      contracts.Option{Until: h.option, Holder: s[h.strs[strHolder]]},
		Nationality: s[h.strs[strNationality]], Position: s[h.strs[strPosition]], SubPosition: s[h.strs[strSub]],
		Club: s[h.strs[strClub]], Association: s[h.strs[strAssociation]], League: s[h.strs[strLeague]],
		MarketValue: h.value, LastSeason: int(h.lastSeason),
		Listing: h.flags&heldListing != 0, AssociationInferred: h.flags&heldInferred != 0,
		Pos: contracts.Pos{File: s[h.strs[strFile]], Line: int(h.line)},
	}
}

// chunkString is b, bytes of a text chunk, as a string without a copy: a
// chunk's bytes are never written again once held (room and copyRow only
// append after them), and the string keeps its chunk alive.
func chunkString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

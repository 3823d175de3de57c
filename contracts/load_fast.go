package contracts

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"unicode/utf8"
	"unsafe"
)

// The rows of a CSV file are split here, without encoding/csv, when each is
// one line whose quotes are all in order: most rows of every file. A row
// this splitter cannot read as encoding/csv would, it leaves to the parser
// (a quoted field that runs on to the next line, a misplaced quote, a line
// longer than the read buffer, the last line when it has no line end), which
// reads that one record through a lineGate and hands the input back. The
// records split here are the parser's to the byte: their fields in one
// string one after another, the same line numbers.

// A lineGate gives the CSV parser at most one line per Read, so that the
// parser's own buffer never holds more than the record it reads and the
// rows after it can be split from br. It counts the lines it has given.
type lineGate struct {
	br    *bufio.Reader
	lines int // line ends given to the parser
}

func (g *lineGate) Read(p []byte) (int, error) {
	if g.br.Buffered() == 0 {
		if _, err := g.br.Peek(1); err != nil {
			return 0, err
		}
	}
	buf, _ := g.br.Peek(min(g.br.Buffered(), len(p)))
	if i := bytes.IndexByte(buf, '\n'); i >= 0 {
		buf = buf[:i+1]
		g.lines++
	}
	n := copy(p, buf)
	g.br.Discard(n)
	return n, nil
}

// A splitter splits the rows it can read alone.
type splitter struct {
	br       *bufio.Reader
	gate     *lineGate
	lim      *limitReader
	comma    byte
	maxField int
	lines    int // lines split here, blank lines among them
	last     int // the line of the last record split
	arena    []byte
	masks    []uint64 // plain's separator masks, one for each 64 bytes of a line
}

// arenaBytes is the size of the buffer a batch's fields are copied to
// (the strings of one batch share it).
const arenaBytes = 96 << 10

// newSplitter returns the splitter of ld's CSV input, or nil when every
// record must be parsed: the lines end with a carriage return alone, or
// the parser does not read through a lineGate.
func (ld *loader) newSplitter(comma rune) *splitter {
	if ld.gate == nil || comma >= utf8.RuneSelf || ld.opt.parseAll {
		return nil
	}
	return &splitter{br: ld.br, gate: ld.gate, lim: ld.lim, comma: byte(comma), maxField: ld.opt.MaxFieldBytes}
}

// base is what to add to a line number of the parser's: the lines split
// here, which it has not seen.
func (sp *splitter) base() int {
	if sp == nil {
		return 0
	}
	return sp.lines
}

// Why lines stopped splitting.
const (
	splitMore  = iota // no whole line is left in the buffer
	splitParse        // the next line needs the parser
	splitFull         // the batch or its arena is full
)

// split splits rows into b until the input ends (eof), a row needs the
// parser, or the batch is full; send is called with each full batch and
// returns the one to fill next, nil to stop.
func (sp *splitter) split(b *readBatch, send func(*readBatch) *readBatch) (_ *readBatch, eof bool) {
	for {
		if sp.br.Buffered() == 0 {
			sp.lim.mark()
			if _, err := sp.br.Peek(1); err != nil {
				// at the end, or an I/O error the parser is to meet
				return b, err == io.EOF
			}
		}
		window, _ := sp.br.Peek(sp.br.Buffered())
		used, why := sp.splitLines(b, window)
		sp.br.Discard(used)
		switch why {
		case splitParse:
			return b, false
		case splitFull:
			sp.arena = nil // the strings of the batch sent hold it
			if b = send(b); b == nil {
				return nil, false
			}
			continue
		}
		// no line end in what is buffered: read on, or let the parser read
		// what is left (a line longer than the buffer, a last line without
		// a line end, an I/O error)
		if sp.br.Buffered() == sp.br.Size() {
			return b, false
		}
		sp.lim.mark()
		if _, err := sp.br.Peek(sp.br.Buffered() + 1); err != nil {
			return b, false
		}
	}
}

// splitLines splits the whole lines at the start of window into b while the
// batch has room, and returns the bytes used and why it stopped.
func (sp *splitter) splitLines(b *readBatch, window []byte) (used, why int) {
	for {
		if len(b.items) == readBatchItems {
			return used, splitFull
		}
		rest := window[used:]
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			return used, splitMore
		}
		line := rest[:end]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
		if len(line) == 0 {
			// encoding/csv skips an empty line
			used += end + 1
			sp.lines++
			continue
		}
		if cap(sp.arena)-len(sp.arena) < len(line) {
			if len(b.items) > 0 {
				return used, splitFull
			}
			sp.arena = make([]byte, 0, max(len(line), arenaBytes))
		}
		start := len(b.fields)
		var clean bool
		var joined string
		if bytes.IndexByte(line, '"') < 0 {
			var ascii, nul bool
			at := len(sp.arena)
			b.fields, ascii, nul = sp.plain(b.fields, line)
			joined = sp.str(at) // the line's copy: its fields and the separators between them
			clean = len(line) <= sp.maxField && !nul && (ascii || sp.clean(line, b.fields[start]))
		} else {
			var ok bool
			if b.fields, ok = sp.quoted(b.fields, line); !ok {
				b.fields = b.fields[:start]
				return used, splitParse
			}
			clean = sp.clean(line, b.fields[start])
		}
		used += end + 1
		sp.lines++
		sp.last = sp.gate.lines + sp.lines
		b.items = append(b.items, readItem{start: start, n: len(b.fields) - start, line: sp.last, clean: clean, joined: joined})
	}
}

// clean reports whether the line holds no field the loader must refuse
// (see loader.record): no NUL byte, nothing but UTF-8, no field over the
// limit, no byte-order mark before the first field. A line that is not
// clean may still be good; the loader checks it field by field.
func (sp *splitter) clean(line []byte, first string) bool {
	return len(line) <= sp.maxField && bytes.IndexByte(line, 0) < 0 && utf8.Valid(line) &&
		(len(first) < 3 || first[:3] != "\ufeff")
}

// str is the string of the arena's bytes from start on, which are never
// written again.
func (sp *splitter) str(start int) string {
	if start == len(sp.arena) {
		return ""
	}
	return unsafe.String(&sp.arena[start], len(sp.arena)-start)
}

// Masks of the eight bytes of a word, for finding bytes eight at a time.
const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f

// gather packs the high bits of a word's bytes (a mask of highs) into its
// low byte, byte i's into bit i: each bit is moved by the multiplication to
// a place of its own in the top byte.
func gather(m uint64) uint64 { return m * 0x0002040810204081 >> 56 }

// plain splits a line without quotes at each separator: the line is
// copied once and its fields are pieces of the copy. sepBlocks finds the
// separators of each 64 bytes as one mask, and whether the line holds a
// NUL byte or any byte that is not ASCII, so that the loop over them runs
// once a block rather than once a word (each run of it costs a
// mispredicted branch at its end); the rest of the line is scanned eight
// bytes at a time, then byte by byte.
func (sp *splitter) plain(fields []string, line []byte) (_ []string, ascii, nul bool) {
	start := len(sp.arena)
	sp.arena = append(sp.arena, line...)
	s := sp.str(start)
	seps := ones * uint64(sp.comma)
	var all, zeros uint64
	from, i := 0, 0
	if nb := len(line) / 64; nb > 0 {
		if cap(sp.masks) < nb {
			sp.masks = make([]uint64, nb)
		}
		masks := sp.masks[:nb]
		high, zero := sepBlocks(line, sp.comma, masks)
		if high {
			all = highs
		}
		if zero {
			zeros = 1
		}
		for k, at := range masks {
			for ; at != 0; at &= at - 1 {
				end := k*64 + bits.TrailingZeros64(at)
				fields = append(fields, s[from:end])
				from = end + 1
			}
		}
		i = nb * 64
	}
	for ; i+8 <= len(s); i += 8 {
		w := binary.LittleEndian.Uint64(line[i:])
		all |= w
		zeros |= ^((w&lows + lows) | w) & highs
		x := w ^ seps
		for m := ^((x&lows + lows) | x) & highs; m != 0; m &= m - 1 {
			at := i + bits.TrailingZeros64(m)>>3
			fields = append(fields, s[from:at])
			from = at + 1
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		all |= uint64(c)
		if c == 0 {
			zeros = 1
		}
		if c == sp.comma {
			fields = append(fields, s[from:i])
			from = i + 1
		}
	}
	fields = append(fields, s[from:])
	return fields, all&highs == 0, zeros != 0
}

// quoted splits a line with quotes as encoding/csv reads it (RFC 4180: a
// quoted field starts with a quote, doubles the quotes inside it and ends
// at the separator or the line's end); ok is false for anything else.
func (sp *splitter) quoted(fields []string, line []byte) (_ []string, ok bool) {
	for {
		start := len(sp.arena)
		if len(line) == 0 || line[0] != '"' {
			i := bytes.IndexByte(line, sp.comma)
			if i < 0 {
				i = len(line)
			}
			if bytes.IndexByte(line[:i], '"') >= 0 {
				return fields, false // a bare quote
			}
			sp.arena = append(sp.arena, line[:i]...)
			fields = append(fields, sp.str(start))
			if i == len(line) {
				return fields, true
			}
			line = line[i+1:]
			continue
		}
		line = line[1:]
		for {
			i := bytes.IndexByte(line, '"')
			if i < 0 {
				return fields, false // the field runs on to the next line
			}
			sp.arena = append(sp.arena, line[:i]...)
			line = line[i+1:]
			if len(line) > 0 && line[0] == '"' {
				sp.arena = append(sp.arena, '"')
				line = line[1:]
				continue
			}
			break
		}
		fields = append(fields, sp.str(start))
		switch {
		case len(line) == 0:
			return fields, true
		case line[0] != sp.comma:
			return fields, false // text after the closing quote
		}
		line = line[1:]
		if len(line) == 0 {
			// a separator ends the line: an empty last field
			fields = append(fields, "")
			return fields, true
		}
	}
}

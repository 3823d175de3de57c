package contracts

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// runJSON reads bosman's JSON: an array of objects whose keys are
// BosmanColumns; values are strings (numbers and booleans are taken as
// written, null as empty). Unknown keys are warned about once each.
func (ld *loader) runJSON(br *bufio.Reader, first byte) error {
	ld.json = true
	ld.ds.Format = "bosman JSON"
	ld.header = BosmanColumns
	ld.format = &format{name: ld.ds.Format}
	ld.ds.History = true
	for i := range BosmanColumns {
		ld.format.cols[i] = i + 1
	}
	if first != '[' {
		ld.fail(1, "the JSON is an object, not an array", `expected [{"player": …, "contract_expires": …}, …]`)
		return nil
	}
	// Newlines already read into br (by the sniffing Peek) are recorded
	// here; limitReader records those read from now on.
	buffered, _ := br.Peek(br.Buffered())
	for i, c := range buffered {
		if c == '\n' {
			ld.lim.newlines = append(ld.lim.newlines, ld.bom+int64(i))
		}
	}
	ld.lim.track = true
	dec := json.NewDecoder(br)
	dec.UseNumber()
	if _, err := dec.Token(); err != nil {
		ld.jsonFail(dec, err, false)
		return nil
	}
	rec := make([]string, len(BosmanColumns))
	unknown := map[string]bool{}
	ld.jsonKeys = make([]keyPos, len(BosmanColumns))
	for dec.More() {
		ld.lim.mark()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, errRecordTooLong) {
				ld.ds.Read++
				ld.ds.Skipped++
			}
			ld.jsonFail(dec, err, true)
			return nil
		}
		ld.ds.Read++
		base := dec.InputOffset() - int64(len(raw))
		line := ld.lineAt(base)
		if !ld.jsonObject(raw, base, line, rec, unknown) {
			ld.ds.Skipped++
			continue
		}
		ld.record(rec, line, nil)
		ld.keyPos = nil
		if ld.stop != nil {
			return ld.stop
		}
	}
	if _, err := dec.Token(); err != nil {
		ld.jsonFail(dec, err, false)
		return nil
	}
	if off, c, err := ld.afterJSON(dec); err != nil {
		return err
	} else if c != 0 {
		// [...][...] or [...]x: nothing may follow the array
		line, col := ld.posAt(off)
		msg := "data after the closing ] of the array; the file must hold one array"
		if c == '[' {
			msg = "a second JSON array after the first; the file must hold one array"
		}
		ld.fatal = true
		ld.problem(line, col, Error, msg, "join the arrays into one, or delete what follows the ]")
		return nil
	}
	if ld.ds.Read == 0 {
		ld.problem(1, 0, Warning, "no data rows: the array is empty", "")
	}
	return nil
}

// afterJSON reads past the white space after the value dec has decoded
// and returns the offset and the first byte of what follows; c is 0 at the
// end of the input.
func (ld *loader) afterJSON(dec *json.Decoder) (off int64, c byte, err error) {
	off = dec.InputOffset()
	r := bufio.NewReader(io.MultiReader(dec.Buffered(), ld.br))
	for {
		b, err := r.ReadByte()
		switch {
		case err == io.EOF:
			return off, 0, nil
		case err != nil:
			return off, 0, err
		case b != ' ' && b != '\t' && b != '\r' && b != '\n':
			return off, b, nil
		}
		off++
	}
}

// keyPos is where a key of a JSON object is: line and column.
type keyPos struct{ line, col int }

// jsonObject reads the JSON value raw, which starts at offset base of the
// input on line line, into rec as one row: the value of each of
// BosmanColumns, "" when absent. It reports false, after recording why,
// when the row cannot be read: raw is not an object, a value is an array
// or an object, a key is given twice, or a string is not valid UTF-8
// (which encoding/json would turn into U+FFFD without a word).
func (ld *loader) jsonObject(raw []byte, base int64, line int, rec []string, unknown map[string]bool) bool {
	for i := range rec {
		rec[i] = ""
	}
	ld.jsonNums = 0
	od := json.NewDecoder(bytes.NewReader(raw))
	od.UseNumber()
	if tok, err := od.Token(); err != nil || tok != json.Delim('{') {
		ld.problem(line, 0, Error, fmt.Sprintf("element %d is %s, not an object", ld.ds.Read, jsonValueKind(raw)),
			`expected {"player": …, "contract_expires": …}`)
		return false
	}
	for i := range ld.jsonKeys {
		ld.jsonKeys[i] = keyPos{}
	}
	ld.keyPos = ld.jsonKeys
	ok := true
	var others map[string]keyPos // keys bosman does not know, for repeats
	for od.More() {
		off := od.InputOffset()
		for off < int64(len(raw)) && raw[off] != '"' {
			off++ // past the comma and spaces before the key
		}
		tok, err := od.Token()
		k, isKey := tok.(string)
		if err != nil || !isKey {
			return false // cannot happen: raw is a valid JSON value
		}
		var v any
		vstart := od.InputOffset()
		if err := od.Decode(&v); err != nil {
			return false
		}
		at := ld.posIn(raw, base, off)
		i := indexOf(BosmanColumns, k)
		if ld.repeatedKey(k, i, at, others) {
			ok = false
			continue
		}
		if i < 0 {
			others = ld.unknownKey(k, at, others, unknown)
			continue
		}
		ld.jsonKeys[i] = at
		if bad := invalidUTF8(raw[vstart:od.InputOffset()]); bad >= 0 {
			ok = false
			p := ld.posIn(raw, base, vstart+int64(bad))
			ld.problem(p.line, p.col, Error, k+": the string is not valid UTF-8", "save the file as UTF-8, not Latin-1 or Windows-1252")
			continue
		}
		if !ld.jsonValue(rec, i, k, v, at) {
			ok = false
		}
	}
	return ok
}

// repeatedKey reports whether key k, at at, was given before in the
// object, after recording the problem; i is its column, or -1 for a key
// bosman does not know, whose first places are in others.
func (ld *loader) repeatedKey(k string, i int, at keyPos, others map[string]keyPos) bool {
	var first keyPos
	switch {
	case i >= 0 && ld.jsonKeys[i].line > 0:
		first = ld.jsonKeys[i]
	case i < 0 && others[k].line > 0:
		first = others[k]
	}
	if first.line == 0 {
		return false
	}
	ld.problem(at.line, at.col, Error, fmt.Sprintf("key %q given twice in the object, first on line %d, column %d", k, first.line, first.col),
		"keep one of them: bosman will not guess which is meant")
	return true
}

// unknownKey records in others, which it makes when nil and returns, that
// key k, one bosman does not know, is at at, and warns of it the first time
// the input has it (unknown holds the keys warned of).
func (ld *loader) unknownKey(k string, at keyPos, others map[string]keyPos, unknown map[string]bool) map[string]keyPos {
	if others == nil {
		others = map[string]keyPos{}
	}
	others[k] = at
	if !unknown[k] && !computedColumns[k] {
		unknown[k] = true
		ld.problemKind(KindUnknownColumn, at.line, at.col, Warning, fmt.Sprintf("key %q is not one bosman knows; ignored", k),
			"bosman's keys are "+strings.Join(BosmanColumns, ","))
	}
	return others
}

// jsonValue puts v, the value of key k (column i) at at, into rec as
// written. It reports false, after recording why, when v is an array or an
// object.
func (ld *loader) jsonValue(rec []string, i int, k string, v any, at keyPos) bool {
	switch v := v.(type) {
	case nil:
	case string:
		rec[i] = v
	case json.Number:
		rec[i] = v.String()
		ld.jsonNums |= 1 << i
	case bool:
		rec[i] = fmt.Sprint(v)
	default:
		ld.problem(at.line, at.col, Error, fmt.Sprintf("%s: a JSON %s, not a value", k, jsonKind(v)), "expected a string")
		return false
	}
	return true
}

// invalidUTF8 returns the offset in b of the first byte that is not valid
// UTF-8, or of a \u escape of a lone surrogate (\ud800), which JSON
// decoders also turn into U+FFFD; -1 when there is none.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) && !bytes.Contains(b, []byte(`\u`)) {
		return -1
	}
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b) && b[i+1] == 'u' && i+6 <= len(b):
			if r, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil && r >= 0xD800 && r < 0xE000 {
				// a surrogate: valid only as a high one followed by a low one
				if r >= 0xDC00 || i+12 > len(b) || b[i+6] != '\\' || b[i+7] != 'u' {
					return i
				}
				if r2, err := strconv.ParseUint(string(b[i+8:i+12]), 16, 32); err != nil || r2 < 0xDC00 || r2 >= 0xE000 {
					return i
				}
				i += 12
				continue
			}
			i += 6
		case c == '\\':
			i += 2
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && n <= 1 {
				return i
			}
			i += n
		}
	}
	return -1
}

// jsonValueKind names the kind of a JSON value, with its article.
func jsonValueKind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '[':
		return "an array"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	case '{':
		return "an object"
	}
	return "a number"
}

func jsonKind(v any) string {
	if _, ok := v.([]any); ok {
		return "array"
	}
	return "object"
}

// jsonFail records a JSON syntax error, or returns an I/O error as a problem.
// decoded says it failed in a Decode, not a Token.
func (ld *loader) jsonFail(dec *json.Decoder, err error, decoded bool) {
	line := ld.lineAt(dec.InputOffset())
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		line, col := ld.posAt(jsonErrorAt(dec, se, decoded))
		ld.fatal = true
		ld.problem(line, col, Error, "invalid JSON: "+se.Error()+"; the rest of the file was not read", "expected an array of objects")
	case errors.Is(err, errRecordTooLong):
		ld.fail(line, fmt.Sprintf("JSON object longer than %d bytes; the rest of the file was not read", ld.opt.MaxRecordBytes), "")
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		ld.fail(line, "the JSON ends before the array is closed", "expected a closing ]")
	default:
		ld.fail(line, "cannot read the JSON: "+err.Error(), "")
	}
}

// jsonErrorAt is the input offset of the byte a syntax error is about. A
// Token's error, and a Decode's about what comes before the value (a
// missing comma), give it; the scanner's errors inside a value count only
// the bytes the decoder's values were scanned from, so the value is scanned
// again from the decoder's buffer, which holds it up to the error and
// begins at the decoder's offset (past the comma, which the Decode has
// consumed). decoded says the error is a Decode's.
func jsonErrorAt(dec *json.Decoder, se *json.SyntaxError, decoded bool) int64 {
	msg := se.Error()
	if !decoded || strings.HasPrefix(msg, "expected ") || msg == "not at beginning of value" {
		return se.Offset
	}
	start := dec.InputOffset()
	b, _ := io.ReadAll(dec.Buffered()) // at most the record limit: the decoder read no more
	var v json.RawMessage              // checked, not built
	var again *json.SyntaxError
	if errors.As(json.Unmarshal(b, &v), &again) {
		return start + again.Offset - 1
	}
	return start
}

// posIn is where offset off of raw, the JSON value that starts at offset
// base of the input, is: its line and its column in characters, counted
// within raw (the part of the line before raw, a bracket or a comma and
// spaces, is counted in bytes).
func (ld *loader) posIn(raw []byte, base, off int64) keyPos {
	line, col := ld.posAt(base + off)
	lineStart := base + off - int64(col-1) // in the input
	from := max(lineStart-base, 0)
	return keyPos{line, col - int(off-from) + utf8.RuneCount(raw[from:off])}
}

// posAt turns a byte offset into a 1-based line number and the 1-based
// byte column on that line.
func (ld *loader) posAt(off int64) (line, col int) {
	line = ld.lineAt(off)
	start := int64(0)
	if line > 1 {
		start = ld.lim.newlines[line-2] + 1
	}
	return line, int(off+ld.bom-start) + 1
}

// lineAt turns a byte offset into a 1-based line number.
func (ld *loader) lineAt(off int64) int {
	nl, off := ld.lim.newlines, off+ld.bom
	return 1 + sort.Search(len(nl), func(i int) bool { return nl[i] >= off })
}

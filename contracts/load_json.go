package contracts

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
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
		ld.jsonFail(dec, err)
		return nil
	}
	rec := make([]string, len(BosmanColumns))
	unknown := map[string]bool{}
	for dec.More() {
		ld.lim.mark()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, errRecordTooLong) {
				ld.ds.Read++
				ld.ds.Skipped++
			}
			ld.jsonFail(dec, err)
			return nil
		}
		ld.ds.Read++
		line := ld.lineAt(dec.InputOffset() - int64(len(raw)))
		var obj map[string]any
		od := json.NewDecoder(bytes.NewReader(raw))
		od.UseNumber()
		if err := od.Decode(&obj); err != nil {
			ld.ds.Skipped++
			ld.problem(line, 0, Error, fmt.Sprintf("element %d is %s, not an object", ld.ds.Read, jsonValueKind(raw)),
				`expected {"player": …, "contract_expires": …}`)
			continue
		}
		bad := false
		for i := range rec {
			rec[i] = ""
		}
		ld.jsonNums = 0
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			i := indexOf(BosmanColumns, k)
			if i < 0 {
				if !unknown[k] && !computedColumns[k] {
					unknown[k] = true
					ld.problem(line, 0, Warning, fmt.Sprintf("key %q is not one bosman knows; ignored", k),
						"bosman's keys are "+strings.Join(BosmanColumns, ","))
				}
				continue
			}
			switch v := obj[k].(type) {
			case nil:
			case string:
				rec[i] = v
			case json.Number:
				rec[i] = v.String()
				ld.jsonNums |= 1 << i
			case bool:
				rec[i] = fmt.Sprint(v)
			default:
				bad = true
				ld.problem(line, 0, Error, fmt.Sprintf("%s: a JSON %s, not a value", k, jsonKind(v)), "expected a string")
			}
		}
		if bad {
			ld.ds.Skipped++
			continue
		}
		ld.record(rec, line, nil)
		if ld.stop != nil {
			return ld.stop
		}
	}
	if _, err := dec.Token(); err != nil {
		ld.jsonFail(dec, err)
		return nil
	}
	if ld.ds.Read == 0 {
		ld.problem(1, 0, Warning, "no data rows: the array is empty", "")
	}
	return nil
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
func (ld *loader) jsonFail(dec *json.Decoder, err error) {
	line := ld.lineAt(dec.InputOffset())
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		line = ld.lineAt(se.Offset)
		ld.fail(line, "invalid JSON: "+se.Error()+"; the rest of the file was not read", "expected an array of objects")
	case errors.Is(err, errRecordTooLong):
		ld.fail(line, fmt.Sprintf("JSON object longer than %d bytes; the rest of the file was not read", ld.opt.MaxRecordBytes), "")
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		ld.fail(line, "the JSON ends before the array is closed", "expected a closing ]")
	default:
		ld.fail(line, "cannot read the JSON: "+err.Error(), "")
	}
}

// lineAt turns a byte offset into a 1-based line number.
func (ld *loader) lineAt(off int64) int {
	nl, off := ld.lim.newlines, off+ld.bom
	return 1 + sort.Search(len(nl), func(i int) bool { return nl[i] >= off })
}

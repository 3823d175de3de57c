package report

import (
	"encoding/json"
	"io"
	"strconv"
)

// jsonWriter writes an array of objects with the keys of Columns, one a
// line, or a single object.
type jsonWriter struct {
	w      io.Writer
	single bool
	n      int
	buf    []string
	b      []byte
}

// numeric columns are written as JSON numbers, empty ones as null.
var numeric = map[string]bool{"days_to_free_agency": true, "workdays_to_free_agency": true, "age": true, "market_value_eur": true}

func (jw *jsonWriter) Write(en *Entry) error {
	jw.buf = en.Fields(jw.buf)
	b := jw.b[:0]
	switch {
	case jw.single:
	case jw.n == 0:
		b = append(b, "[\n"...)
	default:
		b = append(b, ",\n"...)
	}
	jw.n++
	if !jw.single {
		b = append(b, "  "...)
	}
	b = append(b, '{')
	for i, col := range Columns {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, col)
		b = append(b, ": "...)
		v := jw.buf[i]
		switch {
		case v == "":
			b = append(b, "null"...)
		case numeric[col]:
			b = append(b, v...)
		default:
			q, _ := json.Marshal(v)
			b = append(b, q...)
		}
	}
	b = append(b, '}')
	jw.b = b
	_, err := jw.w.Write(b)
	return err
}

func (jw *jsonWriter) Close() error {
	var err error
	switch {
	case jw.single:
		_, err = io.WriteString(jw.w, "\n")
	case jw.n == 0:
		_, err = io.WriteString(jw.w, "[]\n")
	default:
		_, err = io.WriteString(jw.w, "\n]\n")
	}
	return err
}

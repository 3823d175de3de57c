package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/bosmanhq/bosman/rules"
)

// columns are the machine-readable output's columns, in order; README
// documents them and they are kept stable.
var columns = []string{
	"player_id", "player", "date_of_birth", "club", "association", "contract_signed",
	"contract_expires", "option_until", "free_agent_from", "foreign_precontract_from",
	"domestic_precontract_from", "status", "days_to_free_agency", "workdays_to_free_agency",
	"registration_from", "confidence", "source",
}

// fields returns en's values in the order of columns.
func (en *entry) fields(dst []string) []string {
	c, w := &en.c, en.w
	days, work := "", ""
	if d, wd, ok := w.Countdown(w.FreeAgent.Date); ok {
		days = strconv.Itoa(d)
		if wd >= 0 {
			work = strconv.Itoa(wd)
		}
	}
	reg := ""
	if w.Registration != nil {
		reg = w.Registration.From.String()
	}
	assoc := c.Association
	return append(dst[:0],
		c.PlayerID, c.Player, c.Birth.String(), c.Club, assoc, c.Signed.String(),
		c.Expires.String(), c.Option.Until.String(), w.FreeAgent.Date.String(), w.Foreign.Date.String(),
		w.Domestic.Date.String(), string(w.Status), days, work,
		reg, confidence(w).String(), c.Source,
	)
}

// confidence is the lowest confidence of the dates given for a contract;
// low once the as-of date is past the expiry, as the record may be stale.
func confidence(w *rules.Windows) rules.Confidence {
	if w.Status == rules.UnknownExpiry {
		return rules.Unknown
	}
	if w.Stale {
		return rules.Low
	}
	c := w.Foreign.Confidence
	if w.Domestic.Confidence != rules.Unknown {
		c = min(c, w.Domestic.Confidence)
	}
	if r := w.Registration; r != nil && r.Rule != nil {
		conf := r.Rule.Confidence
		if r.Period != nil && r.Period.Estimated {
			conf = rules.Low
		}
		c = min(c, conf)
	}
	return c
}

// rowWriter writes entries in a machine format.
type rowWriter interface {
	write(en *entry) error
	close() error
}

func newRowWriter(w io.Writer, format string, single bool) rowWriter {
	switch format {
	case "csv":
		return newDelimitedWriter(w, ',')
	case "tsv":
		return newDelimitedWriter(w, '\t')
	case "json":
		return &jsonWriter{w: w, single: single}
	case "markdown":
		return &markdownWriter{w: w}
	}
	panic("no row writer for " + format)
}

// csvWriter writes CSV or TSV as encoding/csv would (RFC 4180 quoting, \n
// line ends), appending straight to a buffer: dates and numbers never need
// quoting, so a row costs no allocation.
type csvWriter struct {
	w       io.Writer
	sep     byte
	neutral bool // CSV; TSV folds tabs and newlines in text to spaces
	b       []byte
}

func newDelimitedWriter(w io.Writer, sep byte) *csvWriter {
	cw := &csvWriter{w: w, sep: sep, neutral: sep == ','}
	for i, col := range columns {
		if i > 0 {
			cw.b = append(cw.b, sep)
		}
		cw.b = cw.text(cw.b, col, false)
	}
	cw.b = append(cw.b, '\n')
	return cw
}

func (cw *csvWriter) write(en *entry) error {
	c, w := &en.c, en.w
	b, sep := cw.b, cw.sep
	b = cw.text(b, c.PlayerID, true)
	b = append(b, sep)
	b = cw.text(b, c.Player, true)
	b = append(b, sep)
	b = c.Birth.AppendText(b)
	b = append(b, sep)
	b = cw.text(b, c.Club, true)
	b = append(b, sep)
	b = cw.text(b, c.Association, false)
	b = append(b, sep)
	for _, d := range [...]rules.Date{c.Signed, c.Expires, c.Option.Until, w.FreeAgent.Date, w.Foreign.Date, w.Domestic.Date} {
		b = d.AppendText(b)
		b = append(b, sep)
	}
	b = append(b, w.Status...)
	b = append(b, sep)
	if d, wd, ok := w.Countdown(w.FreeAgent.Date); ok {
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, sep)
		if wd >= 0 {
			b = strconv.AppendInt(b, int64(wd), 10)
		}
	} else {
		b = append(b, sep)
	}
	b = append(b, sep)
	if w.Registration != nil {
		b = w.Registration.From.AppendText(b)
	}
	b = append(b, sep)
	b = append(b, confidence(w).String()...)
	b = append(b, sep)
	b = cw.text(b, c.Source, true)
	b = append(b, '\n')
	cw.b = b
	if len(b) >= 32<<10 {
		return cw.flush()
	}
	return nil
}

// text appends a text field, neutralised (free text only) and quoted as
// encoding/csv quotes.
func (cw *csvWriter) text(b []byte, s string, free bool) []byte {
	if free && !cw.neutral {
		s = tsvFolder.Replace(s)
	}
	if free && s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		s = "'" + s // rare: a formula-like cell, which a spreadsheet would run
	}
	if !needsQuotes(s, cw.sep) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

var tsvFolder = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// needsQuotes is encoding/csv's rule: a separator, quote or line break
// anywhere, or white space first.
func needsQuotes(s string, sep byte) bool {
	if s == "" {
		return false
	}
	if s == `\.` {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '"' || c == sep {
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func (cw *csvWriter) flush() error {
	_, err := cw.w.Write(cw.b)
	cw.b = cw.b[:0]
	return err
}

func (cw *csvWriter) close() error { return cw.flush() }

type jsonWriter struct {
	w      io.Writer
	single bool
	n      int
	buf    []string
	b      []byte
}

// numeric columns are written as JSON numbers, empty ones as null.
var numeric = map[string]bool{"days_to_free_agency": true, "workdays_to_free_agency": true}

func (jw *jsonWriter) write(en *entry) error {
	jw.buf = en.fields(jw.buf)
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
	for i, col := range columns {
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

func (jw *jsonWriter) close() error {
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

type markdownWriter struct {
	w    io.Writer
	rows [][]string
}

func (mw *markdownWriter) write(en *entry) error {
	mw.rows = append(mw.rows, append([]string(nil), en.fields(nil)...))
	return nil
}

func (mw *markdownWriter) close() error {
	return renderTable(mw.w, columns, mw.rows, true, nil)
}

// renderTable draws a table for people: no borders, left-aligned, headers
// as given, trailing spaces trimmed so the output diffs cleanly. right
// lists the columns to align right.
func renderTable(w io.Writer, header []string, rows [][]string, markdown bool, right map[int]bool) error {
	var buf bytes.Buffer
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
		if right[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	}
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	} else {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{
				Lines:      tw.Lines{ShowHeaderLine: tw.On},
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
			},
		})))
	}
	t := tablewriter.NewTable(&buf, opts...)
	t.Header(header)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		if _, err := io.WriteString(w, strings.TrimRight(line, " ")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// ANSI colours for statuses, used only on a terminal.
func (e *env) paint(s string, st rules.Status) string {
	if !e.color {
		return s
	}
	code := ""
	switch st {
	case rules.UnderContract:
		code = "2" // dim
	case rules.ForeignOpen:
		code = "33" // yellow
	case rules.PrecontractOpen:
		code = "32" // green
	case rules.FreeAgent:
		code = "1;32" // bold green
	case rules.UnknownExpiry:
		code = "35"
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// paintDate colours, on a terminal, a window date that has been reached.
func (e *env) paintDate(d rules.Date, s string) string {
	if !e.color || d.IsZero() || d.After(e.asOf) {
		return s
	}
	return "\x1b[32m" + s + "\x1b[0m"
}

// statusText is the status in words, for tables.
func statusText(w *rules.Windows) string {
	switch w.Status {
	case rules.UnderContract:
		return "under contract"
	case rules.ForeignOpen:
		return "can sign abroad"
	case rules.PrecontractOpen:
		return "can sign anywhere"
	case rules.FreeAgent:
		if w.Stale {
			return "expired: check"
		}
		return "free agent"
	case rules.UnknownExpiry:
		return "expiry unknown"
	}
	return string(w.Status)
}

package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

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

// textColumns are the columns holding free text, neutralised in CSV.
var textColumns = map[int]bool{0: true, 1: true, 3: true, 16: true}

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

// confidence is the lowest confidence of the dates given for a contract.
func confidence(w *rules.Windows) rules.Confidence {
	if w.Status == rules.UnknownExpiry {
		return rules.Unknown
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

// neutralise keeps a spreadsheet from reading a text cell as a formula.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// rowWriter writes entries in a machine format.
type rowWriter interface {
	write(en *entry) error
	close() error
}

func newRowWriter(w io.Writer, format string, single bool) rowWriter {
	switch format {
	case "csv", "tsv":
		cw := csv.NewWriter(w)
		if format == "tsv" {
			cw.Comma = '\t'
		}
		cw.Write(columns)
		return &csvWriter{w: cw, neutral: format == "csv"}
	case "json":
		return &jsonWriter{w: w, single: single}
	case "markdown":
		return &markdownWriter{w: w}
	}
	panic("no row writer for " + format)
}

type csvWriter struct {
	w       *csv.Writer
	neutral bool
	buf     []string
}

func (cw *csvWriter) write(en *entry) error {
	cw.buf = en.fields(cw.buf)
	for i := range cw.buf {
		if textColumns[i] {
			if cw.neutral {
				cw.buf[i] = neutralise(cw.buf[i])
			} else {
				cw.buf[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(cw.buf[i])
			}
		}
	}
	return cw.w.Write(cw.buf)
}

func (cw *csvWriter) close() error { cw.w.Flush(); return cw.w.Error() }

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

// statusText is the status in words, for tables.
func statusText(st rules.Status) string {
	switch st {
	case rules.UnderContract:
		return "under contract"
	case rules.ForeignOpen:
		return "abroad open"
	case rules.PrecontractOpen:
		return "all open"
	case rules.FreeAgent:
		return "free agent"
	case rules.UnknownExpiry:
		return "expiry unknown"
	}
	return string(st)
}

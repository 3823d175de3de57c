package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/bosmanhq/bosman/rules"
)

// Columns are the machine-readable output's columns, in order; README
// documents them and they are kept stable: the first 17 as they always
// were, then the data's freshness, the player's profile and the day a club
// of the --to association may sign him, appended after source.
var Columns = []string{
	"player_id", "player", "date_of_birth", "club", "association", "contract_signed",
	"contract_expires", "option_until", "free_agent_from", "foreign_precontract_from",
	"domestic_precontract_from", "status", "days_to_free_agency", "workdays_to_free_agency",
	"registration_from", "confidence", "source",
	"data_as_of", "data_status", "position", "sub_position", "nationality", "age",
	"market_value_eur", "can_sign_from", "can_sign_condition",
}

// Fields returns en's values in the order of Columns, appended to dst[:0].
func (en *Entry) Fields(dst []string) []string {
	c, w := &en.Contract, en.Windows
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
	age, value := "", ""
	if a := en.Age(); a >= 0 {
		age = strconv.Itoa(a)
	}
	if c.MarketValue > 0 {
		value = strconv.FormatInt(c.MarketValue, 10)
	}
	canSign, condition := en.CanSign()
	return append(dst[:0],
		c.PlayerID, c.Player, c.Birth.String(), c.Club, c.Association, c.Signed.String(),
		c.Expires.String(), c.Option.Until.String(), w.FreeAgent.Date.String(), w.Foreign.Date.String(),
		w.Domestic.Date.String(), string(w.Status), days, work,
		reg, Confidence(w).String(), c.Source,
		en.DataAsOf.String(), en.DataStatus, c.Position, c.SubPosition, c.Nationality, age,
		value, canSign.String(), condition,
	)
}

// cellEncoder writes the cells of a row in one machine format. i is the
// cell's index in Columns, for what goes before it: a separator, a key.
type cellEncoder interface {
	// text is text from the data; free text is neutralised in CSV and TSV.
	text(b []byte, i int, s string, free bool) []byte
	// word is one of bosman's own words (a status): never quoted.
	word(b []byte, i int, s string) []byte
	date(b []byte, i int, d rules.Date) []byte
	// number is n, or an empty cell when ok is false.
	number(b []byte, i int, n int64, ok bool) []byte
}

// appendRow appends en's cells, in the order of Columns (as Fields gives
// them), as e writes them: one place says what each column holds for the
// CSV, TSV and JSON writers, without a string per cell.
func appendRow[E cellEncoder](b []byte, e E, en *Entry) []byte {
	c, w := &en.Contract, en.Windows
	b = e.text(b, 0, c.PlayerID, true)
	b = e.text(b, 1, c.Player, true)
	b = e.date(b, 2, c.Birth)
	b = e.text(b, 3, c.Club, true)
	b = e.text(b, 4, c.Association, false)
	b = e.date(b, 5, c.Signed)
	b = e.date(b, 6, c.Expires)
	b = e.date(b, 7, c.Option.Until)
	b = e.date(b, 8, w.FreeAgent.Date)
	b = e.date(b, 9, w.Foreign.Date)
	b = e.date(b, 10, w.Domestic.Date)
	b = e.word(b, 11, string(w.Status))
	days, work, ok := w.Countdown(w.FreeAgent.Date)
	b = e.number(b, 12, int64(days), ok)
	b = e.number(b, 13, int64(work), ok && work >= 0)
	var reg rules.Date
	if w.Registration != nil {
		reg = w.Registration.From
	}
	b = e.date(b, 14, reg)
	b = e.word(b, 15, Confidence(w).String())
	b = e.text(b, 16, c.Source, true)
	b = e.date(b, 17, en.DataAsOf)
	b = e.word(b, 18, en.DataStatus)
	b = e.text(b, 19, c.Position, true)
	b = e.text(b, 20, c.SubPosition, true)
	b = e.text(b, 21, c.Nationality, true)
	age := en.Age()
	b = e.number(b, 22, int64(age), age >= 0)
	b = e.number(b, 23, c.MarketValue, c.MarketValue > 0)
	day, condition := en.CanSign()
	b = e.date(b, 24, day)
	return e.text(b, 25, condition, true)
}

// Confidence is the lowest confidence of the dates given for a contract;
// low once the as-of date is past the expiry, as the record may be stale.
func Confidence(w *rules.Windows) rules.Confidence {
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

// RowWriter writes entries, one after another, in a machine format.
type RowWriter interface {
	Write(en *Entry) error
	Close() error // ends the output; nothing may be written after it
}

// NewRowWriter returns the writer of format (csv, tsv, json or markdown) to
// w. single writes one JSON object rather than an array, for one player.
func NewRowWriter(w io.Writer, format string, single bool) (RowWriter, error) {
	switch format {
	case "csv":
		return newDelimitedWriter(w, ','), nil
	case "tsv":
		return newDelimitedWriter(w, '\t'), nil
	case "json":
		return &jsonWriter{w: w, single: single}, nil
	case "markdown":
		return &markdownWriter{w: w}, nil
	}
	return nil, fmt.Errorf("no row writer for format %q", format)
}

// WriteRows writes entries to w in format, as NewRowWriter does.
func WriteRows(w io.Writer, format string, single bool, entries []Entry) error {
	rw, err := NewRowWriter(w, format, single)
	if err != nil {
		return err
	}
	for i := range entries {
		if err := rw.Write(&entries[i]); err != nil {
			return err
		}
	}
	return rw.Close()
}

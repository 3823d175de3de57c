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

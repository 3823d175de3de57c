package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// icsWriter writes iCalendar (RFC 5545) all-day events: the window openings
// and the free-agency day of each contract.
type icsWriter struct {
	w     *bufio.Writer
	stamp string
	err   error
}

// NewICSWriter returns a RowWriter of iCalendar events to w, stamped with
// asOf.
func NewICSWriter(w io.Writer, asOf rules.Date) RowWriter {
	iw := &icsWriter{w: bufio.NewWriter(w), stamp: compact(asOf) + "T000000Z"}
	iw.line("BEGIN:VCALENDAR")
	iw.line("VERSION:2.0")
	iw.line("PRODID:-//bosman//contract windows//EN")
	iw.line("CALSCALE:GREGORIAN")
	iw.line("X-WR-CALNAME:bosman contract windows")
	return iw
}

func (iw *icsWriter) Write(en *Entry) error {
	w := en.Windows
	if w.Status == rules.UnknownExpiry {
		return iw.err
	}
	id := en.Contract.PlayerID
	if id == "" {
		id = contracts.Fold(en.Contract.Player)
	}
	uid := strings.ReplaceAll(id, " ", "-")
	iw.event(en, uid, "foreign", w.Foreign.Date, "pre-contract window abroad opens", w.Foreign.Rule)
	if w.Domestic.Date != w.Foreign.Date {
		iw.event(en, uid, "domestic", w.Domestic.Date, "pre-contract window at home opens", w.Domestic.Rule)
	}
	iw.event(en, uid, "free", w.FreeAgent.Date, "free agent", nil)
	return iw.err
}

// event writes the event of kind on day d, unless d is zero; uid names
// the player in the event's UID.
func (iw *icsWriter) event(en *Entry, uid, kind string, d rules.Date, summary string, r *rules.Rule) {
	if d.IsZero() {
		return
	}
	c := &en.Contract
	iw.line("BEGIN:VEVENT")
	iw.line("UID:" + uid + "-" + kind + "-" + compact(d) + "@bosman")
	iw.line("DTSTAMP:" + iw.stamp)
	iw.line("DTSTART;VALUE=DATE:" + compact(d))
	iw.line("DTEND;VALUE=DATE:" + compact(d.AddDays(1)))
	iw.line("SUMMARY:" + escapeICS(c.Player+" ("+c.Club+"): "+summary))
	desc := fmt.Sprintf("Contract expires %s.", c.Expires)
	if r != nil {
		desc += fmt.Sprintf(" Rule: %s (%s confidence). %s", ruleName(r), r.Confidence, r.Text)
	} else {
		desc += " Free from the day after the contract's last day."
	}
	if en.Windows.Stale {
		desc += " The contract has ended: check the data is current."
	}
	desc += " Data: " + DataSource(en) + "."
	if c.Source != "" {
		desc += " Source: " + c.Source
	}
	iw.line("DESCRIPTION:" + escapeICS(desc))
	iw.line("TRANSP:TRANSPARENT")
	iw.line("END:VEVENT")
}

func (iw *icsWriter) Close() error {
	iw.line("END:VCALENDAR")
	if iw.err != nil {
		return iw.err
	}
	return iw.w.Flush()
}

// line writes a content line folded at 75 octets, ending in CRLF.
func (iw *icsWriter) line(s string) {
	if iw.err != nil {
		return
	}
	for limit := 75; len(s) > limit; limit = 74 { // a continuation line starts with a space
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		if _, iw.err = iw.w.WriteString(s[:cut] + "\r\n "); iw.err != nil {
			return
		}
		s = s[cut:]
	}
	_, iw.err = iw.w.WriteString(s + "\r\n")
}

var icsEscaper = strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", "")

func escapeICS(s string) string { return icsEscaper.Replace(s) }

func compact(d rules.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

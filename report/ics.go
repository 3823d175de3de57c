package report

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Calendar is what an iCalendar export says of itself and which events
// it keeps.
type Calendar struct {
	// Name is the calendar's name in a calendar application
	// (X-WR-CALNAME); empty: "bosman contract windows".
	Name string
	// From leaves out the events before this day; zero keeps them all.
	// Events before the as-of date that are kept say they have passed.
	From rules.Date
}

// icsPeriodYears bounds the registration periods a calendar lists: those
// up to this many years after the as-of date (or From), so a contract
// ending in 9999 does not list eight thousand years of estimated periods.
const icsPeriodYears = 5

// icsNamesMax is how many players an event for many (a deadline day)
// names before it counts the rest.
const icsNamesMax = 20

// icsWriter writes iCalendar (RFC 5545) all-day events: the window openings
// and the free-agency day of each contract; the deadline days of their rule
// sets, each once; and with a --to association, its registration periods.
// Every value is escaped and folded: nothing in the data can end a line,
// a property or an event.
type icsWriter struct {
	w        *bufio.Writer
	q        *Query
	cal      Calendar
	stamp    string
	started  bool
	last     rules.Date // latest event day written
	skipped  int        // events left out: their day has no four-digit year
	deadline map[deadlineKey]*deadlineDay
	err      error
}

type deadlineKey struct {
	rule *rules.Rule
	day  rules.Date
}

// deadlineDay is a deadline of a rule set on one day and the players it
// concerns.
type deadlineDay struct {
	set   string
	names []string
	n     int
}

// NewICSWriter returns a RowWriter of iCalendar events to w, answered by q
// and stamped with its as-of date.
func NewICSWriter(w io.Writer, q *Query, cal Calendar) RowWriter {
	return &icsWriter{w: bufio.NewWriter(w), q: q, cal: cal, stamp: compact(q.AsOf) + "T000000Z", deadline: map[deadlineKey]*deadlineDay{}}
}

func (iw *icsWriter) start() {
	if iw.started {
		return
	}
	iw.started = true
	name := iw.cal.Name
	if name == "" {
		name = "bosman contract windows"
	}
	iw.line("BEGIN:VCALENDAR")
	iw.line("VERSION:2.0")
	iw.line("PRODID:-//bosman//contract windows//EN")
	iw.line("CALSCALE:GREGORIAN")
	iw.line("X-WR-CALNAME:" + escapeICS(name))
}

func (iw *icsWriter) Write(en *Entry) error {
	iw.start()
	w := en.Windows
	if w.Status == rules.UnknownExpiry {
		return iw.err
	}
	c := &en.Contract
	uid := playerUID(c)
	who := c.Player
	if c.Club != "" {
		who += " (" + c.Club + ")"
	}
	iw.event(uid+"-foreign", w.Foreign.Date, who+": pre-contract window abroad opens", contractDesc(en, w.Foreign.Rule))
	if w.Domestic.Date != w.Foreign.Date {
		iw.event(uid+"-domestic", w.Domestic.Date, who+": pre-contract window at home opens", contractDesc(en, w.Domestic.Rule))
	}
	iw.event(uid+"-free", w.FreeAgent.Date, who+": free agent", contractDesc(en, nil))
	for _, n := range w.Notes {
		if n.Kind != "deadline" || n.Rule == nil || n.Date.IsZero() {
			continue
		}
		k := deadlineKey{n.Rule, n.Date}
		dd := iw.deadline[k]
		if dd == nil {
			dd = &deadlineDay{set: w.Set.Code}
			iw.deadline[k] = dd
		}
		dd.n++
		if len(dd.names) < icsNamesMax {
			dd.names = append(dd.names, c.Player)
		}
	}
	return iw.err
}

// contractDesc is the description of an event of en's contract decided by
// rule r (nil: the free-agency day).
func contractDesc(en *Entry, r *rules.Rule) string {
	c := &en.Contract
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
	switch en.DataStatus {
	case DataStaleClub:
		desc += " Warning: " + en.StaleClubNote() + "."
	case DataOld:
		desc += " Warning: the data is more than a season older than the as-of date; check for a renewal or a move."
	case DataBeforeData:
		desc += " Warning: the as-of date is before the data's; a contract signed in between may be missing."
	case DataUnknown:
		desc += " The data does not say when its facts were confirmed."
	}
	if c.Source != "" {
		desc += " Source: " + c.Source
	}
	return desc
}

// playerUID is the part of an event's UID that names the player: a safe
// form of his id (or name), and a hash of the row's identity, so that
// three players called Danilo without ids get three UIDs, and the same row
// gets the same UID in every export.
func playerUID(c *contracts.Contract) string {
	id := c.PlayerID
	if id == "" {
		id = contracts.Fold(c.Player)
	}
	h := fnv.New64a()
	for _, s := range []string{c.PlayerID, c.Player, c.Birth.String(), c.Club, c.Association} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return uidSafe(id, 40) + "-" + strconv.FormatUint(h.Sum64()&0xffffffffff, 36)
}

// uidSafe keeps the letters, digits, '.' and '-' of s (others become '-'),
// at most max bytes.
func uidSafe(s string, max int) string {
	b := make([]byte, 0, min(len(s), max))
	for i := 0; i < len(s) && len(b) < max; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.':
			b = append(b, c)
		case len(b) > 0 && b[len(b)-1] != '-':
			b = append(b, '-')
		}
	}
	out := strings.Trim(string(b), "-")
	if out == "" {
		return "x"
	}
	return out
}

// icsDateOK says whether d can be written as an iCalendar DATE (four-digit
// years), with the day after it for DTEND.
func icsDateOK(d rules.Date) bool {
	y := d.AddDays(1).Year()
	return d.Year() >= 1 && y <= 9999
}

// event writes an all-day event on day d, unless d is zero, before From,
// or has no four-digit year (counted: the command says so). uid is
// already safe.
func (iw *icsWriter) event(uid string, d rules.Date, summary, desc string) {
	if d.IsZero() || !iw.cal.From.IsZero() && d.Before(iw.cal.From) {
		return
	}
	if !icsDateOK(d) {
		iw.skipped++
		return
	}
	if d.Before(iw.q.AsOf) {
		desc = "Passed: " + d.Human() + " is before the as-of date, " + iw.q.AsOf.Human() + ". " + desc
	}
	if d.After(iw.last) {
		iw.last = d
	}
	iw.line("BEGIN:VEVENT")
	iw.line("UID:" + uid + "-" + compact(d) + "@bosman")
	iw.line("DTSTAMP:" + iw.stamp)
	iw.line("DTSTART;VALUE=DATE:" + compact(d))
	iw.line("DTEND;VALUE=DATE:" + compact(d.AddDays(1)))
	iw.line("SUMMARY:" + escapeICS(summary))
	iw.line("DESCRIPTION:" + escapeICS(desc))
	iw.line("TRANSP:TRANSPARENT")
	iw.line("END:VEVENT")
}

func (iw *icsWriter) Close() error {
	iw.start()
	iw.deadlines()
	iw.periods()
	iw.line("END:VCALENDAR")
	if iw.err != nil {
		return iw.err
	}
	return iw.w.Flush()
}

// deadlines writes one event per deadline day of the contracts written,
// naming the players it concerns.
func (iw *icsWriter) deadlines() {
	keys := make([]deadlineKey, 0, len(iw.deadline))
	for k := range iw.deadline {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].day != keys[j].day {
			return keys[i].day.Before(keys[j].day)
		}
		return ruleName(keys[i].rule) < ruleName(keys[j].rule)
	})
	for _, k := range keys {
		dd := iw.deadline[k]
		names := strings.Join(dd.names, ", ")
		if dd.n > len(dd.names) {
			names += fmt.Sprintf(" and %d more", dd.n-len(dd.names))
		}
		summary := fmt.Sprintf("%s deadline (%s): %s", dd.set, ruleName(k.rule), Count(dd.n, "contract"))
		desc := fmt.Sprintf("%s (%s confidence) For: %s.%s", k.rule.Text, k.rule.Confidence, names, sourcesText(k.rule))
		iw.event("deadline-"+uidSafe(dd.set, 12)+"-"+uidSafe(ruleName(k.rule), 40), k.day, summary, desc)
	}
}

// periods writes the opening and closing days of the registration periods
// of the --to association, from the as-of date (or From) to the last
// event written, at most icsPeriodYears on.
func (iw *icsWriter) periods() {
	set := iw.q.Book.Set(iw.q.To)
	if iw.q.To == "" || set == nil {
		return
	}
	from := iw.q.AsOf
	if !iw.cal.From.IsZero() {
		from = iw.cal.From
	}
	to := rules.MaxDate(iw.last, from.AddMonths(12))
	to = rules.MinDate(to, from.AddMonths(12*icsPeriodYears))
	for _, p := range set.PeriodsBetween(from, to) {
		what := fmt.Sprintf("%s %s registration period %s", set.Code, p.Name, p.Season)
		est := ""
		if p.Estimated {
			what = fmt.Sprintf("%s %s registration period %d (estimated)", set.Code, p.Name, p.Opens.Year())
			est = " Estimated from the usual pattern: the dates are not published yet; check them against FIFA TMS."
		}
		desc := fmt.Sprintf("%s: %s to %s (%s confidence).%s %s%s", what, p.Opens, p.Closes, p.Confidence, est, p.Text, sourcesText(&p.Rule))
		base := "period-" + uidSafe(set.Code, 12) + "-" + uidSafe(p.Name, 20)
		iw.event(base+"-opens", p.Opens, what+" opens", desc)
		iw.event(base+"-closes", p.Closes, what+" closes (last day)", desc)
	}
}

// sourcesText is " Sources: ..." for a rule with sources.
func sourcesText(r *rules.Rule) string {
	if len(r.Sources) == 0 {
		return ""
	}
	return " Sources: " + strings.Join(r.Sources, " ")
}

// line writes a content line folded at 75 octets, ending in CRLF; a fold
// never splits a UTF-8 sequence.
func (iw *icsWriter) line(s string) {
	if iw.err != nil {
		return
	}
	for limit := 75; len(s) > limit; limit = 74 { // a continuation line starts with a space
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		if _, iw.err = iw.w.WriteString(s[:cut]); iw.err != nil {
			return
		}
		if _, iw.err = iw.w.WriteString("\r\n "); iw.err != nil {
			return
		}
		s = s[cut:]
	}
	if _, iw.err = iw.w.WriteString(s); iw.err == nil {
		_, iw.err = iw.w.WriteString("\r\n")
	}
}

// escapeICS is s as an iCalendar TEXT value (RFC 5545 3.3.11): backslash,
// semicolon and comma escaped, a line break (CRLF, CR or LF) written \n,
// other control characters as spaces and invalid UTF-8 as U+FFFD.
func escapeICS(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == '\\' || c == ';' || c == ',' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\', c == ';', c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 && c != '\t', c == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func compact(d rules.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

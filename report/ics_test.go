package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// writeICS writes entries as a calendar answered by q.
func writeICS(t testing.TB, q *Query, cal Calendar, cs ...contracts.Contract) string {
	t.Helper()
	var b bytes.Buffer
	rw := NewICSWriter(&b, q, cal)
	for _, c := range cs {
		en := q.Answer(c)
		if err := rw.Write(&en); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// parseICS parses out with golang-ical and checks that it has as many
// events as BEGIN:VEVENT lines were written, each line at most 75 octets
// of valid UTF-8 ending in CRLF.
func parseICS(t testing.TB, out string) *ics.Calendar {
	t.Helper()
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("does not end in CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) || strings.ContainsAny(line, "\r\n") {
			t.Fatalf("line %d: %d octets, valid UTF-8 %v: %q", i+1, len(line), utf8.ValidString(line), line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("golang-ical: %v\n%s", err, out)
	}
	if got, want := len(cal.Events()), strings.Count(out, "\r\nBEGIN:VEVENT\r\n"); got != want {
		t.Fatalf("golang-ical reads %d events, %d were written:\n%s", got, want, out)
	}
	return cal
}

// TestICSEvents: Konaté as of 7 Oct 2025: abroad from 1 Jan 2026 (FIFA
// RSTP art. 18.3: six months before he is free on 1 Jul 2026), at home
// from 17 May 2026 (the day after the third Saturday in May: 2, 9, 16
// May 2026), free on 1 Jul 2026, and England's offer deadline on that
// third Saturday, 16 May 2026; each an all-day event ending the next day.
func TestICSEvents(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	out := writeICS(t, q, Calendar{Name: "bosman: Liverpool FC contract windows, as of 7 Oct 2025"}, konate())
	cal := parseICS(t, out)
	want := map[string]string{"foreign": "20260101", "domestic": "20260517", "free": "20260701", "deadline-ENG-eng-offer-deadline": "20260516"}
	if len(cal.Events()) != len(want) {
		t.Errorf("%d events, want %d:\n%s", len(cal.Events()), len(want), out)
	}
	for _, ev := range cal.Events() {
		uid := ev.Id()
		found := false
		for kind, day := range want {
			if strings.Contains(uid, kind+"-"+day+"@bosman") {
				found = true
				if !strings.HasPrefix(uid, "357119-") && !strings.HasPrefix(uid, "deadline-") {
					t.Errorf("UID %s does not start with the player id", uid)
				}
			}
		}
		if !found {
			t.Errorf("unexpected event %s", uid)
		}
	}
	if !strings.Contains(out, "DTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260102\r\n") {
		t.Errorf("the window abroad is not the all-day event of 1 Jan 2026")
	}
	if !strings.Contains(out, "X-WR-CALNAME:bosman: Liverpool FC contract windows\\, as of 7 Oct 2025\r\n") {
		t.Errorf("calendar name not escaped or missing:\n%s", out)
	}
	if strings.Contains(out, "Passed") {
		t.Errorf("no event of Konaté's is before 7 Oct 2025, yet one says it passed")
	}
}

// TestICSInjection is the reproduction: a player_id with line
// breaks wrote END:VEVENT, BEGIN:VEVENT and UID:fake@evil as lines of
// their own, which golang-ical read as a fake event.
func TestICSInjection(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	c := konate()
	c.PlayerID = "1\nEND:VEVENT\nBEGIN:VEVENT\nUID:fake@evil\nDTSTART;VALUE=DATE:20260101\nSUMMARY:FAKE\nEND:VEVENT\nBEGIN:VEVENT\nX-A:b"
	c.Player = "A One\r\nEND:VCALENDAR"
	c.Club = "Club;X,Y\\Z\rBEGIN:VEVENT"
	c.Source = "https://example.org/\nDTSTART:1"
	out := writeICS(t, q, Calendar{Name: "x\r\nBEGIN:VEVENT"}, c)
	cal := parseICS(t, out)
	if n := len(cal.Events()); n != 4 {
		t.Errorf("%d events, want Konaté's 4:\n%s", n, out)
	}
	for _, ev := range cal.Events() {
		if ev.Id() == "fake@evil" || strings.ContainsAny(ev.Id(), "\r\n:;,\\ ") {
			t.Errorf("UID %q carries raw input", ev.Id())
		}
	}
	for _, line := range strings.Split(out, "\r\n") {
		if strings.HasPrefix(line, "SUMMARY:FAKE") || strings.HasPrefix(line, "UID:fake") || line == "END:VCALENDAR" && !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
			t.Errorf("injected line %q", line)
		}
	}
	// golang-ical gives the value unescaped: the text as it was, one line break each
	sum := cal.Events()[0].GetProperty(ics.ComponentPropertySummary).Value
	if want := "A One\nEND:VCALENDAR (Club;X,Y\\Z\nBEGIN:VEVENT): pre-contract window abroad opens"; sum != want {
		t.Errorf("summary %q, want %q", sum, want)
	}
}

// TestICSUIDsUnique: three players called Danilo, none with an id, shared
// danilo-foreign-20260101@bosman; each now has UIDs of his own, the same
// in every export.
func TestICSUIDsUnique(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	var cs []contracts.Contract
	for i, club := range []string{"Juventus", "Nottingham Forest", "Flamengo"} {
		cs = append(cs, contracts.Contract{Player: "Danilo", Club: club, Association: "ITA", Birth: rules.D(1991+i, 7, 15), Expires: rules.D(2026, 6, 30)})
	}
	out := writeICS(t, q, Calendar{}, cs...)
	cal := parseICS(t, out)
	seen := map[string]bool{}
	for _, ev := range cal.Events() {
		if seen[ev.Id()] {
			t.Errorf("UID %s twice", ev.Id())
		}
		seen[ev.Id()] = true
	}
	if len(seen) != 6 { // abroad and free for each: Italy's date at home is 1 January too
		t.Errorf("%d UIDs, want 6", len(seen))
	}
	if again := writeICS(t, q, Calendar{}, cs...); again != out {
		t.Errorf("a second export gives other UIDs")
	}
}

// TestICSYearLimit: a contract ending 31 Dec 9999 makes him free on
// 1 Jan 10000, a day iCalendar cannot write (four-digit years): that event
// is left out and the export says so; the window abroad (1 Jul 9999) stays.
func TestICSYearLimit(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	c := konate()
	c.Association, c.Expires = "GER", rules.D(9999, 12, 31)
	var b bytes.Buffer
	x, err := NewExport(&b, "ics", q, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Write(&c); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	cal := parseICS(t, b.String())
	if len(cal.Events()) != 1 || !strings.Contains(b.String(), "DTSTART;VALUE=DATE:99990701\r\n") {
		t.Errorf("want the window abroad of 1 Jul 9999 alone:\n%s", b.String())
	}
	if w := x.Warnings(); len(w) != 1 || !strings.Contains(w[0], "1 event left out") {
		t.Errorf("warnings %q", w)
	}
}

// TestICSCalendarQuery: with --to ENG the calendar lists England's
// registration periods (the summer 2026 period opens 15 Jun 2026 and closes
// 1 Sep 2026 in the rule set), once however many players; --from drops
// what comes before it; events already past on the as-of date say so.
func TestICSCalendarQuery(t *testing.T) {
	q := testQuery(t, rules.D(2026, 3, 1), "ENG")
	k := konate()
	r := konate()
	r.PlayerID, r.Player = "86202", "Antonio Rüdiger"
	out := writeICS(t, q, Calendar{}, k, r)
	parseICS(t, out)
	if n := strings.Count(out, "SUMMARY:ENG summer registration period 2026/27 opens\r\n"); n != 1 {
		t.Errorf("summer 2026 period opens %d times, want once:\n%s", n, out)
	}
	if n := strings.Count(out, "deadline-ENG-eng-offer-deadline-20260516@bosman"); n != 1 {
		t.Errorf("the offer deadline %d times, want once", n)
	}
	if !strings.Contains(out, "SUMMARY:ENG deadline (eng-offer-deadline): 2 contracts\r\n") {
		t.Errorf("the deadline does not count both contracts")
	}
	// 1 Jan 2026, the window abroad, is before 1 Mar 2026
	if !strings.Contains(out, "DESCRIPTION:Passed: 1 Jan 2026 is before the as-of date\\, 1 Mar 2026.") {
		t.Errorf("a past event does not say it has passed:\n%s", out)
	}
	from := writeICS(t, q, Calendar{From: rules.D(2026, 3, 1)}, k, r)
	parseICS(t, from)
	if strings.Contains(from, "DTSTART;VALUE=DATE:20260101") || strings.Contains(from, "Passed") {
		t.Errorf("--from 2026-03-01 keeps an event of 1 Jan 2026")
	}
	if !strings.Contains(from, "DTSTART;VALUE=DATE:20260701") {
		t.Errorf("--from 2026-03-01 drops the free-agency day")
	}
}

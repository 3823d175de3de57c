package rules

import (
	"slices"
	"testing"
	"time"
)

// A rule file may list fixed public holidays for a country rickar/cal does
// not cover: Uruguay's 18 July (Constitution Day) falls on a Saturday in 2026,
// 25 August (Independence) on a Tuesday.
func TestExtraHolidays(t *testing.T) {
	s, err := Parse([]byte(`code = "XXX"
name = "Test"
[calendar]
text = "weekends and two fixed holidays"
sources = ["https://example.org/holidays/uruguay"]
confidence = "low"
extra = [{ name = "Independence Day", month = 8, day = 25 }, { name = "Constitution Day", month = 7, day = 18 }]
`), "xxx.toml")
	if err != nil {
		t.Fatal(err)
	}
	w := s.Calendar.work
	// Mon 24 Aug to Fri 28 Aug 2026: five weekdays, one a holiday.
	if n := w.Between(D(2026, 8, 24), D(2026, 8, 29)); n != 4 {
		t.Errorf("working days 24-28 Aug 2026 = %d, want 4 (25 Aug is Independence Day)", n)
	}
	if w.IsWorkday(D(2026, 8, 25)) {
		t.Error("25 Aug 2026 should be a holiday")
	}
	if _, err := Parse([]byte("code = \"XXX\"\nname = \"T\"\n[calendar]\ntext = \"t\"\nsources = [\"https://example.org/a\"]\nconfidence = \"low\"\nextra = [{ name = \"Leap\", month = 2, day = 29 }]\n"), "xxx.toml"); err == nil {
		t.Error("29 February as a fixed holiday should be refused: it does not exist every year")
	}
}

// An association without a rule set gets FIFA's date abroad at FIFA's
// confidence, but the date at home is an assumption: never high.
func TestFallbackDomesticIsAssumed(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := b.Windows(Contract{Association: "XYZ", Expires: D(2026, 6, 30)}, Query{AsOf: D(2025, 10, 7)})
	if !w.Fallback {
		t.Fatal("XYZ has no rule set: want the FIFA fallback")
	}
	if w.Foreign.Date != D(2026, 1, 1) || w.Foreign.Confidence != High {
		t.Errorf("abroad: %s %s, want 2026-01-01 high (FIFA RSTP 18.3)", w.Foreign.Date, w.Foreign.Confidence)
	}
	if w.Domestic.Date != D(2026, 1, 1) || w.Domestic.Confidence != Low {
		t.Errorf("at home: %s %s, want 2026-01-01 low (assumed)", w.Domestic.Date, w.Domestic.Confidence)
	}
}

// RFS art. 14: a player whose contract ended before a period closed may be
// registered for 30 days after the close. For the estimated 2026/27 summer
// period (20 Jun to 10 Sep 2026) that is until 10 Oct 2026; on 15 Oct he
// waits for the winter period (23 Jan 2027, estimated).
func TestFreeAgentsDaysAfterClose(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	c := Contract{Association: "RUS", Expires: D(2026, 6, 30)}
	w := b.Windows(c, Query{AsOf: D(2026, 10, 1), To: "RUS"})
	if r := w.Registration; r == nil || !r.Exception || r.From != D(2026, 10, 1) || r.Until != D(2026, 10, 10) {
		t.Errorf("on 1 Oct 2026: %+v, want the exception until 2026-10-10", r)
	}
	w = b.Windows(c, Query{AsOf: D(2026, 10, 15), To: "RUS"})
	if r := w.Registration; r == nil || r.Exception || r.From != D(2027, 1, 23) {
		t.Errorf("on 15 Oct 2026: %+v, want the winter period from 2027-01-23", r)
	}
}

// TestWorkdaysBetween counts working days on a calendar of Saturday and
// Sunday only, by hand: June 2026 starts on a Monday and has 22 weekdays;
// 28 December 2026 (a Monday) to 5 January 2027 holds Mon-Thu, Friday 1
// January and Monday 4 January; 2026 and 2027, 365 days each starting on
// a Thursday and a Friday, have 261 weekdays each. The same questions
// asked again, in another order and for days that share a slot of the
// cache (64 days apart), and days outside the table (2300), give the same
// answers as counting the days one by one.
func TestWorkdaysBetween(t *testing.T) {
	w, err := newWorkdays("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		a, b Date
		want int
	}{
		{D(2026, 6, 1), D(2026, 7, 1), 22},
		{D(2026, 12, 28), D(2027, 1, 5), 6},
		{D(2026, 1, 1), D(2028, 1, 1), 522},
		{D(2026, 6, 1), D(2026, 6, 2), 1},
		{D(2026, 6, 1).AddDays(64), D(2026, 6, 1).AddDays(65), 1}, // Tuesday 4 August, the same slot
		{D(2026, 6, 6), D(2026, 6, 8), 0},                         // a weekend
		{D(2026, 7, 1), D(2026, 6, 1), 0},                         // the wrong way round
	}
	count := func(a, b Date) (n int) {
		for d := a; d.Before(b); d = d.AddDays(1) {
			if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
				n++
			}
		}
		return n
	}
	for round := range 3 {
		for _, c := range cases {
			if got := w.Between(c.a, c.b); got != c.want || got != count(c.a, c.b) {
				t.Errorf("round %d: Between(%v, %v) = %d, want %d (one by one: %d)", round, c.a, c.b, got, c.want, count(c.a, c.b))
			}
		}
		slices.Reverse(cases)
	}
	for _, c := range [][2]Date{{D(2299, 12, 1), D(2300, 2, 1)}, {D(1899, 12, 1), D(1900, 2, 1)}} {
		for range 2 {
			if got, want := w.Between(c[0], c[1]), count(c[0], c[1]); got != want {
				t.Errorf("Between(%v, %v) = %d, want %d", c[0], c[1], got, want)
			}
		}
	}
}

package rules

import (
	"testing"
	"time"
)

func TestDateRoundTrip(t *testing.T) {
	// Every day from 1900 to 2200 converts to year, month, day and back, and
	// agrees with the standard library on weekday and day count.
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	first := D(1900, time.January, 1)
	for i := 0; i < 300*366; i++ {
		tm := start.AddDate(0, 0, i)
		d := first.AddDays(i)
		y, m, dd := d.Civil()
		if y != tm.Year() || m != tm.Month() || dd != tm.Day() {
			t.Fatalf("day %d: got %04d-%02d-%02d, want %s", i, y, m, dd, tm.Format(time.DateOnly))
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%s: weekday %s, want %s", d, d.Weekday(), tm.Weekday())
		}
		if DateOf(tm) != d || d.String() != tm.Format(time.DateOnly) {
			t.Fatalf("%s: DateOf or String disagree with %s", d, tm.Format(time.DateOnly))
		}
	}
}

func TestAddMonthsClampsToMonthEnd(t *testing.T) {
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{D(2025, 8, 31), 6, D(2026, 2, 28)},   // no 28+ in Feb: last day
		{D(2027, 8, 31), 6, D(2028, 2, 29)},   // leap year
		{D(2026, 7, 1), -6, D(2026, 1, 1)},    // the ordinary 30 June expiry
		{D(2026, 12, 31), -6, D(2026, 6, 30)}, // June has no 31st
		{D(2026, 1, 15), -13, D(2024, 12, 15)},
		{D(2024, 2, 29), 12, D(2025, 2, 28)},
	}
	for _, c := range cases {
		if got := c.from.AddMonths(c.n); got != c.want {
			t.Errorf("%s + %d months = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestParseISO(t *testing.T) {
	if d, err := ParseISO("2026-06-30"); err != nil || d != D(2026, 6, 30) {
		t.Fatalf("ParseISO(2026-06-30) = %v, %v", d, err)
	}
	for _, bad := range []string{"2026-02-30", "2026-13-01", "2026-6-30", "20260630", "2026-06-3x", "0000-01-01", "2026-+6-01", "+026-10-07", "-026-10-07", " 2026-1-01"} { // issue 12 #15: digits only
		if _, err := ParseISO(bad); err == nil {
			t.Errorf("ParseISO(%q) succeeded, want error", bad)
		}
	}
}

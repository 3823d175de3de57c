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

// The fast day-count conversions agree with Hinnant's algorithms on every
// day of years -1000 to 12000, and of the thousand years around year
// 100000, where they hand over to Hinnant's; on other days of the fast
// range, every 97th.
func TestCivilFastFormsAgree(t *testing.T) {
	check := func(z int) {
		y, m, d := civilFromDays(z)
		wy, wm, wd := hinnantCivil(z)
		if y != wy || m != wm || d != wd {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d, Hinnant says %d-%d-%d", z, y, m, d, wy, wm, wd)
		}
		if got := daysFromCivil(y, m, d); got != z {
			t.Fatalf("daysFromCivil(%d, %d, %d) = %d, want %d", y, m, d, got, z)
		}
	}
	for z := -366_000; z < 4_400_000; z++ {
		check(z)
	}
	for z := 4_400_000; z < fastCivilDays-183_000; z += 97 {
		check(z)
	}
	for z := fastCivilDays - 183_000; z < fastCivilDays+183_000; z++ {
		check(z)
	}
	// D does not normalise: a 31st of a 30-day month is the 1st of the next
	// month in both forms, as is a 30 February two days past the 28th.
	for _, c := range [][3]int{{2026, 6, 31}, {2026, 2, 30}, {2024, 2, 31}, {1, 1, 1}, {1, 2, 29}, {99999, 12, 31}} {
		if got, want := daysFromCivil(c[0], c[1], c[2]), hinnantDays(c[0], c[1], c[2]); got != want {
			t.Errorf("daysFromCivil%v = %d, Hinnant says %d", c, got, want)
		}
	}
}

// Hand-worked: 0000-03-01 is day 0, so 1 January of year 1 is 306 days on
// (March to December of year 0, 0 a leap year of 366 days, less its
// January and February: 366-60), and 1 January 2000 is 730425 days on.
func TestCivilDayCounts(t *testing.T) {
	cases := []struct {
		y, m, d, z int
	}{
		{0, 3, 1, 0},
		{1, 1, 1, 306},
		{2000, 1, 1, 730425},
		{2000, 2, 29, 730484},
		{2000, 3, 1, 730485},
	}
	for _, c := range cases {
		if got := daysFromCivil(c.y, c.m, c.d); got != c.z {
			t.Errorf("daysFromCivil(%d, %d, %d) = %d, want %d", c.y, c.m, c.d, got, c.z)
		}
		if y, m, d := civilFromDays(c.z); y != c.y || m != c.m || d != c.d {
			t.Errorf("civilFromDays(%d) = %d-%d-%d, want %d-%d-%d", c.z, y, m, d, c.y, c.m, c.d)
		}
	}
}

// AppendText and String write four-digit years by pairs of digits and
// any other year as before: at least four digits, with a sign if negative.
func TestDateText(t *testing.T) {
	cases := []struct {
		d    Date
		want string
	}{
		{D(2026, 6, 30), "2026-06-30"},
		{D(1, 1, 1), "0001-01-01"},
		{D(9999, 12, 31), "9999-12-31"},
		{D(10000, 1, 1), "10000-01-01"},
		{D(0, 3, 1), "0000-03-01"},
		{D(-1, 12, 31), "-0001-12-31"},
		{Date{}, ""},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("String = %q, want %q", got, c.want)
		}
		if got := string(c.d.AppendText([]byte("x"))); got != "x"+c.want {
			t.Errorf("AppendText = %q, want %q", got, "x"+c.want)
		}
	}
}

package contracts

import (
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		monthFirst bool
		want       string // YYYY-MM-DD, or "" for an error
		errHas     string
	}{
		{"iso", "2026-06-30", false, "2026-06-30", ""},
		{"iso with spaces around", "  2026-06-30 ", false, "2026-06-30", ""},
		{"tm-datasets midnight", "2026-06-30 00:00:00", false, "2026-06-30", ""},
		{"iso T midnight Z", "2026-06-30T00:00:00Z", false, "2026-06-30", ""},
		{"time not midnight refused", "2026-06-29 22:00:00", false, "", "midnight"},
		{"time malformed", "2026-06-30 0:00", false, "", "not a date"},
		{"tm page short month", "Jun 30, 2025", false, "2025-06-30", ""},
		{"full month name no comma", "June 30 2025", false, "2025-06-30", ""},
		{"month name lower case", "jan 1, 2027", false, "2027-01-01", ""},
		{"sept", "Sept 1, 2026", false, "2026-09-01", ""},
		{"day month-name year", "30 Jun 2026", false, "2026-06-30", ""},
		{"day full month-name year", "1 September 2026", false, "2026-09-01", ""},
		{"slashes day first", "30/6/2026", false, "2026-06-30", ""},
		{"slashes padded", "01/07/2026", false, "2026-07-01", ""},
		{"slashes month first", "6/30/2026", true, "2026-06-30", ""},
		{"slashes ambiguous read day first", "1/7/2026", false, "2026-07-01", ""},
		{"slashes ambiguous read month first", "1/7/2026", true, "2026-01-07", ""},
		{"dots always day first", "30.06.2026", true, "2026-06-30", ""},
		{"impossible day iso", "2026-02-30", false, "", "28 days"},
		{"leap day", "2028-02-29", false, "2028-02-29", ""},
		{"not a leap year", "2027-02-29", false, "", "28 days"},
		{"month 13", "2026-13-01", false, "", "month 13"},
		{"impossible day dotted", "31.04.2026", false, "", "30 days"},
		{"two-digit year refused", "30/06/26", false, "", "not a date"},
		{"empty", "", false, "", "empty"},
		{"words", "next summer", false, "", "not a date"},
		{"unknown month", "Juz 30, 2025", false, "", "not a date"},
		{"iso with signs", "2026-+6-30", false, "", "not a date"},
		{"number only", "20260630", false, "", "not a date"},
		{"year zero", "0000-01-01", false, "", "out of range"},
		// issue 12 #15: the working-day calendars cover 1900 to 2199; a
		// date outside is refused, not turned into a year-0 or year-10000 window
		{"year one refused", "0001-01-01", false, "", "from 1900-01-01 to 2199-12-31"},
		{"open-ended 9999 refused", "9999-12-31", false, "", "from 1900-01-01 to 2199-12-31"},
		{"last day of 1899 refused", "31/12/1899", false, "", "out of range"},
		{"first day read", "1900-01-01", false, "1900-01-01", ""},
		{"last day read", "31 Dec 2199", false, "2199-12-31", ""},
		{"first day of 2200 refused", "Jan 1, 2200", false, "", "out of range"},
		{"signed year refused", "+026-10-07", false, "", "not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.monthFirst)
			if tt.want == "" {
				if err == nil || !strings.Contains(err.Error(), tt.errHas) {
					t.Fatalf("ParseDate(%q) = %v, %v; want an error containing %q", tt.in, got, err, tt.errHas)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

// isoDay is the loader's fast path for YYYY-MM-DD and YYYY-MM-DD
// 00:00:00: what it reads is what parseDate reads; anything else, an
// impossible day, a year out of 1900-2199, another time, is left to
// parseDate (ok false).
func TestISODay(t *testing.T) {
	for s, want := range map[string]string{
		"2026-06-30": "2026-06-30", "2026-06-30 00:00:00": "2026-06-30", "2024-02-29": "2024-02-29",
		"1900-01-01": "1900-01-01", "2199-12-31 00:00:00": "2199-12-31",
		"2025-02-29": "", "1900-02-29": "", "2026-13-01": "", "2026-00-10": "", "2026-06-31": "", "2026-06-00": "",
		"1899-12-31": "", "2200-01-01": "", "2026-06-30 00:00:01": "", "2026-06-30T00:00:00": "",
		"2026-06-30 00:00:00Z": "", "2026/06/30": "", "2026-6-30": "", "202a-06-30": "", " 2026-06-30": "",
	} {
		d, ok := isoDay(s)
		if want == "" {
			if ok {
				t.Errorf("isoDay(%q) = %v; want it left to parseDate", s, d)
			}
			continue
		}
		if !ok || d.String() != want {
			t.Errorf("isoDay(%q) = %v, %v; want %s", s, d, ok, want)
		}
		if p, _, err := parseDate(s, false); err != nil || p != d {
			t.Errorf("parseDate(%q) = %v, %v; isoDay %v", s, p, err, d)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-06-30", "2026-06-30 00:00:00", "Jun 30, 2025", "30/6/2026",
		"30.06.2026", "2026-02-30", "30 Jun 2026", "", "9999-12-31", "0001-01-01", "2024-02-29 00:00:00", "2199-12-31", "1899-12-31 00:00:00"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst bool) {
		d, err := ParseDate(s, monthFirst)
		if err != nil {
			if !d.IsZero() {
				t.Fatalf("ParseDate(%q) returned %v with error %v", s, d, err)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) returned the zero date without error", s)
		}
		// isoDay, the loader's fast path, reads what it reads as
		// parseDate does, and reads every date in its two forms.
		if fast, ok := isoDay(s); ok && (fast != d) {
			t.Fatalf("isoDay(%q) = %v, parseDate %v", s, fast, d)
		} else if !ok && (len(s) == 10 || len(s) == 19 && strings.HasSuffix(s, " 00:00:00")) && s[4] == '-' && s[7] == '-' && d.String() == s[:10] {
			t.Fatalf("isoDay(%q) did not read %s", s, d)
		}
		// A parsed ISO date prints as it was written.
		if iso := strings.TrimSpace(s); len(iso) == 10 && iso[4] == '-' {
			if d.String() != iso {
				t.Fatalf("ParseDate(%q) = %s, does not round-trip", s, d)
			}
		}
		// Whatever form was read, the printed date parses back to itself.
		back, err := rules.ParseISO(d.String())
		if err != nil || back != d {
			t.Fatalf("%s from %q does not round-trip: %v %v", d, s, back, err)
		}
	})
}

// What a slashed date shows of its order decides how a file's ambiguous
// dates are read (issue 13 #15).
func TestOrderOf(t *testing.T) {
	for in, want := range map[string]slashOrder{
		"30/6/2027": slashDayFirst, "6/30/2027": slashMonthFirst, "9/5/2001": slashAmbiguous,
		"1/1/2027": slashSame, "12/12/2027": slashSame, "13/13/2027": notSlashed, "0/5/2027": notSlashed,
		"2027-06-30": notSlashed, "30.6.2027": notSlashed,
	} {
		if _, got, _ := parseDate(in, false); got != want {
			t.Errorf("order of %q = %d, want %d", in, got, want)
		}
	}
}

// --as-of and the other date flags take what datasets accept and "today"
// (issue 13 #16); a slashed date is read the only way it can be, and one
// that reads both ways says how it was read.
func TestParseDateArg(t *testing.T) {
	today := rules.D(2026, 11, 28)
	tests := []struct {
		in         string
		monthFirst bool
		want, note string // note: a part of it, "" none
	}{
		{"today", false, "2026-11-28", ""},
		{"Today", false, "2026-11-28", ""},
		{"2027-01-01", false, "2027-01-01", ""},
		{"01/01/2027", false, "2027-01-01", ""},
		{"1 Jan 2027", false, "2027-01-01", ""},
		{"Jan 1, 2027", false, "2027-01-01", ""},
		{"6/30/2027", false, "2027-06-30", ""}, // month first: the only reading
		{"30/6/2027", true, "2027-06-30", ""},  // day first, even with --month-first
		{"1/7/2027", false, "2027-07-01", "1 Jul 2027, day first; --month-first reads it as 7 Jan 2027"},
		{"1/7/2027", true, "2027-01-07", "7 Jan 2027, month first (--month-first); without --month-first it is 1 Jul 2027"},
	}
	for _, tt := range tests {
		d, note, err := ParseDateArg(tt.in, today, tt.monthFirst)
		if err != nil || d.String() != tt.want || (tt.note == "") != (note == "") || !strings.Contains(note, tt.note) {
			t.Errorf("ParseDateArg(%q, %v) = %v, %q, %v; want %s, a note with %q", tt.in, tt.monthFirst, d, note, err, tt.want, tt.note)
		}
	}
	for _, bad := range []string{"+026-10-07", "tomorrow", "9999-12-31", "26-10-07", "2026-10-7x"} {
		if d, _, err := ParseDateArg(bad, today, false); err == nil {
			t.Errorf("ParseDateArg(%q) = %v, want an error", bad, d)
		}
	}
}

// Seasons as people write them (issue 13 #16): 2026/27 is 1 Jul 2026 to
// 30 Jun 2027, 2026 the calendar year.
func TestParseSeason(t *testing.T) {
	for _, in := range []string{"2026/27", "2026-27", "2026/2027", "2026-2027", " 2026/27 "} {
		if start, cal, err := ParseSeason(in); err != nil || start != 2026 || cal {
			t.Errorf("ParseSeason(%q) = %d, %v, %v; want 2026, a July-to-June season", in, start, cal, err)
		}
	}
	if start, cal, err := ParseSeason("2026"); err != nil || start != 2026 || !cal {
		t.Errorf("ParseSeason(2026) = %d, %v, %v; want 2026, the calendar year", start, cal, err)
	}
	if start, _, err := ParseSeason("1999/00"); err != nil || start != 1999 {
		t.Errorf("ParseSeason(1999/00) = %d, %v; want 1999 (the century turns)", start, err)
	}
	for bad, msg := range map[string]string{
		"2026/28": "must follow", "2026/2028": "must follow", "2026/7": "must follow", "26/27": "not a season",
		"2026/": "must follow", "+026": "not a season", "1899": "out of range", "2199/00": "out of range",
		"2026/27/28": "must follow", "": "not a season",
	} {
		if _, _, err := ParseSeason(bad); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseSeason(%q): %v, want an error with %q", bad, err, msg)
		}
	}
}

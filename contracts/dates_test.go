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

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-06-30", "2026-06-30 00:00:00", "Jun 30, 2025", "30/6/2026",
		"30.06.2026", "2026-02-30", "30 Jun 2026", "", "9999-12-31", "0001-01-01"} {
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

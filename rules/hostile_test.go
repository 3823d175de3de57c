package rules

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const minimalSet = `code = "XXX"
name = "Test"
[[domestic]]
kind = "six-months"
text = "t"
sources = ["https://example.org/rule"]
confidence = "low"
`

// A rule value out of range is refused with its file and line, instead of
// removing a window (calc_offset = 2147483647), making a 16-month one
// (-400), a period that closes a season after it opens, or an overflow.
func TestParseRefusesValuesOutOfRange(t *testing.T) {
	pattern := func(opens, closes string) string {
		return minimalSet + "[[registration.pattern]]\nname = \"summer\"\nopens = " + opens + "\ncloses = " + closes +
			"\ntext = \"t\"\nsources = [\"https://example.org/p\"]\nconfidence = \"low\"\n"
	}
	cases := []struct{ name, doc, want string }{
		{"huge calc_offset", "usual_expiry = { month = 6, day = 30, calc_offset = 2147483647 }\n" + minimalSet, "calc_offset 2147483647"},
		{"calc_offset -400", pattern("{ month = 7, day = 1 }", "{ month = 9, day = 1, calc_offset = -400 }"), "calc_offset -400"},
		{"closes before opens via offsets", pattern("{ month = 7, day = 1 }", "{ month = 7, day = 1, calc_offset = -10 }"), "would last"},
		{"int64 minimum as an age", minimalSet + "[[compensation]]\nscope = \"domestic\"\nunder_age = -9223372036854775808\ntext = \"t\"\nsources = [\"https://example.org/c\"]\nconfidence = \"low\"\n", "want 0 to 60"},
		{"renewal of a century", minimalSet + "[renewal]\nmonths = 1200\nclub_notice = { month = 3, day = 31 }\ntext = \"t\"\nsources = [\"https://example.org/r\"]\nconfidence = \"low\"\n", "want 1 to 60 months"},
		{"a year-long published period", minimalSet + "[[registration.period]]\nname = \"summer\"\nseason = \"2026\"\nopens = \"2026-01-01\"\ncloses = \"2026-12-31\"\ntext = \"t\"\nsources = [\"https://example.org/p\"]\nconfidence = \"low\"\n", "lasts 365 days"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.doc), "x/xxx.toml")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "x/xxx.toml:") {
				t.Errorf("err = %v, want one naming x/xxx.toml:LINE and %q", err, tc.want)
			}
		})
	}
}

// A UTF-8 byte-order mark, as Windows editors write, is not an error.
func TestParseAcceptsBOM(t *testing.T) {
	if _, err := Parse(append([]byte("\xef\xbb\xbf"), minimalSet...), "xxx.toml"); err != nil {
		t.Fatal(err)
	}
}

// A --rules directory whose *.toml is a FIFO, a symlink to /dev/zero or a
// file over 1 MiB is refused at once, naming the directory and the file:
// reading them would block for ever or fill the memory.
func TestRuleDirRefusesSpecialAndHugeFiles(t *testing.T) {
	cases := []struct {
		name string
		make func(path string) error
		want string
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file (a named pipe)"},
		{"zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "not a regular file (a device)"},
		{"huge", func(p string) error {
			return os.WriteFile(p, append([]byte(minimalSet), strings.Repeat("# padding\n", 110_000)...), 0o644)
		}, "at most 1 MiB"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := tc.make(filepath.Join(dir, "aaa.toml")); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				b, err := Embedded()
				if err == nil {
					_, err = b.WithDir(os.DirFS(dir), ".", "myrules")
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "myrules/aaa.toml") || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("err = %v, want myrules/aaa.toml: %s", err, tc.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("loading the rule directory did not return")
			}
		})
	}
}

// Working days are counted within the calendar table's years (1900 to
// 2199): a contract expiring on 31 Dec 9999 costs what a near one costs and
// has no working-day count.
func TestFarExpiryHasNoWorkdays(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := b.Windows(Contract{Association: "ENG", Expires: D(9999, 12, 30)}, Query{AsOf: D(2026, 1, 1)})
	days, work, ok := w.Countdown(w.FreeAgent.Date)
	if !ok || work != -1 || days != D(9999, 12, 31).Sub(D(2026, 1, 1)) {
		t.Errorf("countdown = %d, %d, %v; want the days and -1 working days", days, work, ok)
	}
}

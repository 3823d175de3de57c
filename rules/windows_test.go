package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func book(t testing.TB) *Book {
	t.Helper()
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FIFA RSTP art. 18.3: the foreign window opens on the first day D such
// that D plus six calendar months reaches the free-agent day.
func TestForeignWindowSixMonths(t *testing.T) {
	b := book(t)
	cases := []struct {
		name            string
		expires         Date
		wantFree, wantD Date
	}{
		{"30 Jun expiry opens 1 Jan (research 1.2)", D(2026, 6, 30), D(2026, 7, 1), D(2026, 1, 1)},
		{"31 Dec expiry opens 1 Jul (research 1.2)", D(2025, 12, 31), D(2026, 1, 1), D(2025, 7, 1)},
		{"31 May expiry opens 1 Dec (Turkey, Scotland)", D(2026, 5, 31), D(2026, 6, 1), D(2025, 12, 1)},
		{"31 Aug expiry opens 1 Mar", D(2026, 8, 31), D(2026, 9, 1), D(2026, 3, 1)},
		{"mid-month 15 Jun opens 16 Dec", D(2026, 6, 15), D(2026, 6, 16), D(2025, 12, 16)},
		{"leap day 29 Feb 2028 opens 1 Sep 2027", D(2028, 2, 29), D(2028, 3, 1), D(2027, 9, 1)},
		{"31 Jan expiry opens 1 Aug (Japan)", D(2026, 1, 31), D(2026, 2, 1), D(2025, 8, 1)},
		{"28 Feb 2027 opens 1 Sep 2026", D(2027, 2, 28), D(2027, 3, 1), D(2026, 9, 1)},
		// Free on the 31st, and the month six back has no 31st: 30 June
		// plus six months is only 30 December, so the clamp shortcut
		// (31 Dec - 6 months = 30 Jun) is a day early.
		{"free 31 Dec: not 30 Jun but 1 Jul", D(2026, 12, 30), D(2026, 12, 31), D(2026, 7, 1)},
		{"free 31 Aug: not 28 Feb but 1 Mar", D(2026, 8, 30), D(2026, 8, 31), D(2026, 3, 1)},
		{"free 29 Aug, non-leap February: 1 Mar", D(2027, 8, 28), D(2027, 8, 29), D(2027, 3, 1)},
		{"free 29 Aug, leap February: 29 Feb", D(2028, 8, 28), D(2028, 8, 29), D(2028, 2, 29)},
		{"free 30 Aug, leap February has no 30th: 1 Mar", D(2028, 8, 29), D(2028, 8, 30), D(2028, 3, 1)},
		{"free 1 May opens 1 Nov", D(2026, 4, 30), D(2026, 5, 1), D(2025, 11, 1)},
		{"Vela, 30 Jun 2022 (MLS) opens 1 Jan 2022", D(2022, 6, 30), D(2022, 7, 1), D(2022, 1, 1)},
		{"Alexander-Arnold, 30 Jun 2025 opens 1 Jan 2025", D(2025, 6, 30), D(2025, 7, 1), D(2025, 1, 1)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := b.Windows(Contract{Association: "ENG", Expires: c.expires}, Query{AsOf: D(2020, 1, 1)})
			if w.FreeAgent.Date != c.wantFree {
				t.Errorf("free agent from %s, want %s", w.FreeAgent.Date, c.wantFree)
			}
			if w.Foreign.Date != c.wantD {
				t.Errorf("foreign pre-contract from %s, want %s", w.Foreign.Date, c.wantD)
			}
			if w.Foreign.Rule.ID != "fifa-rstp-18.3" {
				t.Errorf("foreign rule %q, want fifa-rstp-18.3", w.Foreign.Rule.ID)
			}
		})
	}
}

// England: Premier League Handbook section T, research worked examples 1, 2,
// 3, 8, 9 and 10.
func TestEngland(t *testing.T) {
	b := book(t)
	liverpool := Contract{Association: "ENG", League: "GB1", Expires: D(2026, 6, 30), Birth: D(1999, 5, 25)}

	t.Run("handbook T: domestic approach from the day after 16 May 2026", func(t *testing.T) {
		w := b.Windows(liverpool, Query{AsOf: D(2025, 10, 7)})
		if w.Domestic.Date != D(2026, 5, 17) || w.Domestic.Rule.ID != "eng-pl-handbook-T" {
			t.Fatalf("domestic %s by %s, want 2026-05-17 by eng-pl-handbook-T", w.Domestic.Date, w.Domestic.Rule.ID)
		}
		if !strings.Contains(w.Domestic.Text, "no offer") {
			t.Errorf("domestic text %q does not state the no-offer condition", w.Domestic.Text)
		}
		if !hasNote(w, "disputed") {
			t.Errorf("the press's 'final month' reading is not shown")
		}
	})
	t.Run("handbook T covers only players free on 1 July: consent otherwise", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2026, 1, 31)}, Query{AsOf: D(2025, 10, 7)})
		if !w.Domestic.Date.IsZero() || !strings.Contains(w.Domestic.Text, "consent") {
			t.Fatalf("domestic %s %q, want no date and consent", w.Domestic.Date, w.Domestic.Text)
		}
		if w.Foreign.Date != D(2025, 8, 1) {
			t.Errorf("foreign %s, want 2025-08-01", w.Foreign.Date)
		}
	})
	t.Run("2020 one-off: approaches from 24 June", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 1, 1)})
		if w.Domestic.Date != D(2020, 6, 24) {
			t.Fatalf("domestic %s, want 2020-06-24", w.Domestic.Date)
		}
		w = b.Windows(Contract{Association: "ENG", Expires: D(2021, 6, 30)}, Query{AsOf: D(2020, 1, 1)})
		if w.Domestic.Date != D(2021, 5, 16) { // third Saturday of May 2021 was the 15th
			t.Fatalf("2021 domestic %s, want 2021-05-16", w.Domestic.Date)
		}
	})
	t.Run("art. 6: free 1 Jul 2026 is inside the summer 2026 window", func(t *testing.T) {
		w := b.Windows(liverpool, Query{AsOf: D(2025, 10, 7), To: "ENG"})
		r := w.Registration
		if r == nil || r.From != D(2026, 7, 1) || r.Exception || r.Period.Name != "summer" {
			t.Fatalf("registration %+v, want from 2026-07-01 in the summer period", r)
		}
	})
	t.Run("art. 6: expired before the window closed, registrable after it", func(t *testing.T) {
		w := b.Windows(liverpool, Query{AsOf: D(2026, 10, 1), To: "ENG"})
		r := w.Registration
		if r == nil || r.From != D(2026, 10, 1) || !r.Exception {
			t.Fatalf("registration %+v, want from 2026-10-01 under the exception", r)
		}
	})
	t.Run("example 9: 31 Aug expiry, window closing 1 Sep: registrable 1 Sep", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2026, 8, 31)}, Query{AsOf: D(2026, 1, 1), To: "ENG"})
		if r := w.Registration; r == nil || r.From != D(2026, 9, 1) {
			t.Fatalf("registration %+v, want 2026-09-01", r)
		}
	})
	t.Run("example 10: 15 Sep expiry misses the window: next is 1 Jan 2027, estimated", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2026, 9, 15)}, Query{AsOf: D(2026, 1, 1), To: "ENG"})
		r := w.Registration
		if r == nil || r.From != D(2027, 1, 1) || r.Exception || !r.Period.Estimated {
			t.Fatalf("registration %+v, want 2027-01-01 from an estimated period", r)
		}
		if w.Foreign.Date != D(2026, 3, 16) {
			t.Errorf("foreign %s, want 2026-03-16", w.Foreign.Date)
		}
	})
	t.Run("PFCC: 24 and over, no domestic compensation note", func(t *testing.T) {
		w := b.Windows(liverpool, Query{AsOf: D(2025, 10, 7), To: "ENG"})
		if hasNote(w, "compensation") {
			t.Fatalf("compensation note for a 27-year-old: %+v", w.Notes)
		}
	})
	t.Run("PFCC: under 24, moving to an English club", func(t *testing.T) {
		young := liverpool
		young.Birth = D(2004, 3, 1) // 22 on 1 Jul 2026
		w := b.Windows(young, Query{AsOf: D(2025, 10, 7), To: "ENG"})
		if n := noteRule(w, "compensation"); n != "eng-pfcc-under-24" {
			t.Fatalf("compensation note %q, want eng-pfcc-under-24", n)
		}
	})
	t.Run("training compensation: 22-year-old moving to Spain", func(t *testing.T) {
		young := liverpool
		young.Birth = D(2004, 3, 1)
		w := b.Windows(young, Query{AsOf: D(2025, 10, 7), To: "ESP"})
		if n := noteRule(w, "compensation"); n != "fifa-training-compensation" {
			t.Fatalf("compensation note %q, want fifa-training-compensation", n)
		}
	})
	t.Run("EFL Reg 68.1: offer deadline 17 May 2025 for a 2024/25 expiry", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", League: "GB2", Expires: D(2025, 6, 30)}, Query{AsOf: D(2025, 1, 1)})
		if w.Set.Code != "EFL" {
			t.Fatalf("rule set %s, want EFL", w.Set.Code)
		}
		found := false
		for _, n := range w.Notes {
			if n.Kind == "deadline" && n.Rule.ID == "efl-reg-68.1" && n.Date == D(2025, 5, 17) {
				found = true
			}
		}
		if !found {
			t.Fatalf("no EFL deadline on 2025-05-17 in %+v", w.Notes)
		}
		if w.Domestic.Date != D(2025, 5, 18) {
			t.Errorf("EFL inherits England's domestic rule: got %s, want 2025-05-18", w.Domestic.Date)
		}
	})
	t.Run("example 5: EFL offer deadline 16 May 2026 for a 2025/26 expiry", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", League: "GB3", Expires: D(2026, 6, 30)}, Query{AsOf: D(2026, 1, 1)})
		for _, n := range w.Notes {
			if n.Kind == "deadline" && n.Rule.ID == "efl-reg-68.1" {
				if n.Date != D(2026, 5, 16) || !strings.Contains(n.Rule.Text, "play-offs") {
					t.Fatalf("EFL deadline %s, text %q: want 2026-05-16 and the play-off exception", n.Date, n.Rule.Text)
				}
				return
			}
		}
		t.Fatalf("no EFL deadline note in %+v", w.Notes)
	})
	t.Run("example 3: Alexander-Arnold released early, registered in Spain's 1-10 June 2025 period", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2025, 5, 31)}, Query{AsOf: D(2025, 5, 1), To: "ESP"})
		r := w.Registration
		if r == nil || r.From != D(2025, 6, 1) || r.Period.Name != "summer-cwc" {
			t.Fatalf("registration %+v, want 2025-06-01 in the summer-cwc period", r)
		}
	})
	t.Run("example 7: Scottish player, English club: FIFA 18.3, not England's rule", func(t *testing.T) {
		w := b.Windows(Contract{Association: "SCO", Expires: D(2026, 6, 30)}, Query{AsOf: D(2025, 10, 7), To: "ENG"})
		if w.Foreign.Date != D(2026, 1, 1) || w.Set.Code != "SCO" || strings.HasPrefix(w.Domestic.Rule.ID, "eng") {
			t.Fatalf("foreign %s, set %s, domestic rule %s: want 2026-01-01 under SCO", w.Foreign.Date, w.Set.Code, w.Domestic.Rule.ID)
		}
		if w.Registration == nil || w.Registration.To.Code != "ENG" || w.Registration.From != D(2026, 7, 1) {
			t.Fatalf("registration %+v, want England's summer 2026 period from 2026-07-01", w.Registration)
		}
	})
	t.Run("club option: both outcomes", func(t *testing.T) {
		c := liverpool
		c.Option = Option{Until: D(2027, 6, 30), Holder: "club"}
		w := b.Windows(c, Query{AsOf: D(2025, 10, 7)})
		if len(w.Scenarios) != 1 || w.Scenarios[0].Windows.FreeAgent.Date != D(2027, 7, 1) || w.Scenarios[0].Windows.Foreign.Date != D(2027, 1, 1) {
			t.Fatalf("scenarios %+v, want the option exercised: free 2027-07-01, foreign 2027-01-01", w.Scenarios)
		}
	})
}

// FIFA RSTP art. 18.2, research example 12.
func TestMaxExpiry(t *testing.T) {
	cases := []struct {
		name         string
		start, birth Date
		want         Date
	}{
		{"17-year-old from 1 Jul 2026: three years", D(2026, 7, 1), D(2009, 3, 1), D(2029, 6, 30)},
		{"adult from 1 Jan 2026: five years", D(2026, 1, 1), D(1999, 5, 25), D(2030, 12, 31)},
		{"18th birthday on the start day: five years", D(2026, 7, 1), D(2008, 7, 1), D(2031, 6, 30)},
		{"birth unknown: five years", D(2026, 7, 1), Date{}, D(2031, 6, 30)},
	}
	for _, c := range cases {
		if got := MaxExpiry(c.start, c.birth); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	b := book(t)
	w := b.Windows(Contract{Association: "ESP", Start: D(2026, 7, 1), Birth: D(2009, 3, 1), Expires: D(2030, 6, 30)}, Query{AsOf: D(2026, 7, 1)})
	if n := noteRule(w, "length"); n != "fifa-rstp-18.2" {
		t.Errorf("a four-year contract for a 17-year-old: note %q, want fifa-rstp-18.2", n)
	}
	w = b.Windows(Contract{Association: "ESP", Start: D(2026, 7, 1), Birth: D(1999, 3, 1), Expires: D(2030, 6, 30)}, Query{AsOf: D(2026, 7, 1)})
	if hasNote(w, "length") {
		t.Errorf("a four-year contract for an adult needs no length note")
	}
}

func TestStatus(t *testing.T) {
	b := book(t)
	c := Contract{Association: "ENG", Expires: D(2026, 6, 30)}
	cases := []struct {
		asOf  Date
		want  Status
		stale bool
	}{
		{D(2025, 12, 31), UnderContract, false},
		{D(2026, 1, 1), ForeignOpen, false},
		{D(2026, 5, 16), ForeignOpen, false},
		{D(2026, 5, 17), PrecontractOpen, false},
		{D(2026, 6, 30), PrecontractOpen, false},
		{D(2026, 7, 1), FreeAgent, true},
	}
	for _, tc := range cases {
		w := b.Windows(c, Query{AsOf: tc.asOf})
		if w.Status != tc.want || w.Stale != tc.stale {
			t.Errorf("as of %s: %s (stale %v), want %s (stale %v)", tc.asOf, w.Status, w.Stale, tc.want, tc.stale)
		}
	}
	if w := b.Windows(Contract{Association: "ENG"}, Query{AsOf: D(2026, 1, 1)}); w.Status != UnknownExpiry {
		t.Errorf("no expiry: %s, want %s", w.Status, UnknownExpiry)
	}
	w := b.Windows(Contract{Association: "XYZ", Expires: D(2026, 6, 30)}, Query{AsOf: D(2026, 1, 1)})
	if !w.Fallback || w.Set.Code != "FIFA" || !hasNote(w, "fallback") || w.Domestic.Date != D(2026, 1, 1) {
		t.Errorf("unknown association: fallback %v set %s domestic %s, want the FIFA baseline said so", w.Fallback, w.Set.Code, w.Domestic.Date)
	}
}

// Working days: England and Wales bank holidays.
func TestCountdownWorkdays(t *testing.T) {
	b := book(t)
	w := b.Windows(Contract{Association: "ENG", Expires: D(2025, 12, 31)}, Query{AsOf: D(2025, 12, 19)})
	// After Friday 19 Dec up to 31 Dec: 22, 23, 24, 29, 30, 31 (25 and 26
	// are holidays, 27 and 28 a weekend).
	days, work, ok := w.Countdown(D(2026, 1, 1))
	if !ok || days != 13 || work != 6 {
		t.Fatalf("countdown to 2026-01-01: %d days, %d working days, want 13 and 6", days, work)
	}
	// Across a year end: from 2025-06-30 to 2026-07-01 there are 253
	// working days in England: 261 weekdays from 1 Jul 2025 to 30 Jun 2026
	// less 8 bank holidays (25 Aug, 25 Dec, 26 Dec, 1 Jan, 3 Apr, 6 Apr,
	// 4 May, 25 May).
	w = b.Windows(Contract{Association: "ENG", Expires: D(2026, 6, 30)}, Query{AsOf: D(2025, 6, 30)})
	if _, work, _ := w.Countdown(D(2026, 7, 1)); work != 253 {
		t.Fatalf("working days 1 Jul 2025 to 30 Jun 2026: %d, want 253", work)
	}
	if _, _, ok := w.Countdown(D(2025, 6, 30)); ok {
		t.Errorf("countdown to the as-of day itself should not be ok")
	}
}

// Properties over random contracts from 1995 to 2100, in every rule set.
func TestWindowProperties(t *testing.T) {
	b := book(t)
	sets := append(b.Sets(), b.FIFA())
	r := rand.New(rand.NewPCG(1, 2))
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	start := D(1995, 1, 1)
	span := D(2100, 12, 31).Sub(start)
	for i := 0; i < n; i++ {
		set := sets[r.IntN(len(sets))]
		signed := start.AddDays(r.IntN(span - 400))
		exp := signed.AddDays(r.IntN(5 * 366))
		if r.IntN(3) == 0 { // a month-end, the usual case
			exp = D(exp.Year(), exp.Month(), DaysIn(exp.Year(), exp.Month()))
		}
		if exp.Before(signed) || exp.Year() > 2100 {
			continue
		}
		c := Contract{Association: set.Code, Signed: signed, Expires: exp, Birth: signed.AddDays(-r.IntN(40 * 365))}
		if len(set.Leagues) > 0 {
			c.League = set.Leagues[0]
		}
		asOf := exp.AddDays(r.IntN(800) - 600)
		w := b.Windows(c, Query{AsOf: asOf, To: sets[r.IntN(len(sets))].Code})
		free := w.FreeAgent.Date
		f := w.Foreign.Date
		switch {
		case free != exp.AddDays(1):
			t.Fatalf("%+v: free %s, want the day after expiry", c, free)
		case f.After(free):
			t.Fatalf("%+v: foreign %s after free %s", c, f, free)
		case f.AddMonths(6).Before(free):
			t.Fatalf("%+v: foreign %s is more than six months before %s", c, f, free)
		case f.Before(signed):
			t.Fatalf("%+v: foreign %s before signing", c, f)
		case f != signed && !f.AddDays(-1).AddMonths(6).Before(free):
			t.Fatalf("%+v: foreign %s is not the first day within six months", c, f)
		case !w.Domestic.Date.IsZero() && (w.Domestic.Date.Before(signed) || w.Domestic.Date.After(free)):
			t.Fatalf("%+v: domestic %s outside signing..free", c, w.Domestic.Date)
		}
		if reg := w.Registration; reg != nil && (reg.From.Before(free) || reg.From.Before(asOf)) {
			t.Fatalf("%+v as of %s: registration %s before free or as-of", c, asOf, reg.From)
		}
		// Status changes only on the computed dates.
		next := b.Windows(c, Query{AsOf: asOf.AddDays(1)})
		if next.Status != w.Status {
			d := asOf.AddDays(1)
			if d != f && d != w.Domestic.Date && d != free {
				t.Fatalf("%+v: status %s → %s on %s, which is no computed date", c, w.Status, next.Status, d)
			}
		}
	}
}

func TestParseRefusesBadFiles(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"syntax", "code = \"XX\"\nname = \n", "bad.toml:2:"},
		{"unknown key", "code = \"XX\"\nname = \"X\"\ncolour = 1\n", "bad.toml:3:1: unknown key colour"},
		{"rule without source", "code = \"XX\"\nname = \"X\"\n\n[[domestic]]\nkind = \"six-months\"\ntext = \"t\"\nconfidence = \"high\"\n", "bad.toml:4:1: [[domestic]] #1: a rule needs at least one source"},
		{"bad kind", "code = \"XX\"\nname = \"X\"\n[[domestic]]\nkind = \"sometimes\"\ntext = \"t\"\nsources = [\"s\"]\nconfidence = \"high\"\n", "bad.toml:4:1: [[domestic]] #1, kind"},
		{"impossible date", "code = \"XX\"\nname = \"X\"\n[[registration.period]]\nname = \"summer\"\nopens = \"2026-02-30\"\n", "bad.toml:5:"},
		{"period closes before it opens", "code = \"XX\"\nname = \"X\"\n[[registration.period]]\nname = \"summer\"\nopens = \"2026-07-01\"\ncloses = \"2026-06-01\"\ntext = \"t\"\nsources = [\"s\"]\nconfidence = \"low\"\n[[registration.pattern]]\nname = \"summer\"\nopens = { month = 7, day = 1 }\ncloses = { month = 8, day = 31 }\ntext = \"t\"\nsources = [\"s\"]\nconfidence = \"low\"\n", "bad.toml:6:1: [[registration.period]] #1, closes: 2026-06-01 is before opens 2026-07-01 (swap opens and closes, or fix the year)"},
		{"bad weekday", "code = \"XX\"\nname = \"X\"\nusual_expiry = { month = 5, weekday = \"caturday\", offset = 3 }\n", "bad.toml:3:1: usual_expiry: weekday \"caturday\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.file), "bad.toml")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Parse: %v, want an error containing %q", err, c.want)
			}
		})
	}
}

func TestExtendsCycle(t *testing.T) {
	fsys := fstestMap{
		"r/fifa.toml": embeddedFile(t, "data/fifa.toml"),
		"r/a.toml":    "code = \"AAA\"\nname = \"A\"\nextends = \"BBB\"\n",
		"r/b.toml":    "code = \"BBB\"\nname = \"B\"\n\nextends = \"AAA\"\n",
	}
	_, err := Load(fsys.FS(), "r", "r")
	if err == nil || !strings.Contains(err.Error(), "cycle: AAA → BBB → AAA") || !strings.Contains(err.Error(), "a.toml:3:1") {
		t.Fatalf("Load: %v, want a cycle error at a.toml:3", err)
	}
}

func TestUserDirOverrides(t *testing.T) {
	b := book(t)
	fsys := fstestMap{"u/eng.toml": strings.Replace(embeddedFile(t, "data/eng.toml"), "calc_offset = 1 }", "calc_offset = 2 }", 1)}
	nb, err := b.WithDir(fsys.FS(), "u", "u")
	if err != nil {
		t.Fatal(err)
	}
	c := Contract{Association: "ENG", Expires: D(2026, 6, 30)}
	if got := nb.Windows(c, Query{AsOf: D(2026, 1, 1)}).Domestic.Date; got != D(2026, 5, 18) {
		t.Fatalf("overridden England: domestic %s, want 2026-05-18", got)
	}
	if got := b.Windows(c, Query{AsOf: D(2026, 1, 1)}).Domestic.Date; got != D(2026, 5, 17) {
		t.Fatalf("the embedded book changed: domestic %s", got)
	}
}

// Embedded sets are parsed on first use from what scanMeta reads of their
// top lines: it must agree with the parser for every file.
func TestScanMetaAgreesWithParse(t *testing.T) {
	b := book(t)
	for code, en := range b.entries {
		raw, err := en.source()
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(raw, en.name)
		if err != nil {
			t.Fatal(err)
		}
		m := en.meta
		if whole := scanMeta(raw); fmt.Sprint(whole) != fmt.Sprint(m) {
			t.Errorf("%s: scanned %+v from the top lines, %+v from the whole file", en.name, m, whole)
		}
		if m.code != code || m.code != s.Code || m.extends != s.Extends || strings.Join(m.leagues, ",") != strings.Join(s.Leagues, ",") {
			t.Errorf("%s: scanned %+v, parsed code %s extends %s leagues %v", en.name, m, s.Code, s.Extends, s.Leagues)
		}
	}
}

// A user's England replaces the embedded one also as the parent of the EFL.
func TestOverrideReachesLeagueSets(t *testing.T) {
	b := book(t)
	fsys := fstestMap{"u/eng.toml": strings.Replace(embeddedFile(t, "data/eng.toml"), "calc_offset = 1 }", "calc_offset = 2 }", 1)}
	nb, err := b.WithDir(fsys.FS(), "u", "u")
	if err != nil {
		t.Fatal(err)
	}
	c := Contract{Association: "ENG", League: "GB2", Expires: D(2026, 6, 30)}
	if w := nb.Windows(c, Query{AsOf: D(2026, 1, 1)}); w.Set.Code != "EFL" || w.Domestic.Date != D(2026, 5, 18) {
		t.Fatalf("EFL under the user's England: set %s, domestic %s, want EFL and 2026-05-18", w.Set.Code, w.Domestic.Date)
	}
	if w := b.Windows(c, Query{AsOf: D(2026, 1, 1)}); w.Domestic.Date != D(2026, 5, 17) {
		t.Fatalf("the embedded book changed: domestic %s", w.Domestic.Date)
	}
}

func hasNote(w *Windows, kind string) bool { return noteRule(w, kind) != "" }

func noteRule(w *Windows, kind string) string {
	for _, n := range w.Notes {
		if n.Kind == kind {
			if n.Rule == nil {
				return "(no rule)"
			}
			return n.Rule.ID + ""
		}
	}
	return ""
}

func BenchmarkWindows(b *testing.B) {
	bk := book(b)
	c := Contract{Association: "ENG", League: "GB1", Expires: D(2026, 6, 30), Birth: D(1999, 5, 25), Signed: D(2021, 5, 28)}
	q := Query{AsOf: D(2025, 10, 7)}
	bk.Windows(c, q)
	b.ReportAllocs()
	for b.Loop() {
		bk.Windows(c, q)
	}
}

func BenchmarkWindowsWithRegistration(b *testing.B) {
	bk := book(b)
	c := Contract{Association: "ESP", League: "ES1", Expires: D(2026, 6, 30), Birth: D(1993, 3, 3)}
	q := Query{AsOf: D(2025, 10, 7), To: "ENG"}
	bk.Windows(c, q)
	b.ReportAllocs()
	for b.Loop() {
		bk.Windows(c, q)
	}
}

// BenchmarkEmbedded is what a command pays before its first answer: the
// FIFA baseline is parsed, the other sets when first asked for.
func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Embedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmbeddedAll parses every embedded rule set, as 'bosman rules' does.
func BenchmarkEmbeddedAll(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bk, err := Embedded()
		if err != nil {
			b.Fatal(err)
		}
		if len(bk.Sets()) < 18 {
			b.Fatal("sets missing")
		}
	}
}

// An association without a rule set gets the FIFA baseline as its set:
// FIFA training compensation is noted once, not once as the set's and once
// as the baseline's (a Bulgarian contract, birth date unknown).
func TestFallbackCompensationOnce(t *testing.T) {
	book, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := book.Windows(Contract{Association: "BUL", Expires: D(2027, 6, 30)}, Query{AsOf: D(2026, 6, 20)})
	if !w.Fallback {
		t.Fatalf("BUL has a rule set now: pick an association without one")
	}
	n := 0
	for _, note := range w.Notes {
		if note.Kind == "compensation" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d compensation notes, want FIFA training compensation once", n)
	}
}

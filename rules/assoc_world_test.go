package rules

import (
	"strings"
	"testing"
)

// The rule sets of China, the Gulf, North and South Africa and Hungary:
// code, rickar/cal holiday calendar ("" for fixed holidays in the file),
// and days that must be off or working under its weekend and holidays.
var worldSets = []struct {
	code, holidays string
	off, working   []Date
}{
	// China: weekends and the fixed statutory days (National Day 1-3 Oct,
	// Labour Day 1-2 May); Spring Festival (17 Feb 2026) is lunar and is
	// not counted, as chn.toml says.
	{"CHN", "", []Date{D(2026, 10, 2), D(2026, 5, 2), D(2026, 1, 3)}, []Date{D(2026, 2, 17), D(2026, 3, 3)}},
	// Qatar: Friday-Saturday weekend and National Day (Thursday 18 Dec 2025).
	{"QAT", "", []Date{D(2026, 1, 2), D(2026, 1, 3), D(2025, 12, 18)}, []Date{D(2026, 1, 4), D(2026, 1, 1)}},
	// UAE: Saturday-Sunday weekend since 2022, National Day 2-3 Dec; Friday
	// is a working day.
	{"UAE", "", []Date{D(2026, 1, 3), D(2026, 1, 4), D(2025, 12, 2), D(2025, 12, 3)}, []Date{D(2026, 1, 2), D(2026, 1, 5)}},
	// Egypt: Friday-Saturday weekend, Coptic Christmas (Wednesday 7 Jan
	// 2026), Armed Forces Day (Tuesday 6 Oct 2026).
	{"EGY", "", []Date{D(2026, 1, 2), D(2026, 1, 3), D(2026, 1, 7), D(2026, 10, 6)}, []Date{D(2026, 1, 4), D(2026, 1, 8)}},
	// Morocco: Saturday-Sunday weekend, Independence Day (Tuesday 18 Nov
	// 2025), Amazigh New Year (Wednesday 14 Jan 2026).
	{"MAR", "", []Date{D(2025, 11, 18), D(2026, 1, 14), D(2026, 1, 3)}, []Date{D(2026, 1, 2), D(2026, 1, 12)}},
	// South Africa (rickar/cal za): Heritage Day, Day of Reconciliation.
	{"RSA", "za", []Date{D(2025, 9, 24), D(2025, 12, 16)}, []Date{D(2025, 9, 23)}},
	// Hungary (rickar/cal hu): St Stephen's Day, 1956 Revolution Day.
	{"HUN", "hu", []Date{D(2025, 8, 20), D(2025, 10, 23)}, []Date{D(2025, 10, 22)}},
}

func TestWorldCalendars(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range worldSets {
		s := b.Set(a.code)
		if s == nil || s.Calendar == nil {
			t.Errorf("%s: no rule set with a calendar", a.code)
			continue
		}
		for _, d := range a.off {
			if s.Calendar.work.IsWorkday(d) {
				t.Errorf("%s: %s should be a day off", a.code, d)
			}
		}
		for _, d := range a.working {
			if !s.Calendar.work.IsWorkday(d) {
				t.Errorf("%s: %s should be a working day", a.code, d)
			}
		}
	}
}

// The worked examples of these sets, by hand from the rule each names; the
// expected dates are the rules', not the program's output.
func TestWorldWorkedExamples(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	type reg struct {
		from, until Date
		exception   bool
		estimated   bool
	}
	cases := []struct {
		name         string
		c            Contract
		q            Query
		set          string
		foreign      Date
		domestic     Date
		domesticText string
		status       Status
		reg          *reg
		note         string // id of a rule a note must cite
		noNote       string // id of a rule no note may cite
	}{
		// China PR.
		{
			name:     "chn-six-months (FIFA's six months assumed at home): a Super League contract to 31 Dec 2026, any club from 1 Jul 2026",
			c:        Contract{Association: "CHN", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			set:      "CHN",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			status:   PrecontractOpen,
		},
		{
			name:   "chn-six-months: not yet on 30 Jun 2026",
			c:      Contract{Association: "CHN", Expires: D(2026, 12, 31)},
			q:      Query{AsOf: D(2026, 6, 30)},
			set:    "CHN",
			status: UnderContract,
		},
		{
			name: "CFL first window 2026 (9 Jan to 27 Feb): free from 1 Jan 2026, registrable from the 9 Jan opening",
			c:    Contract{Association: "CHN", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2025, 12, 1), To: "CHN"},
			set:  "CHN",
			reg:  &reg{from: D(2026, 1, 9), until: D(2026, 2, 27)},
		},
		{
			name: "CFL second window 2026 (18 Jun to 22 Jul): free from 1 Jul 2026, registrable at once until 22 Jul",
			c:    Contract{Association: "CHN", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 6, 20), To: "CHN"},
			set:  "CHN",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 7, 22)},
		},
		{
			name: "FIFA art. 6 assumed in China: free from 16 Jul 2026, before the second window closed on 22 Jul; on 1 Sep registrable until the 2027 first window closes (27 Feb 2027, estimated)",
			c:    Contract{Association: "CHN", Expires: D(2026, 7, 15)},
			q:    Query{AsOf: D(2026, 9, 1), To: "CHN"},
			set:  "CHN",
			reg:  &reg{from: D(2026, 9, 1), until: D(2027, 2, 27), exception: true},
		},
		{
			name: "CHN first-window pattern (5 Jan to 27 Feb): free from 1 Jan 2027, registrable from 5 Jan 2027 (estimated)",
			c:    Contract{Association: "CHN", Expires: D(2026, 12, 31)},
			q:    Query{AsOf: D(2026, 11, 28), To: "CHN"},
			set:  "CHN",
			reg:  &reg{from: D(2027, 1, 5), until: D(2027, 2, 27), estimated: true},
		},
		// Qatar.
		{
			name:     "qat-six-months (FIFA's six months assumed at home): a contract to 30 Jun 2026, any club from 1 Jan 2026, not on 31 Dec 2025",
			c:        Contract{Association: "QAT", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2025, 12, 31)},
			set:      "QAT",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   UnderContract,
		},
		{
			name: "QSL summer period 2025 (to 15 Sep 2025): free from 1 Jul 2025, registrable on 1 Aug until 15 Sep",
			c:    Contract{Association: "QAT", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 8, 1), To: "QAT"},
			set:  "QAT",
			reg:  &reg{from: D(2025, 8, 1), until: D(2025, 9, 15)},
		},
		{
			name: "QAT free agents with a free list place: free from 1 Jul 2026, before the summer period closed (15 Sep, estimated); on 1 Oct 2026 registrable until the winter period closes (31 Jan 2027, estimated)",
			c:    Contract{Association: "QAT", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 10, 1), To: "QAT"},
			set:  "QAT",
			reg:  &reg{from: D(2026, 10, 1), until: D(2027, 1, 31), exception: true},
		},
		{
			name: "qat-under-23: a 21-year-old Qatari out of contract on 30 Jun 2026 moving to a Qatari club carries a compensation note",
			c:    Contract{Association: "QAT", Expires: D(2026, 6, 30), Birth: D(2005, 3, 1)},
			q:    Query{AsOf: D(2026, 5, 1), To: "QAT"},
			set:  "QAT",
			note: "qat-under-23",
		},
		{
			name:   "qat-under-23: not for a 26-year-old",
			c:      Contract{Association: "QAT", Expires: D(2026, 6, 30), Birth: D(2000, 3, 1)},
			q:      Query{AsOf: D(2026, 5, 1), To: "QAT"},
			set:    "QAT",
			noNote: "qat-under-23",
		},
		{
			name:   "qat-under-23 is in force from 2025/26: not for a contract that ended on 30 Jun 2024 (the 40-times-salary era)",
			c:      Contract{Association: "QAT", Expires: D(2024, 6, 30), Birth: D(2003, 3, 1)},
			q:      Query{AsOf: D(2024, 5, 1), To: "QAT"},
			set:    "QAT",
			noNote: "qat-under-23",
		},
		// United Arab Emirates.
		{
			name:     "uae-six-months (FIFA's six months assumed at home): a contract to 30 Jun 2026, any club from 1 Jan 2026",
			c:        Contract{Association: "UAE", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "UAE",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "UAE FA 21 days after the summer close: free from 1 Jul 2025, unsigned when the period closed on 1 Oct 2025; on 10 Oct registrable until 22 Oct 2025, the UAE's own limit, before the winter close",
			c:    Contract{Association: "UAE", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 10), To: "UAE"},
			set:  "UAE",
			reg:  &reg{from: D(2025, 10, 10), until: D(2025, 10, 22), exception: true},
		},
		{
			name: "UAE FA 21 days: the same player on 25 Oct 2025 waits for the winter period, 13 Jan to 9 Feb 2026",
			c:    Contract{Association: "UAE", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 25), To: "UAE"},
			set:  "UAE",
			reg:  &reg{from: D(2026, 1, 13), until: D(2026, 2, 9)},
		},
		{
			name: "UAE FA 21 days follow the summer period only: free from 1 Feb 2026, before the winter close on 9 Feb; on 1 Mar 2026 he waits for the summer period (10 Jul to 1 Oct 2026, estimated)",
			c:    Contract{Association: "UAE", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 3, 1), To: "UAE"},
			set:  "UAE",
			reg:  &reg{from: D(2026, 7, 10), until: D(2026, 10, 1), estimated: true},
		},
		{
			name: "UAE summer pattern and its 22 Oct limit: free from 1 Jul 2026, unsigned at the 1 Oct 2026 close (estimated); on 15 Oct registrable until 22 Oct 2026",
			c:    Contract{Association: "UAE", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 10, 15), To: "UAE"},
			set:  "UAE",
			reg:  &reg{from: D(2026, 10, 15), until: D(2026, 10, 22), exception: true},
		},
		// Egypt.
		{
			name:         "egy-six-months: a contract to 30 Jun 2026, another Egyptian club may sign him from 1 Jan 2026 after telling his club",
			c:            Contract{Association: "EGY", Expires: D(2026, 6, 30)},
			q:            Query{AsOf: D(2026, 1, 1)},
			set:          "EGY",
			foreign:      D(2026, 1, 1),
			domestic:     D(2026, 1, 1),
			domesticText: "written notice",
			status:       PrecontractOpen,
		},
		{
			name: "EFA summer period 2025 (2 Jun to 6 Aug): free from 1 Jul 2025, registrable at once until 6 Aug",
			c:    Contract{Association: "EGY", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 6, 15), To: "EGY"},
			set:  "EGY",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 8, 6)},
		},
		{
			name: "EFA winter period 2022/23 (1 to 31 Jan 2023): free from 1 Jan 2023, registrable until 31 Jan",
			c:    Contract{Association: "EGY", Expires: D(2022, 12, 31)},
			q:    Query{AsOf: D(2022, 12, 1), To: "EGY"},
			set:  "EGY",
			reg:  &reg{from: D(2023, 1, 1), until: D(2023, 1, 31)},
		},
		{
			name: "EGY free agents: free from 1 Feb 2026, before the winter period closed on 8 Feb; on 1 Mar 2026 registrable until the summer period closes (6 Aug 2026, estimated)",
			c:    Contract{Association: "EGY", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 3, 1), To: "EGY"},
			set:  "EGY",
			reg:  &reg{from: D(2026, 3, 1), until: D(2026, 8, 6), exception: true},
		},
		{
			name: "EGY free agents end with the next close: free from 1 Feb 2026, on 10 Aug 2026 he waits for the winter period 2027 (1 Jan to 8 Feb, estimated)",
			c:    Contract{Association: "EGY", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 8, 10), To: "EGY"},
			set:  "EGY",
			reg:  &reg{from: D(2027, 1, 1), until: D(2027, 2, 8), estimated: true},
		},
		// Morocco.
		{
			name:         "mar-rstj-six-months: a Botola contract to 30 Jun 2026, a Moroccan club may sign him from 1 Jan 2026 after written notice",
			c:            Contract{Association: "MAR", Expires: D(2026, 6, 30)},
			q:            Query{AsOf: D(2025, 12, 31)},
			set:          "MAR",
			foreign:      D(2026, 1, 1),
			domestic:     D(2026, 1, 1),
			domesticText: "written notice",
			status:       UnderContract,
		},
		{
			name: "FRMF summer period 2025 (1 Jul to 25 Aug): free from 1 Jul 2025, registrable until 25 Aug",
			c:    Contract{Association: "MAR", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 6, 15), To: "MAR"},
			set:  "MAR",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 8, 25)},
		},
		{
			name: "FIFA art. 6 assumed in Morocco: free from 1 Jul 2025, unsigned at the 25 Aug close; on 1 Oct 2025 registrable until the winter period closes on 31 Jan 2026 (as extended by the LNFP)",
			c:    Contract{Association: "MAR", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 1), To: "MAR"},
			set:  "MAR",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 1, 31), exception: true},
		},
		{
			name: "FRMF winter period 2022/23 (3 to 31 Jan 2023): free from 1 Jan 2023, registrable from 3 Jan",
			c:    Contract{Association: "MAR", Expires: D(2022, 12, 31)},
			q:    Query{AsOf: D(2022, 12, 1), To: "MAR"},
			set:  "MAR",
			reg:  &reg{from: D(2023, 1, 3), until: D(2023, 1, 31)},
		},
		// South Africa.
		{
			name:     "rsa-six-months (FIFA's six months assumed at home): a contract to 30 Jun 2026, any club from 1 Jan 2026",
			c:        Contract{Association: "RSA", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "RSA",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "PSL first window 2025/26 (1 Jul to 22 Sep 2025): on its last day a free agent is registrable that day only",
			c:    Contract{Association: "RSA", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 9, 22), To: "RSA"},
			set:  "RSA",
			reg:  &reg{from: D(2025, 9, 22), until: D(2025, 9, 22)},
		},
		{
			name: "PSL rules, not under contract when the period closed: free from 1 Jul 2025; on 15 Oct 2025 registrable until the January window closes (Wednesday 28 Jan 2026, estimated)",
			c:    Contract{Association: "RSA", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 15), To: "RSA"},
			set:  "RSA",
			reg:  &reg{from: D(2025, 10, 15), until: D(2026, 1, 28), exception: true},
		},
		{
			name: "RSA summer pattern with the handbook's roll: 20 Sep 2026 is a Sunday, so the estimated window closes on Monday 21 Sep 2026",
			c:    Contract{Association: "RSA", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 6, 1), To: "RSA"},
			set:  "RSA",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 21), estimated: true},
		},
		{
			name: "PSL first window 2022/23 (1 Jul to 22 Sep 2022): free from 1 Jul 2022, registrable until 22 Sep",
			c:    Contract{Association: "RSA", Expires: D(2022, 6, 30)},
			q:    Query{AsOf: D(2022, 6, 1), To: "RSA"},
			set:  "RSA",
			reg:  &reg{from: D(2022, 7, 1), until: D(2022, 9, 22)},
		},
		// Hungary.
		{
			name:     "hun-six-months (FIFA's six months assumed at home): an NB I contract to 30 Jun 2026, any club from 1 Jan 2026",
			c:        Contract{Association: "HUN", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "HUN",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "MLSZ winter period 2025/26 (15 Jan to 14 Feb 2026): free from 1 Jan 2026, registrable from 15 Jan",
			c:    Contract{Association: "HUN", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2025, 12, 1), To: "HUN"},
			set:  "HUN",
			reg:  &reg{from: D(2026, 1, 15), until: D(2026, 2, 14)},
		},
		{
			name: "NB I after the summer close: free from 1 Jul 2025, before the 3 Sep 2025 deadline; on 1 Oct 2025 registrable until the winter period closes on 14 Feb 2026",
			c:    Contract{Association: "HUN", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 1), To: "HUN"},
			set:  "HUN",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 2, 14), exception: true},
		},
		{
			name: "NB I free agents end with the next close: the same player on 1 Mar 2026 waits for the summer period 2026 (1 Jul to 3 Sep, estimated)",
			c:    Contract{Association: "HUN", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2026, 3, 1), To: "HUN"},
			set:  "HUN",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 3), estimated: true},
		},
		{
			name: "hun-nyiasz-operating-cost: a player born in 2008 moving between Hungarian clubs in 2026 is of youth age (to the end of the year he turns 19)",
			c:    Contract{Association: "HUN", Expires: D(2026, 6, 30), Birth: D(2008, 3, 1)},
			q:    Query{AsOf: D(2026, 5, 1), To: "HUN"},
			set:  "HUN",
			note: "hun-nyiasz-operating-cost",
		},
		{
			name:   "hun-nyiasz-operating-cost: not for a player born in 2000",
			c:      Contract{Association: "HUN", Expires: D(2026, 6, 30), Birth: D(2000, 3, 1)},
			q:      Query{AsOf: D(2026, 5, 1), To: "HUN"},
			set:    "HUN",
			noNote: "hun-nyiasz-operating-cost",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := b.Windows(tc.c, tc.q)
			if w.Set == nil || w.Set.Code != tc.set || w.Fallback {
				t.Fatalf("rule set %v (fallback %v), want %s", w.Set, w.Fallback, tc.set)
			}
			if !tc.foreign.IsZero() && w.Foreign.Date != tc.foreign {
				t.Errorf("foreign %s, want %s", w.Foreign.Date, tc.foreign)
			}
			if !tc.domestic.IsZero() && w.Domestic.Date != tc.domestic {
				t.Errorf("domestic %s, want %s", w.Domestic.Date, tc.domestic)
			}
			if tc.domesticText != "" && !strings.Contains(w.Domestic.Text, tc.domesticText) {
				t.Errorf("domestic text %q, want it to mention %q", w.Domestic.Text, tc.domesticText)
			}
			if tc.status != "" && w.Status != tc.status {
				t.Errorf("status on %s: %s, want %s", tc.q.AsOf, w.Status, tc.status)
			}
			if tc.reg != nil {
				r := w.Registration
				switch {
				case r == nil:
					t.Errorf("no registration, want from %s", tc.reg.from)
				case r.From != tc.reg.from || r.Until != tc.reg.until || r.Exception != tc.reg.exception:
					t.Errorf("registration %s to %s (exception %v), want %s to %s (exception %v)",
						r.From, r.Until, r.Exception, tc.reg.from, tc.reg.until, tc.reg.exception)
				case !r.Exception && r.Period.Estimated != tc.reg.estimated:
					t.Errorf("period %s %s estimated %v, want %v", r.Period.Name, r.Period.Season, r.Period.Estimated, tc.reg.estimated)
				}
			}
			cites := func(id string) bool {
				for _, n := range w.Notes {
					if n.Rule != nil && n.Rule.ID == id {
						return true
					}
				}
				return false
			}
			if tc.note != "" && !cites(tc.note) {
				t.Errorf("no note citing %s among %d notes", tc.note, len(w.Notes))
			}
			if tc.noNote != "" && cites(tc.noNote) {
				t.Errorf("a note cites %s", tc.noNote)
			}
		})
	}
}

// Qatar: qat-six-months from the 2025/26 season (contracts ending from
// 1 June 2025); before it, qat-40-times-salary-era, the same six months
// (1 January for a 30 June expiry) at low confidence, with the dispute
// about the '40 times salary' rule shown.
func TestQatarEras(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		expires, domestic Date
		rule              string
	}{
		{D(2024, 6, 30), D(2024, 1, 1), "qat-40-times-salary-era"},
		{D(2025, 5, 31), D(2024, 12, 1), "qat-40-times-salary-era"},
		{D(2025, 6, 30), D(2025, 1, 1), "qat-six-months"},
	} {
		w := b.Windows(Contract{Association: "QAT", Expires: c.expires}, Query{AsOf: D(2024, 1, 1)})
		if w.Domestic.Rule == nil || w.Domestic.Rule.ID != c.rule || w.Domestic.Date != c.domestic || w.Domestic.Confidence != Low {
			t.Errorf("expiry %s: domestic %s by %v at %s, want %s by %s at low", c.expires, w.Domestic.Date, w.Domestic.Rule, w.Domestic.Confidence, c.domestic, c.rule)
		}
		if noteByID(w, c.rule) == nil {
			t.Errorf("expiry %s: no disputed note citing %s", c.expires, c.rule)
		}
	}
}

// South Africa, 2020: contracts ending 30 June 2020 were extended to the end
// of August or of the delayed season; the answer for such a contract
// carries the note, dated on its last day, and a 2021 expiry does not.
func TestSouthAfricaCovid2020(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := b.Windows(Contract{Association: "RSA", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 5, 15)})
	if n := noteByID(w, "rsa-covid-2020"); n == nil || n.Kind != "deadline" || n.Date != D(2020, 6, 30) {
		t.Errorf("30 Jun 2020 expiry: note %+v, want an rsa-covid-2020 deadline on 2020-06-30", n)
	}
	w = b.Windows(Contract{Association: "RSA", Expires: D(2021, 6, 30)}, Query{AsOf: D(2021, 5, 15)})
	if noteByID(w, "rsa-covid-2020") != nil {
		t.Errorf("the 2020 note shows for a 30 Jun 2021 expiry")
	}
}

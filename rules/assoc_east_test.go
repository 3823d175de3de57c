package rules

import (
	"strings"
	"testing"
)

// The worked examples: every expected date is worked out by hand from the
// rule named in the case, not taken from the program.
func TestEastWorkedExamples(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	type reg struct {
		from, until Date
		exception   bool
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
	}{
		// Poland
		{
			name:     "pol-pzpn-iii54-4.2c (six months, Polish clubs too): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "POL", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "POL",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name:   "pol-pzpn-iii54-4.2c: on 31 Dec 2025 the same contract still has more than six months to run",
			c:      Contract{Association: "POL", Expires: D(2026, 6, 30)},
			q:      Query{AsOf: D(2025, 12, 31)},
			set:    "POL",
			status: UnderContract,
		},
		{
			name: "PZPN summer period 2025/26 (1 Jul to Mon 8 Sep 2025): free on 1 Jul 2025, registrable on 15 Jul until 8 Sep",
			c:    Contract{Association: "POL", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 15), To: "POL"},
			set:  "POL",
			reg:  &reg{from: D(2025, 7, 15), until: D(2025, 9, 8)},
		},
		{
			name: "PZPN free agents: released 31 Aug 2025, before the 8 Sep close, registrable on 1 Oct until the winter close, 25 Feb 2026 (earlier than the 28 Feb limit)",
			c:    Contract{Association: "POL", Expires: D(2025, 8, 31)},
			q:    Query{AsOf: D(2025, 10, 1), To: "POL"},
			set:  "POL",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 2, 25), exception: true},
		},
		{
			name: "PZPN free agents: released 10 Sep 2025, after the summer close, waits for the winter period, 26 Jan to 25 Feb 2026",
			c:    Contract{Association: "POL", Expires: D(2025, 9, 10)},
			q:    Query{AsOf: D(2025, 10, 1), To: "POL"},
			set:  "POL",
			reg:  &reg{from: D(2026, 1, 26), until: D(2026, 2, 25)},
		},
		{
			name: "PZPN winter pattern (last Monday in Jan to 25 Feb): estimated 2027 period, 25 Jan to 25 Feb 2027",
			c:    Contract{Association: "POL", Expires: D(2026, 12, 31)},
			q:    Query{AsOf: D(2026, 11, 1), To: "POL"},
			set:  "POL",
			reg:  &reg{from: D(2027, 1, 25), until: D(2027, 2, 25)},
		},
		// Romania
		{
			name:     "rou-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "ROU", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "ROU",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "FRF summer period 2022/23 (14 Jun to 5 Sep 2022): free on 1 Jul 2022, registrable at once until 5 Sep",
			c:    Contract{Association: "ROU", Expires: D(2022, 6, 30)},
			q:    Query{AsOf: D(2022, 7, 1), To: "ROU"},
			set:  "ROU",
			reg:  &reg{from: D(2022, 7, 1), until: D(2022, 9, 5)},
		},
		{
			name: "FRF winter period 2023/24 (16 Jan to 12 Feb 2024): free on 1 Jan 2024, registrable from 16 Jan",
			c:    Contract{Association: "ROU", Expires: D(2023, 12, 31)},
			q:    Query{AsOf: D(2024, 1, 2), To: "ROU"},
			set:  "ROU",
			reg:  &reg{from: D(2024, 1, 16), until: D(2024, 2, 12)},
		},
		{
			name: "FRF free agents: released 20 Aug 2025, before the 8 Sep close, registrable on 15 Sep until the winter close, 9 Feb 2026",
			c:    Contract{Association: "ROU", Expires: D(2025, 8, 20)},
			q:    Query{AsOf: D(2025, 9, 15), To: "ROU"},
			set:  "ROU",
			reg:  &reg{from: D(2025, 9, 15), until: D(2026, 2, 9), exception: true},
		},
		{
			name: "FRF summer pattern (first Tue on or after 10 Jun to first Mon in Sep): estimated 2026 period 16 Jun to 7 Sep 2026",
			c:    Contract{Association: "ROU", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 7, 1), To: "ROU"},
			set:  "ROU",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 7)},
		},
		// Serbia
		{
			name:     "srb-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "SRB", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2025, 12, 31)},
			set:      "SRB",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   UnderContract,
		},
		{
			name: "FSS summer period 2024/25 (27 Jun to 13 Sep 2024): free on 1 Jul 2024, registrable at once until 13 Sep",
			c:    Contract{Association: "SRB", Expires: D(2024, 6, 30)},
			q:    Query{AsOf: D(2024, 7, 1), To: "SRB"},
			set:  "SRB",
			reg:  &reg{from: D(2024, 7, 1), until: D(2024, 9, 13)},
		},
		{
			name: "FSS winter period 2024/25 (18 Jan to 14 Feb 2025): free on 1 Jan 2025, registrable from 18 Jan",
			c:    Contract{Association: "SRB", Expires: D(2024, 12, 31)},
			q:    Query{AsOf: D(2025, 1, 2), To: "SRB"},
			set:  "SRB",
			reg:  &reg{from: D(2025, 1, 18), until: D(2025, 2, 14)},
		},
		{
			name: "FIFA art. 6 in Serbia: released 31 Aug 2024, before the 13 Sep close, registrable on 1 Oct until the winter close, 14 Feb 2025",
			c:    Contract{Association: "SRB", Expires: D(2024, 8, 31)},
			q:    Query{AsOf: D(2024, 10, 1), To: "SRB"},
			set:  "SRB",
			reg:  &reg{from: D(2024, 10, 1), until: D(2025, 2, 14), exception: true},
		},
		{
			name: "FSS summer pattern (26 Jun to the first Fri on or after 13 Sep): estimated 2025 period, free on 1 Jul 2025, until Fri 19 Sep 2025",
			c:    Contract{Association: "SRB", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 1), To: "SRB"},
			set:  "SRB",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 9, 19)},
		},
		// Czechia
		{
			name:     "cze-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "CZE", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "CZE",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "FAČR winter period 2025/26 (to Thu 12 Feb 2026): free on 1 Jan 2026, registrable on 15 Jan until 12 Feb",
			c:    Contract{Association: "CZE", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 15), To: "CZE"},
			set:  "CZE",
			reg:  &reg{from: D(2026, 1, 15), until: D(2026, 2, 12)},
		},
		{
			name: "FIFA art. 6 in Czechia: released 31 Aug 2025, before the 8 Sep close, registrable on 1 Oct until the winter close, 12 Feb 2026",
			c:    Contract{Association: "CZE", Expires: D(2025, 8, 31)},
			q:    Query{AsOf: D(2025, 10, 1), To: "CZE"},
			set:  "CZE",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 2, 12), exception: true},
		},
		{
			name: "FAČR summer pattern (1 Jul to 8 Sep): estimated 2026 period, free on 1 Jul 2026, until 8 Sep 2026",
			c:    Contract{Association: "CZE", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 7, 1), To: "CZE"},
			set:  "CZE",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 8)},
		},
		// Russia
		{
			name:     "rus-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "RUS", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "RUS",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "RFS summer period 2025/26 (20 Jun to 11 Sep 2025): free on 1 Jul 2025, registrable at once until 11 Sep",
			c:    Contract{Association: "RUS", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 1), To: "RUS"},
			set:  "RUS",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 9, 11)},
		},
		{
			name: "RFS art. 14 (30 days after the close): released 31 Aug 2025, registrable on 20 Sep until 11 Oct 2025",
			c:    Contract{Association: "RUS", Expires: D(2025, 8, 31)},
			q:    Query{AsOf: D(2025, 9, 20), To: "RUS"},
			set:  "RUS",
			reg:  &reg{from: D(2025, 9, 20), until: D(2025, 10, 11), exception: true},
		},
		{
			name: "RFS art. 14: past the 30 days on 15 Oct 2025, the same player waits for the winter period, 23 Jan to 19 Feb 2026",
			c:    Contract{Association: "RUS", Expires: D(2025, 8, 31)},
			q:    Query{AsOf: D(2025, 10, 15), To: "RUS"},
			set:  "RUS",
			reg:  &reg{from: D(2026, 1, 23), until: D(2026, 2, 19)},
		},
		{
			name: "RFS art. 14 after the winter period: released 10 Feb 2026, registrable on 1 Mar until 21 Mar 2026 (30 days after 19 Feb)",
			c:    Contract{Association: "RUS", Expires: D(2026, 2, 10)},
			q:    Query{AsOf: D(2026, 3, 1), To: "RUS"},
			set:  "RUS",
			reg:  &reg{from: D(2026, 3, 1), until: D(2026, 3, 21), exception: true},
		},
		{
			name: "RFS art. 14 in a season without published dates: released 31 Aug 2026, before the estimated 10 Sep close, registrable on 1 Oct until 10 Oct 2026 (30 days after 10 Sep)",
			c:    Contract{Association: "RUS", Expires: D(2026, 8, 31)},
			q:    Query{AsOf: D(2026, 10, 1), To: "RUS"},
			set:  "RUS",
			reg:  &reg{from: D(2026, 10, 1), until: D(2026, 10, 10), exception: true},
		},
		// Ukraine
		{
			name:     "ukr-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "UKR", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "UKR",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "UAF first period 2025/26 (to 5 Sep 2025): free on 1 Jul 2025, registrable on 10 Jul until 5 Sep",
			c:    Contract{Association: "UKR", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 10), To: "UKR"},
			set:  "UKR",
			reg:  &reg{from: D(2025, 7, 10), until: D(2025, 9, 5)},
		},
		{
			name: "UAF second period 2025/26 (26 Jan to 11 Mar 2026): free on 1 Jan 2026, registrable from 26 Jan",
			c:    Contract{Association: "UKR", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 2), To: "UKR"},
			set:  "UKR",
			reg:  &reg{from: D(2026, 1, 26), until: D(2026, 3, 11)},
		},
		{
			name: "UAF free agents: released 31 Aug 2025, before the 5 Sep close, registrable on 1 Oct until the winter close, 11 Mar 2026",
			c:    Contract{Association: "UKR", Expires: D(2025, 8, 31)},
			q:    Query{AsOf: D(2025, 10, 1), To: "UKR"},
			set:  "UKR",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 3, 11), exception: true},
		},
		{
			name: "UAF first-period pattern (1 Jul to the first Fri in Sep): estimated 2026 period, free on 1 Jul 2026, until Fri 4 Sep 2026",
			c:    Contract{Association: "UKR", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 7, 1), To: "UKR"},
			set:  "UKR",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 4)},
		},
		// Croatia
		{
			name:     "cro-six-months (FIFA's six months assumed, low): a 30 Jun 2026 contract, any club from 1 Jan 2026",
			c:        Contract{Association: "CRO", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "CRO",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "HNS winter period 2025/26 (10 Jan to 17 Feb 2026): free on 1 Jan 2026, registrable from 10 Jan",
			c:    Contract{Association: "CRO", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 2), To: "CRO"},
			set:  "CRO",
			reg:  &reg{from: D(2026, 1, 10), until: D(2026, 2, 17)},
		},
		{
			name: "HNS summer period 2025/26 (to Sat 6 Sep 2025): free on 1 Jul 2025, registrable at once until 6 Sep",
			c:    Contract{Association: "CRO", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 1), To: "CRO"},
			set:  "CRO",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 9, 6)},
		},
		{
			name: "HNS free agents: released 31 Jan 2026, before the 17 Feb close, registrable on 1 Mar until the estimated summer close, Sat 5 Sep 2026",
			c:    Contract{Association: "CRO", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 3, 1), To: "CRO"},
			set:  "CRO",
			reg:  &reg{from: D(2026, 3, 1), until: D(2026, 9, 5), exception: true},
		},
		{
			name: "HNS summer pattern (15 Jun to 5 Sep, no weekend roll: 2025 closed on a Saturday): the estimated 2027 period closes on Sunday 5 Sep 2027",
			c:    Contract{Association: "CRO", Expires: D(2027, 6, 30)},
			q:    Query{AsOf: D(2027, 7, 1), To: "CRO"},
			set:  "CRO",
			reg:  &reg{from: D(2027, 7, 1), until: D(2027, 9, 5)},
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
				if r == nil {
					t.Fatalf("no registration, want %+v", *tc.reg)
				}
				if r.From != tc.reg.from || r.Until != tc.reg.until || r.Exception != tc.reg.exception {
					t.Errorf("registration %s to %s (exception %v), want %s to %s (exception %v)",
						r.From, r.Until, r.Exception, tc.reg.from, tc.reg.until, tc.reg.exception)
				}
			}
		})
	}
}

// Working days: Russia's New Year holidays run to 8 January (Labour Code
// art. 112), which rickar/cal lists only in part; Ukraine under martial law
// keeps no public holidays.
func TestEastCalendars(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		code    string
		day     Date
		workday bool
	}{
		{"RUS", D(2026, 1, 5), false},  // Monday, New Year holidays
		{"RUS", D(2026, 1, 8), false},  // Thursday, New Year holidays
		{"RUS", D(2026, 1, 9), true},   // Friday, first working day
		{"RUS", D(2026, 6, 12), false}, // Friday, Russia Day
		// Ukraine, martial law: holidays are working days (Law 2136-IX art. 6(6)).
		{"UKR", D(2026, 8, 24), true},  // Monday, Independence Day
		{"UKR", D(2026, 12, 25), true}, // Friday, Christmas
		{"UKR", D(2026, 8, 22), false}, // Saturday
	}
	for _, c := range cases {
		if got := b.Set(c.code).Calendar.work.IsWorkday(c.day); got != c.workday {
			t.Errorf("%s %s: working day %v, want %v", c.code, c.day, got, c.workday)
		}
	}
}

// COVID, 2020: in Czechia and Romania a contract ending 30 June 2020 could
// be extended by agreement before it ran out; the answer for such a
// contract carries the deadline (its last day, 30 June 2020), and a 2021
// expiry does not.
func TestEastCovid2020(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for code, id := range map[string]string{"CZE": "cze-covid-2020", "ROU": "rou-covid-2020"} {
		w := b.Windows(Contract{Association: code, Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 5, 15)})
		if n := noteByID(w, id); n == nil || n.Kind != "deadline" || n.Date != D(2020, 6, 30) {
			t.Errorf("%s: 30 Jun 2020 expiry: note %+v, want a %s deadline on 2020-06-30", code, n, id)
		}
		w = b.Windows(Contract{Association: code, Expires: D(2021, 6, 30)}, Query{AsOf: D(2021, 5, 15)})
		if noteByID(w, id) != nil {
			t.Errorf("%s: the 2020 note shows for a 30 Jun 2021 expiry", code)
		}
	}
}

package rules

import (
	"strings"
	"testing"
)

// Worked examples for each set, by hand from the rules named: the expected
// dates are read off the rule files' texts, not the program's output.
// Korea: the fixed public holidays of the rule file are days off.
func TestKoreaFixedHolidays(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := b.Set("KOR").Calendar.work
	for _, d := range []Date{D(2027, 3, 1), D(2026, 10, 9), D(2026, 12, 25)} {
		if w.IsWorkday(d) {
			t.Errorf("KOR: %s should be a public holiday", d)
		}
	}
	if !w.IsWorkday(D(2027, 3, 2)) {
		t.Errorf("KOR: Tuesday 2 March 2027 should be a working day")
	}
}

func TestMixedWorkedExamples(t *testing.T) {
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
		noDomestic   bool
		domesticText string
		status       Status
		reg          *reg
	}{
		// Greece.
		{
			name:     "gre-six-months (FIFA's six months assumed at home): a 30 Jun 2026 contract, a Greek club may sign him from 1 Jan 2026",
			c:        Contract{Association: "GRE", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "GRE",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "EPO free-agent days after summer 2025 (free_agents_until 26 Sep): free from 1 Jul 2025, unsigned at the 12 Sep close, registrable on 20 Sep until 26 Sep",
			c:    Contract{Association: "GRE", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 9, 20), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2025, 9, 20), until: D(2025, 9, 26), exception: true},
		},
		{
			name: "EPO free-agent days are over on 1 Oct 2025: he waits for the winter period, 2 Jan to 6 Feb 2026",
			c:    Contract{Association: "GRE", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 1), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2026, 1, 2), until: D(2026, 2, 6)},
		},
		{
			name: "EPO free-agent days are for players free when the window closed: released 15 Sep 2025, after the 12 Sep close, he waits for 2 Jan 2026",
			c:    Contract{Association: "GRE", Expires: D(2025, 9, 15)},
			q:    Query{AsOf: D(2025, 9, 20), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2026, 1, 2), until: D(2026, 2, 6)},
		},
		{
			name: "EPO winter 2026 (free_agents_until 16 Feb): a contract ended 20 Jan 2026, registrable on 10 Feb until 16 Feb",
			c:    Contract{Association: "GRE", Expires: D(2026, 1, 20)},
			q:    Query{AsOf: D(2026, 2, 10), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2026, 2, 10), until: D(2026, 2, 16), exception: true},
		},
		{
			name: "Greek summer pattern (1 Jul to 12 Sep, estimated): free from 1 Jul 2026, asked on 15 Jun, registrable from 1 Jul to 12 Sep 2026",
			c:    Contract{Association: "GRE", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 6, 15), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 12)},
		},
		{
			name: "EPO free agents in an unpublished season (14 days after the close): free from 1 Jul 2026, unsigned at the estimated 12 Sep close, on 20 Sep 2026 registrable until 26 Sep",
			c:    Contract{Association: "GRE", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 9, 20), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2026, 9, 20), until: D(2026, 9, 26), exception: true},
		},
		{
			name: "EPO free agents after an unpublished winter window (14 days after the close, not until September): a contract ended 20 Jan 2027, unsigned at the estimated 6 Feb close, on 15 Feb 2027 registrable until 20 Feb",
			c:    Contract{Association: "GRE", Expires: D(2027, 1, 20)},
			q:    Query{AsOf: D(2027, 2, 15), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2027, 2, 15), until: D(2027, 2, 20), exception: true},
		},
		{
			name: "EPO free agents: the same player on 21 Feb 2027 waits for the summer window (1 Jul 2027, estimated)",
			c:    Contract{Association: "GRE", Expires: D(2027, 1, 20)},
			q:    Query{AsOf: D(2027, 2, 21), To: "GRE"},
			set:  "GRE",
			reg:  &reg{from: D(2027, 7, 1), until: D(2027, 9, 12)},
		},

		// Austria.
		{
			name:     "aut-six-months: a 30 Jun 2026 contract, an Austrian club may sign him from 1 Jan 2026, not on 31 Dec 2025",
			c:        Contract{Association: "AUT", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2025, 12, 31)},
			set:      "AUT",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   UnderContract,
		},
		{
			name: "Bundesliga summer 2025 (1 Jul to 5 Sep): free from 1 Jul 2025, on 15 Aug registrable until 5 Sep",
			c:    Contract{Association: "AUT", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 8, 15), To: "AUT"},
			set:  "AUT",
			reg:  &reg{from: D(2025, 8, 15), until: D(2025, 9, 5)},
		},
		{
			name: "Bundesliga, no free-agent exception: unsigned on 20 Sep 2025, he waits for 7 Jan to 6 Feb 2026",
			c:    Contract{Association: "AUT", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 9, 20), To: "AUT"},
			set:  "AUT",
			reg:  &reg{from: D(2026, 1, 7), until: D(2026, 2, 6)},
		},
		{
			name: "Bundesliga winter 2026 (7 Jan to 6 Feb): a contract ended 15 Jan 2026, on 20 Jan registrable until 6 Feb",
			c:    Contract{Association: "AUT", Expires: D(2026, 1, 15)},
			q:    Query{AsOf: D(2026, 1, 20), To: "AUT"},
			set:  "AUT",
			reg:  &reg{from: D(2026, 1, 20), until: D(2026, 2, 6)},
		},
		{
			name: "Bundesliga, no exception after the winter close either (a contractless player only from 1 July): the same player on 10 Feb 2026 waits for summer 2026 (1 Jul to 5 Sep, estimated)",
			c:    Contract{Association: "AUT", Expires: D(2026, 1, 15)},
			q:    Query{AsOf: D(2026, 2, 10), To: "AUT"},
			set:  "AUT",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 5)},
		},

		// Switzerland.
		{
			name:     "sui-six-months (FIFA's six months assumed at home): a 30 Jun 2026 contract, a Swiss club from 1 Jan 2026",
			c:        Contract{Association: "SUI", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "SUI",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "SFL hardship cases after summer 2025: free from 1 Jul 2025, on 1 Oct 2025 registrable until the winter window closes, 15 Feb 2026 a Sunday so Monday 16 Feb (estimated), before the end of February",
			c:    Contract{Association: "SUI", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 1), To: "SUI"},
			set:  "SUI",
			reg:  &reg{from: D(2025, 10, 1), until: D(2026, 2, 16), exception: true},
		},
		{
			name: "SFL hardship applications close at the end of February: a contract ended 31 Jan 2026, on 20 Feb registrable until 28 Feb 2026",
			c:    Contract{Association: "SUI", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 2, 20), To: "SUI"},
			set:  "SUI",
			reg:  &reg{from: D(2026, 2, 20), until: D(2026, 2, 28), exception: true},
		},
		{
			name: "SFL after the end of February: the same player on 2 Mar 2026 waits for 1 Jul to 9 Sep 2026 (estimated)",
			c:    Contract{Association: "SUI", Expires: D(2026, 1, 31)},
			q:    Query{AsOf: D(2026, 3, 2), To: "SUI"},
			set:  "SUI",
			reg:  &reg{from: D(2026, 7, 1), until: D(2026, 9, 9)},
		},
		{
			name: "SFL weekend close moves to the next working day: free from 1 Jan 2026, on 20 Jan in the winter window until Monday 16 Feb 2026",
			c:    Contract{Association: "SUI", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 20), To: "SUI"},
			set:  "SUI",
			reg:  &reg{from: D(2026, 1, 20), until: D(2026, 2, 16)},
		},

		// Korea Republic.
		{
			name:         "kor-fa-negotiation: a contract to 31 Dec 2026, K League clubs may negotiate from 1 Jul 2026 after written notice",
			c:            Contract{Association: "KOR", Expires: D(2026, 12, 31)},
			q:            Query{AsOf: D(2026, 7, 1)},
			set:          "KOR",
			foreign:      D(2026, 7, 1),
			domestic:     D(2026, 7, 1),
			domesticText: "written notice",
			status:       PrecontractOpen,
		},
		{
			name:   "kor-fa-negotiation: not yet on 30 Jun 2026",
			c:      Contract{Association: "KOR", Expires: D(2026, 12, 31)},
			q:      Query{AsOf: D(2026, 6, 30)},
			set:    "KOR",
			status: UnderContract,
		},
		{
			name:         "kor-fa-negotiation covers 31 Dec expiries only: a 30 Jun 2026 contract has no K League date, only consent; abroad from 1 Jan 2026",
			c:            Contract{Association: "KOR", Expires: D(2026, 6, 30)},
			q:            Query{AsOf: D(2026, 2, 1)},
			set:          "KOR",
			foreign:      D(2026, 1, 1),
			noDomestic:   true,
			domesticText: "consent",
			status:       ForeignOpen,
		},
		{
			name: "K League additional period 2025 (13 Jun to 24 Jul): free from 1 Jul 2025, registrable from 1 Jul to 24 Jul",
			c:    Contract{Association: "KOR", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 6, 20), To: "KOR"},
			set:  "KOR",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 7, 24)},
		},
		{
			name: "K League regular period (17 Jan to 27 Mar, estimated for 2026): free from 1 Jan 2026, asked on 10 Jan, he waits for 17 Jan",
			c:    Contract{Association: "KOR", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 10), To: "KOR"},
			set:  "KOR",
			reg:  &reg{from: D(2026, 1, 17), until: D(2026, 3, 27)},
		},
		{
			name: "FIFA art. 6 assumed in Korea: free from 1 Jan 2026, unsigned at the 27 Mar close, on 15 Apr registrable until the summer period closes (24 Jul 2026, estimated)",
			c:    Contract{Association: "KOR", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 4, 15), To: "KOR"},
			set:  "KOR",
			reg:  &reg{from: D(2026, 4, 15), until: D(2026, 7, 24), exception: true},
		},

		// Australia.
		{
			name:     "aus-six-months: a 30 Jun 2026 contract, an A-League club may sign him from 1 Jan 2026",
			c:        Contract{Association: "AUS", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			set:      "AUS",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name:     "aus-six-months: a 31 May 2026 contract, from 1 Dec 2025",
			c:        Contract{Association: "AUS", Expires: D(2026, 5, 31)},
			q:        Query{AsOf: D(2025, 12, 1)},
			set:      "AUS",
			foreign:  D(2025, 12, 1),
			domestic: D(2025, 12, 1),
			status:   PrecontractOpen,
		},
		{
			name: "A-League off-season window 2025 (24 Jun to 15 Sep): free from 1 Jul 2025, registrable from 1 Jul to 15 Sep",
			c:    Contract{Association: "AUS", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 6, 1), To: "AUS"},
			set:  "AUS",
			reg:  &reg{from: D(2025, 7, 1), until: D(2025, 9, 15)},
		},
		{
			name: "A-League free agents outside the window: free from 1 Jul 2025, on 20 Oct 2025 registrable until the January window closes (10 Feb 2026, estimated)",
			c:    Contract{Association: "AUS", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 20), To: "AUS"},
			set:  "AUS",
			reg:  &reg{from: D(2025, 10, 20), until: D(2026, 2, 10), exception: true},
		},

		// Canada.
		{
			name:     "can-six-months (FIFA's six months assumed at home): a CPL contract to 31 Dec 2026, another CPL club from 1 Jul 2026",
			c:        Contract{Association: "CAN", League: "CDN1", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			set:      "CAN",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			status:   PrecontractOpen,
		},
		{
			name:         "Canadian MLS clubs follow the MLS set: a Toronto FC contract to 31 Dec 2026 has no pre-contract date inside MLS",
			c:            Contract{Association: "CAN", League: "MLS1", Expires: D(2026, 12, 31)},
			q:            Query{AsOf: D(2026, 7, 1)},
			set:          "MLS",
			foreign:      D(2026, 7, 1),
			noDomestic:   true,
			domesticText: "Re-Entry Draft",
			status:       ForeignOpen,
		},
		{
			name: "Canada Soccer secondary window 2024 (12 Jul to 8 Aug): free from 1 Jul 2024, on 20 Jul registrable until 8 Aug",
			c:    Contract{Association: "CAN", Expires: D(2024, 6, 30)},
			q:    Query{AsOf: D(2024, 7, 20), To: "CAN"},
			set:  "CAN",
			reg:  &reg{from: D(2024, 7, 20), until: D(2024, 8, 8)},
		},
		{
			name: "Canada Soccer primary window 2025 (31 Jan to 23 Apr): free from 1 Jan 2025, asked on 10 Jan, he waits for 31 Jan",
			c:    Contract{Association: "CAN", Expires: D(2024, 12, 31)},
			q:    Query{AsOf: D(2025, 1, 10), To: "CAN"},
			set:  "CAN",
			reg:  &reg{from: D(2025, 1, 31), until: D(2025, 4, 23)},
		},
		{
			name: "FIFA art. 6 assumed in Canada: free from 1 Jan 2026, unsigned at the primary close (23 Apr, estimated), on 1 May registrable until the secondary window closes (8 Aug 2026, estimated)",
			c:    Contract{Association: "CAN", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 5, 1), To: "CAN"},
			set:  "CAN",
			reg:  &reg{from: D(2026, 5, 1), until: D(2026, 8, 8), exception: true},
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
			if tc.noDomestic && !w.Domestic.Date.IsZero() {
				t.Errorf("domestic %s, want no date", w.Domestic.Date)
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
				}
			}
		})
	}
}

// kor-fa-negotiation is known from the league's notices of July 2022 on;
// a 2018 report describes an older system (the player's own club alone
// until 31 December), so a contract that ended on 31 December 2021 gets no
// K League rule: FIFA's six months (1 July 2021), at low confidence, and
// the contract of 31 December 2022 is the first under the 1 July rule.
func TestKoreaNegotiationEra(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	w := b.Windows(Contract{Association: "KOR", Expires: D(2021, 12, 31)}, Query{AsOf: D(2021, 7, 1)})
	if w.Domestic.Date != D(2021, 7, 1) || w.Domestic.Confidence != Low || !strings.Contains(w.Domestic.Text, "FIFA baseline assumed") {
		t.Errorf("31 Dec 2021: domestic %s at %s (%q), want FIFA's 2021-07-01 at low", w.Domestic.Date, w.Domestic.Confidence, w.Domestic.Text)
	}
	w = b.Windows(Contract{Association: "KOR", Expires: D(2022, 12, 31)}, Query{AsOf: D(2022, 7, 1)})
	if w.Domestic.Rule == nil || w.Domestic.Rule.ID != "kor-fa-negotiation" || w.Domestic.Date != D(2022, 7, 1) || w.Domestic.Confidence != High {
		t.Errorf("31 Dec 2022: domestic %s by %v at %s, want 2022-07-01 by kor-fa-negotiation at high", w.Domestic.Date, w.Domestic.Rule, w.Domestic.Confidence)
	}
}

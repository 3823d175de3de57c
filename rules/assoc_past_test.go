package rules

import "testing"

// pastCase is a worked example on a registration period of a past season
// (2022/23 to 2024/25; calendar-year leagues 2022 to 2024): the period is
// published in the rule file, so the answer is not an estimate. The dates
// are worked out by hand from the period the name cites, not taken from the
// program.
type pastCase struct {
	name      string
	c         Contract
	q         Query
	from      Date   // first day he may be registered
	until     Date   // last day of that chance
	exception bool   // registered outside the period, under FIFA art. 6
	period    string // name of the period he is registered in, or whose close the exception follows
	season    string // that period's season
}

func TestPastRegistrationPeriods(t *testing.T) {
	b := book(t)
	cases := []pastCase{
		// England (and the EFL, which takes England's periods).
		{
			name:   "England summer 2022/23 (10 Jun to 1 Sep 2022): free from 1 Jul 2022, registrable at once until 1 Sep",
			c:      Contract{Association: "ENG", Expires: D(2022, 6, 30)},
			q:      Query{AsOf: D(2022, 7, 1), To: "ENG"},
			from:   D(2022, 7, 1),
			until:  D(2022, 9, 1),
			period: "summer", season: "2022/23",
		},
		{
			name:   "England winter 2023/24 (1 Jan to Thu 1 Feb 2024): asked on 1 Feb 2024, still inside; the estimate would have closed on Wed 31 Jan",
			c:      Contract{Association: "ENG", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 2, 1), To: "ENG"},
			from:   D(2024, 2, 1),
			until:  D(2024, 2, 1),
			period: "winter", season: "2023/24",
		},
		{
			name:   "EFL summer 2024/25 (England's 14 Jun to Fri 30 Aug 2024): free from 1 Jul 2024, registrable until 30 Aug",
			c:      Contract{Association: "ENG", Expires: D(2024, 6, 30)},
			q:      Query{AsOf: D(2024, 7, 1), To: "EFL"},
			from:   D(2024, 7, 1),
			until:  D(2024, 8, 30),
			period: "summer", season: "2024/25",
		},
		// Spain.
		{
			name:   "Spain winter 2023/24 (Tue 2 Jan to Thu 1 Feb 2024): free from 1 Jan 2024, registrable when the period opens on 2 Jan",
			c:      Contract{Association: "ESP", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 1, 1), To: "ESP"},
			from:   D(2024, 1, 2),
			until:  D(2024, 2, 1),
			period: "winter", season: "2023/24",
		},
		{
			name:      "Spain summer 2024/25 closed Fri 30 Aug 2024: free since 1 Jul, asked 2 Sep, registrable as a free agent until winter 2024/25 closes on Mon 3 Feb 2025",
			c:         Contract{Association: "ESP", Expires: D(2024, 6, 30)},
			q:         Query{AsOf: D(2024, 9, 2), To: "ESP"},
			from:      D(2024, 9, 2),
			until:     D(2025, 2, 3),
			exception: true,
			period:    "summer", season: "2024/25",
		},
		// Germany.
		{
			name:   "Germany summer 2022/23 (1 Jul to Thu 1 Sep 2022; the estimate ends Wed 31 Aug): free since 1 Jul, asked 1 Sep 2022, still inside",
			c:      Contract{Association: "GER", Expires: D(2022, 6, 30)},
			q:      Query{AsOf: D(2022, 9, 1), To: "GER"},
			from:   D(2022, 9, 1),
			until:  D(2022, 9, 1),
			period: "summer", season: "2022/23",
		},
		{
			name:      "Germany after summer 2022/23 (closed 1 Sep 2022): a free agent asked 15 Sep 2022 may be registered until 31 Dec 2022 (ger free agents: after the summer period, until 31 December)",
			c:         Contract{Association: "GER", Expires: D(2022, 6, 30)},
			q:         Query{AsOf: D(2022, 9, 15), To: "GER"},
			from:      D(2022, 9, 15),
			until:     D(2022, 12, 31),
			exception: true,
			period:    "summer", season: "2022/23",
		},
		// Italy.
		{
			name:   "Italy winter 2024/25 closed Mon 3 Feb 2025 (the estimate: 2 Feb): contract to 31 Dec 2024, asked 3 Feb 2025, still inside",
			c:      Contract{Association: "ITA", Expires: D(2024, 12, 31)},
			q:      Query{AsOf: D(2025, 2, 3), To: "ITA"},
			from:   D(2025, 2, 3),
			until:  D(2025, 2, 3),
			period: "winter", season: "2024/25",
		},
		{
			name:      "Italy after summer 2023/24 (closed 1 Sep 2023): a free agent asked 10 Sep 2023 may be registered until winter 2023/24 closes on 1 Feb 2024, before Italy's own 23 Feb limit",
			c:         Contract{Association: "ITA", Expires: D(2023, 6, 30)},
			q:         Query{AsOf: D(2023, 9, 10), To: "ITA"},
			from:      D(2023, 9, 10),
			until:     D(2024, 2, 1),
			exception: true,
			period:    "summer", season: "2023/24",
		},
		// France.
		{
			name:   "France summer 2022/23 opened Fri 10 Jun 2022 (the estimate: 16 Jun): contract ended 9 Jun 2022, registrable on 10 Jun until 1 Sep",
			c:      Contract{Association: "FRA", Expires: D(2022, 6, 9)},
			q:      Query{AsOf: D(2022, 6, 10), To: "FRA"},
			from:   D(2022, 6, 10),
			until:  D(2022, 9, 1),
			period: "summer", season: "2022/23",
		},
		{
			name:      "France after summer 2024/25 (closed Fri 30 Aug 2024): a free agent asked 2 Sep 2024 may be registered until winter 2024/25 closes on Mon 3 Feb 2025 (fra free agents: after the summer period)",
			c:         Contract{Association: "FRA", Expires: D(2024, 6, 30)},
			q:         Query{AsOf: D(2024, 9, 2), To: "FRA"},
			from:      D(2024, 9, 2),
			until:     D(2025, 2, 3),
			exception: true,
			period:    "summer", season: "2024/25",
		},
		// United States: MLS registers under U.S. Soccer's periods.
		{
			name:   "MLS 2022 secondary window (7 Jul to 4 Aug 2022): contract ended 30 Jun 2022, asked 1 Jul, registrable when the window opens on 7 Jul",
			c:      Contract{Association: "USA", League: "MLS1", Expires: D(2022, 6, 30)},
			q:      Query{AsOf: D(2022, 7, 1), To: "MLS"},
			from:   D(2022, 7, 7),
			until:  D(2022, 8, 4),
			period: "summer", season: "2022",
		},
		{
			name:   "MLS 2024 primary window (31 Jan to 23 Apr 2024): free from 1 Jan 2024, asked 15 Feb 2024, registrable at once",
			c:      Contract{Association: "USA", League: "MLS1", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 2, 15), To: "MLS"},
			from:   D(2024, 2, 15),
			until:  D(2024, 4, 23),
			period: "winter", season: "2024",
		},
		{
			name:      "MLS 2023: contract terminated 14 Jul 2023, asked 1 Sep after the secondary window (closed 2 Aug), signable as a free agent until the roster freeze on 13 Sep 2023",
			c:         Contract{Association: "USA", Expires: D(2023, 7, 14)},
			q:         Query{AsOf: D(2023, 9, 1), To: "MLS"},
			from:      D(2023, 9, 1),
			until:     D(2023, 9, 13),
			exception: true,
			period:    "summer", season: "2023",
		},
		{
			name:      "MLS 2025: contract terminated 31 Jul 2025, asked 1 Sep after the secondary window (closed 21 Aug), signable as a free agent until the roster freeze on 12 Sep 2025, not until the 2026 primary window closes",
			c:         Contract{Association: "USA", Expires: D(2025, 7, 31)},
			q:         Query{AsOf: D(2025, 9, 1), To: "MLS"},
			from:      D(2025, 9, 1),
			until:     D(2025, 9, 12),
			exception: true,
			period:    "summer", season: "2025",
		},
		// Portugal.
		{
			name:   "Portugal summer 2022/23 (1 Jul to 22 Sep 2022; the estimate ends Wed 31 Aug): free since 1 Jul, asked 15 Sep 2022, still inside",
			c:      Contract{Association: "POR", Expires: D(2022, 6, 30)},
			q:      Query{AsOf: D(2022, 9, 15), To: "POR"},
			from:   D(2022, 9, 15),
			until:  D(2022, 9, 22),
			period: "summer", season: "2022/23",
		},
		{
			name:   "Portugal winter 2023/24 (Wed 3 Jan to 31 Jan 2024): free from 1 Jan 2024, asked 2 Jan, registrable when the window opens on 3 Jan",
			c:      Contract{Association: "POR", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 1, 2), To: "POR"},
			from:   D(2024, 1, 3),
			until:  D(2024, 1, 31),
			period: "winter", season: "2023/24",
		},
		// Netherlands.
		{
			name:   "Netherlands summer 2022/23 (9 Jun to Wed 31 Aug 2022): free since 1 Jul, asked 31 Aug 2022, on the last day",
			c:      Contract{Association: "NED", Expires: D(2022, 6, 30)},
			q:      Query{AsOf: D(2022, 8, 31), To: "NED"},
			from:   D(2022, 8, 31),
			until:  D(2022, 8, 31),
			period: "summer", season: "2022/23",
		},
		{
			name:   "Netherlands summer 2024/25 closed Mon 2 Sep 2024 (the estimate: Sun 1 Sep): free since 1 Jul, asked 2 Sep 2024, still inside",
			c:      Contract{Association: "NED", Expires: D(2024, 6, 30)},
			q:      Query{AsOf: D(2024, 9, 2), To: "NED"},
			from:   D(2024, 9, 2),
			until:  D(2024, 9, 2),
			period: "summer", season: "2024/25",
		},
		// Belgium.
		{
			name:   "Belgium summer 2022/23 opened 15 Jun 2022 (the estimate: 1 Jul): contract ended 14 Jun 2022, registrable on 15 Jun until 6 Sep",
			c:      Contract{Association: "BEL", Expires: D(2022, 6, 14)},
			q:      Query{AsOf: D(2022, 6, 15), To: "BEL"},
			from:   D(2022, 6, 15),
			until:  D(2022, 9, 6),
			period: "summer", season: "2022/23",
		},
		{
			name:      "Belgium after summer 2024/25 (closed 6 Sep 2024): a free agent asked 7 Sep may be registered until winter 2024/25 closes on 3 Feb 2025",
			c:         Contract{Association: "BEL", Expires: D(2024, 6, 30)},
			q:         Query{AsOf: D(2024, 9, 7), To: "BEL"},
			from:      D(2024, 9, 7),
			until:     D(2025, 2, 3),
			exception: true,
			period:    "summer", season: "2024/25",
		},
		// Turkey.
		{
			name:   "Turkey winter 2022/23, extended after the earthquakes to 18 Feb 2023: contract ended 31 Dec 2022, asked 10 Feb 2023, still inside",
			c:      Contract{Association: "TUR", Expires: D(2022, 12, 31)},
			q:      Query{AsOf: D(2023, 2, 10), To: "TUR"},
			from:   D(2023, 2, 10),
			until:  D(2023, 2, 18),
			period: "winter", season: "2022/23",
		},
		{
			name:   "Turkey after summer 2023/24 (closed 15 Sep 2023): no free-agent exception (tur free agents: not allowed), so asked 16 Sep he waits for the second period, 11 Jan to 9 Feb 2024",
			c:      Contract{Association: "TUR", Expires: D(2023, 6, 30)},
			q:      Query{AsOf: D(2023, 9, 16), To: "TUR"},
			from:   D(2024, 1, 11),
			until:  D(2024, 2, 9),
			period: "winter", season: "2023/24",
		},
		// Saudi Arabia.
		{
			name:   "Saudi Arabia summer 2023/24 (1 Jul to 7 Sep 2023): free from 1 Jul 2023, registrable at once until 7 Sep",
			c:      Contract{Association: "KSA", Expires: D(2023, 6, 30)},
			q:      Query{AsOf: D(2023, 7, 1), To: "KSA"},
			from:   D(2023, 7, 1),
			until:  D(2023, 9, 7),
			period: "summer", season: "2023/24",
		},
		{
			name:      "Saudi Arabia after winter 2024/25 (closed 30 Jan 2025): an unemployed player asked 31 Jan may be registered until summer 2025/26 closes on 10 Sep 2025",
			c:         Contract{Association: "KSA", Expires: D(2024, 12, 31)},
			q:         Query{AsOf: D(2025, 1, 31), To: "KSA"},
			from:      D(2025, 1, 31),
			until:     D(2025, 9, 10),
			exception: true,
			period:    "winter", season: "2024/25",
		},
		// Brazil.
		{
			name:   "Brazil first window 2022 (19 Jan to 12 Apr 2022): free from 1 Jan 2022, asked 15 Jan, registrable when the window opens on 19 Jan",
			c:      Contract{Association: "BRA", Expires: D(2021, 12, 31)},
			q:      Query{AsOf: D(2022, 1, 15), To: "BRA"},
			from:   D(2022, 1, 19),
			until:  D(2022, 4, 12),
			period: "winter", season: "2022",
		},
		{
			name:   "Brazil 2023 domestic exception (5 to 20 Apr 2023, after the first window closed on 4 Apr): asked 6 Apr 2023, registrable until 20 Apr",
			c:      Contract{Association: "BRA", Expires: D(2023, 3, 31)},
			q:      Query{AsOf: D(2023, 4, 6), To: "BRA"},
			from:   D(2023, 4, 6),
			until:  D(2023, 4, 20),
			period: "domestic", season: "2023",
		},
		{
			name:   "Brazil domestic window 2024 (1 to 19 Apr 2024): free since 1 Jan 2024, asked 10 Apr, registrable until 19 Apr",
			c:      Contract{Association: "BRA", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 4, 10), To: "BRA"},
			from:   D(2024, 4, 10),
			until:  D(2024, 4, 19),
			period: "domestic", season: "2024",
		},
		// Argentina.
		{
			name:   "Argentina mid-year 2024 (31 May to 22 Aug 2024): free from 1 Jul 2024, registrable at once until 22 Aug",
			c:      Contract{Association: "ARG", Expires: D(2024, 6, 30)},
			q:      Query{AsOf: D(2024, 7, 1), To: "ARG"},
			from:   D(2024, 7, 1),
			until:  D(2024, 8, 22),
			period: "summer", season: "2024",
		},
		{
			name:   "Argentina domestic extension 2024 (23 Aug to 6 Sep 2024): asked 1 Sep, registrable until 6 Sep",
			c:      Contract{Association: "ARG", Expires: D(2024, 6, 30)},
			q:      Query{AsOf: D(2024, 9, 1), To: "ARG"},
			from:   D(2024, 9, 1),
			until:  D(2024, 9, 6),
			period: "domestic", season: "2024",
		},
		{
			name:   "Argentina mid-year 2025 (7 to 24 Jul 2025): free from 1 Jul 2025, registrable when the window opens on 7 Jul",
			c:      Contract{Association: "ARG", Expires: D(2025, 6, 30)},
			q:      Query{AsOf: D(2025, 7, 1), To: "ARG"},
			from:   D(2025, 7, 7),
			until:  D(2025, 7, 24),
			period: "summer", season: "2025",
		},
		// Japan.
		{
			name:   "Japan first window 2022 (7 Jan to 1 Apr 2022): contract ended 31 Jan 2022, registrable from 1 Feb until 1 Apr",
			c:      Contract{Association: "JPN", Expires: D(2022, 1, 31)},
			q:      Query{AsOf: D(2022, 2, 1), To: "JPN"},
			from:   D(2022, 2, 1),
			until:  D(2022, 4, 1),
			period: "winter", season: "2022",
		},
		// Norway.
		{
			name:   "Norway summer 2023 (1 to 31 Aug 2023): contract ended 31 Dec 2022, asked 15 Aug 2023, registrable until 31 Aug",
			c:      Contract{Association: "NOR", Expires: D(2022, 12, 31)},
			q:      Query{AsOf: D(2023, 8, 15), To: "NOR"},
			from:   D(2023, 8, 15),
			until:  D(2023, 8, 31),
			period: "summer", season: "2023",
		},
		{
			name:   "Norway: free from 1 Jan 2023, his free-agent chance ended when the summer 2023 window closed on 31 Aug; asked 1 Sep he waits for winter 2024 (31 Jan to 3 Apr 2024)",
			c:      Contract{Association: "NOR", Expires: D(2022, 12, 31)},
			q:      Query{AsOf: D(2023, 9, 1), To: "NOR"},
			from:   D(2024, 1, 31),
			until:  D(2024, 4, 3),
			period: "winter", season: "2024",
		},
		// Sweden.
		{
			name:   "Sweden summer 2023 (7 Jul to 31 Aug 2023; the estimate ends 26 Aug): contract ended 31 Dec 2022, asked 30 Aug 2023, still inside",
			c:      Contract{Association: "SWE", Expires: D(2022, 12, 31)},
			q:      Query{AsOf: D(2023, 8, 30), To: "SWE"},
			from:   D(2023, 8, 30),
			until:  D(2023, 8, 31),
			period: "summer", season: "2023",
		},
		{
			name:      "Sweden between the 2023 windows: free from 1 Apr 2023, after winter 2023 closed on 4 Apr, registrable as a free agent until the summer window closes on 31 Aug 2023 (swe free agents: after the winter window, never after the summer one)",
			c:         Contract{Association: "SWE", Expires: D(2023, 3, 31)},
			q:         Query{AsOf: D(2023, 4, 5), To: "SWE"},
			from:      D(2023, 4, 5),
			until:     D(2023, 8, 31),
			exception: true,
			period:    "winter", season: "2023",
		},
		// Denmark.
		{
			name:   "Denmark summer 2023/24 (15 Jun to Fri 1 Sep 2023, moved from 31 Aug): free since 1 Jul, asked 1 Sep 2023, on the last day",
			c:      Contract{Association: "DEN", Expires: D(2023, 6, 30)},
			q:      Query{AsOf: D(2023, 9, 1), To: "DEN"},
			from:   D(2023, 9, 1),
			until:  D(2023, 9, 1),
			period: "summer", season: "2023/24",
		},
		{
			name:   "Denmark winter 2024/25 (1 to 31 Jan 2025): contract ended 31 Dec 2024, asked 2 Jan 2025, registrable until 31 Jan",
			c:      Contract{Association: "DEN", Expires: D(2024, 12, 31)},
			q:      Query{AsOf: D(2025, 1, 2), To: "DEN"},
			from:   D(2025, 1, 2),
			until:  D(2025, 1, 31),
			period: "winter", season: "2024/25",
		},
		// Scotland.
		{
			name:   "Scotland winter 2023/24 (1 Jan to Thu 1 Feb 2024; the estimate ends Wed 31 Jan): contract ended 31 Dec 2023, asked 1 Feb 2024, still inside",
			c:      Contract{Association: "SCO", Expires: D(2023, 12, 31)},
			q:      Query{AsOf: D(2024, 2, 1), To: "SCO"},
			from:   D(2024, 2, 1),
			until:  D(2024, 2, 1),
			period: "winter", season: "2023/24",
		},
		{
			name:   "Scotland summer 2024/25 (14 Jun to Fri 30 Aug 2024): free from 1 Jul 2024, registrable at once until 30 Aug",
			c:      Contract{Association: "SCO", Expires: D(2024, 6, 30)},
			q:      Query{AsOf: D(2024, 7, 1), To: "SCO"},
			from:   D(2024, 7, 1),
			until:  D(2024, 8, 30),
			period: "summer", season: "2024/25",
		},
		// South Korea.
		{
			name:      "Korea after regular registration 2024 (1 Jan to Fri 8 Mar 2024; the estimate runs to 27 Mar): contract ended 31 Dec 2023, asked 12 Mar 2024, registrable as a free agent until the additional period closes on 31 Jul 2024 (kor free agents: FIFA art. 6 assumed, until the next period closes)",
			c:         Contract{Association: "KOR", Expires: D(2023, 12, 31)},
			q:         Query{AsOf: D(2024, 3, 12), To: "KOR"},
			from:      D(2024, 3, 12),
			until:     D(2024, 7, 31),
			exception: true,
			period:    "winter", season: "2024",
		},
		{
			name:      "Korea after additional registration 2024 (20 Jun to 31 Jul 2024): contract ended 30 Jun 2024, asked 1 Aug 2024, registrable as a free agent until regular registration 2025 closes on 27 Mar 2025 (kor free agents: FIFA art. 6 assumed, until the next period closes)",
			c:         Contract{Association: "KOR", Expires: D(2024, 6, 30)},
			q:         Query{AsOf: D(2024, 8, 1), To: "KOR"},
			from:      D(2024, 8, 1),
			until:     D(2025, 3, 27),
			exception: true,
			period:    "summer", season: "2024",
		},
		// Greece.
		{
			name:      "Greece after summer 2024/25 (1 Jul to Wed 11 Sep 2024): free since 1 Jul, asked 20 Sep 2024, registrable as a free agent until 25 Sep 2024 (gre free agents: 14 days after the close where the EPO's days were not found)",
			c:         Contract{Association: "GRE", Expires: D(2024, 6, 30)},
			q:         Query{AsOf: D(2024, 9, 20), To: "GRE"},
			from:      D(2024, 9, 20),
			until:     D(2024, 9, 25),
			exception: true,
			period:    "summer", season: "2024/25",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := b.Windows(tc.c, tc.q)
			r := w.Registration
			switch {
			case r == nil:
				t.Fatalf("no registration, want from %s", tc.from)
			case r.Period == nil:
				t.Fatalf("registration from %s without a period", r.From)
			}
			if r.From != tc.from || r.Until != tc.until || r.Exception != tc.exception {
				t.Errorf("registration %s to %s (exception %v), want %s to %s (exception %v)",
					r.From, r.Until, r.Exception, tc.from, tc.until, tc.exception)
			}
			if r.Period.Estimated {
				t.Errorf("period %s %s (%s to %s) is estimated, want the published one", r.Period.Name, r.Period.Season, r.Period.Opens, r.Period.Closes)
			}
			if r.Period.Name != tc.period || r.Period.Season != tc.season {
				t.Errorf("period %s %s, want %s %s", r.Period.Name, r.Period.Season, tc.period, tc.season)
			}
		})
	}
}

// Every association with a set of its own has published periods from the
// recent past (2022 on), each with a season, a text, https sources and a
// confidence, so that a season asked about is not an estimate where its
// dates were found.
func TestPastPeriodsPublished(t *testing.T) {
	b := book(t)
	for _, code := range []string{"ENG", "EFL", "SCO", "ESP", "GER", "FRA", "ITA", "NED", "POR", "BEL",
		"TUR", "KSA", "USA", "MLS", "BRA", "ARG", "JPN", "NOR", "SWE", "DEN"} {
		s := b.Set(code)
		if s == nil || s.Registration == nil {
			t.Errorf("%s: no rule set with registration periods", code)
			continue
		}
		past := 0
		for _, p := range s.Registration.Periods {
			if p.Opens.Before(D(2022, 1, 1)) || !p.Opens.Before(D(2025, 6, 1)) {
				continue
			}
			past++
			if p.Season == "" || p.Text == "" || p.Confidence == Unknown || len(p.Sources) == 0 {
				t.Errorf("%s:%d: %s period opening %s needs a season, a text, sources and a confidence", p.File, p.Line, code, p.Opens)
			}
			for _, src := range p.Sources {
				if why := homePage(src); why != "" {
					t.Errorf("%s:%d: source %q %s", p.File, p.Line, src, why)
				}
			}
		}
		if past == 0 {
			t.Errorf("%s: no published period between 2022 and the 2025/26 season", code)
		}
	}
}

// A player whose contract expired on 30 June 2026 signs in the autumn, after
// the 2026/27 summer period closed. No published 2026/27 period was found for
// these sets (issue 10: the stored sources stop before the 2026 windows were
// announced), so the periods are still the estimates of the sets' patterns,
// and the case says so: when a published 2026/27 period is added, the case
// fails on estimated and must be worked out again from the published dates.
// The dates are worked out by hand from each set's patterns and free-agent
// rule, not taken from the program.
func TestAutumn2026FreeAgents(t *testing.T) {
	b := book(t)
	cases := []pastCase{
		{
			name:      "ESP: contract expired 30 Jun 2026, before the estimated 2026/27 summer period (1 Jul to Tue 1 Sep 2026) closed, so under FIFA RSTP art. 6 (esp free agents, RFEF circular) he may be registered outside the period, asked 1 Oct 2026, until the estimated winter period closes: 31 Jan 2027 is a Sunday, so Mon 1 Feb 2027",
			c:         Contract{Association: "ESP", Expires: D(2026, 6, 30)},
			q:         Query{AsOf: D(2026, 10, 1), To: "ESP"},
			from:      D(2026, 10, 1),
			until:     D(2027, 2, 1),
			exception: true,
			period:    "summer",
		},
		{
			name:      "GER: contract expired 30 Jun 2026, before the estimated 2026/27 summer period (1 Jul to Mon 31 Aug 2026, no roll needed) closed, so under the DFL's free-agent rule (ger free agents: after the summer period, until 31 December) he may be registered, asked 1 Oct 2026, until 31 Dec 2026, before the winter period would close on Mon 1 Feb 2027",
			c:         Contract{Association: "GER", Expires: D(2026, 6, 30)},
			q:         Query{AsOf: D(2026, 10, 1), To: "GER"},
			from:      D(2026, 10, 1),
			until:     D(2026, 12, 31),
			exception: true,
			period:    "summer",
		},
		{
			name:      "ITA: contract expired 30 Jun 2026, before the estimated 2026/27 summer period (1 Jul to Tue 1 Sep 2026) closed, so under FIFA RSTP art. 6 (ita free agents, FIGC limit 23 February) he may be registered, asked 1 Oct 2026, until the estimated winter period closes on Tue 2 Feb 2027, before the FIGC's 23 Feb 2027",
			c:         Contract{Association: "ITA", Expires: D(2026, 6, 30)},
			q:         Query{AsOf: D(2026, 10, 1), To: "ITA"},
			from:      D(2026, 10, 1),
			until:     D(2027, 2, 2),
			exception: true,
			period:    "summer",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := b.Windows(tc.c, tc.q).Registration
			switch {
			case r == nil:
				t.Fatalf("no registration, want from %s", tc.from)
			case r.Period == nil:
				t.Fatalf("registration from %s without a period", r.From)
			}
			if r.From != tc.from || r.Until != tc.until || r.Exception != tc.exception {
				t.Errorf("registration %s to %s (exception %v), want %s to %s (exception %v)",
					r.From, r.Until, r.Exception, tc.from, tc.until, tc.exception)
			}
			if !r.Period.Estimated {
				t.Errorf("period %s %s (%s to %s) is published now: work this case out again from its dates", r.Period.Name, r.Period.Season, r.Period.Opens, r.Period.Closes)
			}
			if r.Period.Name != tc.period {
				t.Errorf("period %s, want %s", r.Period.Name, tc.period)
			}
		})
	}
}

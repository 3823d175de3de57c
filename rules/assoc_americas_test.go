package rules

import (
	"strings"
	"testing"
)

// americasCase is a worked example: the dates are worked out by hand from
// the rule the name cites, not taken from the program.
type americasCase struct {
	name     string
	c        Contract
	q        Query
	rule     string // id of the domestic rule that must apply
	foreign  Date
	domestic Date
	conf     Confidence // the domestic date's confidence, when set
	notice   bool       // the domestic step asks for written notice
	status   Status
	deadline Date // a deadline note must fall on this day
	reg      *americasReg
}

type americasReg struct {
	from, until Date
	exception   bool
}

func TestAmericasWorkedExamples(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []americasCase{
		// Mexico.
		{
			name:     "mex-rt-37 (FMF art. 37, six months, written notice first): a Liga MX player to 30 Jun 2026 may sign with another Mexican club from 1 Jan 2026",
			c:        Contract{Association: "MEX", League: "MEX1", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			rule:     "mex-rt-37",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			conf:     High,
			notice:   true,
			status:   PrecontractOpen,
		},
		{
			name:     "mex-pacto-de-caballeros (before 2019 a Mexican club needed the former club's consent): a contract to 30 Jun 2018 gets FIFA's 1 Jan 2018 at home, at low confidence only",
			c:        Contract{Association: "MEX", Expires: D(2018, 6, 30)},
			q:        Query{AsOf: D(2018, 2, 1)},
			rule:     "mex-pacto-de-caballeros",
			foreign:  D(2018, 1, 1),
			domestic: D(2018, 1, 1),
			conf:     Low,
		},
		{
			name: "Liga MX Apertura 2025 (3 Jul to 12 Sep 2025): free from 1 Jul 2025, registrable when the period opens on 3 Jul",
			c:    Contract{Association: "MEX", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 1), To: "MEX"},
			reg:  &americasReg{from: D(2025, 7, 3), until: D(2025, 9, 12)},
		},
		{
			name: "Liga MX registros fuera de periodo (free agents after the close, until 6 Mar 2026 for the Clausura 2026): free from 1 Jan 2026, before the 9 Feb close, registrable on 15 Feb until 6 Mar",
			c:    Contract{Association: "MEX", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 2, 15), To: "MEX"},
			reg:  &americasReg{from: D(2026, 2, 15), until: D(2026, 3, 6), exception: true},
		},
		{
			name: "Liga MX registros fuera de periodo: the same player on 10 Mar 2026, past the 6 Mar limit, waits for the Apertura 2026 (estimated 24 Jun to 12 Sep)",
			c:    Contract{Association: "MEX", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 3, 10), To: "MEX"},
			reg:  &americasReg{from: D(2026, 6, 24), until: D(2026, 9, 12)},
		},
		{
			name: "FIFA art. 6 in Mexico, no Apertura limit found: free from 1 Jul 2025, unsigned after the 12 Sep close, registrable on 1 Oct 2025 until the Clausura 2026 closes on 9 Feb",
			c:    Contract{Association: "MEX", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 10, 1), To: "MEX"},
			reg:  &americasReg{from: D(2025, 10, 1), until: D(2026, 2, 9), exception: true},
		},
		// Colombia.
		{
			name:     "col-six-months (no FCF rule found, FIFA's six months assumed): a contract to 31 Dec 2026, a Colombian club from 1 Jul 2026, low confidence",
			c:        Contract{Association: "COL", League: "COL1", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			rule:     "col-six-months",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			conf:     Low,
			status:   PrecontractOpen,
		},
		{
			name:     "col-cst-46-december (notice of non-renewal 30 days before expiry): a contract to 31 Dec 2026 renews unless notice is given by 1 Dec 2026",
			c:        Contract{Association: "COL", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			deadline: D(2026, 12, 1),
		},
		{
			name:     "col-cst-46-june: a contract to 30 Jun 2026 renews unless notice is given by 31 May 2026",
			c:        Contract{Association: "COL", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2026, 1, 1)},
			rule:     "col-six-months",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			deadline: D(2026, 5, 31),
		},
		{
			name: "Dimayor Liga I 2026 registration (closes 6 Mar 2026): free from 1 Jan 2026, asked on 1 Feb, registrable at once until 6 Mar",
			c:    Contract{Association: "COL", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 2, 1), To: "COL"},
			reg:  &americasReg{from: D(2026, 2, 1), until: D(2026, 3, 6)},
		},
		{
			name: "Dimayor free players only in their window (no FIFA art. 6 exception at any time): the same player on 10 Mar 2026 waits for the free-players window, estimated 4 to 8 Apr 2026",
			c:    Contract{Association: "COL", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 3, 10), To: "COL"},
			reg:  &americasReg{from: D(2026, 4, 4), until: D(2026, 4, 8)},
		},
		{
			name: "Dimayor free players 2025 (25 to 29 Aug 2025): free from 1 Jul 2025, unsigned when the Liga II period closed on 28 Jul, registrable on 25 Aug",
			c:    Contract{Association: "COL", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 8, 1), To: "COL"},
			reg:  &americasReg{from: D(2025, 8, 25), until: D(2025, 8, 29)},
		},
		// Chile.
		{
			name:     "chi-six-months (no ANFP rule found, FIFA's six months assumed): a contract to 31 Dec 2026, a Chilean club from 1 Jul 2026, low confidence",
			c:        Contract{Association: "CHI", League: "CLPD", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 6, 30)},
			rule:     "chi-six-months",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			conf:     Low,
			status:   UnderContract,
		},
		{
			name: "ANFP first period 2026 (closes 23:59 on 19 Feb, the working day before round 4): free from 1 Jan 2026, asked on 1 Feb, registrable until 19 Feb",
			c:    Contract{Association: "CHI", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 2, 1), To: "CHI"},
			reg:  &americasReg{from: D(2026, 2, 1), until: D(2026, 2, 19)},
		},
		{
			name: "ANFP: no free agents after the close, only injury replacements: the same player on 1 Mar 2026 waits for the winter window (estimated 1 Jul to 7 Aug 2026)",
			c:    Contract{Association: "CHI", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 3, 1), To: "CHI"},
			reg:  &americasReg{from: D(2026, 7, 1), until: D(2026, 8, 7)},
		},
		{
			name: "ANFP winter period 2025 (to 23:59 on Thursday 7 Aug): free from 1 Jul 2025, asked on 5 Aug, registrable until 7 Aug",
			c:    Contract{Association: "CHI", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 8, 5), To: "CHI"},
			reg:  &americasReg{from: D(2025, 8, 5), until: D(2025, 8, 7)},
		},
		// Ecuador.
		{
			name:     "ecu-six-months (no FEF rule found, FIFA's six months assumed): a contract to 31 Dec 2026, an Ecuadorian club from 1 Jul 2026, low confidence",
			c:        Contract{Association: "ECU", League: "EC1N", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			rule:     "ecu-six-months",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			conf:     Low,
			status:   PrecontractOpen,
		},
		{
			name: "LigaPro 15 days for players without a contract after the 30 Jun 2025 close: released 20 Jun 2025, asked on 10 Jul, registrable until 15 Jul",
			c:    Contract{Association: "ECU", Expires: D(2025, 6, 20)},
			q:    Query{AsOf: D(2025, 7, 10), To: "ECU"},
			reg:  &americasReg{from: D(2025, 7, 10), until: D(2025, 7, 15), exception: true},
		},
		{
			name: "LigaPro 15 days: the same player on 20 Jul 2025, past them, waits for the first period of 2026 (5 Jan to 29 Mar)",
			c:    Contract{Association: "ECU", Expires: D(2025, 6, 20)},
			q:    Query{AsOf: D(2025, 7, 20), To: "ECU"},
			reg:  &americasReg{from: D(2026, 1, 5), until: D(2026, 3, 29)},
		},
		{
			name: "LigaPro first period 2026 with the 15 days assumed: free from 1 Jan 2026, unsigned at the 29 Mar close, registrable on 1 Apr until 13 Apr",
			c:    Contract{Association: "ECU", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 4, 1), To: "ECU"},
			reg:  &americasReg{from: D(2026, 4, 1), until: D(2026, 4, 13), exception: true},
		},
		{
			name: "FIFA art. 6 only after a period closes with him already free: free from 1 Jul 2025, the day after the second 2025 period closed, he waits for the first 2026 period (5 Jan)",
			c:    Contract{Association: "ECU", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 2), To: "ECU"},
			reg:  &americasReg{from: D(2026, 1, 5), until: D(2026, 3, 29)},
		},
		// Uruguay.
		{
			name:     "uru-six-months (no AUF rule found, FIFA's six months assumed): a contract to 31 Dec 2026, a Uruguayan club from 1 Jul 2026, low confidence",
			c:        Contract{Association: "URU", League: "URU1", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			rule:     "uru-six-months",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			conf:     Low,
			status:   PrecontractOpen,
		},
		{
			name: "AUF free players outside the periods, within FIFA art. 6: free from 1 Jan 2026, unsigned at the 25 Feb 2026 close, registrable on 1 Apr until the winter period closes (estimated Tuesday 1 Sep 2026)",
			c:    Contract{Association: "URU", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 4, 1), To: "URU"},
			reg:  &americasReg{from: D(2026, 4, 1), until: D(2026, 9, 1), exception: true},
		},
		{
			name: "AUF winter period (estimated 15 Jul to 1 Sep): free from 1 Jul 2025, registrable when it opens",
			c:    Contract{Association: "URU", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 7, 1), To: "URU"},
			reg:  &americasReg{from: D(2025, 7, 15), until: D(2025, 9, 1)},
		},
		{
			name: "AUF winter period closes on the next working day after a weekend 1 September: in 2029 (a Saturday) on Monday 3 September",
			c:    Contract{Association: "URU", Expires: D(2029, 6, 30)},
			q:    Query{AsOf: D(2029, 8, 1), To: "URU"},
			reg:  &americasReg{from: D(2029, 8, 1), until: D(2029, 9, 3)},
		},
		// Paraguay.
		{
			name:     "par-six-months (FIFA's rules bind domestic transfers, no APF rule of its own found): a contract to 31 Dec 2026, a Paraguayan club from 1 Jul 2026, low confidence",
			c:        Contract{Association: "PAR", League: "PAR1", Expires: D(2026, 12, 31)},
			q:        Query{AsOf: D(2026, 7, 1)},
			rule:     "par-six-months",
			foreign:  D(2026, 7, 1),
			domestic: D(2026, 7, 1),
			conf:     Low,
			status:   PrecontractOpen,
		},
		{
			name: "APF first period 2026 (to the end of February): free from 1 Jan 2026, registrable on 15 Jan until 27 Feb",
			c:    Contract{Association: "PAR", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 1, 15), To: "PAR"},
			reg:  &americasReg{from: D(2026, 1, 15), until: D(2026, 2, 27)},
		},
		{
			name: "FIFA art. 6 assumed in Paraguay: the same player unsigned on 1 Apr 2026 may be registered until the mid-year period closes (estimated 25 Jul 2026)",
			c:    Contract{Association: "PAR", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2026, 4, 1), To: "PAR"},
			reg:  &americasReg{from: D(2026, 4, 1), until: D(2026, 7, 25), exception: true},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { checkAmericasCase(t, b, tc) })
	}
}

func checkAmericasCase(t *testing.T, b *Book, tc americasCase) {
	t.Helper()
	w := b.Windows(tc.c, tc.q)
	if w.Fallback || w.Set == nil || w.Set.Code != tc.c.Association {
		t.Fatalf("rule set %v (fallback %v), want %s", w.Set, w.Fallback, tc.c.Association)
	}
	if tc.rule != "" && (w.Domestic.Rule == nil || w.Domestic.Rule.ID != tc.rule) {
		t.Errorf("domestic rule %v, want %s", w.Domestic.Rule, tc.rule)
	}
	if !tc.foreign.IsZero() && w.Foreign.Date != tc.foreign {
		t.Errorf("foreign %s, want %s", w.Foreign.Date, tc.foreign)
	}
	if !tc.domestic.IsZero() && w.Domestic.Date != tc.domestic {
		t.Errorf("domestic %s, want %s", w.Domestic.Date, tc.domestic)
	}
	if tc.conf != Unknown && w.Domestic.Confidence != tc.conf {
		t.Errorf("domestic confidence %s, want %s", w.Domestic.Confidence, tc.conf)
	}
	if tc.notice && !strings.Contains(w.Domestic.Text, "written notice") {
		t.Errorf("domestic text %q, want written notice", w.Domestic.Text)
	}
	if tc.status != "" && w.Status != tc.status {
		t.Errorf("status on %s: %s, want %s", tc.q.AsOf, w.Status, tc.status)
	}
	if !tc.deadline.IsZero() {
		found := false
		for _, n := range w.Notes {
			found = found || (n.Kind == "deadline" && n.Date == tc.deadline)
		}
		if !found {
			t.Errorf("no deadline note on %s in %+v", tc.deadline, w.Notes)
		}
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
}

// The fixed public holidays listed in the rule files are days off; the
// movable ones are not counted, as the files say.
func TestAmericasFixedHolidays(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		code string
		day  Date
		work bool
		why  string
	}{
		{"COL", D(2026, 7, 20), false, "Independence Day, Monday 20 July 2026 (Ley 51 de 1983, fixed)"},
		{"COL", D(2026, 8, 7), false, "Battle of Boyacá, Friday 7 August 2026 (fixed)"},
		{"COL", D(2026, 7, 21), true, "an ordinary Tuesday"},
		{"CHI", D(2025, 9, 18), false, "Independencia Nacional, Thursday 18 September 2025 (fixed)"},
		{"CHI", D(2025, 9, 19), false, "Glorias del Ejército, Friday 19 September 2025 (fixed)"},
		{"CHI", D(2026, 5, 21), false, "Glorias Navales, Thursday 21 May 2026 (fixed)"},
		{"ECU", D(2026, 1, 1), false, "New Year, Thursday 1 January 2026 (not moved under the 2016 law)"},
		{"ECU", D(2026, 12, 25), false, "Christmas, Friday 25 December 2026"},
		{"URU", D(2025, 7, 18), false, "Jura de la Constitución, Friday 18 July 2025 (non-working, fixed)"},
		{"URU", D(2025, 8, 25), false, "Declaratoria de la Independencia, Monday 25 August 2025 (non-working, fixed)"},
		{"PAR", D(2026, 5, 14), false, "Independence, Thursday 14 May 2026 (fixed)"},
		{"PAR", D(2026, 5, 15), false, "Independence, second day, Friday 15 May 2026 (fixed)"},
		{"MEX", D(2026, 9, 16), false, "Independence Day, Wednesday 16 September 2026 (rickar/cal mx)"},
	}
	for _, tc := range cases {
		if got := b.Set(tc.code).Calendar.work.IsWorkday(tc.day); got != tc.work {
			t.Errorf("%s %s: working day %v, want %v (%s)", tc.code, tc.day, got, tc.work, tc.why)
		}
	}
}

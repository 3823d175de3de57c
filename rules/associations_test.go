package rules

import (
	"os"
	"path"
	"strings"
	"testing"
)

// Every embedded rule set but the FIFA baseline: code, holiday calendar
// ("" where the file lists its fixed public holidays itself, or has none),
// the league set it builds on, and the top-flight competition it covers.
var associationFiles = []struct {
	code, holidays, extends, league string
}{
	{"ENG", "gb", "", "GB1"}, {"EFL", "gb", "ENG", "GB2"}, {"SCO", "gb-sct", "", "SC1"},
	{"ESP", "es", "", "ES1"}, {"GER", "de", "", "L1"}, {"FRA", "fr", "", "FR1"},
	{"ITA", "it", "", "IT1"}, {"NED", "nl", "", "NL1"}, {"POR", "pt", "", "PO1"},
	{"BEL", "be", "", "BE1"}, {"TUR", "", "", "TR1"}, {"KSA", "", "", "SA1"},
	{"USA", "us", "", ""}, {"MLS", "us", "USA", "MLS1"}, {"BRA", "br", "", "BRA1"},
	{"ARG", "ar", "", "ARG1"}, {"JPN", "jp", "", "JAP1"}, {"NOR", "no", "", "NO1"},
	{"SWE", "se", "", "SE1"}, {"DEN", "dk", "", "DK1"},
	// central and eastern Europe
	{"POL", "pl", "", "PL1"}, {"ROU", "ro", "", "RO1"}, {"SRB", "rs", "", "SER1"},
	{"CZE", "cz", "", "TS1"}, {"RUS", "ru", "", "RU1"}, {"UKR", "", "", "UKR1"},
	{"CRO", "hr", "", "KR1"},
	// Greece, the Alps, Korea, Australia, Canada
	{"GRE", "gr", "", "GR1"}, {"AUT", "at", "", "A1"}, {"SUI", "ch", "", "C1"},
	{"KOR", "", "", "RSK1"}, {"AUS", "au-nsw", "", "AUS1"}, {"CAN", "ca", "", "CDN1"},
	// the Americas
	{"COL", "", "", "COL1"}, {"MEX", "mx", "", "MEX1"}, {"CHI", "", "", "CLPD"},
	{"ECU", "", "", "EC1N"}, {"URU", "", "", "URU1"}, {"PAR", "", "", "PAR1"},
	// Asia, Africa, Hungary
	{"CHN", "", "", "CSL"}, {"QAT", "", "", "QSL"}, {"UAE", "", "", "UAE1"},
	{"EGY", "", "", "EGY1"}, {"MAR", "", "", "MAR1"}, {"RSA", "za", "", "SFA1"},
	{"HUN", "hu", "", "UNG1"},
}

func TestAssociationFilesLoad(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, a := range associationFiles {
		listed[a.code] = true
		s := b.Set(a.code)
		if s == nil {
			t.Errorf("%s: no rule set", a.code)
			continue
		}
		if want := "data/" + strings.ToLower(a.code) + ".toml"; path.Base(s.File) != path.Base(want) {
			t.Errorf("%s: defined in %s, want %s", a.code, s.File, want)
		}
		if s.Extends != a.extends {
			t.Errorf("%s: extends %q, want %q", a.code, s.Extends, a.extends)
		}
		if a.league != "" {
			if got := b.setFor(s.Association(), a.league); got != s {
				t.Errorf("%s: a club of %s in %s gets set %v", a.code, s.Association(), a.league, got)
			}
		}
		if len(s.Domestic) == 0 || s.DomesticFor(D(2026, 6, 30)) == nil {
			t.Errorf("%s: no domestic rule in force for a 30 Jun 2026 expiry", a.code)
		}
		if s.UsualExpiry == nil {
			t.Errorf("%s: no usual expiry", a.code)
		}
		if s.Calendar == nil || s.Calendar.Holidays != a.holidays {
			t.Errorf("%s: calendar %+v, want holidays %q", a.code, s.Calendar, a.holidays)
		}
		if r := s.Registration; r == nil || len(r.Patterns) == 0 || r.FreeAgents == nil {
			t.Errorf("%s: registration needs periods or patterns and a free-agent rule", a.code)
		}
		for _, r := range setRules(s) {
			if r.Confidence == High && strings.Contains(strings.ToLower(r.Disputed), "assumed") {
				t.Errorf("%s:%d: an assumption rated high", r.File, r.Line)
			}
		}
	}
	for _, s := range b.Sets() {
		if !listed[s.Code] {
			t.Errorf("%s (%s) is not in associationFiles: add it, so its file is checked", s.Code, s.File)
		}
	}
	if s := b.setFor("USA", "MLS1"); s == nil || s.Code != "MLS" {
		t.Errorf("league MLS1 gives set %v, want MLS", s)
	}
	// Canadian MLS clubs belong to Canada Soccer but follow the MLS set.
	if s := b.setFor("CAN", "MLS1"); s == nil || s.Code != "MLS" {
		t.Errorf("Canada Soccer club in MLS1 gives set %v, want MLS", s)
	}
	// Saudi Arabia's weekend is Friday and Saturday.
	w := b.Set("KSA").Calendar.work
	if w.IsWorkday(D(2026, 1, 2)) || !w.IsWorkday(D(2026, 1, 4)) {
		t.Errorf("KSA: Friday 2 Jan 2026 should be off and Sunday 4 Jan a working day")
	}
}

// A set with no rickar/cal calendar lists its fixed public holidays, except
// Turkey, Saudi Arabia and Ukraine (martial law suspends Ukraine's), which
// count weekends only and say so.
func TestFixedHolidaysWhereNoCalendar(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	weekendsOnly := map[string]bool{"TUR": true, "KSA": true, "UKR": true}
	for _, a := range associationFiles {
		s := b.Set(a.code)
		if s == nil || s.Calendar == nil || a.holidays != "" || weekendsOnly[a.code] {
			continue
		}
		if len(s.Calendar.Extra) == 0 {
			t.Errorf("%s: no holiday calendar and no fixed holidays listed", a.code)
		}
	}
}

func setRules(s *Set) []*Rule {
	var rs []*Rule
	for i := range s.Domestic {
		rs = append(rs, &s.Domestic[i].Rule)
	}
	if s.Calendar != nil {
		rs = append(rs, &s.Calendar.Rule)
	}
	if r := s.Registration; r != nil {
		for _, p := range r.Periods {
			rs = append(rs, &p.Rule)
		}
		for _, p := range r.Patterns {
			rs = append(rs, &p.Rule)
		}
		if r.FreeAgents != nil {
			rs = append(rs, &r.FreeAgents.Rule)
		}
	}
	for i := range s.Deadlines {
		rs = append(rs, &s.Deadlines[i].Rule)
	}
	for i := range s.Notes {
		rs = append(rs, &s.Notes[i])
	}
	if s.Renewal != nil {
		rs = append(rs, &s.Renewal.Rule)
	}
	return rs
}

// The worked examples of the research, by hand: the expected dates are the
// research's, not the program's output.
func TestAssociationWorkedExamples(t *testing.T) {
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
		set          string // code of the rule set applied
		foreign      Date
		domestic     Date
		noDomestic   bool   // no domestic date, only a text
		domesticText string // part of the domestic step's text
		status       Status
		renewedTo    Date
		reg          *reg
	}{
		{
			name:         "NOIF 95-bis: an Italian club may sign a 30 Jun 2026 player from 1 Jan 2026 after written notice",
			c:            Contract{Association: "ITA", Expires: D(2026, 6, 30)},
			q:            Query{AsOf: D(2026, 1, 1)},
			set:          "ITA",
			foreign:      D(2026, 1, 1),
			domestic:     D(2026, 1, 1),
			domesticText: "written notice",
			status:       PrecontractOpen,
		},
		{
			name:   "NOIF 95-bis: not yet on 31 Dec 2025",
			c:      Contract{Association: "ITA", Expires: D(2026, 6, 30)},
			q:      Query{AsOf: D(2025, 12, 31)},
			set:    "ITA",
			status: UnderContract,
		},
		{
			name:     "NOIF before 2015: contacts only after the winter session, 1 Feb 2014 for a 30 Jun 2014 expiry",
			c:        Contract{Association: "ITA", Expires: D(2014, 6, 30)},
			q:        Query{AsOf: D(2014, 1, 15)},
			set:      "ITA",
			foreign:  D(2014, 1, 1),
			domestic: D(2014, 2, 1),
			status:   ForeignOpen,
		},
		{
			name:     "LOS §5: Goretzka, Schalke to 30 Jun 2018, free to sign with Bayern from 1 Jan 2018 (announced 19 Jan)",
			c:        Contract{Association: "GER", Expires: D(2018, 6, 30)},
			q:        Query{AsOf: D(2018, 1, 19)},
			set:      "GER",
			foreign:  D(2018, 1, 1),
			domestic: D(2018, 1, 1),
			status:   PrecontractOpen,
		},
		{
			name: "LOS free agents: terminated 15 Aug 2025, contractless by the summer close, registrable in Oct 2025 until 31 Dec",
			c:    Contract{Association: "GER", Expires: D(2025, 8, 15)},
			q:    Query{AsOf: D(2025, 10, 15), To: "GER"},
			set:  "GER",
			reg:  &reg{from: D(2025, 10, 15), until: D(2025, 12, 31), exception: true},
		},
		{
			name: "LOS free agents: terminated 10 Sep 2025, after the summer close, waits for the 1 Jan 2026 window",
			c:    Contract{Association: "GER", Expires: D(2025, 9, 10)},
			q:    Query{AsOf: D(2025, 10, 15), To: "GER"},
			set:  "GER",
			reg:  &reg{from: D(2026, 1, 1), until: D(2026, 2, 2)},
		},
		{
			name:      "CAO art. 6: an extended contract to 30 Jun 2026 with no notice by 31 Mar / 15 May renews to 30 Jun 2027",
			c:         Contract{Association: "NED", Expires: D(2026, 6, 30)},
			q:         Query{AsOf: D(2025, 11, 28)},
			set:       "NED",
			foreign:   D(2026, 1, 1),
			domestic:  D(2026, 1, 1),
			renewedTo: D(2027, 6, 30),
		},
		{
			name:     "FIFA 18.3 in Turkey: a 31 May 2026 contract, pre-contract from 1 Dec 2025",
			c:        Contract{Association: "TUR", Expires: D(2026, 5, 31)},
			q:        Query{AsOf: D(2025, 12, 1)},
			set:      "TUR",
			foreign:  D(2025, 12, 1),
			domestic: D(2025, 12, 1),
			status:   PrecontractOpen,
		},
		{
			name:   "FIFA 18.3 in Turkey: a deal on 15 Nov 2025 for a 31 May 2026 contract is too early",
			c:      Contract{Association: "TUR", Expires: D(2026, 5, 31)},
			q:      Query{AsOf: D(2025, 11, 15)},
			set:    "TUR",
			status: UnderContract,
		},
		{
			name:         "MLS free agency: 31 Dec 2026 contract, a European club from 1 Jul 2026, MLS clubs only through free agency or the Re-Entry Draft",
			c:            Contract{Association: "USA", League: "MLS1", Expires: D(2026, 12, 31)},
			q:            Query{AsOf: D(2026, 7, 1)},
			set:          "MLS",
			foreign:      D(2026, 7, 1),
			noDomestic:   true,
			domesticText: "Re-Entry Draft",
			status:       ForeignOpen,
		},
		{
			name:    "FIFA 18.3 from MLS: Vela's contract ended 30 Jun 2022, pre-contract from 1 Jan 2022",
			c:       Contract{Association: "USA", League: "MLS1", Expires: D(2022, 6, 30)},
			q:       Query{AsOf: D(2022, 1, 1)},
			set:     "MLS",
			foreign: D(2022, 1, 1),
		},
		{
			name:     "RNRTAF art. 25: Eduardo (Cruzeiro) to 31 Dec 2025, pre-contract with any club from 1 Jul 2025, registered in the 5 Jan-3 Mar 2026 window",
			c:        Contract{Association: "BRA", Expires: D(2025, 12, 31)},
			q:        Query{AsOf: D(2025, 11, 28), To: "BRA"},
			set:      "BRA",
			foreign:  D(2025, 7, 1),
			domestic: D(2025, 7, 1),
			status:   PrecontractOpen,
			reg:      &reg{from: D(2026, 1, 5), until: D(2026, 3, 3)},
		},
		{
			name:         "JFA six months: a 31 Jan 2026 contract, another club may sign him from 1 Aug 2025 after written notice",
			c:            Contract{Association: "JPN", Expires: D(2026, 1, 31)},
			q:            Query{AsOf: D(2025, 8, 1)},
			set:          "JPN",
			foreign:      D(2025, 8, 1),
			domestic:     D(2025, 8, 1),
			domesticText: "written notice",
			status:       PrecontractOpen,
		},
		{
			name:     "Spain six months: a 30 Jun 2026 contract, free to agree with any club from 1 Jan 2026",
			c:        Contract{Association: "ESP", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2025, 11, 28)},
			set:      "ESP",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
			status:   UnderContract,
		},
		{
			name: "RFEF winter window 2025/26: 2 Jan to Monday 2 Feb 2026 (31 Jan a Saturday)",
			c:    Contract{Association: "ESP", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2025, 11, 28), To: "ESP"},
			set:  "ESP",
			reg:  &reg{from: D(2026, 1, 2), until: D(2026, 2, 2)},
		},
		{
			name:         "SAFF free period: a Saudi player to 30 Jun 2026, no approaches before 1 Jan 2026",
			c:            Contract{Association: "KSA", Expires: D(2026, 6, 30)},
			q:            Query{AsOf: D(2025, 12, 31)},
			set:          "KSA",
			foreign:      D(2026, 1, 1),
			domestic:     D(2026, 1, 1),
			domesticText: "written notice",
			status:       UnderContract,
		},
		{
			name: "SAFF winter window 2025/26: 5 Jan to 2 Feb 2026",
			c:    Contract{Association: "KSA", Expires: D(2025, 12, 31)},
			q:    Query{AsOf: D(2025, 11, 28), To: "KSA"},
			set:  "KSA",
			reg:  &reg{from: D(2026, 1, 5), until: D(2026, 2, 2)},
		},
		{
			name: "FIFA art. 6 within the Liga's unemployed-players rule: expired 30 Jun 2025, unsigned on 2 Sep 2025, registrable until the winter period closes on 3 Feb 2026, before the Liga's own limit of 28 Feb",
			c:    Contract{Association: "POR", Expires: D(2025, 6, 30)},
			q:    Query{AsOf: D(2025, 9, 2), To: "POR"},
			set:  "POR",
			reg:  &reg{from: D(2025, 9, 2), until: D(2026, 2, 3), exception: true},
		},
		{
			name: "Liga unemployed players: a contract ended 15 Jan 2026, inside the winter period; after it closes (3 Feb) the Liga's own limit, 28 Feb 2026, comes before the summer close",
			c:    Contract{Association: "POR", Expires: D(2026, 1, 15)},
			q:    Query{AsOf: D(2026, 2, 10), To: "POR"},
			set:  "POR",
			reg:  &reg{from: D(2026, 2, 10), until: D(2026, 2, 28), exception: true},
		},
		{
			name: "FIFA art. 6 ends when the next period has closed: SvFF, free from 1 Jan 2027 (before the winter 2027 period closed), may be signed between the windows but not after the summer 2027 window; on 15 Sep 2027 he waits for the winter 2028 period",
			c:    Contract{Association: "SWE", Expires: D(2026, 12, 31)},
			q:    Query{AsOf: D(2027, 9, 15), To: "SWE"},
			set:  "SWE",
			reg:  &reg{from: D(2028, 2, 1), until: D(2028, 3, 27)},
		},
		{
			name: "SvFF between the windows: free from 1 Jan 2027, asked on 15 Apr 2027, registrable at once until the summer 2027 window closes (26 Aug, estimated)",
			c:    Contract{Association: "SWE", Expires: D(2026, 12, 31)},
			q:    Query{AsOf: D(2027, 4, 15), To: "SWE"},
			set:  "SWE",
			reg:  &reg{from: D(2027, 4, 15), until: D(2027, 8, 26), exception: true},
		},
		{
			name: "FIFA art. 6 in MLS: free from 1 Jan 2027, the exception of the primary 2027 window lasts until the secondary one closes (2 Sep 2027, estimated); on 20 Nov 2027 he waits for the 2028 primary window",
			c:    Contract{Association: "USA", League: "MLS1", Expires: D(2026, 12, 31)},
			q:    Query{AsOf: D(2027, 11, 20), To: "USA"},
			set:  "MLS",
			reg:  &reg{from: D(2028, 1, 26), until: D(2028, 3, 26)},
		},
		{
			name: "MLS roster freeze: free from 1 Jul 2026, before the secondary 2026 window closed; signable as a free agent until the roster freeze on 9 Oct 2026, before the next window closes",
			c:    Contract{Association: "USA", League: "MLS1", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 9, 20), To: "USA"},
			set:  "MLS",
			reg:  &reg{from: D(2026, 9, 20), until: D(2026, 10, 9), exception: true},
		},
		{
			name: "LFP free players: free from 1 Jul 2026, before the summer 2026 window closed, signable after it until the winter window closes (1 Feb 2027, estimated); on 1 Mar 2027 he waits for summer 2027",
			c:    Contract{Association: "FRA", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2027, 3, 1), To: "FRA"},
			set:  "FRA",
			reg:  &reg{from: D(2027, 6, 16), until: D(2027, 9, 1)},
		},
		{
			name: "LFP free players: the same player on 15 Oct 2026 is registrable at once, until the winter window closes",
			c:    Contract{Association: "FRA", Expires: D(2026, 6, 30)},
			q:    Query{AsOf: D(2026, 10, 15), To: "FRA"},
			set:  "FRA",
			reg:  &reg{from: D(2026, 10, 15), until: D(2027, 2, 1), exception: true},
		},
		{
			name:     "SFA six months: a Celtic player to 31 May 2026 may sign for Aberdeen from 1 Dec 2025",
			c:        Contract{Association: "SCO", Expires: D(2026, 5, 31)},
			q:        Query{AsOf: D(2025, 12, 1)},
			set:      "SCO",
			foreign:  D(2025, 12, 1),
			domestic: D(2025, 12, 1),
			status:   PrecontractOpen,
		},
		{
			name:     "SFA six months: to 30 Jun 2026, a Scottish club from 1 Jan 2026",
			c:        Contract{Association: "SCO", Expires: D(2026, 6, 30)},
			q:        Query{AsOf: D(2025, 11, 28)},
			set:      "SCO",
			foreign:  D(2026, 1, 1),
			domestic: D(2026, 1, 1),
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
			if !tc.renewedTo.IsZero() {
				var got Date
				for _, s := range w.Scenarios {
					if s.Name == "renewed" {
						got = s.Windows.Expires
					}
				}
				if got != tc.renewedTo {
					t.Errorf("renewed to %s, want %s", got, tc.renewedTo)
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
		})
	}
}

// README's coverage table lists every rule set with the confidence
// `bosman rules` gives it, so the documentation cannot drift from the data.
func TestReadmeCoverage(t *testing.T) {
	b, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	i := strings.Index(text, "### Coverage")
	if i < 0 {
		t.Fatal("README has no Coverage section")
	}
	text = text[i:]
	if j := strings.Index(text[1:], "\n#"); j >= 0 {
		text = text[:j+1]
	}
	listed := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) == 6 && len(cells[0]) == 3 && strings.ToUpper(cells[0]) == cells[0] {
			listed[cells[0]] = cells[5]
		}
	}
	for _, s := range b.Sets() {
		conf, ok := listed[s.Code]
		switch {
		case !ok:
			t.Errorf("README's coverage table does not list %s", s.Code)
		case conf != s.Confidence().String():
			t.Errorf("README gives %s confidence %s, the rule set %s", s.Code, conf, s.Confidence())
		}
		delete(listed, s.Code)
	}
	for code := range listed {
		t.Errorf("README lists %s, which has no rule set", code)
	}
}

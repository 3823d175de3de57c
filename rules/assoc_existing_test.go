package rules

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Every source of every embedded rule is the page that says it: an https
// URL with a path, never a site's home page, and never a repository's front
// page on GitHub (a calendar cites the package's holiday file instead).
func TestSourcesAreNotHomePages(t *testing.T) {
	b := book(t)
	sets := append(b.Sets(), b.FIFA())
	for _, s := range sets {
		rs := setRules(s)
		if s.Foreign != nil {
			rs = append(rs, &s.Foreign.Rule)
		}
		for i := range s.Compensation {
			rs = append(rs, &s.Compensation[i].Rule)
		}
		for _, r := range rs {
			for _, src := range r.Sources {
				if why := homePage(src); why != "" {
					t.Errorf("%s:%d: %s %q: source %q %s", r.File, r.Line, s.Code, r.ID, src, why)
				}
			}
		}
	}
}

// edition is the path of a site's edition for a country or language
// ("/ar", "/en-gb"): a home page too.
var edition = regexp.MustCompile(`^/[a-z]{2}(-[a-z]{2})?/?$`)

// listing is the path of a numbered page of a blog's or a site's list of
// articles ("/blog/page/3"): what it shows changes as articles are added, so
// it is not the page that says the rule.
var listing = regexp.MustCompile(`/page/[0-9]+/?$`)

// homePage says what is wrong with a source URL, or "" when it names a page.
// A page addressed by its query alone ("/?p=188346") is a page.
func homePage(src string) string {
	u, err := url.Parse(src)
	switch {
	case err != nil:
		return "is not a URL"
	case u.Scheme != "https" || u.Host == "":
		return "is not an https URL"
	case (u.Path == "" || u.Path == "/") && u.RawQuery == "":
		return "is a home page (its path is empty)"
	case edition.MatchString(u.Path) && u.RawQuery == "":
		return "is the home page of a country or language edition"
	case listing.MatchString(u.Path):
		return "is a numbered listing page, not the article that says it"
	case strings.TrimPrefix(u.Host, "www.") == "github.com" && strings.Count(strings.Trim(u.Path, "/"), "/") < 2:
		return "is a repository's front page, not the file that says it"
	}
	return ""
}

func TestHomePageCheck(t *testing.T) {
	for src, bad := range map[string]bool{
		"https://www.skysports.com/":                                                          true,
		"https://www.rbfa.be":                                                                 true,
		"http://www.mondaq.com/uk/x/372680/":                                                  true,
		"https://github.com/rickar/cal":                                                       true,
		"https://github.com/rickar/cal/":                                                      true,
		"https://github.com/rickar/cal/blob/v2.1.31/v2/se/se_holidays.go":                     false,
		"https://bolavip.com/ar/futbolargentino/afa-confirmo":                                 false,
		"https://bolavip.com/ar":                                                              true,
		"https://www.fussballnationalmannschaft.net/?p=188346":                                false,
		"https://www.bayramalihacimustafaoglu.com/blog/page/3":                                true,
		"https://d10.ultimahora.com/apf-pausara-el-torneo-clausura-durante-la-fecha-fifa?p=4": false,
	} {
		if got := homePage(src) != ""; got != bad {
			t.Errorf("homePage(%q) flags it: %v, want %v", src, got, bad)
		}
	}
}

// noteByID returns the note that rule id put on w, or nil.
func noteByID(w *Windows, id string) *Note {
	for i := range w.Notes {
		if r := w.Notes[i].Rule; r != nil && r.ID == id {
			return &w.Notes[i]
		}
	}
	return nil
}

// England, re-rated: the handbook's approach rule is known only from
// secondary sources (medium), and 2020 had its own dates.
func TestEnglandRerated(t *testing.T) {
	b := book(t)
	t.Run("eng-pl-handbook-T: 30 Jun 2026, approach after the third Saturday of May (16 May) so from 17 May 2026, medium", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", League: "GB1", Expires: D(2026, 6, 30)}, Query{AsOf: D(2026, 1, 1)})
		if w.Domestic.Rule == nil || w.Domestic.Rule.ID != "eng-pl-handbook-T" {
			t.Fatalf("domestic rule %v, want eng-pl-handbook-T", w.Domestic.Rule)
		}
		if w.Domestic.Date != D(2026, 5, 17) || w.Domestic.Confidence != Medium {
			t.Errorf("domestic %s at %s, want 2026-05-17 at medium", w.Domestic.Date, w.Domestic.Confidence)
		}
		if noteByID(w, "eng-covid-2020-extension") != nil {
			t.Errorf("the 2020 extension note shows for a 2026 expiry")
		}
	})
	t.Run("eng-covid-2020-extension: 30 Jun 2020, extension to the season's end agreed by 23 Jun 2020", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", League: "GB1", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 5, 15)})
		n := noteByID(w, "eng-covid-2020-extension")
		if n == nil || n.Kind != "deadline" || n.Date != D(2020, 6, 23) || n.Rule.Confidence != High {
			t.Fatalf("COVID note %+v, want a high deadline on 2020-06-23", n)
		}
		// eng-approach-2020: 24 June, low and disputed (only the EFL's
		// clubs are reported to have adopted it).
		if w.Domestic.Rule.ID != "eng-approach-2020" || w.Domestic.Date != D(2020, 6, 24) || w.Domestic.Confidence != Low {
			t.Errorf("domestic %s by %s at %s, want 2020-06-24 by eng-approach-2020 at low", w.Domestic.Date, w.Domestic.Rule.ID, w.Domestic.Confidence)
		}
		if noteRule(w, "disputed") != "eng-approach-2020" {
			t.Errorf("the 2020 approach date is not shown as disputed")
		}
	})
	t.Run("eng-covid-2020-extension: not for a 31 May 2020 expiry (free on 1 June, not 1 July)", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", Expires: D(2020, 5, 31)}, Query{AsOf: D(2020, 5, 1)})
		if noteByID(w, "eng-covid-2020-extension") != nil {
			t.Errorf("the 2020 extension note shows for a 31 May expiry")
		}
	})
	t.Run("efl-covid-2020: an EFL contract ending 30 Jun 2020 gets the EFL's 23 Jun 2020 note", func(t *testing.T) {
		w := b.Windows(Contract{Association: "ENG", League: "GB2", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 5, 15)})
		if w.Set.Code != "EFL" {
			t.Fatalf("set %s, want EFL", w.Set.Code)
		}
		if n := noteByID(w, "efl-covid-2020"); n == nil || n.Date != D(2020, 6, 23) || n.Rule.Confidence != Medium {
			t.Errorf("EFL COVID note %+v, want a medium deadline on 2020-06-23", n)
		}
	})
}

// Scotland: SPFL Rule F3, development compensation for an under-23 who moves
// between Scottish clubs when his contract ends.
func TestScotlandCompensation(t *testing.T) {
	b := book(t)
	// Born 29 Aug 2002, contract to 31 May 2025: free on 1 Jun 2025 at 22.
	young := Contract{Association: "SCO", Expires: D(2025, 5, 31), Birth: D(2002, 8, 29)}
	t.Run("sco-spfl-f3-under-23: a 22-year-old joining a Scottish club carries compensation", func(t *testing.T) {
		w := b.Windows(young, Query{AsOf: D(2025, 2, 1), To: "SCO"})
		n := noteByID(w, "sco-spfl-f3-under-23")
		if n == nil || n.Kind != "compensation" || n.Age != 22 || n.Rule.Confidence != Medium {
			t.Fatalf("compensation note %+v, want sco-spfl-f3-under-23 at age 22, medium", n)
		}
	})
	t.Run("sco-spfl-f3-under-23: not for a move to England (FIFA training compensation instead)", func(t *testing.T) {
		w := b.Windows(young, Query{AsOf: D(2025, 2, 1), To: "ENG"})
		if noteByID(w, "sco-spfl-f3-under-23") != nil {
			t.Errorf("the Scottish domestic note shows for a move to England")
		}
		if noteByID(w, "fifa-training-compensation") == nil {
			t.Errorf("no FIFA training compensation note for a 22-year-old moving abroad")
		}
	})
	t.Run("sco-spfl-f3-under-23: not at 23 (born 31 May 2002, 23 on the day before he is free)", func(t *testing.T) {
		w := b.Windows(Contract{Association: "SCO", Expires: D(2025, 5, 31), Birth: D(2002, 5, 31)}, Query{AsOf: D(2025, 2, 1), To: "SCO"})
		if noteByID(w, "sco-spfl-f3-under-23") != nil {
			t.Errorf("the under-23 note shows for a player of 23")
		}
	})
}

// Turkey: no standing FIFA art. 6 exception, only case-by-case ones, so a
// player free after a period waits for the next one.
func TestTurkeyFreeAgents(t *testing.T) {
	b := book(t)
	c := Contract{Association: "TUR", Expires: D(2026, 5, 31)} // free on 1 Jun 2026
	if fa := b.Set("TUR").Registration.FreeAgents; fa.Allowed || fa.Confidence != Low {
		t.Fatalf("TUR free agents allowed=%v at %s, want refused at low", fa.Allowed, fa.Confidence)
	}
	t.Run("tur free_agents refused: asked on 15 Sep 2026, after the estimated 30 Jun-12 Sep 2026 period, he waits for 2 Jan-6 Feb 2027", func(t *testing.T) {
		w := b.Windows(c, Query{AsOf: D(2026, 9, 15), To: "TUR"})
		r := w.Registration
		if r == nil || r.Exception || r.From != D(2027, 1, 2) || r.Until != D(2027, 2, 6) {
			t.Fatalf("registration %+v, want 2027-01-02 to 2027-02-06 in a period, no exception", r)
		}
	})
	t.Run("tur summer period: free on 1 Jun 2026, registered when the period opens on 30 Jun 2026", func(t *testing.T) {
		w := b.Windows(c, Query{AsOf: D(2026, 6, 1), To: "TUR"})
		if r := w.Registration; r == nil || r.Exception || r.From != D(2026, 6, 30) || r.Until != D(2026, 9, 12) {
			t.Fatalf("registration %+v, want 2026-06-30 to 2026-09-12", r)
		}
	})
}

// Japan: the 2009 six-month rule to the end of the 2025 season (medium), the
// same rule assumed under the JFA rules of 1 February 2026 (low).
func TestJapanEras(t *testing.T) {
	b := book(t)
	cases := []struct {
		name       string
		expires    Date
		rule       string
		domestic   Date
		confidence Confidence
	}{
		{"jpn-jfa-six-months-2009: 31 Jan 2026 expiry, another Japanese club from 1 Aug 2025, medium",
			D(2026, 1, 31), "jpn-jfa-six-months-2009", D(2025, 8, 1), Medium},
		{"jpn-jfa-six-months-2026: 30 Jun 2027 expiry (first August-May season), from 1 Jan 2027, low",
			D(2027, 6, 30), "jpn-jfa-six-months-2026", D(2027, 1, 1), Low},
		{"jpn-jfa-six-months-2026: 30 Jun 2026 expiry (the January-June 2026 season), from 1 Jan 2026, low",
			D(2026, 6, 30), "jpn-jfa-six-months-2026", D(2026, 1, 1), Low},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := b.Windows(Contract{Association: "JPN", Expires: c.expires}, Query{AsOf: D(2025, 7, 1)})
			if w.Domestic.Rule == nil || w.Domestic.Rule.ID != c.rule {
				t.Fatalf("domestic rule %v, want %s", w.Domestic.Rule, c.rule)
			}
			if w.Domestic.Date != c.domestic || w.Domestic.Confidence != c.confidence || !strings.Contains(w.Domestic.Text, "written notice") {
				t.Errorf("domestic %s at %s (%q), want %s at %s after written notice", w.Domestic.Date, w.Domestic.Confidence, w.Domestic.Text, c.domestic, c.confidence)
			}
		})
	}
	t.Run("before 1 Oct 2009 no JFA rule is modelled: 31 Jan 2009 gets FIFA's 1 Aug 2008 at low", func(t *testing.T) {
		w := b.Windows(Contract{Association: "JPN", Expires: D(2009, 1, 31)}, Query{AsOf: D(2008, 7, 1)})
		if w.Domestic.Date != D(2008, 8, 1) || w.Domestic.Confidence != Low || !strings.Contains(w.Domestic.Text, "FIFA baseline assumed") {
			t.Errorf("domestic %s at %s (%q), want FIFA's 2008-08-01 at low", w.Domestic.Date, w.Domestic.Confidence, w.Domestic.Text)
		}
	})
	t.Run("renewal-notice notes follow one another without gap or overlap, and the eras of the domestic rules", func(t *testing.T) {
		set := b.Set("JPN")
		spans := map[string]Span{}
		for _, n := range set.Notes {
			spans[n.ID] = n.InForce
		}
		for _, d := range set.Domestic {
			spans[d.ID] = d.InForce
		}
		old, formA, rev := spans["jpn-renewal-notice-until-2009"], spans["jpn-form-a"], spans["jpn-renewal-2026"]
		// The 30 November notice is the rule before Form A; Form A runs to
		// the 2025 season's end, when the 2009 rule ends; the 2026 revision
		// starts with the 2026 rules and has no end.
		if !old.From.IsZero() || old.Until.AddDays(1) != formA.From {
			t.Errorf("jpn-renewal-notice-until-2009 %+v does not end the day before jpn-form-a %+v starts", old, formA)
		}
		if formA.Until != spans["jpn-jfa-six-months-2009"].Until {
			t.Errorf("jpn-form-a ends %s, the 2009 rule %s", formA.Until, spans["jpn-jfa-six-months-2009"].Until)
		}
		if rev.From != spans["jpn-jfa-six-months-2026"].From || rev.From != formA.Until.AddDays(1) || !rev.Until.IsZero() {
			t.Errorf("jpn-renewal-2026 %+v does not start with the 2026 rules (%s) the day after Form A ends", rev, spans["jpn-jfa-six-months-2026"].From)
		}
	})
}

// Portugal, 2020: contracts ending 30 June 2020 were extended automatically
// to the end of the delayed season.
func TestPortugalCovid(t *testing.T) {
	b := book(t)
	t.Run("por-covid-2020-extension: a 30 Jun 2020 expiry gets the note, dated 30 Jun 2020", func(t *testing.T) {
		w := b.Windows(Contract{Association: "POR", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 5, 15)})
		n := noteByID(w, "por-covid-2020-extension")
		if n == nil || n.Kind != "deadline" || n.Date != D(2020, 6, 30) || n.Rule.Confidence != High {
			t.Fatalf("COVID note %+v, want a high note on 2020-06-30", n)
		}
	})
	t.Run("por-covid-2020-extension: not for a 30 Jun 2021 expiry", func(t *testing.T) {
		w := b.Windows(Contract{Association: "POR", Expires: D(2021, 6, 30)}, Query{AsOf: D(2021, 5, 15)})
		if noteByID(w, "por-covid-2020-extension") != nil {
			t.Errorf("the 2020 note shows for 2021")
		}
	})
}

// Saudi Arabia, 2020: contracts ending with the original 2019/20 season were
// extended to its new end (9 September 2020).
func TestSaudiCovid(t *testing.T) {
	b := book(t)
	w := b.Windows(Contract{Association: "KSA", Expires: D(2020, 6, 30)}, Query{AsOf: D(2020, 6, 1)})
	n := noteByID(w, "ksa-covid-2020-extension")
	if n == nil || n.Kind != "deadline" || n.Date != D(2020, 6, 30) || n.Rule.Confidence != Medium || n.Rule.Disputed == "" {
		t.Fatalf("ksa-covid-2020-extension: note %+v, want a medium, disputed note on 2020-06-30 for a 30 Jun 2020 expiry", n)
	}
}

// Saudi Arabia, 2025/26: the summer window opened on 3 July 2025 (SAFF's
// announcement) and closed on 10 September; an unemployed player may be
// registered outside the periods, until the winter window closes on
// 2 February 2026 (FIFA art. 6; no SAFF limit found).
func TestSaudiRegistration2025(t *testing.T) {
	b := book(t)
	c := Contract{Association: "KSA", Expires: D(2025, 6, 30)} // free on 1 Jul 2025
	w := b.Windows(c, Query{AsOf: D(2025, 7, 1), To: "KSA"})
	if r := w.Registration; r == nil || r.Exception || r.From != D(2025, 7, 3) || r.Until != D(2025, 9, 10) {
		t.Errorf("on 1 Jul 2025: registration %+v, want 2025-07-03 to 2025-09-10 in the summer window", r)
	}
	w = b.Windows(c, Query{AsOf: D(2025, 10, 1), To: "KSA"})
	if r := w.Registration; r == nil || !r.Exception || r.From != D(2025, 10, 1) || r.Until != D(2026, 2, 2) {
		t.Errorf("on 1 Oct 2025: registration %+v, want the free-agent exception to 2026-02-02", r)
	}
}

// Scotland: the 2024 summer window closed on Friday 30 August; a free agent
// may still be signed after a close (not registered with more than two
// clubs that season), until the next window closes: Monday 3 February 2025.
func TestScotlandRegistration(t *testing.T) {
	b := book(t)
	c := Contract{Association: "SCO", Expires: D(2024, 6, 30)} // free on 1 Jul 2024
	w := b.Windows(c, Query{AsOf: D(2024, 8, 1), To: "SCO"})
	if r := w.Registration; r == nil || r.Exception || r.From != D(2024, 8, 1) || r.Until != D(2024, 8, 30) {
		t.Errorf("on 1 Aug 2024: registration %+v, want 2024-08-01 to 2024-08-30 in the summer window", r)
	}
	w = b.Windows(c, Query{AsOf: D(2024, 10, 1), To: "SCO"})
	if r := w.Registration; r == nil || !r.Exception || r.From != D(2024, 10, 1) || r.Until != D(2025, 2, 3) {
		t.Errorf("on 1 Oct 2024: registration %+v, want the free-agent exception to 2025-02-03", r)
	}
}

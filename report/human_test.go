package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

func card(t *testing.T, en *Entry, history []contracts.Contract, st Style) string {
	t.Helper()
	var b bytes.Buffer
	if err := Card(&b, en, history, st); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Salah's shortened contract: signed 24 Mar 2026 to end on 30 Jun 2026.
// Six months before he is free (1 Jul 2026) is 1 Jan 2026, before the
// contract existed, so the window abroad opens on the signing day, and the
// card says why; the history marks the contract in force.
func TestCardSaysWhyTheSigningDay(t *testing.T) {
	q := testQuery(t, rules.D(2026, 4, 1), "")
	old := contracts.Contract{PlayerID: "148455", Player: "Mohamed Salah", Birth: rules.D(1992, 6, 15), Club: "Liverpool FC",
		Association: "ENG", Expires: rules.D(2027, 6, 30), Pos: contracts.Pos{File: "d.csv", Line: 2}}
	cur := old
	cur.Expires, cur.Signed, cur.Pos.Line = rules.D(2026, 6, 30), rules.D(2026, 3, 24), 3
	en := q.Answer(cur)
	if en.Windows.Foreign.Date != rules.D(2026, 3, 24) {
		t.Fatalf("abroad from %s, want the signing day 2026-03-24", en.Windows.Foreign.Date)
	}
	out := card(t, &en, []contracts.Contract{old, cur}, Style{AsOf: q.AsOf})
	for _, want := range []string{
		"Abroad: from 24 Mar 2026, the day this contract was signed: no window opens before that",
		"open for 8 d", // 24 Mar to 1 Apr
		"Contracts in the data:\n  Liverpool FC to 30 Jun 2027\n  Liverpool FC to 30 Jun 2026, signed 24 Mar 2026 ← in force\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("card lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "passed") {
		t.Errorf("a window open for 8 days is called passed:\n%s", out)
	}
}

// A window that opened yesterday is open since yesterday, not "passed":
// Konaté at home from 17 May 2026, asked on 18 May. And the condition of
// England's rule (no offer of re-engagement) goes with "at home".
func TestCardOpenSinceAndCondition(t *testing.T) {
	q := testQuery(t, rules.D(2026, 5, 18), "")
	en := q.Answer(konate())
	out := card(t, &en, nil, Style{AsOf: q.AsOf})
	for _, want := range []string{"open since yesterday", "open for 137 d", // 1 Jan to 18 May: 31+28+31+30+17
		"Status on 18 May 2026: can sign abroad, and at home only if he had no offer of re-engagement"} {
		if !strings.Contains(out, want) {
			t.Errorf("card lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "can sign anywhere") {
		t.Errorf("the condition is dropped:\n%s", out)
	}
}

// A contract of an association without a rule set (Bulgaria) and without
// a birth date: the FIFA baseline is both its set and the base every set
// builds on, so the rules give FIFA training compensation's note twice; the
// card says it once. A row without a club says so, not " · BUL".
func TestCardNoDuplicateNoEmptyClub(t *testing.T) {
	q := testQuery(t, rules.D(2026, 6, 20), "")
	c := konate()
	c.Birth, c.Club, c.Association, c.League, c.LastSeason = rules.Date{}, "", "BUL", "", 2024
	en := q.Answer(c)
	if !en.Windows.Fallback {
		t.Fatalf("BUL has a rule set now: pick an association without one")
	}
	out := card(t, &en, nil, Style{AsOf: q.AsOf})
	if n := strings.Count(out, "Compensation: fifa-training-compensation may apply"); n != 1 {
		t.Errorf("the FIFA compensation note %d times:\n%s", n, out)
	}
	if !strings.Contains(out, "club not in the data · BUL") || strings.Contains(out, "\n · ") {
		t.Errorf("empty club:\n%s", out)
	}
	if strings.Contains(out, "at  in") || strings.Contains(out, "saw him at in") {
		t.Errorf("empty club in the stale-club warning:\n%s", out)
	}
}

// An association without a rule set (Bulgaria) has no holiday calendar, so
// the countdowns give calendar days only (20 Jun to 1 Jul 2026: 11 d); the
// note says working days are not counted rather than "weekends only",
// which the table would not show.
func TestCardWorkingDaysNotCounted(t *testing.T) {
	q := testQuery(t, rules.D(2026, 6, 20), "")
	c := konate()
	c.Association, c.League = "BUL", ""
	en := q.Answer(c)
	if !en.Windows.Fallback {
		t.Fatalf("BUL has a rule set now: pick an association without one")
	}
	if _, work, ok := en.Windows.Countdown(en.Windows.FreeAgent.Date); !ok || work >= 0 {
		t.Fatalf("BUL counts working days (%d): pick an association without a calendar", work)
	}
	out := card(t, &en, nil, Style{AsOf: q.AsOf, Width: 100})
	if !strings.Contains(out, "11 d") || strings.Contains(out, " wd") {
		t.Errorf("countdown to 1 Jul 2026 is not 11 calendar days alone:\n%s", out)
	}
	if !strings.Contains(out, "Working days: not counted, as there is no holiday calendar for this association.") ||
		strings.Contains(out, "weekends only") {
		t.Errorf("the working-day note claims a count the table does not give:\n%s", out)
	}
}

// Club table: an English date at home holds only if no offer was made:
// the date and the status carry a mark, and the note below says it.
func TestClubTableCarriesTheCondition(t *testing.T) {
	q := testQuery(t, rules.D(2026, 5, 20), "")
	sel := testSelection(q, "Liverpool FC", Within(q.AsOf, 12, 'm'), konate())
	var b bytes.Buffer
	if err := ListTable(&b, sel, Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"2026-05-17*", "can sign anywhere*", "* At home (ENG) only if he had no offer of re-engagement"} {
		if !strings.Contains(out, want) {
			t.Errorf("club table lacks %q:\n%s", want, out)
		}
	}
}

// MLS players have no pre-contract at home: the timeline's footnote says
// Free Agency or the Re-Entry Draft (as the card does), not "only with his
// club's consent"; England's condition is a footnote too.
func TestTimelineFootnotes(t *testing.T) {
	q := testQuery(t, rules.D(2026, 5, 20), "")
	messi := contracts.Contract{PlayerID: "28003", Player: "Lionel Messi", Birth: rules.D(1987, 6, 24), Club: "Inter Miami CF",
		Association: "USA", League: "MLS1", Expires: rules.D(2028, 12, 31)}
	tl := NewTimeline("Mixed", []Entry{q.Answer(messi), q.Answer(konate())}, q)
	var b bytes.Buffer
	if err := tl.WriteTerminal(&b, 200, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "consent: Lionel Messi") || !strings.Contains(out, "In MLS, no pre-contract at home: MLS Free Agency or the Re-Entry Draft instead: Lionel Messi.") {
		t.Errorf("Messi's footnote:\n%s", out)
	}
	if !strings.Contains(out, "At home (ENG) only if he had no offer of re-engagement from his club, or declined it: Ibrahima Konaté.") {
		t.Errorf("Konaté's condition:\n%s", out)
	}
	b.Reset()
	if err := tl.Chart().WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	if svg := b.String(); !strings.Contains(svg, "Free Agency or the Re-Entry Draft instead: Lionel Messi.") || !strings.Contains(svg, "(conditions below)") {
		t.Errorf("the chart's legend and footnotes lack the conditions:\n%s", svg)
	}
}

// The Markdown card and club table are for articles: headings, the dates
// as a table, notes as a list, and no text from the data can add a column,
// split a row or carry HTML.
func TestMarkdownForArticles(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	c := konate()
	c.Player, c.Note = "A | B", "moved\n| x | y |<img src=x onerror=alert(1)>"
	c.Position, c.SubPosition, c.MarketValue = "Defender", "Centre-Back", 40_000_000
	en := q.Answer(c)
	var b bytes.Buffer
	if err := CardMarkdown(&b, &en, nil, Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"## A \\| B\n", "| Pre-contract abroad from | 1 Jan 2026 | 86 d / 59 wd | fifa-rstp-18.3 | high |\n",
		"### Notes\n\n- Abroad: after written notice", "- Note in the dataset: moved \\| x \\| y \\|&lt;img src=x onerror=alert(1)&gt;\n", "### Rules\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown card lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "<img") {
		t.Errorf("raw HTML:\n%s", out)
	}
	b.Reset()
	gone := konate()
	gone.PlayerID, gone.Expires = "1", rules.D(2025, 6, 30)
	sel := testSelection(q, "Liverpool FC", Within(q.AsOf, 12, 'm'), c, gone)
	if err := ListMarkdown(&b, sel, Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	out = b.String()
	for _, want := range []string{"## Liverpool FC: expiring 7 Oct 2025 to 7 Oct 2026, as of 7 Oct 2025 (1)\n\nData: the data, confirmed 1 Oct 2025 (1)\n",
		"| Player | Pos | Age | Value | Expires | Abroad from | Home from | Status | Days |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n",
		"| A \\| B | CB | 26 | €40m | 2026-06-30 | 2026-01-01 | 2026-05-17\\* | under contract | 267 |\n",
		"Not listed: 1 contract that ended before 7 Oct 2025 (see --all)."} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown club table lacks %q:\n%s", want, out)
		}
	}
}

// The holiday calendar is named alike everywhere: a set with no calendar
// is "none (weekends only)" in the list; a set whose file lists fixed
// holidays ([calendar] extra, Chile) is a "fixed list" with its days on its
// page and in the card's note, not "none"; a period's doubt is on the page.
func TestRulesCalendarsAndPeriodDoubts(t *testing.T) {
	q := testQuery(t, rules.D(2026, 6, 20), "")
	var b bytes.Buffer
	if err := RulesList(&b, q.Book, q.AsOf, false, 200); err != nil {
		t.Fatal(err)
	}
	list := b.String()
	for _, want := range []string{"fixed list (10 days)", "none (weekends only)"} {
		if !strings.Contains(list, want) {
			t.Errorf("rules list lacks %q:\n%s", want, list)
		}
	}
	b.Reset()
	if err := RulePage(&b, q.Book.Set("CHI"), false, 200); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); !strings.Contains(page, "Holiday calendar: fixed list (10 days): Año Nuevo (1 Jan), ") {
		t.Errorf("CHI page:\n%s", page)
	}
	b.Reset()
	if err := RulePage(&b, q.Book.Set("CRO"), false, 200); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); !strings.Contains(page, "Sources differ on 2025/26 winter: Two reports give the close") {
		t.Errorf("CRO page lacks the period's doubt:\n%s", page)
	}
	c := konate()
	c.Association, c.Club, c.Expires = "CHI", "Colo-Colo", rules.D(2026, 12, 31)
	en := q.Answer(c)
	if out := card(t, &en, nil, Style{AsOf: q.AsOf}); !strings.Contains(out, "Working days: weekends and the 10 public holidays of the rule file's fixed") {
		t.Errorf("CHI card's working days:\n%s", out)
	}
}

// A rule set's page fits the width like the other forms for people: at 80
// and 60 columns England's registration periods (87 columns when drawn
// whole) shorten the confidence, the pattern's months and "estimated",
// then give the close that rolls to the next working day as "next wd" and
// leave the source numbers to the list below; headings and rule titles
// wrap. Only a source's address, which cannot break, is wider. At 200
// columns the table is drawn whole. The list of rule sets at 60 columns
// leaves out the holiday calendars (64 columns with them).
func TestRulePageFitsTheWidth(t *testing.T) {
	q := testQuery(t, rules.D(2026, 6, 20), "")
	page := func(width int) string {
		var b bytes.Buffer
		if err := RulePage(&b, q.Book.Set("ENG"), false, width); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, width := range []int{80, 60} {
		out := page(width)
		for _, l := range strings.Split(out, "\n") {
			if widthOf(l) > width && !strings.Contains(l, "https://") {
				t.Errorf("at %d columns, a line of %d: %q", width, widthOf(l), l)
			}
		}
		if !strings.Contains(out, " 1 Jan ") || strings.Contains(out, "1 January") {
			t.Errorf("at %d columns the pattern's months are not short:\n%s", width, out)
		}
	}
	if out := page(60); !strings.Contains(out, "31 Jan (next wd)") || strings.Contains(out, "[1][2]") || !strings.Contains(out, "  [1] https://") {
		t.Errorf("at 60 columns: the roll in short, the source numbers gone, the sources listed:\n%s", out)
	}
	var b bytes.Buffer
	if err := RulesList(&b, q.Book, q.AsOf, false, 60); err != nil {
		t.Fatal(err)
	}
	if w := tableWidth(b.String()); w > 60 || strings.Contains(b.String(), "Holidays") || !strings.Contains(b.String(), " ENG ") {
		t.Errorf("the rules list at 60 columns is %d wide, or keeps the holidays, or lost ENG:\n%s", w, b.String())
	}
	if out := page(200); !strings.Contains(out, "31 January (next-workday)") || !strings.Contains(out, "Confidence") || !strings.Contains(out, "[1][2]") {
		t.Errorf("at 200 columns the table is shortened:\n%s", out)
	}
}

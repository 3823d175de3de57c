package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// testQuery asks as of asOf with the embedded rules, for a club of to.
func testQuery(t testing.TB, asOf rules.Date, to string) *Query {
	t.Helper()
	book, err := rules.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return &Query{Book: book, AsOf: asOf, To: to}
}

// testTimeline is Liverpool's as of 7 Oct 2025 (12 months, registration
// periods of ENG), from the embedded data.
func testTimeline(t *testing.T) *Timeline {
	t.Helper()
	ds, err := contracts.Default()
	if err != nil {
		t.Fatal(err)
	}
	q := testQuery(t, rules.D(2025, 10, 7), "ENG")
	sel := SelectClub(ds.Contracts, []string{"Liverpool FC"}, Within(q.AsOf, 12, 'm'), q)
	if len(sel.Entries) != 2 {
		t.Fatalf("%d Liverpool lanes, want Robertson and Konaté", len(sel.Entries))
	}
	return NewTimeline(sel.Names[0], sel.Entries, q)
}

// TestTimelineFrame: Robertson and Konaté expire on 30 Jun 2026, free on
// 1 Jul 2026; the view runs from the first of the as-of month (1 Oct 2025)
// to the end of the month after (31 Aug 2026), with ENG's periods.
func TestTimelineFrame(t *testing.T) {
	tl := testTimeline(t)
	if tl.From != rules.D(2025, 10, 1) || tl.To != rules.D(2026, 8, 31) || tl.Capped {
		t.Errorf("view %s to %s (capped %v), want 2025-10-01 to 2026-08-31", tl.From, tl.To, tl.Capped)
	}
	if tl.Assoc != "ENG" || len(tl.Periods) == 0 {
		t.Errorf("registration periods of %q: %d", tl.Assoc, len(tl.Periods))
	}
	if tl.Lanes[0].Contract.Player != "Andrew Robertson" || tl.Lanes[1].Contract.Player != "Ibrahima Konaté" {
		t.Errorf("lanes not by expiry, then name: %s, %s", tl.Lanes[0].Contract.Player, tl.Lanes[1].Contract.Player)
	}
}

// TestTimelineColour: colour adds escapes and nothing else.
func TestTimelineColour(t *testing.T) {
	tl := testTimeline(t)
	var plain, painted bytes.Buffer
	if err := tl.WriteTerminal(&plain, 80, false); err != nil {
		t.Fatal(err)
	}
	if err := tl.WriteTerminal(&painted, 80, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Errorf("colour without asking:\n%s", plain.String())
	}
	if !strings.Contains(painted.String(), "\x1b[32m█") || !strings.Contains(painted.String(), ";"+termPeriodBG+"m") {
		t.Errorf("no green window or period background in:\n%q", painted.String())
	}
	// the same once the escapes are out, but for the shaded blanks that
	// colour keeps at the ends of lines
	strip := regexp.MustCompile("\x1b\\[[0-9;]*m")
	got := strings.Split(strip.ReplaceAllString(painted.String(), ""), "\n")
	for i := range got {
		got[i] = strings.TrimRight(got[i], " ")
	}
	if strings.Join(got, "\n") != plain.String() {
		t.Errorf("coloured view differs from the plain one:\n%s\nvs\n%s", got, plain.String())
	}
}

// TestChartSVGAndPNGAgree: both forms come from one list of shapes; the
// PNG is twice the SVG's size.
func TestChartSVGAndPNGAgree(t *testing.T) {
	ch := testTimeline(t).Chart()
	var svg bytes.Buffer
	if err := ch.WriteSVG(&svg); err != nil {
		t.Fatal(err)
	}
	w, h := ch.PNGSize()
	if !strings.Contains(svg.String(), `width="1200"`) || w != 2400 || float64(h) != 2*ch.h {
		t.Errorf("SVG %vx%v, PNG %dx%d", ch.w, ch.h, w, h)
	}
	if n := strings.Count(svg.String(), `<g class="lane"`); n != 2 {
		t.Errorf("%d lanes in the SVG, want 2", n)
	}
}

// svgText is a <text> element of a chart's SVG.
type svgText struct {
	X      float64 `xml:"x,attr"`
	Y      float64 `xml:"y,attr"`
	Size   float64 `xml:"font-size,attr"`
	Weight string  `xml:"font-weight,attr"`
	Anchor string  `xml:"text-anchor,attr"`
	Text   string  `xml:",chardata"`
}

// yearLabels parses the chart's SVG and returns its year labels (bold,
// 13 units, on the year row), by year.
func yearLabels(t *testing.T, ch *Chart) map[int]svgText {
	t.Helper()
	var b bytes.Buffer
	if err := ch.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Texts  []svgText `xml:"text"`
		Groups []struct {
			Texts []svgText `xml:"text"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("the SVG does not parse: %v", err)
	}
	out := map[int]svgText{}
	for _, tx := range doc.Texts {
		if y, err := strconv.Atoi(tx.Text); err == nil && tx.Y == 104 && tx.Size == 13 && tx.Weight == "bold" {
			if _, dup := out[y]; dup {
				t.Errorf("year %d labelled twice", y)
			}
			out[y] = tx
		}
	}
	return out
}

// Every year with a month in view has its label, at the right place: a
// year whose 1 January is in view at that January's line (2 units right of
// it), the first year, begun before the view, left of the next January's
// line. The case: as of 3 Dec 2026, a four-year view labelled only
// 2026, 2028 and 2029, as the edge's 2026 took 2027's place; each as-of
// month of 2026 and 2027 is tried.
func TestChartLabelsEveryYear(t *testing.T) {
	for m := 0; m < 24; m++ {
		asOf := rules.D(2026, time.January, 3).AddMonths(m)
		q := testQuery(t, asOf, "")
		var lanes []Entry
		for i, exp := range []rules.Date{rules.D(2027, 1, 31), rules.D(2027, 6, 30), rules.D(2029, 12, 31)} {
			c := konate()
			c.PlayerID, c.Expires = strconv.Itoa(i), exp
			lanes = append(lanes, q.Answer(c))
		}
		tl := NewTimeline("Mixed", lanes, q)
		l := newChartLayout(tl)
		labels := yearLabels(t, tl.Chart())
		for y := tl.From.Year(); y <= tl.To.Year(); y++ {
			lab, ok := labels[y]
			jan := rules.D(y, time.January, 1)
			switch {
			case !ok:
				t.Errorf("as of %s (view %s to %s): no label for %d; labels %v", asOf, tl.From, tl.To, y, labels)
			case tl.inView(jan):
				if want := l.xOf(jan) + 2; math.Abs(lab.X-want) > 0.01 || lab.Anchor != "start" {
					t.Errorf("as of %s: %d at x=%v (%s), want %v at its January line", asOf, y, lab.X, lab.Anchor, want)
				}
			default: // the first year, begun before the view
				next := l.xOf(rules.D(y+1, time.January, 1))
				end := lab.X + l.ch.measure(lab.Text, 13, true)
				if lab.Anchor == "end" {
					end = lab.X
				}
				if y != tl.From.Year() || end > next || end < l.px0 {
					t.Errorf("as of %s: %d ends at x=%v, want between the view's edge %v and 1 Jan %d at %v", asOf, y, end, l.px0, y+1, next)
				}
			}
		}
		if len(labels) != tl.To.Year()-tl.From.Year()+1 {
			t.Errorf("as of %s: labels %v for %d to %d", asOf, labels, tl.From.Year(), tl.To.Year())
		}
	}
}

// A season's timeline starts at the season when the season began before
// the as-of date (asked during it or after it), and at the as-of month
// when the season is still ahead. Konaté expires 30 Jun 2026 (season
// 2025/26, 1 Jul 2025 to 30 Jun 2026): asked on 2 Dec 2026, the view is
// 1 Jul 2025 to 31 Aug 2026 (the end of the month after he is free), and
// the as-of date, after it, is not drawn in it; asked on 7 Oct 2025, the
// view starts on 1 Jul 2025 too (the season began before); asked about
// 2026/27 on 7 Oct 2025, it starts on 1 Oct 2025.
func TestTimelineStartsAtTheSeason(t *testing.T) {
	for _, tc := range []struct {
		asOf     rules.Date
		season   int
		from, to rules.Date
	}{
		{rules.D(2026, 12, 2), 2025, rules.D(2025, 7, 1), rules.D(2026, 8, 31)},
		{rules.D(2025, 10, 7), 2025, rules.D(2025, 7, 1), rules.D(2026, 8, 31)},
		{rules.D(2025, 10, 7), 2026, rules.D(2025, 10, 1), rules.D(2027, 8, 31)},
	} {
		q := testQuery(t, tc.asOf, "")
		c := konate()
		if tc.season == 2026 {
			c.Expires = rules.D(2027, 6, 30)
		}
		tl := NewTimelineFor("Liverpool FC", []Entry{q.Answer(c)}, q, Season(tc.season, false))
		if tl.From != tc.from || tl.To != tc.to {
			t.Errorf("as of %s, season %d: view %s to %s, want %s to %s", tc.asOf, tc.season, tl.From, tl.To, tc.from, tc.to)
		}
		var b bytes.Buffer
		if err := tl.WriteTerminal(&b, 80, false); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if tl.inView(tc.asOf) == strings.Contains(out, "after the view") {
			t.Errorf("as of %s, season %d: the as-of mark:\n%s", tc.asOf, tc.season, out)
		}
		if !strings.Contains(out, "●") {
			t.Errorf("as of %s, season %d: no free day drawn:\n%s", tc.asOf, tc.season, out)
		}
	}
}

// The as-of date is marked in the lane where it falls, on a window's bar
// too: Konaté, asked about 2025/26 on 1 Mar 2026, is in his window abroad
// (from 1 Jan 2026) that day, and the view begins on 1 Jul 2025, so the
// mark is inside the bar, not hidden by it.
func TestTimelineMarksTheAsOfOnABar(t *testing.T) {
	q := testQuery(t, rules.D(2026, 3, 1), "")
	tl := NewTimelineFor("Liverpool FC", []Entry{q.Answer(konate())}, q, Season(2025, false))
	if tl.From != rules.D(2025, 7, 1) {
		t.Fatalf("view from %s, want the season's first day 2025-07-01", tl.From)
	}
	var b bytes.Buffer
	if err := tl.WriteTerminal(&b, 80, false); err != nil {
		t.Fatal(err)
	}
	var lane string
	for _, l := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(l, "Ibrahima Konaté") {
			lane = l
		}
	}
	if !strings.Contains(lane, "▒│▒") {
		t.Errorf("the as-of mark is not on the window's bar:\n%s", b.String())
	}
}

// manyLanes is a timeline of n players of one club, all expiring 30 Jun
// 2026, asked on 7 Oct 2025; each named name.
func manyLanes(t *testing.T, n int, name string) *Timeline {
	q := testQuery(t, rules.D(2025, 10, 7), "")
	lanes := make([]Entry, n)
	for i := range lanes {
		c := konate()
		c.PlayerID, c.Player = strconv.Itoa(i), name
		lanes[i] = q.Answer(c)
	}
	return NewTimeline("Big Club", lanes, q)
}

// TestChartCapsLanes: a 50,000-player club asked for a PNG of 28.8 GB
// (issue 12 #7); the chart draws the first ChartMaxLanes lanes and says
// so, and its canvas stays under the PNG limit.
func TestChartCapsLanes(t *testing.T) {
	tl := manyLanes(t, 50000, "Player")
	if tl.ChartLanes() != ChartMaxLanes {
		t.Fatalf("ChartLanes %d", tl.ChartLanes())
	}
	ch := tl.Chart()
	w, h := ch.PNGSize()
	if w*h > maxPNGPixels {
		t.Errorf("PNG %d×%d", w, h)
	}
	t.Logf("PNG of %d lanes: %d×%d pixels", ChartMaxLanes, w, h)
	var b bytes.Buffer
	if err := ch.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `class="lane"`); n != ChartMaxLanes {
		t.Errorf("%d lanes drawn, want %d", n, ChartMaxLanes)
	}
	if !strings.Contains(b.String(), "The first 100 of 50000 players, soonest expiry first") {
		t.Errorf("the chart does not say what it left out")
	}
}

// TestChartLongName: a 65,000-character name took more than 120 s (fit
// dropped one rune at a time and measured again, issue 12 #9); fitting
// now costs what the column's width allows, so the SVG and PNG of lanes,
// title, footnote and sources made of that name finish at once. The
// timeout is only there to fail rather than hang.
func TestChartLongName(t *testing.T) {
	name := strings.Repeat("Ab", 32500)
	tl := manyLanes(t, 3, name)
	tl.Title = name
	tl.Sources = name
	done := make(chan error, 1)
	go func() {
		ch := tl.Chart()
		if err := ch.WriteSVG(io.Discard); err != nil {
			done <- err
			return
		}
		done <- ch.WritePNG(io.Discard)
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("the chart of a 65,000-character name did not finish in 2 minutes")
	}
	if got := tl.Chart().fit(name, 13, false, 210); !strings.HasSuffix(got, "…") || len([]rune(got)) > 60 {
		t.Errorf("fit gives %d runes", len([]rune(got)))
	}
}

package report

import (
	"bytes"
	"io"
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

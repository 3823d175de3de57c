package report

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// chartLayout is a chart being laid out: a name column from x0, the days
// from px0 to px1, the free-agency column to x9, lanes down to bottom.
type chartLayout struct {
	ch           *Chart
	t            *Timeline
	x0, x9       float64
	nameW        float64
	px0, px1     float64
	span         float64 // days in view
	bottom       float64
	anyEstimated bool // some registration period drawn is estimated
	total        int  // lanes of the timeline, of which the chart draws len(t.Lanes)
}

// ChartMaxLanes is the most lanes a chart draws: the first, soonest expiry
// first, and the chart says how many it leaves out. It bounds the canvas:
// the PNG of 100 lanes is 2400 by about 6500 pixels (62 MB to draw); a
// 50,000-player club would ask for 28.8 GB.
const ChartMaxLanes = 100

// chartFooterLines bounds each paragraph under the legend, so no text in
// the data makes the canvas grow without end.
const chartFooterLines = 4

// ChartLanes is how many of t's lanes its chart draws.
func (t *Timeline) ChartLanes() int { return min(len(t.Lanes), ChartMaxLanes) }

// Chart lays t out as a chart for an article: at most ChartMaxLanes lanes.
func (t *Timeline) Chart() *Chart {
	shown := *t
	shown.Lanes = t.Lanes[:t.ChartLanes()]
	l := newChartLayout(&shown)
	l.total = len(t.Lanes)
	l.heading()
	l.zebra()
	l.periods()
	l.grid()
	marks := l.lanes()
	l.asOfLine()
	y := l.legend(marks)
	l.footer(y, &marks.notes)
	return l.ch
}

// newChartLayout sizes the name column to the names.
func newChartLayout(t *Timeline) *chartLayout {
	l := &chartLayout{ch: &Chart{w: chartW}, t: t, x0: chartMargin, x9: chartW - chartMargin}
	l.nameW = 60.0
	for _, en := range t.Lanes {
		l.nameW = max(l.nameW, l.ch.measure(en.Contract.Player, 13, false))
	}
	l.nameW = min(l.nameW, 210)
	l.px0 = l.x0 + l.nameW + 14
	l.px1 = l.x9 - chartFreeCol
	l.span = float64(t.To.Sub(t.From) + 1)
	l.bottom = chartTop + float64(len(t.Lanes))*chartLaneH
	return l
}

// xOf is the left edge of day d, held inside the days in view.
func (l *chartLayout) xOf(d rules.Date) float64 {
	v := l.px0 + float64(d.Sub(l.t.From))/l.span*(l.px1-l.px0)
	return math.Min(math.Max(v, l.px0), l.px1)
}

// heading is the title and the subtitle.
func (l *chartLayout) heading() {
	ch, t, x0, x9 := l.ch, l.t, l.x0, l.x9
	n := len(t.Lanes)
	suffix := ": pre-contract windows as of " + t.AsOf.Human()
	title := ch.fit(t.Title, 24, true, max(x9-x0-ch.measure(suffix, 24, true), 200))
	ch.text(x0, 44, ch.fit(title+suffix, 24, true, x9-x0), 24, true, colInk, 0)
	sub := fmt.Sprintf("%d %s, soonest expiry first.", n, plural(n, "player", "players"))
	if l.total > n {
		sub = fmt.Sprintf("The first %d of %d players, soonest expiry first (a chart shows at most %d).", n, l.total, ChartMaxLanes)
	}
	if t.Assoc != "" && len(t.Periods) > 0 {
		sub += " Shaded: registration periods in " + t.Assoc + "."
	}
	if t.Capped {
		sub += fmt.Sprintf(" The view stops after %d years, on %s.", TimelineCapMonths/12, t.To.Human())
	}
	ch.text(x0, 70, ch.fit(sub, 14, false, x9-x0), 14, false, colMuted, 0)
}

// zebra shades every other lane.
func (l *chartLayout) zebra() {
	for i := range len(l.t.Lanes) {
		if i%2 == 1 {
			l.ch.rect(l.x0-6, chartTop+float64(i)*chartLaneH, l.x9-l.x0+12, chartLaneH, colZebra, 0, "")
		}
	}
}

// periods draws the registration periods behind the lanes, named above
// them where they fit.
func (l *chartLayout) periods() {
	ch, t := l.ch, l.t
	for _, p := range t.Periods {
		a, b := l.xOf(rules.MaxDate(p.Opens, t.From)), l.xOf(rules.MinDate(p.Closes, t.To).AddDays(1))
		if b-a < 0.5 {
			continue
		}
		alpha := periodAlpha
		what := "registration period"
		if p.Estimated {
			alpha, what = estimatedAlp, "registration period, estimated"
			l.anyEstimated = true
		}
		title := fmt.Sprintf("%s %s %s: %s to %s (%s)", t.Assoc, p.Name, p.Season, p.Opens, p.Closes, what)
		ch.rect(a, chartTop-12, b-a, l.bottom-chartTop+12, colPeriod, alpha, title)
		label := p.Name
		if p.Estimated {
			label += " (est.)"
		}
		if ch.measure(label, 10, false)+4 > b-a {
			label = p.Name
		}
		if ch.measure(label, 10, false)+4 <= b-a {
			ch.text((a+b)/2, chartTop-2, label, 10, false, "#3d6ea8", 1)
		}
	}
}

// grid draws the month lines with their labels, the years, and the
// edges of the days in view.
func (l *chartLayout) grid() {
	ch, px0, px1 := l.ch, l.px0, l.px1
	starts := monthStarts(l.t.From, l.t.To)
	perMonth := (px1 - px0) * 30.44 / l.span
	for i, m := range starts {
		x := l.xOf(m)
		colr := colGrid
		if m.Month() == time.January {
			colr = colGridYear
		}
		ch.line(x, 128, x, l.bottom, colr, 1, false)
		l.monthLabel(starts, i, perMonth)
	}
	l.yearLabels(starts)
	ch.line(px0, 128, px0, l.bottom, colGridYear, 1, false)
	ch.line(px1, 128, px1, l.bottom, colGridYear, 1, false)
	ch.text(px1+12, 122, "Free agent", 11, true, colMuted, 0)
}

// yearLabels names every year with a day in view: each January's year at
// its line, and the first year, when the view begins after its 1 January,
// at the left edge, or ending just before the next January's line when the
// edge is too close to it (the name column leaves room above the lanes).
func (l *chartLayout) yearLabels(starts []rules.Date) {
	ch, t := l.ch, l.t
	const size, gap = 13.0, 6.0
	nextJan := -1.0
	for _, m := range starts {
		if m.Month() == time.January {
			x := l.xOf(m)
			if nextJan < 0 {
				nextJan = x
			}
			ch.text(x+2, 104, strconv.Itoa(m.Year()), size, true, colInk, 0)
		}
	}
	if t.From.Month() == time.January && t.From.Day() == 1 {
		return // the view begins on 1 January: labelled above
	}
	ys := strconv.Itoa(t.From.Year())
	if nextJan < 0 || l.px0+2+ch.measure(ys, size, true)+gap <= nextJan {
		ch.text(l.px0+2, 104, ys, size, true, colInk, 0)
		return
	}
	ch.text(nextJan-gap, 104, ys, size, true, colInk, 2)
}

// monthLabel names month starts[i], in full, by its letter or not at all,
// as the space per month allows.
func (l *chartLayout) monthLabel(starts []rules.Date, i int, perMonth float64) {
	ch, m := l.ch, starts[i]
	x := l.xOf(m)
	label := ""
	switch {
	case perMonth >= 30:
		label = m.Month().String()[:3]
	case perMonth >= 12, (m.Month()-1)%3 == 0:
		label = monthLetters[m.Month()]
	}
	if label == "" {
		return
	}
	next := l.px1
	if i+1 < len(starts) {
		next = l.xOf(starts[i+1])
	}
	if (next-x) >= ch.measure(label, 11, false)+2 || i+1 == len(starts) && l.px1-x >= ch.measure(label, 11, false) {
		ch.text((x+next)/2, 122, label, 11, false, colMuted, 1)
	}
}

// lanes draws one lane per entry.
func (l *chartLayout) lanes() laneMarks {
	marks := laneMarks{used: map[segKind]bool{}}
	for i := range l.t.Lanes {
		l.lane(i, &l.t.Lanes[i], &marks)
	}
	return marks
}

// lane draws entry en in lane i: its name, stretches, the free day or what
// stands for it, and the free-agency column.
func (l *chartLayout) lane(i int, en *Entry, marks *laneMarks) {
	ch, t, w := l.ch, l.t, en.Windows
	y := chartTop + float64(i)*chartLaneH
	cy := y + chartLaneH/2
	ch.add(prim{kind: pGroup, attrs: [][2]string{
		{"class", "lane"}, {"data-player", en.Contract.Player}, {"data-expires", en.Contract.Expires.String()},
		{"data-foreign", w.Foreign.Date.String()}, {"data-domestic", w.Domestic.Date.String()},
		{"data-free", w.FreeAgent.Date.String()},
	}})
	ch.text(l.x0, cy+4.5, ch.fit(en.Contract.Player, 13, false, l.nameW), 13, false, colInk, 0)
	for _, s := range segments(w, t.Begin, t.From, t.To) {
		marks.used[s.kind] = true
		l.stretch(en, s, cy)
	}
	free := w.FreeAgent.Date
	mark := marks.notes.add(en)
	if mark != "" {
		mark = " " + mark
	}
	right := shortDate(free) + mark
	switch {
	case w.Status == rules.UnknownExpiry:
		right = "unknown"
		ch.text(l.xOf(t.Begin)+8, cy+4, "expiry not in the data", 11, false, colMuted, 0)
	case free.After(t.To):
		marks.runsOn = true
		ch.add(prim{kind: pPoly, pts: []float64{l.px1 - 9, cy - 7, l.px1, cy, l.px1 - 9, cy + 7}, fill: colInk})
	case t.inView(free):
		ch.add(prim{kind: pCircle, x: l.xOf(free), y: cy, w: 6, fill: colInk, stroke: "#ffffff", strokeW: 2,
			title: fmt.Sprintf("%s: free agent from %s", en.Contract.Player, free)})
	default:
		// past the expiry: the data may not show a renewal or a move
		right = "ended " + shortDate(en.Contract.Expires)
		ch.text(l.xOf(t.Begin)+8, cy+4, "contract ended: free only if the data is current", 11, false, colMuted, 0)
	}
	ch.text(l.px1+12, cy+4.5, right, 13, false, colInk, 0)
	ch.add(prim{kind: pEnd})
}

// stretch draws one stretch of a lane centred on cy, titled with what it
// means.
func (l *chartLayout) stretch(en *Entry, s segment, cy float64) {
	ch, w, player := l.ch, en.Windows, en.Contract.Player
	a, b := l.xOf(s.start), l.xOf(s.end.AddDays(1))
	switch s.kind {
	case segContract:
		ch.rect(a, cy-3, b-a, 6, colContract, 0, fmt.Sprintf("%s: under contract until %s", player, en.Contract.Expires))
	case segForeign:
		ch.rect(a, cy-8, b-a, 16, colForeign, 0, fmt.Sprintf("%s: pre-contract with a club abroad from %s (FIFA RSTP art. 18.3)", player, w.Foreign.Date))
	case segDomestic:
		ch.rect(a, cy-8, b-a, 16, colDomestic, 0, fmt.Sprintf("%s: pre-contract at home from %s", player, w.Domestic.Date))
	case segBoth:
		ch.rect(a, cy-8, b-a, 16, colBoth, 0, fmt.Sprintf("%s: pre-contract abroad from %s, at home from %s", player, w.Foreign.Date, w.Domestic.Date))
	}
}

// asOfLine marks the as-of date across the lanes.
func (l *chartLayout) asOfLine() {
	if !l.t.inView(l.t.AsOf) {
		return // a past season: the legend says when it was asked
	}
	ax := l.xOf(l.t.AsOf)
	l.ch.line(ax, 128, ax, l.bottom+4, colAsOf, 1.5, true)
	l.ch.text(ax+3, l.bottom+17, "as of "+shortDate(l.t.AsOf), 11, true, colAsOf, 0)
}

// legendItem is one entry of the chart's legend.
type legendItem struct {
	kind  string
	color string
	label string
}

// legendItems are the marks the chart used, in order.
func (l *chartLayout) legendItems(marks laneMarks) []legendItem {
	t := l.t
	items := []legendItem{{"bar", colContract, "Under contract"}}
	if marks.used[segForeign] {
		items = append(items, legendItem{"box", colForeign, "Pre-contract abroad only (FIFA RSTP art. 18.3)"})
	}
	if marks.used[segBoth] {
		items = append(items, legendItem{"box", colBoth, "Pre-contract abroad and at home" + conditionsBelow(&marks.notes)})
	}
	if marks.used[segDomestic] {
		items = append(items, legendItem{"box", colDomestic, "Pre-contract at home only"})
	}
	items = append(items, legendItem{"dot", colInk, "Free agent"})
	if t.Assoc != "" && len(t.Periods) > 0 {
		items = append(items, legendItem{"band", colPeriod, "Registration period (" + t.Assoc + ")"})
		if l.anyEstimated {
			items = append(items, legendItem{"est", colPeriod, "Registration period, estimated (not yet published)"})
		}
	}
	if marks.runsOn {
		items = append(items, legendItem{"arrow", colInk, "Runs past the view"})
	}
	if !t.inView(t.AsOf) {
		return append(items, legendItem{"", colAsOf, "As of " + shortDate(t.AsOf) + ", after the view"})
	}
	return append(items, legendItem{"asof", colAsOf, "As of " + shortDate(t.AsOf)})
}

// legend draws the legend below the lanes, in rows that fit, and returns
// the baseline of its last row.
func (l *chartLayout) legend(marks laneMarks) float64 {
	ch := l.ch
	ly := l.bottom + 46
	lx := l.x0
	for _, it := range l.legendItems(marks) {
		tw := ch.measure(it.label, 12, false)
		if lx > l.x0 && lx+24+tw > l.x9 {
			lx, ly = l.x0, ly+22
		}
		switch it.kind {
		case "bar":
			ch.rect(lx, ly-7, 18, 6, it.color, 0, "")
		case "box":
			ch.rect(lx, ly-12, 18, 14, it.color, 0, "")
		case "dot":
			ch.add(prim{kind: pCircle, x: lx + 9, y: ly - 5, w: 6, fill: it.color, stroke: "#ffffff", strokeW: 2})
		case "band":
			ch.rect(lx, ly-14, 18, 18, it.color, periodAlpha, "")
		case "est":
			ch.rect(lx, ly-14, 18, 18, it.color, estimatedAlp, "")
		case "arrow":
			ch.add(prim{kind: pPoly, pts: []float64{lx + 5, ly - 12, lx + 14, ly - 5, lx + 5, ly + 2}, fill: it.color})
		case "asof":
			ch.line(lx+9, ly-14, lx+9, ly+4, it.color, 1.5, true)
		}
		ch.text(lx+24, ly, it.label, 12, false, colInk, 0)
		lx += 24 + tw + 22
	}
	return ly
}

// lines wraps s to width in at most chartFooterLines lines, each fitted
// to the width, the last ending in an ellipsis when text is left out.
func (ch *Chart) lines(s string, size, width float64) []string {
	ls := ch.wrap(s, size, width)
	if len(ls) > chartFooterLines {
		ls = ls[:chartFooterLines]
		ls[len(ls)-1] += " …"
	}
	for i := range ls {
		ls[i] = ch.fit(ls[i], size, false, width)
	}
	return ls
}

// footer writes, below the legend at ly, the conditions at home and the
// sources, and sets the chart's height.
func (l *chartLayout) footer(ly float64, notes *laneNotes) {
	ch, x0, x9 := l.ch, l.x0, l.x9
	y := ly + 14
	for _, note := range notes.lines() {
		for _, line := range ch.lines(note, 12, x9-x0) {
			y += 18
			ch.text(x0, y, line, 12, false, colInk, 0)
		}
	}
	y += 10
	src := "Source: bosman; contract data: " + l.t.Sources + "; rules: FIFA RSTP art. 18.3 and association rule sets."
	if l.t.Data != "" {
		src += " " + l.t.Data + "."
	}
	for _, line := range ch.lines(src, 11, x9-x0) {
		y += 16
		ch.text(x0, y, line, 11, false, colMuted, 0)
	}
	ch.h = math.Ceil(y + 20)
}

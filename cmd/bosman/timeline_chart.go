package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fogleman/gg"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"

	"github.com/bosmanhq/bosman/rules"
)

// The chart's geometry, in SVG user units (pixels at 1x).
const (
	chartW       = 1200.0
	chartMargin  = 32.0
	chartLaneH   = 30.0
	chartTop     = 148.0 // top of the first lane
	chartFreeCol = 118.0 // the right column with the free-agency day
	chartPNGZoom = 2     // the PNG is drawn at twice the SVG's size, for print
)

// The chart's colours.
const (
	colInk       = "#222222"
	colMuted     = "#666666"
	colGrid      = "#e2e2e2"
	colGridYear  = "#bdbdbd"
	colZebra     = "#f5f5f5"
	colContract  = "#9aa0a6"
	colForeign   = "#f0a030"
	colBoth      = "#1f9d55"
	colDomestic  = "#0f7c8d"
	colPeriod    = "#6f9fd8"
	colAsOf      = "#d62728"
	periodAlpha  = 0.28
	estimatedAlp = 0.13
)

type primKind int

const (
	pRect primKind = iota
	pLine
	pCircle
	pText
	pPoly
	pGroup // opens a group with attrs
	pEnd   // closes it
)

// prim is one thing drawn: the chart is a list of them, written as SVG or
// rasterised to PNG, so the two always agree.
type prim struct {
	kind       primKind
	x, y, w, h float64 // rect: corner and size; line: (x,y) to (w,h); circle: centre and radius w
	pts        []float64
	fill       string
	alpha      float64 // fill opacity; 0 means 1
	stroke     string
	strokeW    float64
	dash       bool
	text       string
	size       float64
	bold       bool
	anchor     int // 0 start, 1 middle, 2 end
	title      string
	attrs      [][2]string
}

type chart struct {
	w, h  float64
	prims []prim
	faces map[[2]int]font.Face // by bold and size, at 1x
}

var chartFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	reg, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return [2]*opentype.Font{}, err
	}
	bold, err := opentype.Parse(gobold.TTF)
	return [2]*opentype.Font{reg, bold}, err
})

// face returns the Go font at size (scaled by zoom), or nil if it cannot.
func (ch *chart) face(bold bool, size float64, zoom int) font.Face {
	b := 0
	if bold {
		b = 1
	}
	key := [2]int{b, int(size*10) * zoom}
	if f, ok := ch.faces[key]; ok {
		return f
	}
	fonts, err := chartFonts()
	if err != nil {
		return nil
	}
	f, err := opentype.NewFace(fonts[b], &opentype.FaceOptions{Size: size * float64(zoom), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	if ch.faces == nil {
		ch.faces = map[[2]int]font.Face{}
	}
	ch.faces[key] = f
	return f
}

// measure is the width of s in the Go font, at 1x.
func (ch *chart) measure(s string, size float64, bold bool) float64 {
	f := ch.face(bold, size, 1)
	if f == nil {
		return float64(len([]rune(s))) * size * 0.55
	}
	return float64(font.MeasureString(f, s)) / 64
}

// fit shortens s with an ellipsis until it is at most width wide.
func (ch *chart) fit(s string, size float64, bold bool, width float64) string {
	if ch.measure(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := strings.TrimRight(string(r), " ,") + "…"
		if ch.measure(t, size, bold) <= width {
			return t
		}
	}
	return "…"
}

// wrap splits s into lines at most width wide.
func (ch *chart) wrap(s string, size float64, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if line != "" && ch.measure(try, size, false) > width {
			lines = append(lines, line)
			try = word
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func (ch *chart) add(p prim) { ch.prims = append(ch.prims, p) }

func (ch *chart) rect(x, y, w, h float64, fill string, alpha float64, title string) {
	ch.add(prim{kind: pRect, x: x, y: y, w: w, h: h, fill: fill, alpha: alpha, title: title})
}

func (ch *chart) line(x1, y1, x2, y2 float64, stroke string, width float64, dash bool) {
	ch.add(prim{kind: pLine, x: x1, y: y1, w: x2, h: y2, stroke: stroke, strokeW: width, dash: dash})
}

func (ch *chart) text(x, y float64, s string, size float64, bold bool, fill string, anchor int) {
	ch.add(prim{kind: pText, x: x, y: y, text: s, size: size, bold: bold, fill: fill, anchor: anchor})
}

// layoutChart lays out t as a chart for an article.
func layoutChart(t *timeline) *chart {
	ch := &chart{w: chartW}
	n := len(t.lanes)
	x0 := chartMargin
	x9 := chartW - chartMargin

	// names decide the width of the left column
	nameW := 60.0
	for _, en := range t.lanes {
		nameW = max(nameW, ch.measure(en.c.Player, 13, false))
	}
	nameW = min(nameW, 210)
	px0 := x0 + nameW + 14
	px1 := x9 - chartFreeCol
	span := float64(t.to.Sub(t.from) + 1)
	xOf := func(d rules.Date) float64 { // the left edge of day d
		v := px0 + float64(d.Sub(t.from))/span*(px1-px0)
		return math.Min(math.Max(v, px0), px1)
	}
	inView := func(d rules.Date) bool { return !d.IsZero() && !d.Before(t.from) && !d.After(t.to) }
	bottom := chartTop + float64(n)*chartLaneH

	// title and subtitle
	suffix := ": pre-contract windows as of " + t.asOf.Human()
	title := ch.fit(t.title, 24, true, max(x9-x0-ch.measure(suffix, 24, true), 200))
	ch.text(x0, 44, ch.fit(title+suffix, 24, true, x9-x0), 24, true, colInk, 0)
	sub := fmt.Sprintf("%d %s, soonest expiry first.", n, plural(n, "player", "players"))
	if t.assoc != "" && len(t.periods) > 0 {
		sub += " Shaded: registration periods in " + t.assoc + "."
	}
	if t.capped {
		sub += fmt.Sprintf(" The view stops after %d years, on %s.", timelineCapMonths/12, t.to.Human())
	}
	ch.text(x0, 70, ch.fit(sub, 14, false, x9-x0), 14, false, colMuted, 0)

	// zebra rows
	for i := range n {
		if i%2 == 1 {
			ch.rect(x0-6, chartTop+float64(i)*chartLaneH, x9-x0+12, chartLaneH, colZebra, 0, "")
		}
	}
	// registration periods behind the lanes, named above them where they fit
	anyEstimated := false
	for _, p := range t.periods {
		a, b := xOf(rules.MaxDate(p.Opens, t.from)), xOf(rules.MinDate(p.Closes, t.to).AddDays(1))
		if b-a < 0.5 {
			continue
		}
		alpha := periodAlpha
		what := "registration period"
		if p.Estimated {
			alpha, what = estimatedAlp, "registration period, estimated"
			anyEstimated = true
		}
		title := fmt.Sprintf("%s %s %s: %s to %s (%s)", t.assoc, p.Name, p.Season, p.Opens, p.Closes, what)
		ch.rect(a, chartTop-12, b-a, bottom-chartTop+12, colPeriod, alpha, title)
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
	// month grid and axis labels
	starts := monthStarts(t.from, t.to)
	perMonth := (px1 - px0) * 30.44 / span
	lastYearEnd := -1e9
	firstJan := true
	for i, m := range starts {
		x := xOf(m)
		colr := colGrid
		if m.Month() == time.January {
			colr = colGridYear
		}
		ch.line(x, 128, x, bottom, colr, 1, false)
		label := ""
		switch {
		case perMonth >= 30:
			label = m.Month().String()[:3]
		case perMonth >= 12, (m.Month()-1)%3 == 0:
			label = monthLetters[m.Month()]
		}
		if label != "" {
			next := px1
			if i+1 < len(starts) {
				next = xOf(starts[i+1])
			}
			if (next-x) >= ch.measure(label, 11, false)+2 || i+1 == len(starts) && px1-x >= ch.measure(label, 11, false) {
				ch.text((x+next)/2, 122, label, 11, false, colMuted, 1)
			}
		}
		if m.Month() == time.January || (i == 0 && firstJan) {
			ys := strconv.Itoa(m.Year())
			if x >= lastYearEnd+8 && x+ch.measure(ys, 13, true) <= px1 {
				ch.text(x+2, 104, ys, 13, true, colInk, 0)
				lastYearEnd = x + ch.measure(ys, 13, true)
			}
			firstJan = false
		}
	}
	if len(starts) > 0 && xOf(starts[0]) > px0+1 || len(starts) == 0 {
		// the view begins inside a month: the year on the left edge
		ys := strconv.Itoa(t.from.Year())
		if lastYearEnd < 0 || px0+ch.measure(ys, 13, true)+8 <= xOf(starts[0]) {
			ch.text(px0+2, 104, ys, 13, true, colInk, 0)
		}
	}
	ch.line(px0, 128, px0, bottom, colGridYear, 1, false)
	ch.line(px1, 128, px1, bottom, colGridYear, 1, false)
	ch.text(px1+12, 122, "Free agent", 11, true, colMuted, 0)

	// lanes
	var consent []string
	used := map[segKind]bool{}
	anyRunsOn := false
	for i, en := range t.lanes {
		w := en.w
		y := chartTop + float64(i)*chartLaneH
		cy := y + chartLaneH/2
		ch.add(prim{kind: pGroup, attrs: [][2]string{
			{"class", "lane"}, {"data-player", en.c.Player}, {"data-expires", en.c.Expires.String()},
			{"data-foreign", w.Foreign.Date.String()}, {"data-domestic", w.Domestic.Date.String()},
			{"data-free", w.FreeAgent.Date.String()},
		}})
		ch.text(x0, cy+4.5, ch.fit(en.c.Player, 13, false, nameW), 13, false, colInk, 0)
		for _, s := range segments(w, t.asOf, t.from, t.to) {
			used[s.kind] = true
			a, b := xOf(s.start), xOf(s.end.AddDays(1))
			switch s.kind {
			case segContract:
				ch.rect(a, cy-3, b-a, 6, colContract, 0, fmt.Sprintf("%s: under contract until %s", en.c.Player, en.c.Expires))
			case segForeign:
				ch.rect(a, cy-8, b-a, 16, colForeign, 0, fmt.Sprintf("%s: pre-contract with a club abroad from %s (FIFA RSTP art. 18.3)", en.c.Player, w.Foreign.Date))
			case segDomestic:
				ch.rect(a, cy-8, b-a, 16, colDomestic, 0, fmt.Sprintf("%s: pre-contract at home from %s", en.c.Player, w.Domestic.Date))
			case segBoth:
				ch.rect(a, cy-8, b-a, 16, colBoth, 0, fmt.Sprintf("%s: pre-contract abroad from %s, at home from %s", en.c.Player, w.Foreign.Date, w.Domestic.Date))
			}
		}
		free := w.FreeAgent.Date
		mark := ""
		if w.Status != rules.UnknownExpiry && w.Domestic.Date.IsZero() {
			mark = " *"
			consent = append(consent, en.c.Player)
		}
		right := shortDate(free) + mark
		switch {
		case w.Status == rules.UnknownExpiry:
			right = "unknown"
			ch.text(xOf(t.asOf)+8, cy+4, "expiry not in the data", 11, false, colMuted, 0)
		case free.After(t.to):
			anyRunsOn = true
			ch.add(prim{kind: pPoly, pts: []float64{px1 - 9, cy - 7, px1, cy, px1 - 9, cy + 7}, fill: colInk})
		case inView(free):
			ch.add(prim{kind: pCircle, x: xOf(free), y: cy, w: 6, fill: colInk, stroke: "#ffffff", strokeW: 2,
				title: fmt.Sprintf("%s: free agent from %s", en.c.Player, free)})
		default:
			// past the expiry: the data may not show a renewal or a move
			right = "ended " + shortDate(en.c.Expires)
			ch.text(xOf(t.asOf)+8, cy+4, "contract ended: free only if the data is current", 11, false, colMuted, 0)
		}
		ch.text(px1+12, cy+4.5, right, 13, false, colInk, 0)
		ch.add(prim{kind: pEnd})
	}
	// the as-of line
	ax := xOf(t.asOf)
	ch.line(ax, 128, ax, bottom+4, colAsOf, 1.5, true)
	ch.text(ax+3, bottom+17, "as of "+shortDate(t.asOf), 11, true, colAsOf, 0)

	// legend
	type item struct {
		kind  string
		color string
		label string
	}
	items := []item{{"bar", colContract, "Under contract"}}
	if used[segForeign] {
		items = append(items, item{"box", colForeign, "Pre-contract abroad only (FIFA RSTP art. 18.3)"})
	}
	if used[segBoth] {
		items = append(items, item{"box", colBoth, "Pre-contract abroad and at home"})
	}
	if used[segDomestic] {
		items = append(items, item{"box", colDomestic, "Pre-contract at home only"})
	}
	items = append(items, item{"dot", colInk, "Free agent"})
	if t.assoc != "" && len(t.periods) > 0 {
		items = append(items, item{"band", colPeriod, "Registration period (" + t.assoc + ")"})
		if anyEstimated {
			items = append(items, item{"est", colPeriod, "Registration period, estimated (not yet published)"})
		}
	}
	if anyRunsOn {
		items = append(items, item{"arrow", colInk, "Runs past the view"})
	}
	items = append(items, item{"asof", colAsOf, "As of " + shortDate(t.asOf)})
	ly := bottom + 46
	lx := x0
	for _, it := range items {
		tw := ch.measure(it.label, 12, false)
		if lx > x0 && lx+24+tw > x9 {
			lx, ly = x0, ly+22
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
	y := ly + 14
	if len(consent) > 0 {
		for _, l := range ch.wrap("* At home only with his club's consent: "+strings.Join(consent, ", ")+".", 12, x9-x0) {
			y += 18
			ch.text(x0, y, l, 12, false, colInk, 0)
		}
	}
	y += 10
	src := "Source: bosman; contract data: " + t.sources + "; rules: FIFA RSTP art. 18.3 and association rule sets."
	for _, l := range ch.wrap(src, 11, x9-x0) {
		y += 16
		ch.text(x0, y, l, 11, false, colMuted, 0)
	}
	ch.h = math.Ceil(y + 20)
	return ch
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func xmlEsc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// writeSVG writes the chart as a standalone SVG document.
func (ch *chart) writeSVG(w io.Writer) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"Go, 'Helvetica Neue', Arial, sans-serif\">\n",
		num(ch.w), num(ch.h), num(ch.w), num(ch.h))
	p("<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n")
	fillAttr := func(pr prim) string {
		if pr.fill == "" {
			return " fill=\"none\""
		}
		s := " fill=\"" + pr.fill + "\""
		if pr.alpha > 0 && pr.alpha < 1 {
			s += " fill-opacity=\"" + num(pr.alpha) + "\""
		}
		return s
	}
	strokeAttr := func(pr prim) string {
		if pr.stroke == "" {
			return ""
		}
		s := fmt.Sprintf(" stroke=\"%s\" stroke-width=\"%s\"", pr.stroke, num(pr.strokeW))
		if pr.dash {
			s += " stroke-dasharray=\"4 3\""
		}
		return s
	}
	closeWith := func(pr prim) {
		if pr.title != "" {
			p("><title>%s</title></%s>\n", xmlEsc(pr.title), map[primKind]string{pRect: "rect", pCircle: "circle"}[pr.kind])
		} else {
			p("/>\n")
		}
	}
	for _, pr := range ch.prims {
		switch pr.kind {
		case pRect:
			p("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"%s%s", num(pr.x), num(pr.y), num(pr.w), num(pr.h), fillAttr(pr), strokeAttr(pr))
			closeWith(pr)
		case pCircle:
			p("<circle cx=\"%s\" cy=\"%s\" r=\"%s\"%s%s", num(pr.x), num(pr.y), num(pr.w), fillAttr(pr), strokeAttr(pr))
			closeWith(pr)
		case pLine:
			p("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"%s/>\n", num(pr.x), num(pr.y), num(pr.w), num(pr.h), strokeAttr(pr))
		case pPoly:
			var pts []string
			for i := 0; i+1 < len(pr.pts); i += 2 {
				pts = append(pts, num(pr.pts[i])+","+num(pr.pts[i+1]))
			}
			p("<polygon points=\"%s\"%s/>\n", strings.Join(pts, " "), fillAttr(pr))
		case pText:
			anchor := [...]string{"start", "middle", "end"}[pr.anchor]
			weight := ""
			if pr.bold {
				weight = " font-weight=\"bold\""
			}
			p("<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s text-anchor=\"%s\"%s>%s</text>\n", num(pr.x), num(pr.y), num(pr.size), weight, anchor, fillAttr(pr), xmlEsc(pr.text))
		case pGroup:
			p("<g")
			for _, a := range pr.attrs {
				p(" %s=\"%s\"", a[0], xmlEsc(a[1]))
			}
			p(">\n")
		case pEnd:
			p("</g>\n")
		}
	}
	p("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// parseHex reads #rrggbb into 0..1 components.
func parseHex(s string) (r, g, b float64) {
	if len(s) != 7 || s[0] != '#' {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255
}

// pngSize is the size in pixels of the chart's PNG.
func (ch *chart) pngSize() (int, int) {
	return int(ch.w) * chartPNGZoom, int(ch.h) * chartPNGZoom
}

// writePNG rasterises the chart at chartPNGZoom times its SVG size.
func (ch *chart) writePNG(w io.Writer) error {
	pw, ph := ch.pngSize()
	dc := gg.NewContext(pw, ph)
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	z := float64(chartPNGZoom)
	setFill := func(pr prim) {
		r, g, b := parseHex(pr.fill)
		a := pr.alpha
		if a <= 0 || a > 1 {
			a = 1
		}
		dc.SetRGBA(r, g, b, a)
	}
	stroke := func(pr prim) {
		r, g, b := parseHex(pr.stroke)
		dc.SetRGB(r, g, b)
		dc.SetLineWidth(pr.strokeW * z)
		if pr.dash {
			dc.SetDash(4*z, 3*z)
		} else {
			dc.SetDash()
		}
		dc.Stroke()
	}
	for _, pr := range ch.prims {
		switch pr.kind {
		case pRect:
			dc.DrawRectangle(pr.x*z, pr.y*z, pr.w*z, pr.h*z)
			setFill(pr)
			dc.Fill()
		case pCircle:
			dc.DrawCircle(pr.x*z, pr.y*z, pr.w*z)
			setFill(pr)
			if pr.stroke != "" {
				dc.FillPreserve()
				stroke(pr)
			} else {
				dc.Fill()
			}
		case pLine:
			dc.DrawLine(pr.x*z, pr.y*z, pr.w*z, pr.h*z)
			stroke(pr)
		case pPoly:
			for i := 0; i+1 < len(pr.pts); i += 2 {
				if i == 0 {
					dc.MoveTo(pr.pts[i]*z, pr.pts[i+1]*z)
				} else {
					dc.LineTo(pr.pts[i]*z, pr.pts[i+1]*z)
				}
			}
			dc.ClosePath()
			setFill(pr)
			dc.Fill()
		case pText:
			f := ch.face(pr.bold, pr.size, chartPNGZoom)
			if f == nil {
				return fmt.Errorf("the Go font could not be loaded")
			}
			dc.SetFontFace(f)
			setFill(pr)
			dc.DrawStringAnchored(pr.text, pr.x*z, pr.y*z, float64(pr.anchor)/2, 0)
		}
	}
	return dc.EncodePNG(w)
}

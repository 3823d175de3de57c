package report

import (
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
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

// Chart is a timeline drawn for an article: a list of shapes, written as
// SVG or PNG.
type Chart struct {
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
func (ch *Chart) face(bold bool, size float64, zoom int) font.Face {
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
func (ch *Chart) measure(s string, size float64, bold bool) float64 {
	f := ch.face(bold, size, 1)
	if f == nil {
		return float64(len([]rune(s))) * size * 0.55
	}
	return float64(font.MeasureString(f, s)) / 64
}

// fit shortens s with an ellipsis until it is at most width wide. It
// costs time that grows with width, not with s: no glyph of Latin text in
// the Go font is narrower than a sixth of the size (the apostrophe is
// 0.19 em), so at most width/(size/6) runes can fit; of those, the longest
// prefix that fits is found by halving. (A run of zero-width marks is cut
// sooner than it need be, never too late.)
func (ch *Chart) fit(s string, size float64, bold bool, width float64) string {
	limit := int(width/(size/6)) + 1
	r := []rune(truncateRunes(s, limit+1))
	if len(r) <= limit && ch.measure(s, size, bold) <= width {
		return s
	}
	if len(r) > limit {
		r = r[:limit]
	}
	cut := func(n int) string { return strings.TrimRight(string(r[:n]), " ,") + "…" }
	lo, hi := 0, len(r)-1 // cut(lo) fits (or lo is 0); find the largest that does
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if ch.measure(cut(mid), size, bold) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return cut(lo)
}

// truncateRunes is the first n runes of s, without reading further.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// wrap splits s into lines at most width wide.
func (ch *Chart) wrap(s string, size float64, width float64) []string {
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

// add draws p, its texts cleaned (see Clean): control characters are not
// even allowed in XML.
func (ch *Chart) add(p prim) {
	p.text, p.title = Clean(p.text), Clean(p.title)
	for i := range p.attrs {
		p.attrs[i][1] = Clean(p.attrs[i][1])
	}
	ch.prims = append(ch.prims, p)
}

func (ch *Chart) rect(x, y, w, h float64, fill string, alpha float64, title string) {
	ch.add(prim{kind: pRect, x: x, y: y, w: w, h: h, fill: fill, alpha: alpha, title: title})
}

func (ch *Chart) line(x1, y1, x2, y2 float64, stroke string, width float64, dash bool) {
	ch.add(prim{kind: pLine, x: x1, y: y1, w: x2, h: y2, stroke: stroke, strokeW: width, dash: dash})
}

func (ch *Chart) text(x, y float64, s string, size float64, bold bool, fill string, anchor int) {
	ch.add(prim{kind: pText, x: x, y: y, text: s, size: size, bold: bold, fill: fill, anchor: anchor})
}

package report

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func xmlEsc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteSVG writes the chart as a standalone SVG document.
func (ch *Chart) WriteSVG(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\" font-family=\"Go, 'Helvetica Neue', Arial, sans-serif\">\n",
		num(ch.w), num(ch.h), num(ch.w), num(ch.h))
	fmt.Fprintf(&b, "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n")
	for _, pr := range ch.prims {
		svgPrim(&b, pr)
	}
	fmt.Fprintf(&b, "</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// svgPrim writes one shape as an SVG element.
func svgPrim(b *strings.Builder, pr prim) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	switch pr.kind {
	case pRect:
		p("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"%s%s", num(pr.x), num(pr.y), num(pr.w), num(pr.h), svgFill(pr), svgStroke(pr))
		svgClose(b, pr)
	case pCircle:
		p("<circle cx=\"%s\" cy=\"%s\" r=\"%s\"%s%s", num(pr.x), num(pr.y), num(pr.w), svgFill(pr), svgStroke(pr))
		svgClose(b, pr)
	case pLine:
		p("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"%s/>\n", num(pr.x), num(pr.y), num(pr.w), num(pr.h), svgStroke(pr))
	case pPoly:
		var pts []string
		for i := 0; i+1 < len(pr.pts); i += 2 {
			pts = append(pts, num(pr.pts[i])+","+num(pr.pts[i+1]))
		}
		p("<polygon points=\"%s\"%s/>\n", strings.Join(pts, " "), svgFill(pr))
	case pText:
		anchor := [...]string{"start", "middle", "end"}[pr.anchor]
		weight := ""
		if pr.bold {
			weight = " font-weight=\"bold\""
		}
		p("<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s text-anchor=\"%s\"%s>%s</text>\n", num(pr.x), num(pr.y), num(pr.size), weight, anchor, svgFill(pr), xmlEsc(pr.text))
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

func svgFill(pr prim) string {
	if pr.fill == "" {
		return " fill=\"none\""
	}
	s := " fill=\"" + pr.fill + "\""
	if pr.alpha > 0 && pr.alpha < 1 {
		s += " fill-opacity=\"" + num(pr.alpha) + "\""
	}
	return s
}

func svgStroke(pr prim) string {
	if pr.stroke == "" {
		return ""
	}
	s := fmt.Sprintf(" stroke=\"%s\" stroke-width=\"%s\"", pr.stroke, num(pr.strokeW))
	if pr.dash {
		s += " stroke-dasharray=\"4 3\""
	}
	return s
}

// svgClose ends an element, with its title as a tooltip if it has one.
func svgClose(b *strings.Builder, pr prim) {
	if pr.title != "" {
		fmt.Fprintf(b, "><title>%s</title></%s>\n", xmlEsc(pr.title), map[primKind]string{pRect: "rect", pCircle: "circle"}[pr.kind])
	} else {
		fmt.Fprintf(b, "/>\n")
	}
}

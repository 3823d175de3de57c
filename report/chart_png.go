package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/fogleman/gg"
)

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

// PNGSize is the size in pixels of the chart's PNG.
func (ch *Chart) PNGSize() (int, int) {
	return int(ch.w) * chartPNGZoom, int(ch.h) * chartPNGZoom
}

// maxPNGPixels bounds the PNG's canvas (4 bytes a pixel to draw).
const maxPNGPixels = 24_000_000

// WritePNG rasterises the chart at chartPNGZoom times its SVG size.
func (ch *Chart) WritePNG(w io.Writer) error {
	pw, ph := ch.PNGSize()
	if pw*ph > maxPNGPixels { // the layout's caps keep it far below
		return fmt.Errorf("the chart would be %d by %d pixels, more than bosman draws (%d million)", pw, ph, maxPNGPixels/1_000_000)
	}
	dc := gg.NewContext(pw, ph)
	dc.SetRGB(1, 1, 1)
	dc.Clear()
	for _, pr := range ch.prims {
		if err := ch.pngPrim(dc, pr); err != nil {
			return err
		}
	}
	return dc.EncodePNG(w)
}

// pngPrim draws one shape at chartPNGZoom.
func (ch *Chart) pngPrim(dc *gg.Context, pr prim) error {
	z := float64(chartPNGZoom)
	switch pr.kind {
	case pRect:
		dc.DrawRectangle(pr.x*z, pr.y*z, pr.w*z, pr.h*z)
		pngFill(dc, pr)
		dc.Fill()
	case pCircle:
		dc.DrawCircle(pr.x*z, pr.y*z, pr.w*z)
		pngFill(dc, pr)
		if pr.stroke != "" {
			dc.FillPreserve()
			pngStroke(dc, pr)
		} else {
			dc.Fill()
		}
	case pLine:
		dc.DrawLine(pr.x*z, pr.y*z, pr.w*z, pr.h*z)
		pngStroke(dc, pr)
	case pPoly:
		for i := 0; i+1 < len(pr.pts); i += 2 {
			if i == 0 {
				dc.MoveTo(pr.pts[i]*z, pr.pts[i+1]*z)
			} else {
				dc.LineTo(pr.pts[i]*z, pr.pts[i+1]*z)
			}
		}
		dc.ClosePath()
		pngFill(dc, pr)
		dc.Fill()
	case pText:
		f := ch.face(pr.bold, pr.size, chartPNGZoom)
		if f == nil {
			return fmt.Errorf("the Go font could not be loaded")
		}
		dc.SetFontFace(f)
		pngFill(dc, pr)
		dc.DrawStringAnchored(pr.text, pr.x*z, pr.y*z, float64(pr.anchor)/2, 0)
	}
	return nil
}

func pngFill(dc *gg.Context, pr prim) {
	r, g, b := parseHex(pr.fill)
	a := pr.alpha
	if a <= 0 || a > 1 {
		a = 1
	}
	dc.SetRGBA(r, g, b, a)
}

func pngStroke(dc *gg.Context, pr prim) {
	z := float64(chartPNGZoom)
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

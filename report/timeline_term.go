package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// cell is one character of a lane in the terminal view.
type cell struct {
	r     rune
	style string // ANSI SGR parameters of the foreground, or ""
}

// termGlyphs are the lane characters and their colours.
var termGlyphs = map[segKind]cell{
	segContract: {'─', "2"},
	segForeign:  {'▒', "33"},
	segDomestic: {'░', "36"},
	segBoth:     {'█', "32"},
}

const (
	termPeriodBG    = "48;5;238" // a published registration period behind the lanes
	termEstimatedBG = "48;5;236" // an estimated one
	termRightW      = 12         // the free-agency column: " 1 Jul 2026*"
)

// termView is the terminal view of a timeline being drawn: a name column,
// cols columns of days, and the free-agency day on the right.
type termView struct {
	t        *Timeline
	w        io.Writer
	width    int
	color    bool
	nameW    int
	cols     int
	span     int          // days in view
	colStart []rules.Date // first day of each column, and one past the last
	bg       []string     // each column's background: a registration period
	reg      []rune       // each column's mark in the registration row
	regLabel string       // the registration row's name, or "" for none
	estimate bool         // some period is estimated
	b        strings.Builder
}

// laneMarks is what the lanes drew, for the legend and the footnote.
type laneMarks struct {
	used   map[segKind]bool
	runsOn bool
	notes  laneNotes // conditions, consent and league ways at home
}

// WriteTerminal draws t in width columns (at least 44, at most MaxWidth),
// with ANSI colour when color.
func (t *Timeline) WriteTerminal(w io.Writer, width int, color bool) error {
	v := newTermView(t, w, min(max(width, 44), MaxWidth), color)
	v.heading()
	v.axis()
	v.registrationRow()
	marks := v.lanes()
	v.legend(marks)
	if t.Data != "" {
		writeWrapped(w, "", t.Data+".", max(width, 44))
	}
	return nil
}

// newTermView sizes the columns and shades the registration periods.
func newTermView(t *Timeline, w io.Writer, width int, color bool) *termView {
	v := &termView{t: t, w: w, width: width, color: color}
	for _, en := range t.Lanes {
		v.nameW = max(v.nameW, len([]rune(en.Contract.Player)))
	}
	if t.Assoc != "" && len(t.Periods) > 0 {
		v.regLabel = "Reg. " + t.Assoc
		v.nameW = max(v.nameW, len([]rune(v.regLabel)))
	}
	v.nameW = min(v.nameW, max(8, min(24, width/4)))
	v.cols = width - v.nameW - 1 - termRightW
	v.span = t.To.Sub(t.From) + 1
	v.colStart = make([]rules.Date, v.cols+1)
	for i := range v.colStart {
		v.colStart[i] = t.From.AddDays((i*v.span + v.cols - 1) / v.cols)
	}
	v.bg = make([]string, v.cols)
	v.reg = make([]rune, v.cols)
	for _, p := range t.Periods {
		v.estimate = v.estimate || p.Estimated
		for i := range v.cols {
			if p.Opens.Before(v.colStart[i+1]) && !p.Closes.Before(v.colStart[i]) {
				if p.Estimated {
					v.bg[i], v.reg[i] = termEstimatedBG, '╌'
				} else {
					v.bg[i], v.reg[i] = termPeriodBG, '═'
				}
			}
		}
	}
	return v
}

// col is the column of day d, held inside the chart.
func (v *termView) col(d rules.Date) int {
	c := d.Sub(v.t.From) * v.cols / v.span
	return min(max(c, 0), v.cols-1)
}

// line writes a row: the name, the cells on their backgrounds, and right.
func (v *termView) line(name string, cells []cell, right string) {
	b := &v.b
	b.WriteString(padRunes(truncate(name, v.nameW), v.nameW))
	b.WriteByte(' ')
	cur := ""
	for i, c := range cells {
		style := c.style
		if v.bg[i] != "" {
			style = strings.TrimPrefix(style+";"+v.bg[i], ";")
		}
		if v.color && style != cur {
			if cur != "" {
				b.WriteString("\x1b[0m")
			}
			if style != "" {
				b.WriteString("\x1b[" + style + "m")
			}
			cur = style
		}
		r := c.r
		if r == 0 {
			r = ' '
		}
		b.WriteRune(r)
	}
	if v.color && cur != "" {
		b.WriteString("\x1b[0m")
	}
	if right != "" {
		b.WriteString(" " + right)
	}
	s := b.String()
	b.Reset()
	fmt.Fprintln(v.w, strings.TrimRight(s, " "))
}

// putText writes s into cells from at, if it fits in blank cells.
func putText(cells []cell, at int, s string, style string) bool {
	rs := []rune(s)
	if at < 0 || at+len(rs) > len(cells) {
		return false
	}
	for _, c := range cells[at : at+len(rs)] {
		if c.r != 0 {
			return false
		}
	}
	for i, r := range rs {
		cells[at+i] = cell{r, style}
	}
	return true
}

// heading is the title, and a line saying where a capped view stops.
func (v *termView) heading() {
	t, n := v.t, len(v.t.Lanes)
	suffix := fmt.Sprintf(": pre-contract windows as of %s (%d %s)", t.AsOf.Human(), n, plural(n, "player", "players"))
	fmt.Fprintln(v.w, truncate(truncate(t.Title, max(v.width-len([]rune(suffix)), 12))+suffix, v.width))
	if t.Capped {
		writeWrapped(v.w, "", fmt.Sprintf("The view stops after %d years, on %s; → marks a lane that runs on.", TimelineCapMonths/12, t.To.Human()), v.width)
	}
	fmt.Fprintln(v.w)
}

// axis writes the years, then the months, as the columns allow.
func (v *termView) axis() {
	t := v.t
	years := make([]cell, v.cols)
	months := make([]cell, v.cols)
	starts := monthStarts(t.From, t.To)
	perMonth := float64(v.cols) * 30.44 / float64(v.span)
	firstJan := -1
	for _, m := range starts {
		if m.Month() == time.January {
			if firstJan < 0 {
				firstJan = v.col(m)
			}
			putText(years, v.col(m), fmt.Sprint(m.Year()), "")
		}
	}
	if firstJan < 0 || firstJan >= 5 {
		putText(years, 0, fmt.Sprint(t.From.Year()), "")
	}
	for _, m := range starts {
		label := ""
		switch {
		case perMonth >= 4:
			label = m.Month().String()[:3]
		case perMonth >= 2:
			label = monthLetters[m.Month()]
		case perMonth >= 0.7 && (m.Month() == time.January || m.Month() == time.July):
			label = m.Month().String()[:3]
		}
		c := v.col(m)
		if label != "" && (c == 0 || months[c-1].r == 0) {
			putText(months, c, label, "")
		}
	}
	v.line("", years, "")
	v.line("", months, "Free")
}

// registrationRow marks the registration periods, when there are any.
func (v *termView) registrationRow() {
	if v.regLabel == "" {
		return
	}
	cells := make([]cell, v.cols)
	for i, r := range v.reg {
		if r != 0 {
			cells[i] = cell{r, ""}
		}
	}
	v.line(v.regLabel, cells, "")
}

// lanes writes one row per lane.
func (v *termView) lanes() laneMarks {
	marks := laneMarks{used: map[segKind]bool{}}
	for i := range v.t.Lanes {
		v.lane(&v.t.Lanes[i], &marks)
	}
	return marks
}

// lane writes en's row: its stretches, the free day or what stands for it,
// and the as-of mark.
func (v *termView) lane(en *Entry, marks *laneMarks) {
	t, cols := v.t, v.cols
	asOfCol, beginCol := v.col(t.AsOf), v.col(t.Begin)
	cells := make([]cell, cols)
	w := en.Windows
	for _, s := range segments(w, t.Begin, t.From, t.To) {
		g := termGlyphs[s.kind]
		marks.used[s.kind] = true
		for i := v.col(s.start); i <= v.col(s.end); i++ {
			if rankOf(cells[i].r) < rankOf(g.r) {
				cells[i] = g
			}
		}
	}
	free := w.FreeAgent.Date
	mark := marks.notes.add(en)
	switch {
	case w.Status == rules.UnknownExpiry:
		putText(cells, min(beginCol+2, cols-1), "expiry unknown", "2")
	case free.After(t.To):
		cells[cols-1] = cell{'→', "1"}
		marks.runsOn = true
	case t.inView(free):
		cells[v.col(free)] = cell{'●', "1"}
	default: // free before the view
		putText(cells, min(beginCol+2, cols-1), "ended "+shortDate(en.Contract.Expires)+": check", "1")
	}
	// the as-of mark crosses a window's bar too, as the chart's line does,
	// so that a view which began before the as-of date shows where it is;
	// it never hides the free day or a lane's text
	if c := cells[asOfCol]; t.inView(t.AsOf) && (c.r == 0 || rankOf(c.r) > 0) {
		r := '│'
		if c.r == '─' {
			r = '┼'
		}
		cells[asOfCol] = cell{r, "31"}
	}
	right := shortDate(free) + mark
	if w.Status == rules.UnknownExpiry {
		right = "unknown"
	}
	v.line(en.Contract.Player, cells, right)
}

// legend says what each mark means, and the conditions at home.
func (v *termView) legend(marks laneMarks) {
	fmt.Fprintln(v.w)
	legend := []string{"─ contract"}
	if marks.used[segForeign] {
		legend = append(legend, "▒ pre-contract abroad only")
	}
	if marks.used[segBoth] {
		legend = append(legend, "█ pre-contract abroad and at home"+conditionsBelow(&marks.notes))
	}
	if marks.used[segDomestic] {
		legend = append(legend, "░ pre-contract at home only")
	}
	asOf := "│ as of " + shortDate(v.t.AsOf)
	if !v.t.inView(v.t.AsOf) {
		asOf = "as of " + shortDate(v.t.AsOf) + ", after the view"
	}
	legend = append(legend, "● free agent", asOf)
	if v.regLabel != "" {
		legend = append(legend, "═ registration periods "+v.t.Assoc)
		if v.estimate {
			legend = append(legend, "╌ estimated")
		}
	}
	if marks.runsOn {
		legend = append(legend, "→ runs on")
	}
	legend = append(legend, fmt.Sprintf("1 column ≈ %d days", (v.span+v.cols/2)/v.cols))
	wrapItems(v.w, legend, v.width)
	for _, l := range marks.notes.lines() {
		writeWrapped(v.w, "", l, v.width)
	}
}

// rankOf orders lane glyphs: where two meet in a column, the higher shows.
func rankOf(r rune) int {
	switch r {
	case '─':
		return 1
	case '░':
		return 2
	case '▒':
		return 3
	case '█':
		return 4
	}
	return 0
}

// conditionsBelow marks the legend of the windows at home when some hold
// on a condition the footnotes give.
func conditionsBelow(n *laneNotes) string {
	if n.conditional() {
		return " (conditions below)"
	}
	return ""
}

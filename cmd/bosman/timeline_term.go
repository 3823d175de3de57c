package main

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
)

// renderTerminal draws t in width columns, with ANSI colour when color.
func renderTerminal(w io.Writer, t *timeline, width int, color bool) error {
	width = max(width, 44)
	nameW := 0
	for _, en := range t.lanes {
		nameW = max(nameW, len([]rune(en.c.Player)))
	}
	regLabel := ""
	if t.assoc != "" && len(t.periods) > 0 {
		regLabel = "Reg. " + t.assoc
		nameW = max(nameW, len([]rune(regLabel)))
	}
	nameW = min(nameW, max(8, min(24, width/4)))
	const rightW = 12 // " 1 Jul 2026*"
	cols := width - nameW - 1 - rightW
	span := t.to.Sub(t.from) + 1
	col := func(d rules.Date) int {
		c := d.Sub(t.from) * cols / span
		return min(max(c, 0), cols-1)
	}
	inView := func(d rules.Date) bool { return !d.IsZero() && !d.Before(t.from) && !d.After(t.to) }
	// first day of each column, and one past the last
	colStart := make([]rules.Date, cols+1)
	for i := range colStart {
		colStart[i] = t.from.AddDays((i*span + cols - 1) / cols)
	}

	// registration periods: the background of each column
	bg := make([]string, cols)
	reg := make([]rune, cols)
	anyEstimated := false
	for _, p := range t.periods {
		anyEstimated = anyEstimated || p.Estimated
		for i := range cols {
			if p.Opens.Before(colStart[i+1]) && !p.Closes.Before(colStart[i]) {
				if p.Estimated {
					bg[i], reg[i] = termEstimatedBG, '╌'
				} else {
					bg[i], reg[i] = termPeriodBG, '═'
				}
			}
		}
	}

	var b strings.Builder
	line := func(name string, cells []cell, right string) {
		b.WriteString(padRunes(truncate(name, nameW), nameW))
		b.WriteByte(' ')
		cur := ""
		for i, c := range cells {
			style := c.style
			if bg[i] != "" {
				style = strings.TrimPrefix(style+";"+bg[i], ";")
			}
			if color && style != cur {
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
		if color && cur != "" {
			b.WriteString("\x1b[0m")
		}
		if right != "" {
			b.WriteString(" " + right)
		}
		s := b.String()
		b.Reset()
		fmt.Fprintln(w, strings.TrimRight(s, " "))
	}
	text := func(cells []cell, at int, s string, style string) bool {
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

	n := len(t.lanes)
	suffix := fmt.Sprintf(": pre-contract windows as of %s (%d %s)", t.asOf.Human(), n, plural(n, "player", "players"))
	fmt.Fprintln(w, truncate(truncate(t.title, max(width-len([]rune(suffix)), 12))+suffix, width))
	if t.capped {
		writeWrapped(w, "", fmt.Sprintf("The view stops after %d years, on %s; → marks a lane that runs on.", timelineCapMonths/12, t.to.Human()), width)
	}
	fmt.Fprintln(w)

	// axis: years, then months
	years := make([]cell, cols)
	months := make([]cell, cols)
	starts := monthStarts(t.from, t.to)
	perMonth := float64(cols) * 30.44 / float64(span)
	firstJan := -1
	for _, m := range starts {
		if m.Month() == time.January {
			if firstJan < 0 {
				firstJan = col(m)
			}
			text(years, col(m), fmt.Sprint(m.Year()), "")
		}
	}
	if firstJan < 0 || firstJan >= 5 {
		text(years, 0, fmt.Sprint(t.from.Year()), "")
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
		c := col(m)
		if label != "" && (c == 0 || months[c-1].r == 0) {
			text(months, c, label, "")
		}
	}
	line("", years, "")
	line("", months, "Free")
	if regLabel != "" {
		cells := make([]cell, cols)
		for i, r := range reg {
			if r != 0 {
				cells[i] = cell{r, ""}
			}
		}
		line(regLabel, cells, "")
	}

	asOfCol := col(t.asOf)
	var consent []string
	used := map[segKind]bool{}
	anyRunsOn := false
	for _, en := range t.lanes {
		cells := make([]cell, cols)
		w := en.w
		for _, s := range segments(w, t.asOf, t.from, t.to) {
			g := termGlyphs[s.kind]
			used[s.kind] = true
			for i := col(s.start); i <= col(s.end); i++ {
				if rankOf(cells[i].r) < rankOf(g.r) {
					cells[i] = g
				}
			}
		}
		free := w.FreeAgent.Date
		mark := ""
		if w.Status != rules.UnknownExpiry && w.Domestic.Date.IsZero() {
			mark = "*"
			consent = append(consent, en.c.Player)
		}
		switch {
		case w.Status == rules.UnknownExpiry:
			text(cells, min(asOfCol+2, cols-1), "expiry unknown", "2")
		case free.After(t.to):
			cells[cols-1] = cell{'→', "1"}
			anyRunsOn = true
		case inView(free):
			cells[col(free)] = cell{'●', "1"}
		default: // free before the view
			text(cells, min(asOfCol+2, cols-1), "ended "+shortDate(en.c.Expires)+": check", "1")
		}
		if c := cells[asOfCol]; c.r == 0 || c.r == '─' {
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
		line(en.c.Player, cells, right)
	}

	fmt.Fprintln(w)
	legend := []string{"─ contract"}
	if used[segForeign] {
		legend = append(legend, "▒ pre-contract abroad only")
	}
	if used[segBoth] {
		legend = append(legend, "█ pre-contract abroad and at home")
	}
	if used[segDomestic] {
		legend = append(legend, "░ pre-contract at home only")
	}
	legend = append(legend, "● free agent", "│ as of "+shortDate(t.asOf))
	if regLabel != "" {
		legend = append(legend, "═ registration periods "+t.assoc)
		if anyEstimated {
			legend = append(legend, "╌ estimated")
		}
	}
	if anyRunsOn {
		legend = append(legend, "→ runs on")
	}
	legend = append(legend, fmt.Sprintf("1 column ≈ %d days", (span+cols/2)/cols))
	wrapItems(w, legend, width)
	if len(consent) > 0 {
		writeWrapped(w, "", "* At home only with his club's consent: "+strings.Join(consent, ", ")+".", width)
	}
	return nil
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

// wrapItems writes items separated by two spaces, wrapped to width.
func wrapItems(w io.Writer, items []string, width int) {
	line := ""
	for _, it := range items {
		if line != "" && len([]rune(line))+2+len([]rune(it)) > width {
			fmt.Fprintln(w, line)
			line = ""
		}
		if line != "" {
			line += "  "
		}
		line += it
	}
	if line != "" {
		fmt.Fprintln(w, line)
	}
}

func padRunes(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

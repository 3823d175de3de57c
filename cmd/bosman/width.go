package main

import (
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/report"
)

// The widths bosman draws text for people in: COLUMNS when set, else the
// terminal's width, else 80 (a pipe or a file). A width is held between
// minWidth and maxWidth, so that COLUMNS=2147483647 cannot make a timeline
// row take gigabytes.
const (
	defaultWidth = 80
	minWidth     = 40
	maxWidth     = report.MaxWidth
)

// width is the number of columns the human forms are fitted to.
func (s *streams) width() int {
	w := defaultWidth
	if v := strings.TrimSpace(s.getenv("COLUMNS")); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			w = n
		} else if err != nil && len(v) > 0 && strings.Trim(v, "0123456789") == "" {
			w = maxWidth // a number too large for an int
		}
	} else if s.termCols > 0 {
		w = s.termCols
	}
	return min(max(w, minWidth), maxWidth)
}

package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestListTableFits: the market list for a Spanish club, at 80 and 60
// columns, keeps the player, position, age, value and the day he may be
// signed, shortening or dropping the rest first, and says how many more
// the limit left out; at 200 it shows every column.
func TestListTableFits(t *testing.T) {
	q := testQuery(t, marketAsOf, "ESP")
	s := NewSelector(q, Filter{Horizon: DefaultHorizon(marketAsOf)}, nil, 5)
	s.AddInForce(market())
	sel := s.Done()
	for _, tc := range []struct {
		width int
		want  []string
	}{
		{200, []string{" Player ", " Pos ", " Age ", " Value ", " Club ", " Expires ", " Sign from ", " Status ", " Days ", " Reg. ESP",
			" Alan Centre ", " CB ", " 26 ", " €40m ", " Riverside FC ", " 2026-06-30 ", " 2026-01-01 ", " under contract ", " 267 ", " 2026-07-01"}},
		{80, []string{" Player ", " Pos ", " Age ", " Value ", " Club ", " Sign from ", "Alan Centre", " €40m ", " 2026-01-01 ", " Reg. ESP"}},
		{60, []string{" Player ", " Pos ", " Age ", " Value ", " Sign from ", " €3m ", " 25-07-01"}},
	} {
		var b bytes.Buffer
		if err := ListTable(&b, sel, Style{AsOf: q.AsOf, Width: tc.width}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range append(tc.want, "Expiring 7 Oct 2025 to 30 Jun 2026, as of 7 Oct 2025, for a club of ESP (7)",
			"… and 2 more (--limit N shows more; --limit 0 all).", "Data: the data, confirmed 1 Sep 2025 (5)") {
			if !strings.Contains(strings.ReplaceAll(out, "\n", " "), w) {
				t.Errorf("%d columns: no %q in\n%s", tc.width, w, out)
			}
		}
		for _, l := range strings.Split(out, "\n") {
			if widthOf(l) > tc.width {
				t.Errorf("%d columns: a line of %d: %q", tc.width, widthOf(l), l)
			}
		}
	}
}

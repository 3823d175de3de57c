package report

import (
	"io"

	"github.com/bosmanhq/bosman/contracts"
)

// ClubList writes the clubs of the data, one a line with its association
// and league, as 'bosman club --list' shows them: what to pick a club
// query from.
func ClubList(w io.Writer, clubs []contracts.ClubInfo) error {
	rows := make([][]string, 0, len(clubs))
	for _, c := range clubs {
		rows = append(rows, []string{Clean(c.Name), orDash(Clean(c.Association)), orDash(Clean(c.League))})
	}
	return renderTable(w, []string{"Club", "Assoc.", "League"}, rows, false, nil)
}

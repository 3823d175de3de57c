package contracts_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
)

// A club's own spreadsheet with German headers: Map names the columns
// (as --map does), and dotted dates are read day first.
func ExampleLoad() {
	sheet := "Spieler;Verein;Vertragsende\n" +
		"Ibrahima Konaté;Liverpool FC;30.06.2026\n" +
		"Antonio Rüdiger;Real Madrid;30.06.2026\n"
	ds, err := contracts.Load(strings.NewReader(sheet), "kader.csv", contracts.LoadOptions{
		Map: map[string]string{"player": "Spieler", "club": "Verein", "expiry": "Vertragsende"},
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range ds.Contracts {
		fmt.Printf("%s (%s): expires %s, %s:%d\n", c.Player, c.Club, c.Expires, c.Pos.File, c.Pos.Line)
	}
	fmt.Println(ds.Read, "rows read")
	// Output:
	// Ibrahima Konaté (Liverpool FC): expires 2026-06-30, kader.csv:2
	// Antonio Rüdiger (Real Madrid): expires 2026-06-30, kader.csv:3
	// 2 rows read
}

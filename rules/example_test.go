package rules_test

import (
	"fmt"
	"log"

	"github.com/bosmanhq/bosman/rules"
)

// Konaté's Liverpool contract ends on 30 June 2026: a foreign club may sign
// him to a pre-contract from 1 January 2026, an English club without
// Liverpool's consent only from the day after the third Saturday in May
// (16 May 2026), and he is free from 1 July 2026.
func Example() {
	book, err := rules.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	w := book.Windows(rules.Contract{
		Association: "ENG",
		Expires:     rules.D(2026, 6, 30),
		Birth:       rules.D(1999, 5, 25),
	}, rules.Query{AsOf: rules.D(2025, 10, 7)})
	fmt.Println("foreign pre-contract from:", w.Foreign.Date)
	fmt.Println("domestic pre-contract from:", w.Domestic.Date)
	fmt.Println("free agent from:", w.FreeAgent.Date)
	fmt.Println("status on 7 Oct 2025:", w.Status)
	// Output:
	// foreign pre-contract from: 2026-01-01
	// domestic pre-contract from: 2026-05-17
	// free agent from: 2026-07-01
	// status on 7 Oct 2025: under-contract
}

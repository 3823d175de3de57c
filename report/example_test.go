package report_test

import (
	"log"
	"os"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

// Konaté's contract with Liverpool ends on 30 June 2026. Asked on 7 October
// 2025: abroad from 1 January 2026 (FIFA RSTP art. 18.3, six months before
// 1 July), in England from 17 May 2026 (the day after the third Saturday in
// May), free from 1 July 2026: 267 days away, 38 weeks and a day; 190
// weekdays less England's seven bank holidays on the way (25 and 26 Dec,
// 1 Jan, 3 and 6 Apr, 4 and 25 May) are 183 working days. The confidence is
// the lowest of the dates': England's approach rule is rated medium.
func ExampleNewRowWriter() {
	book, err := rules.Embedded()
	if err != nil {
		log.Fatal(err)
	}
	// Konaté, as of 7 Oct 2025, for an English club: his own association's
	// rule, so he may sign from 17 May 2026 on England's condition.
	q := &report.Query{Book: book, AsOf: rules.D(2025, 10, 7), To: "ENG"}
	en := q.Answer(contracts.Contract{
		PlayerID: "357119", Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25), Nationality: "France",
		Position: "Defender", SubPosition: "Centre-Back", MarketValue: 40_000_000,
		Club: "Liverpool FC", Association: "ENG", League: "GB1", Expires: rules.D(2026, 6, 30),
		Confirmed: rules.D(2025, 9, 11),
	})
	rw, err := report.NewRowWriter(os.Stdout, "csv", false)
	if err != nil {
		log.Fatal(err)
	}
	if err := rw.Write(&en); err != nil {
		log.Fatal(err)
	}
	if err := rw.Close(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// player_id,player,date_of_birth,club,association,contract_signed,contract_expires,option_until,free_agent_from,foreign_precontract_from,domestic_precontract_from,status,days_to_free_agency,workdays_to_free_agency,registration_from,confidence,source,data_as_of,data_status,position,sub_position,nationality,age,market_value_eur,can_sign_from,can_sign_condition
	// 357119,Ibrahima Konaté,1999-05-25,Liverpool FC,ENG,,2026-06-30,,2026-07-01,2026-01-01,2026-05-17,under-contract,267,183,2026-07-01,low,,2025-09-11,current,Defender,Centre-Back,France,26,40000000,2026-05-17,"only if he had no offer of re-engagement from his club, or declined it"
}

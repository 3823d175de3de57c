package contracts

import (
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// curatedRow is one row of curatedTable: a contract of default.csv as
// Load reads it, its dates apart as YYYYMMDD numbers (0: none), so that
// the table is data the binary holds ready, with nothing to run at start.
type curatedRow struct {
	c Contract // without its dates
	// Birth, Signed, Start, Expires, Option.Until, Loan.Until, Confirmed
	dates [7]int32
	names []string // foldVariants(c.Player): what a name question folds
}

// curatedNames returns the foldVariants of each curated row's name, in
// the order of curatedRows, from curatedTable: a name question over the
// embedded data need not fold them.
func curatedNames() [][]string {
	out := make([][]string, len(curatedTable))
	for i := range curatedTable {
		out[i] = curatedTable[i].names
	}
	return out
}

// curatedRows returns the rows of default.csv as Default reads them,
// from curatedTable (generated from default.csv by the test
// TestCuratedTable, which checks that the two agree): a lookup over the
// embedded data need not parse the CSV. Each call returns fresh rows, so
// callers may change what they get.
func curatedRows() []Contract {
	out := make([]Contract, len(curatedTable))
	for i := range curatedTable {
		r := &curatedTable[i]
		c := r.c
		ds := [...]*rules.Date{&c.Birth, &c.Signed, &c.Start, &c.Expires, &c.Option.Until, &c.Loan.Until, &c.Confirmed}
		for j, d := range ds {
			*d = curatedDate(r.dates[j])
		}
		out[i] = c
	}
	return out
}

// curatedDate is the date of a YYYYMMDD number; the zero Date for 0.
func curatedDate(n int32) rules.Date {
	if n == 0 {
		return rules.Date{}
	}
	return rules.D(int(n/10000), time.Month(n/100%100), int(n%100))
}

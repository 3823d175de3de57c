// Package contracts loads, validates and searches datasets of player contracts.
package contracts

import "github.com/bosmanhq/bosman/rules"

// Contract is one contract of one player, as a dataset states it.
//
// A player may have several contracts (a renewal is a new Contract with a
// later Signed date); History picks the one in force and known on a date.
type Contract struct {
	PlayerID    string     // dataset's id of the player; rows with the same id are one player
	Player      string     // full name as written in the source
	Birth       rules.Date // date of birth; zero when unknown
	Nationality string
	Position    string

	Club        string // current club's name as written in the source
	Association string // FIFA code of the club's association (ENG, ESP, USA …)
	League      string // competition id when known (GB1, MLS1 …); may be empty

	Signed  rules.Date // day the contract was signed or announced; zero when unknown
	Start   rules.Date // first day of the contract; zero when unknown
	Expires rules.Date // last day of the contract; zero when unknown

	Option Option // an option to extend, if any
	Loan   Loan   // a loan away from Club, kept apart from the contract itself

	Source     string     // URL or name of the source of this row
	Confirmed  rules.Date // day the facts were last confirmed against the source
	LastSeason int        // season (start year) the source last saw the player at Club; 0 unknown
	Note       string     // free text carried from the dataset

	Pos Pos // where the row came from
}

// Option is an option to extend a contract.
type Option struct {
	Until  rules.Date // expiry if the option is exercised; zero: no option
	Holder string     // "club", "player" or "mutual"; empty when unknown
}

// Loan is a loan of the player away from his contract club.
type Loan struct {
	Club  string
	Until rules.Date
}

// Pos is a position in an input file.
type Pos struct {
	File string
	Line int // 1-based; 0 for the embedded default data built in code
}

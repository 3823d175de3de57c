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
	Nationality string     // citizenship as the source writes it (France, Korea, South …)
	// Position is the position group, Goalkeeper, Defender, Midfield or
	// Attack, and SubPosition the position within it as Transfermarkt
	// names them (Centre-Back, Left Winger …; see Positions). A source
	// that gives only a sub-position has its group filled in; a value
	// bosman does not know is kept in Position as written, SubPosition
	// empty.
	Position    string
	SubPosition string
	MarketValue int64 // market value in euros as the source gives it; 0 when unknown

	Club        string // current club's name as written in the source (the snapshot: its short name)
	ClubID      string // the source's id of the club (Transfermarkt's); may be empty
	Association string // FIFA code of the club's association (ENG, ESP, USA …)
	League      string // competition id when known (GB1, MLS1 …); may be empty
	// AssociationInferred is true when the row stated neither association
	// nor league and Association was inferred from the club's name (see
	// InferAssociation, LoadOptions.NoInfer): the output should say so. A
	// row whose association was neither stated nor inferred has none.
	AssociationInferred bool

	Signed  rules.Date // day the contract was signed or announced; zero when unknown
	Start   rules.Date // first day of the contract; zero when unknown
	Expires rules.Date // last day of the contract; zero when unknown

	Option Option // an option to extend, if any
	Loan   Loan   // a loan away from Club, kept apart from the contract itself

	Source     string     // URL or name of the source of this row (a profile URL for Transfermarkt data)
	Confirmed  rules.Date // day the facts were last confirmed against the source; see DataAsOf
	LastSeason int        // season (start year) the source last saw the player at Club; 0 unknown
	Note       string     // free text carried from the dataset

	// Listing is true for a row of a listing of current contracts taken
	// on one day (the embedded transfermarkt-datasets snapshot), as
	// against a dated contract: it has no signing date, and its facts are
	// known from Confirmed, the day of the listing. See Overlay.
	Listing bool

	Pos Pos // where the row came from
}

// DataAsOf returns the day the row's facts were last confirmed, which the
// output calls data_as_of: the later of Confirmed (for a snapshot row, its
// scrape day) and Signed (a contract is known from the day it is signed or
// announced). It is zero when the row has neither.
//
// There is no separate field: Confirmed is the fact as the dataset states
// it, and DataAsOf only adds that a signing is a confirmation too.
func (c *Contract) DataAsOf() rules.Date {
	if c.Signed.After(c.Confirmed) {
		return c.Signed
	}
	return c.Confirmed
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

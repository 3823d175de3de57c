package contracts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bosmanhq/bosman/rules"
)

// CodeKind is what a code names.
type CodeKind int

const (
	// CodeAssociation: an association, by FIFA code or country name (ENG,
	// England, spain): every club of it.
	CodeAssociation CodeKind = iota + 1
	// CodeLeagueSet: a league rule set (EFL, MLS): the competitions it covers.
	CodeLeagueSet
	// CodeCompetition: a Transfermarkt competition id (GB1, MLS1): that
	// competition alone.
	CodeCompetition
	// CodeClub: a club (for --to): its association, and its league set
	// when it plays in one.
	CodeClub
)

// Code is what a code a user typed means, the one vocabulary of --to,
// --association, --league and 'bosman rules X' (see ResolveCode).
type Code struct {
	Kind CodeKind
	Name string // how to call it: "England", "English Football League", "GB1", "Toronto FC"
	// Association is the FIFA code of its association: its own (ENG), or
	// the association of the league set (USA for MLS), competition or club.
	Association string
	// Set is the code of the rule set it falls under, the one whose
	// registration periods a club of it follows: an association's own
	// (ENG), a league set's (MLS), and for a competition or a club the
	// league set covering its competition when there is one (GB2 → EFL;
	// Toronto FC, in MLS1 → MLS), else its association's. An association
	// without a rule set still has its code here; the book has no set.
	Set string
	// Leagues are the competitions it covers: a league set's (GB2, GB3,
	// GB4), a competition's own; nil for an association, every club of it.
	Leagues []string
	// Clubs are a club's names in the data (CodeClub only).
	Clubs []string
}

// Covers reports whether the contract c is of what the code names: a club
// of the association, a competition of the league set, the competition,
// the club.
func (k *Code) Covers(c *Contract) bool {
	switch k.Kind {
	case CodeAssociation:
		return c.Association == k.Association
	case CodeClub:
		return slices.Contains(k.Clubs, c.Club)
	}
	return slices.Contains(k.Leagues, c.League)
}

// CodeError is a code ResolveCode does not know.
type CodeError struct {
	Input      string
	Suggestion string // the nearest code or name, "" none
}

func (e *CodeError) Error() string {
	return fmt.Sprintf("%q is neither an association (ENG, England), a league rule set (EFL, MLS) nor a competition (GB1, MLS1)", e.Input)
}

// ResolveCode turns what a user typed for a code into what it means, in
// this order: an association's FIFA code (ENG, esp); a league rule set of
// book (EFL, MLS); a Transfermarkt competition id (GB1, ES1, MLS1); a
// country name (England, spain). An unknown code is a *CodeError with the
// nearest suggestion. Clubs are for the caller to look up first or after
// (see CodeOfClub): ResolveCode knows no data.
func ResolveCode(s string, book *rules.Book) (Code, error) {
	in := strings.TrimSpace(s)
	up := strings.ToUpper(in)
	if name, ok := associations[up]; ok {
		return associationCode(up, name), nil
	}
	if set := book.Set(up); set != nil && set.Extends != "" {
		return Code{Kind: CodeLeagueSet, Name: set.Name, Association: set.Association(), Set: set.Code,
			Leagues: slices.Clone(set.Leagues)}, nil
	}
	if assoc, ok := leagueAssociations[up]; ok {
		return competitionCode(up, assoc, book), nil
	}
	if set := book.LeagueSet(up); set != nil {
		return competitionCode(up, set.Association(), book), nil
	}
	if code, ok := countryAssociations()[strings.ToLower(in)]; ok {
		return associationCode(code, associations[code]), nil
	}
	return Code{}, &CodeError{Input: in, Suggestion: suggestCode(in, book)}
}

func associationCode(code, name string) Code {
	return Code{Kind: CodeAssociation, Name: name, Association: code, Set: code}
}

func competitionCode(id, assoc string, book *rules.Book) Code {
	k := Code{Kind: CodeCompetition, Name: id, Association: assoc, Set: assoc, Leagues: []string{id}}
	if set := book.LeagueSet(id); set != nil {
		k.Set = set.Code
	}
	return k
}

// CodeOfClub is the Code of a club of the data, called names, whose rows
// (or the snapshot's club table) give its association and league.
func CodeOfClub(names []string, assoc, league string, book *rules.Book) Code {
	k := Code{Kind: CodeClub, Name: names[0], Association: assoc, Set: assoc, Clubs: names}
	if set := book.LeagueSet(league); set != nil {
		k.Set = set.Code
	}
	return k
}

// suggestCode is Suggest, with the league sets of book too.
func suggestCode(s string, book *rules.Book) string {
	best := Suggest(s)
	low := strings.ToLower(s)
	bestD := len([]rune(s))/2 + 2
	if best != "" {
		bestD = EditDistance(low, strings.ToLower(best))
	}
	for _, set := range book.Sets() {
		if set.Extends == "" {
			continue
		}
		if d := EditDistance(low, strings.ToLower(set.Code)); d < bestD && d <= 1 {
			best, bestD = set.Code, d
		}
	}
	return best
}

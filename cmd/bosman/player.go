package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

func playerCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "player",
		Usage:     "one player's windows: pre-contract abroad and at home, free agency, registration",
		ArgsUsage: "NAME",
		UsageText: "bosman player [flags] NAME",
		Description: "NAME matches regardless of case and accents (Konate, Rudiger, Ruediger), by whole words\n" +
			"(a surname alone is enough; part of a word, Haala, only suggests names). A name several\n" +
			"players share answers for the one who stands out and says who else matched; when none\n" +
			"stands out they are listed with club and year of birth. The card gives the dates, their\n" +
			"conditions and one line per rule with its confidence; --sources adds every rule's sources\n" +
			"and, where sources differ, what they say.\n\n" +
			"Examples:\n" +
			"   bosman player Konate --as-of 2025-10-07\n" +
			"   bosman player Rudiger --to ENG\n" +
			"   bosman player Kane --sources\n" +
			"   bosman player Alaba --format json",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "registration by a club of `ASSOC` (ENG) or of a club (\"Real Madrid\")"},
			&cli.BoolFlag{Name: "sources", Usage: "give every rule's sources, and the texts where sources differ"},
		},
		Action: func(c *cli.Context) error { return player(s, c) },
	}
}

func player(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageErr("player needs a NAME").hint("e.g. bosman player Konate")
	}
	query := strings.Join(c.Args().Slice(), " ")
	d, err := loadLookup(s, c, lookupFilter(asShownToo(contracts.PlayerFilter, query), c.String("to")))
	if err != nil {
		return err
	}
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	m, also, err := onePlayer(s, d, query)
	if err != nil {
		return err
	}
	ct, ok := contracts.Overlay(m.Rows, g.asOf)
	if !ok {
		first := m.Rows[0]
		for _, r := range m.Rows {
			if r.Signed.Before(first.Signed) {
				first = r
			}
		}
		return dataErr("no contract of %s is known on %s", m.Name, g.asOf).
			hint("the earliest in the data was signed on %s; try --as-of %s", first.Signed, first.Signed)
	}
	en := g.query(to).Answer(ct)
	st := g.style(s)
	st.Sources = c.Bool("sources")
	switch g.format {
	case "table":
		return report.CardWith(s.out, &en, m.Rows, also, st)
	case "markdown":
		return report.CardMarkdown(s.out, &en, m.Rows, st)
	}
	return report.WriteRows(s.out, g.format, true, []report.Entry{en})
}

// playerMatches are the players query names: by whole words, and those of
// whose names it is only a part.
func playerMatches(d *data, query string) (whole, part []contracts.Match) {
	for _, m := range d.m.Players(query) {
		if m.InPart(query) {
			part = append(part, m)
		} else {
			whole = append(whole, m)
		}
	}
	return whole, part
}

// onePlayer finds the player a name means, or says why it cannot: no
// one, or several players of whom none stands out (see contracts.Resolve).
// A player found by a name shared with others comes with them, and a
// note on stderr says who else it could be. A name that is only part of
// every matching name ("Salah" for Anass Salah-Eddine) answers for no
// one: the player asked about may be missing from the data, so the
// matches are offered as suggestions.
func onePlayer(s *streams, d *data, query string) (contracts.Match, *report.Matches, error) {
	whole, part := playerMatches(d, query)
	if raw := report.Unclean(query); len(whole) == 0 && raw != query {
		// a name copied as bosman shows it, escapes and all
		if w, p := playerMatches(d, raw); len(w) > 0 {
			whole, part, query = w, p, raw
		}
	}
	if len(whole) == 0 {
		ee := dataErr("no player matches %q", query)
		var names []string
		for _, m := range part {
			if len(names) < 5 {
				names = append(names, m.Name)
			}
		}
		if len(part) > 0 {
			ee = dataErr("no player is called %q: it is only part of %s", query, plural(len(part), "a name", fmt.Sprintf("%d names", len(part))))
		} else {
			names = d.suggest(query, 5, false)
		}
		if len(names) > 0 {
			ee.hint("did you mean: %s?", strings.Join(names, ", "))
		} else {
			ee.hint("names match without case and accents, by whole words: check the spelling, or try the surname alone")
		}
		return contracts.Match{}, nil, ee
	}
	r := contracts.Resolve(whole)
	if !r.OK {
		var b strings.Builder
		fmt.Fprintf(&b, "%q matches %d players, none of whom stands out:", query, len(r.Others))
		for i, m := range r.Others {
			if i == 20 {
				fmt.Fprintf(&b, "\n… and %d more", len(r.Others)-20)
				break
			}
			fmt.Fprintf(&b, "\n%s", candidate(r.Others, m, true).Label())
		}
		return contracts.Match{}, nil, dataErr("%s", b.String()).hint("give more of the name (a first name and a surname), or the player id shown")
	}
	others := append(r.Others, part...)
	if len(others) == 0 {
		return r.Match, nil, nil
	}
	also := &report.Matches{Query: query, Why: r.Why}
	if r.Why == contracts.ByOnlyMatch {
		also.Why = fmt.Sprintf("the only one whose name has %q as whole words", query)
	}
	matched := append(append([]contracts.Match{r.Match}, others...), part...)
	for i, m := range others {
		c := candidate(matched, m, i < report.NamedOthers)
		also.Others = append(also.Others, c)
	}
	s.say("note: %q matches %s: answering for %s (%s) as %s",
		query, report.Count(len(others)+1, "player"), r.Match.Name, orNone(r.Match.Club), also.Why)
	s.say("note: also matched: %s; %s", also.List(), strings.ToLower(also.PickText()[:1])+also.PickText()[1:])
	return r.Match, also, nil
}

// candidate is a match as a list shows it, with what to type to get him
// when pick: his full name when no other player the name matched has it,
// else his player id. (Every player of that full name is among those the
// shorter name matched, so this is Market.PickQuery without its search.)
func candidate(matched []contracts.Match, m contracts.Match, pick bool) report.Candidate {
	c := report.Candidate{Name: m.Name, Club: m.Club, Birth: m.Birth}
	if !pick {
		return c
	}
	c.Pick = m.Name
	key := contracts.Fold(m.Name)
	for _, o := range matched {
		if o.PlayerID != m.PlayerID && contracts.Fold(o.Name) == key && m.PlayerID != "" {
			c.Pick = m.PlayerID
		}
	}
	return c
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orNone(club string) string {
	if club == "" {
		return "no club"
	}
	return club
}

// asShownToo is filter(query), keeping also the rows of the name query
// stands for when it is a name as bosman shows it, escapes written out
// (see report.Unclean).
func asShownToo(filter func(string) func(*contracts.Contract) bool, query string) func(*contracts.Contract) bool {
	keep := filter(query)
	raw := report.Unclean(query)
	if raw == query {
		return keep
	}
	keepRaw := filter(raw)
	return func(c *contracts.Contract) bool { return keep(c) || keepRaw(c) }
}

// lookupFilter is the filter of a one-player or one-club question's rows:
// keep's, and the rows of the club --to names when it is not a code (its
// association is looked up in them).
func lookupFilter(keep func(*contracts.Contract) bool, to string) func(*contracts.Contract) bool {
	to = strings.TrimSpace(to)
	if _, ok := contracts.Association(to); ok || to == "" {
		return keep
	}
	club := contracts.ClubFilter(to)
	return func(c *contracts.Contract) bool { return keep(c) || club(c) }
}

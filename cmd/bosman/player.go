package main

import (
	"fmt"
	"strconv"
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
		Description: "NAME matches regardless of case and accents (Konate, Rudiger, Ruediger), and in part\n" +
			"(a surname). Several matches are listed with club and year of birth. The card gives the dates,\n" +
			"their conditions and one line per rule with its confidence; --sources adds every rule's\n" +
			"sources and, where sources differ, what they say.\n\n" +
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
	d, err := loadData(s, c)
	if err != nil {
		return err
	}
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	m, err := onePlayer(d, query)
	if err != nil {
		return err
	}
	ct, ok := contracts.InForce(m.Rows, g.asOf)
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
		return report.Card(s.out, &en, m.Rows, st)
	case "markdown":
		return report.CardMarkdown(s.out, &en, m.Rows, st)
	}
	return report.WriteRows(s.out, g.format, true, []report.Entry{en})
}

// onePlayer finds exactly one player, or says why not.
func onePlayer(d *data, query string) (contracts.Match, error) {
	ms := d.index().Players(query)
	switch len(ms) {
	case 1:
		return ms[0], nil
	case 0:
		ee := dataErr("no player matches %q", query)
		if s := d.index().Suggest(query, 5); len(s) > 0 {
			ee.hint("did you mean: %s?", strings.Join(s, ", "))
		} else {
			ee.hint("names match without case and accents, in part: try a surname")
		}
		return contracts.Match{}, ee
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d players:", query, len(ms))
	for i, m := range ms {
		if i == 20 {
			fmt.Fprintf(&b, "\n… and %d more", len(ms)-20)
			break
		}
		born := "birth unknown"
		if !m.Birth.IsZero() {
			born = "born " + strconv.Itoa(m.Birth.Year())
		}
		fmt.Fprintf(&b, "\n%s (%s, %s)", m.Name, m.Club, born)
	}
	return contracts.Match{}, dataErr("%s", b.String()).hint("give more of the name, e.g. a first name and a surname")
}

package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

func clubCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "club",
		Usage:     "a club's contracts that expire within a horizon, sorted by expiry",
		ArgsUsage: "CLUB",
		UsageText: "bosman club [flags] CLUB",
		Description: "CLUB matches in part and by common short names (Liverpool, Man Utd, Spurs, Barça, Bayern).\n" +
			"The same list as 'bosman expiring --club CLUB', with the same filters and columns (position,\n" +
			"age, market value), sorted by expiry. By default the horizon runs from the as-of date to the\n" +
			"first 30 June at least six months after it, so next summer is always in it.\n\n" +
			"Examples:\n" +
			"   bosman club Liverpool --as-of 2025-10-07\n" +
			"   bosman club \"Real Madrid\" --season 2025/26 --format csv\n" +
			"   bosman club Arsenal --all --sort value\n" +
			"   bosman club Barcelona --to ENG --position Defender",
		Flags: append(marketFlags(false),
			&cli.BoolFlag{Name: "list", Usage: "list the clubs of the data (those matching CLUB, when given), with association and league"}),
		Action: func(c *cli.Context) error { return club(s, c) },
	}
}

func club(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	if c.Bool("list") {
		return clubList(s, c)
	}
	if c.NArg() == 0 {
		return usageErr("club needs a CLUB").hint("e.g. bosman club Liverpool; 'bosman club --list' lists the clubs")
	}
	mq, err := readMarket(c, g)
	if err != nil {
		return err
	}
	query := strings.Join(c.Args().Slice(), " ")
	d, err := loadLookup(s, c, lookupFilter(asShownToo(contracts.ClubFilter, query), c.String("to")))
	if err != nil {
		return err
	}
	names, err := oneClub(s, d, query)
	if err != nil {
		return err
	}
	return answerMarket(s, c, g, d, mq, names)
}

// oneClub resolves a club query to the names of one club in the data,
// saying on stderr which other clubs it also matches.
func oneClub(s *streams, d *data, query string) ([]string, error) {
	r := d.m.ResolveClub(query)
	if raw := report.Unclean(query); r.Names == nil && len(r.Others) == 0 && raw != query {
		r = d.m.ResolveClub(raw) // a name copied as bosman shows it, escapes and all
	}
	if r.Names != nil {
		if len(r.Others) > 0 {
			s.say("note: %q is taken as %s: %s; it also matches %s", query, r.Names[0], r.Why, clubNames(r.Others, 5))
		}
		return r.Names, nil
	}
	if len(r.Others) == 0 {
		ee := dataErr("no club matches %q", query)
		if s := d.suggest(query, 5, true); len(s) > 0 {
			ee.hint("did you mean: %s?", strings.Join(s, ", "))
		} else {
			ee.hint("clubs match in part and by common names (Man Utd, Spurs, Barça)")
		}
		return nil, ee.hint("'bosman club --list' lists the clubs of the data")
	}
	var names []string
	for _, o := range r.Others {
		names = append(names, o[0])
	}
	if len(names) > 20 {
		names = append(names[:20], fmt.Sprintf("… and %d more ('bosman club --list %s')", len(names)-20, query))
	}
	return nil, dataErr("%q matches %d clubs:\n%s", query, len(r.Others), strings.Join(names, "\n")).hint("give more of the name")
}

// clubNames lists the first name of each club, up to n of them.
func clubNames(clubs [][]string, n int) string {
	var names []string
	for i, c := range clubs {
		if i == n {
			return strings.Join(names, ", ") + fmt.Sprintf(" and %d more", len(clubs)-n)
		}
		names = append(names, c[0])
	}
	return strings.Join(names, ", ")
}

// clubList is 'bosman club --list [CLUB]': the clubs of the data, or those
// a query matches.
func clubList(s *streams, c *cli.Context) error {
	d, err := loadData(s, c)
	if err != nil {
		return err
	}
	clubs := d.m.ClubList()
	if q := strings.Join(c.Args().Slice(), " "); q != "" {
		r := d.m.ResolveClub(q)
		keep := map[string]bool{}
		for _, names := range append(r.Others, r.Names) {
			for _, n := range names {
				keep[n] = true
			}
		}
		clubs = slices.DeleteFunc(clubs, func(ci contracts.ClubInfo) bool { return !keep[ci.Name] })
		if len(clubs) == 0 {
			return dataErr("no club matches %q", q).hint("'bosman club --list' lists the clubs of the data")
		}
	}
	return report.ClubList(s.out, clubs)
}

// horizon reads --season, --within and --all: the expiries a club listing
// covers (see defaultRange for none of them).
func horizon(c *cli.Context, g *global) (report.Horizon, error) {
	h, err := horizonRange(c, g)
	h.All = c.Bool("all")
	return h, err
}

func horizonRange(c *cli.Context, g *global) (report.Horizon, error) {
	asOf := g.asOf
	if s := c.String("season"); s != "" {
		start, calendarYear, err := contracts.ParseSeason(s)
		if err != nil {
			return report.Horizon{}, usageErr("--season: %v", err).hint("2026/27 is 1 Jul 2026 to 30 Jun 2027; 2026 is the calendar year")
		}
		return report.Season(start, calendarYear), nil
	}
	within := c.String("within")
	if within == "" {
		return defaultRange(c, g)
	}
	n, unit := 0, byte(0)
	var err error
	if len(within) >= 2 {
		unit = within[len(within)-1]
		n, err = strconv.Atoi(within[:len(within)-1])
	}
	if err != nil || n <= 0 || n > 100*366 || (unit != 'd' && unit != 'm' && unit != 'y') {
		return report.Horizon{}, usageErr("--within %q: want a number and d, m or y", within).hint("e.g. --within 90d, --within 18m or --within 2y")
	}
	return report.Within(asOf, n, unit), nil
}

// defaultRange is the horizon without --season or --within: to the day
// before --expiring-before, any expiry with --open-on (the day decides),
// else report.DefaultHorizon (to the first 30 June six months away).
func defaultRange(c *cli.Context, g *global) (report.Horizon, error) {
	asOf := g.asOf
	if v := c.String("expiring-before"); v != "" {
		d, err := g.day(c, "expiring-before")
		if err != nil {
			return report.Horizon{}, err
		}
		return report.Horizon{From: asOf, Until: d.AddDays(-1)}, nil
	}
	if c.String("open-on") != "" {
		return report.Horizon{}, nil
	}
	return report.DefaultHorizon(asOf), nil
}

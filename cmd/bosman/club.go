package main

import (
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
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
		Flags:  marketFlags(false),
		Action: func(c *cli.Context) error { return club(s, c) },
	}
}

func club(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageErr("club needs a CLUB").hint("e.g. bosman club Liverpool")
	}
	mq, err := readMarket(c, g)
	if err != nil {
		return err
	}
	query := strings.Join(c.Args().Slice(), " ")
	d, err := loadLookup(s, c, lookupFilter(contracts.ClubFilter(query), c.String("to")))
	if err != nil {
		return err
	}
	names, err := oneClub(d, query)
	if err != nil {
		return err
	}
	return answerMarket(s, c, g, d, mq, names)
}

// oneClub resolves a club query to the names of one club in the data.
func oneClub(d *data, query string) ([]string, error) {
	names := d.m.Clubs(query)
	if len(names) == 0 {
		ee := dataErr("no club matches %q", query)
		if s := d.suggest(query, 5, true); len(s) > 0 {
			ee.hint("did you mean: %s?", strings.Join(s, ", "))
		} else {
			ee.hint("clubs match in part and by common names (Man Utd, Spurs, Barça); 'bosman export' lists every club of the data")
		}
		return nil, ee
	}
	keys := map[string]bool{}
	for _, n := range names {
		keys[contracts.ClubKey(n)] = true
	}
	if len(keys) > 1 {
		return nil, dataErr("%q matches %d clubs:\n%s", query, len(keys), strings.Join(names, "\n")).hint("give more of the name")
	}
	return names, nil
}

// horizon reads --season, --within and --all: the expiries a club listing
// covers (see defaultRange for none of them).
func horizon(c *cli.Context, asOf rules.Date) (report.Horizon, error) {
	h, err := horizonRange(c, asOf)
	h.All = c.Bool("all")
	return h, err
}

func horizonRange(c *cli.Context, asOf rules.Date) (report.Horizon, error) {
	if s := c.String("season"); s != "" {
		y, y2, ok := strings.Cut(strings.ReplaceAll(s, "-", "/"), "/") // 2026/27, 2026-27
		start, err1 := strconv.Atoi(y)
		if err1 != nil || start < 1900 || start > 2200 {
			return report.Horizon{}, usageErr("--season %q: want 2026/27 or 2026", s).hint("2026/27 is 1 Jul 2026 to 30 Jun 2027; 2026 is the calendar year")
		}
		if !ok {
			return report.Season(start, true), nil
		}
		if end, err2 := strconv.Atoi(y2); err2 != nil || (end != (start+1)%100 && end != start+1) {
			return report.Horizon{}, usageErr("--season %q: the second year must follow the first", s).hint("e.g. --season 2026/27")
		}
		return report.Season(start, false), nil
	}
	within := c.String("within")
	if within == "" {
		return defaultRange(c, asOf)
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
func defaultRange(c *cli.Context, asOf rules.Date) (report.Horizon, error) {
	if v := c.String("expiring-before"); v != "" {
		d, err := rules.ParseISO(v)
		if err != nil {
			return report.Horizon{}, usageErr("--expiring-before: %v", err).hint("write the date as YYYY-MM-DD, e.g. --expiring-before 2026-07-01")
		}
		return report.Horizon{From: asOf, Until: d.AddDays(-1)}, nil
	}
	if c.String("open-on") != "" {
		return report.Horizon{}, nil
	}
	return report.DefaultHorizon(asOf), nil
}

package main

import (
	"runtime/debug"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

// streamMemoryLimit is the soft memory limit of a streamed market query
// (see runtime/debug.SetMemoryLimit): the contracts kept, about 200 bytes
// each (80 MB of a 1,000,000-row file's 410,000 in the default horizon),
// and the loader's duplicate check stay live until the end, and without a
// limit the collector lets the heap grow to twice them. Above it the
// collector works harder; GOMEMLIMIT or GOGC set by the user win.
const streamMemoryLimit = 192 << 20

// tableLimit is how many rows expiring shows in a table or Markdown
// without --limit; the machine formats list every row.
const tableLimit = 50

const positionsHelp = "Positions: Transfermarkt's groups (Goalkeeper, Defender, Midfield, Attack) and sub-positions\n" +
	"(Centre-Back, Left-Back, Right-Back, Defensive Midfield, Central Midfield, Right Midfield,\n" +
	"Left Midfield, Attacking Midfield, Left Winger, Right Winger, Second Striker, Centre-Forward),\n" +
	"or their short forms: GK, CB, LB, RB, DM, CM, RM, LM, AM, LW, RW, SS, CF (also CDM, CAM, ST).\n"

func expiringCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "expiring",
		Usage:     "the whole market's contracts expiring within a horizon, with the day a club of --to may sign each player",
		UsageText: "bosman expiring [flags]",
		Description: "One row per player: the contract in force and known on the as-of date, with his position, age\n" +
			"and market value. With --to, the day a club of that association may sign him to a pre-contract:\n" +
			"his own association's domestic rule when it is his (England: after the third Saturday in May, on\n" +
			"a condition), FIFA RSTP art. 18.3 otherwise (six months before he is free).\n\n" +
			"By default the horizon runs from the as-of date to the first 30 June at least six months after\n" +
			"it, so next summer is always in it; --within, --season, --expiring-before or --all say otherwise.\n" +
			"Sorted by market value, then expiry; a table shows the first 50 (--limit).\n\n" +
			positionsHelp + "Statuses: " + strings.Join(report.StatusNames, ", ") + ".\n\n" +
			"Examples:\n" +
			"   bosman expiring --to ESP --position CB --age -28\n" +
			"   bosman expiring --to \"Real Madrid\" --position CB --open-on 2027-01-01\n" +
			"   bosman expiring --league GB1 --min-value 20m --sort expiry\n" +
			"   bosman expiring --season 2026/27 --nationality France --format csv > france.csv",
		Flags:  marketFlags(true),
		Action: func(c *cli.Context) error { return expiring(s, c) },
	}
}

// marketFlags are the flags of a market query; club has all but --club
// (its CLUB argument says it).
func marketFlags(market bool) []cli.Flag {
	fl := []cli.Flag{
		&cli.StringFlag{Name: "within", Usage: "contracts expiring within `PERIOD` of the as-of date: 18m, 2y, 90d", DefaultText: "to the first 30 June six months away"},
		&cli.StringFlag{Name: "season", Usage: "contracts expiring in `SEASON`: 2026/27 (1 Jul to 30 Jun) or 2026 (the calendar year)"},
		&cli.StringFlag{Name: "expiring-before", Usage: "only contracts expiring before `DATE`"},
		&cli.BoolFlag{Name: "all", Usage: "every contract in force, expired and unknown ones too"},
		&cli.StringFlag{Name: "to", Usage: "for a club of `ASSOC` or of a club: the day it may sign each player, and register him"},
		&cli.StringFlag{Name: "open-on", Usage: "only players a club of --to may sign to a pre-contract on `DATE`: from that club's day to his contract's last (any expiry, unless a horizon is given)"},
	}
	if market {
		fl = append(fl, &cli.StringFlag{Name: "club", Usage: "only the contracts of `CLUB`"})
	}
	return append(fl,
		&cli.StringFlag{Name: "league", Usage: "only clubs of the competition `ID` (GB1: the Premier League alone)"},
		&cli.StringFlag{Name: "association", Usage: "only clubs of `ASSOC` (ENG, ESP …)"},
		&cli.StringSliceFlag{Name: "position", Usage: "only players of `POSITION` (CB, LB, Defender, Centre-Back …; repeatable, or CB,LB)"},
		&cli.StringFlag{Name: "age", Usage: "only players aged `RANGE` on the as-of date: 21-28, 21-, -28, 24"},
		&cli.IntFlag{Name: "max-age", Usage: "only players at most `N` years old on the as-of date", DefaultText: "any"},
		&cli.GenericFlag{Name: "nationality", Value: &manyValues{}, Usage: "only players of `COUNTRY` (France, Korea, South …; repeatable)"},
		&cli.StringFlag{Name: "min-value", Usage: "only market values of at least `EUROS`: 10m, 1.5m, 500k, 2500000"},
		&cli.StringSliceFlag{Name: "status", Usage: "only contracts of `STATUS` on the as-of date (under-contract, foreign-precontract-open …; repeatable)"},
		&cli.StringFlag{Name: "sort", Usage: "order by `KEY`: " + sortKeys(), DefaultText: map[bool]string{true: "value, then expiry", false: "expiry"}[market]},
		&cli.IntFlag{Name: "limit", Usage: "show the first `N` (0: all)", DefaultText: map[bool]string{true: "50 in a table or Markdown, all in the other formats", false: "all"}[market]},
		&cli.StringFlag{Name: "from", Usage: "--format ics: leave out the events before `DATE` (default: keep them, marked as passed)"},
	)
}

func sortKeys() string {
	var ks []string
	for _, k := range report.SortKeys {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// manyValues is a flag that may be given many times, each value whole:
// a nationality may hold a comma (Korea, South).
type manyValues struct{ list []string }

func (m *manyValues) Set(v string) error { m.list = append(m.list, v); return nil }
func (m *manyValues) String() string     { return strings.Join(m.list, "; ") }

func expiring(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	mq, err := readMarket(c, g)
	if err != nil {
		return err
	}
	d, clubs, err := readData(s, c, g, dataFiles(s, c))
	if err != nil {
		return err
	}
	return answerMarket(s, c, g, d, mq, clubs)
}

// answerMarket answers a market query over d, or, when d is nil, over
// the --data files streamed, for the club called clubs if any (see
// readData), and writes it in the format asked.
func answerMarket(s *streams, c *cli.Context, g *global, d *data, mq *marketQuery, clubs []string) error {
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	sl := report.NewSelector(g.query(to), mq.filter, mq.order, mq.limit)
	if d == nil {
		if s.getenv("GOMEMLIMIT") == "" && s.getenv("GOGC") == "" {
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(streamMemoryLimit))
		}
		opt, err := loadOptions(c)
		if err != nil {
			return err
		}
		var rows rowCounts
		if err := streamFiles(s, sl.Stream(), dataFiles(s, c), opt, &rows); err != nil {
			return err
		}
	} else {
		rows, err := inForce(d, clubs, g.asOf)
		if err != nil {
			return err
		}
		sl.AddAll(rows)
	}
	sel := sl.Done()
	if len(clubs) > 0 {
		sel.Title = clubs[0]
	}
	switch g.format {
	case "table":
		return report.ListTable(s.out, sel, g.style(s))
	case "markdown":
		return report.ListMarkdown(s.out, sel, g.style(s))
	}
	return report.WriteSelectionCalendar(s.out, g.format, sel, mq.cal)
}

// marketQuery is what the flags of a market query ask.
type marketQuery struct {
	filter report.Filter
	order  []report.SortKey
	limit  int
	cal    report.Calendar // --from, for --format ics
}

// readMarket reads the flags of a market query (see marketFlags).
func readMarket(c *cli.Context, g *global) (*marketQuery, error) {
	f, err := exportFilter(c, g)
	if err != nil {
		return nil, err
	}
	if f.Horizon, err = horizon(c, g); err != nil {
		return nil, err
	}
	mq := &marketQuery{filter: f}
	if mq.cal, err = calendar(c, g); err != nil {
		return nil, err
	}
	for _, read := range []func(*cli.Context, *global, *marketQuery) error{readProfile, readWindows, readOrder} {
		if err := read(c, g, mq); err != nil {
			return nil, err
		}
	}
	if g.format == "table" || g.format == "markdown" {
		// the forms for people list the parts of SortData apart: a limit
		// takes from the first first
		if mq.order == nil {
			mq.order = report.DefaultOrder
		}
		mq.order = append([]report.SortKey{report.SortData}, mq.order...)
		if !c.IsSet("limit") && c.Command.Name == "expiring" {
			mq.limit = tableLimit
		}
	}
	return mq, nil
}

// readProfile reads the flags about the player: position, age,
// nationality, value, league.
func readProfile(c *cli.Context, g *global, mq *marketQuery) error {
	f := &mq.filter
	ps, err := report.ParsePositions(c.StringSlice("position"))
	if err != nil {
		ee := usageErr("--position: %v", err)
		for _, v := range c.StringSlice("position") {
			if _, err := report.ParsePositions([]string{v}); err != nil {
				if sug := closest(strings.ToUpper(strings.TrimSpace(v)), positionWords()); sug != "" {
					ee.hint("did you mean --position %s?", sug)
				}
				break
			}
		}
		return ee.hint("%s", strings.ReplaceAll(strings.TrimSpace(positionsHelp), "\n", " "))
	}
	f.Positions = ps
	if v := c.String("age"); v != "" {
		if f.MinAge, f.MaxAge, err = report.ParseAges(v); err != nil {
			return usageErr("--age: %v", err).hint("e.g. --age 21-28, --age 21- (21 or older), --age -28 (28 or younger); ages are on the as-of date")
		}
	}
	if c.IsSet("max-age") {
		n := c.Int("max-age")
		if n < 1 || n > 99 {
			return usageErr("--max-age %d: want an age from 1 to 99", n).hint("e.g. --max-age 28")
		}
		if f.MaxAge == 0 || n < f.MaxAge {
			f.MaxAge = n
		}
	}
	if m, ok := c.Generic("nationality").(*manyValues); ok {
		f.Nationalities = m.list
	}
	if v := c.String("min-value"); v != "" {
		if f.MinValue, err = contracts.ParseMarketValue(v); err != nil {
			return usageErr("--min-value: %v", err).hint("in euros: --min-value 10m, 1.5m, 500k or 2500000")
		}
	}
	if v := strings.TrimSpace(c.String("league")); v != "" {
		code, err := contracts.ResolveCode(v, g.book)
		if err != nil {
			return codeError("--league", v, err)
		}
		if code.Kind == contracts.CodeAssociation {
			return usageErr("--league %q is an association, not a competition", v).
				hint("--association %s for every club of it; --league takes a competition (GB1: the Premier League) or a league set (EFL)", v)
		}
		f.League = &code
	}
	return nil
}

// positionWords are the short forms and names --position takes, for
// suggestions.
func positionWords() []string {
	words := []string{"GOALKEEPER", "DEFENDER", "MIDFIELD", "ATTACK"}
	for _, p := range contracts.Positions {
		words = append(words, p.Short, strings.ToUpper(p.Name))
	}
	return words
}

// readWindows reads the flags about the windows: --status and --open-on.
func readWindows(c *cli.Context, g *global, mq *marketQuery) error {
	f := &mq.filter
	st, err := report.ParseStatuses(c.StringSlice("status"))
	if err != nil {
		ee := usageErr("--status: %v", err)
		for _, v := range c.StringSlice("status") {
			if sug := closest(strings.ToLower(strings.TrimSpace(v)), report.StatusNames); sug != "" && !strings.EqualFold(sug, v) {
				ee.hint("did you mean --status %s?", sug)
				break
			}
		}
		return ee.hint("statuses: %s", strings.Join(report.StatusNames, ", "))
	}
	f.Statuses = st
	if v := c.String("open-on"); v != "" {
		if f.OpenOn, err = g.day(c, "open-on"); err != nil {
			return err
		}
		if strings.TrimSpace(c.String("to")) == "" {
			return usageErr("--open-on needs --to: which association's clubs would sign").hint("e.g. --open-on %s --to ESP", v)
		}
	}
	return nil
}

// readOrder reads --sort and --limit.
func readOrder(c *cli.Context, _ *global, mq *marketQuery) error {
	if c.Command.Name == "club" {
		mq.order = []report.SortKey{report.SortExpiry}
	}
	if v := strings.ToLower(strings.TrimSpace(c.String("sort"))); v != "" {
		var keys []string
		for _, k := range report.SortKeys {
			keys = append(keys, string(k))
		}
		if !slices.Contains(keys, v) {
			ee := usageErr("--sort %q: bosman sorts by %s", c.String("sort"), strings.Join(keys, ", "))
			if sug := closest(v, keys); sug != "" {
				ee.hint("did you mean --sort %s?", sug)
			}
			return ee.hint("e.g. --sort expiry, or --sort can-sign with --to")
		}
		mq.order = []report.SortKey{report.SortKey(v)}
	}
	mq.limit = c.Int("limit")
	if mq.limit < 0 {
		return usageErr("--limit %d: want 0 (all) or more", mq.limit).hint("e.g. --limit 20")
	}
	return nil
}

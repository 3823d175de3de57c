package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

func timelineCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "the windows of a club's players as a picture (terminal, SVG, PNG)",
		ArgsUsage: "CLUB",
		UsageText: "bosman timeline [flags] CLUB\n   bosman timeline [flags] --player NAME [--player NAME …]",
		Description: "One lane per player, from the as-of date to the last free-agency day in view (at most\n" +
			"four years; with --season, from the season's first day when it began before the as-of date): the contract, the pre-contract window abroad (FIFA RSTP art. 18.3), the window\n" +
			"at home where it differs, the day he is free, and the registration periods of --to (by\n" +
			"default the players' own association) behind the lanes. The club filters are those of\n" +
			"'bosman club'. --format svg or png draws a chart for an article; png needs --output on a\n" +
			"terminal.\n\n" +
			"Examples:\n" +
			"   bosman timeline Liverpool --as-of 2025-10-07\n" +
			"   bosman timeline \"Real Madrid\" --within 2y --to ENG\n" +
			"   bosman timeline --player Konate --player Rudiger --format svg --output windows.svg\n" +
			"   bosman timeline \"Real Madrid\" --format png --output rm.png",
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "player", Usage: "a lane for player `NAME` (repeatable), instead of a CLUB"},
			&cli.StringFlag{Name: "within", Usage: "contracts expiring within `PERIOD` of the as-of date: 18m, 2y, 90d", Value: "12m"},
			&cli.StringFlag{Name: "season", Usage: "contracts expiring in `SEASON`: 2026/27 (1 Jul to 30 Jun) or 2026 (the calendar year)"},
			&cli.BoolFlag{Name: "all", Usage: "every contract of the club in force, unknown expiries too"},
			&cli.StringFlag{Name: "to", Usage: "registration periods of `ASSOC` or of a club's association (default: the players' own)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (whole or not at all) instead of stdout"},
		},
		Action: func(c *cli.Context) error { return timeline(s, c) },
	}
}

func timeline(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	players := c.StringSlice("player")
	if c.NArg() == 0 && len(players) == 0 {
		return usageErr("timeline needs a CLUB or --player NAME").hint("e.g. bosman timeline Liverpool, or bosman timeline --player Konate --player Rudiger")
	}
	if c.NArg() > 0 && len(players) > 0 {
		return usageErr("timeline takes a CLUB or --player, not both").hint("drop %q, or the --player flags", strings.Join(c.Args().Slice(), " "))
	}
	out, err := prepareOutput(s, c)
	if err != nil {
		return err
	}
	if g.format == "png" && out == nil && s.isTTY {
		return usageErr("--format png writes binary data: give --output FILE").hint("e.g. --output timeline.png, or redirect stdout to a file")
	}
	h, err := horizon(c, g)
	if err != nil {
		return err
	}
	d, err := loadData(s, c)
	if err != nil {
		return err
	}
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	q := g.query(to)
	if len(players) > 0 {
		title, lanes, err := playerLanes(s, d, q, players)
		if err != nil {
			return err
		}
		return drawTimeline(s, g, report.NewTimeline(title, lanes, q), out)
	}
	title, lanes, left, err := clubLanes(s, d, q, strings.Join(c.Args().Slice(), " "), h)
	if err != nil {
		return err
	}
	// a season shows from its start when it began before the as-of date
	t := report.NewTimelineFor(title, lanes, q, h)
	t.LeaveOut(left)
	return drawTimeline(s, g, t, out)
}

// playerLanes are the lanes of the players named with --player, each once.
func playerLanes(s *streams, d *data, q *report.Query, players []string) (string, []report.Entry, error) {
	var names []string
	var lanes []report.Entry
	seen := map[string]bool{}
	for _, name := range players {
		m, _, err := onePlayer(s, d, name)
		if err != nil {
			return "", nil, err
		}
		ct, ok := contracts.Overlay(m.Rows, q.AsOf)
		if !ok {
			return "", nil, dataErr("no contract of %s is known on %s", m.Name, q.AsOf).hint("leave him out, or try a later --as-of")
		}
		key := ct.PlayerID + "\x00" + ct.Player + "\x00" + ct.Birth.String()
		if seen[key] {
			continue
		}
		seen[key] = true
		names = append(names, ct.Player)
		lanes = append(lanes, q.Answer(ct))
	}
	return strings.Join(names, ", "), lanes, nil
}

// clubLanes are the lanes of the club query names, within h: the squad
// and the players known only from later data (the caption says so), not
// those the source last saw at the club in an older season, whom left
// counts.
func clubLanes(s *streams, d *data, q *report.Query, query string, h report.Horizon) (title string, lanes []report.Entry, left int, err error) {
	names, err := oneClub(s, d, query)
	if err != nil {
		return "", nil, 0, err
	}
	sel := report.SelectClubRows(d.m.ClubRows(names[0], q.AsOf), names, h, q)
	lanes = append(sel.Entries, sel.Later...)
	if len(lanes) == 0 {
		what := fmt.Sprintf("expiring %s to %s", h.From.Human(), h.Until.Human())
		return "", nil, 0, dataErr("no contract of %s in the data is %s", names[0], what).hint("try --all or a longer --within, e.g. --within 2y")
	}
	return names[0], lanes, len(sel.Stale), nil
}

// drawTimeline writes t in the format asked, to out or stdout.
func drawTimeline(s *streams, g *global, t *report.Timeline, out *output) error {
	switch g.format {
	case "svg", "png":
		ch := t.Chart()
		if n := t.ChartLanes(); n < len(t.Lanes) {
			s.say("warning: the chart shows the first %d of %d players, soonest expiry first (a chart draws at most %d lanes)", n, len(t.Lanes), report.ChartMaxLanes)
			s.say("hint: narrow the selection (--within, --season, or --player NAME) for the others")
		}
		write := ch.WriteSVG
		if g.format == "png" {
			write = ch.WritePNG
		}
		if out == nil {
			return write(s.out)
		}
		if err := out.write(write); err != nil {
			return err
		}
		s.say("wrote %s (%s, %s to %s)", out.path, report.Count(t.ChartLanes(), "lane"), t.From, t.To)
		return nil
	}
	width := s.width()
	if out != nil {
		return out.write(func(w io.Writer) error { return t.WriteTerminal(w, width, false) })
	}
	return t.WriteTerminal(s.out, width, g.color)
}

package main

import (
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// timelineCapMonths is the longest view a timeline shows: lanes whose
// windows run past it are drawn to the edge and say so.
const timelineCapMonths = 48

func (e *env) timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "the windows of a club's players as a picture (terminal, SVG, PNG)",
		ArgsUsage: "CLUB",
		UsageText: "bosman timeline [flags] CLUB\n   bosman timeline [flags] --player NAME [--player NAME …]",
		Description: "One lane per player, from the as-of date to the last free-agency day in view (at most\n" +
			"four years): the contract, the pre-contract window abroad (FIFA RSTP art. 18.3), the window\n" +
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
		Action: e.timeline,
	}
}

// timeline is what a timeline shows, whatever draws it.
type timeline struct {
	title   string // the club, or the players
	asOf    rules.Date
	from    rules.Date // first day in view: the first of the as-of month
	to      rules.Date // last day in view
	capped  bool       // some lane runs past to
	lanes   []entry
	assoc   string          // whose registration periods are shown, or ""
	periods []*rules.Period // registration periods overlapping the view
	sources string          // summary of the contract data's sources
}

func (e *env) timeline(c *cli.Context) error {
	if err := e.setup(c); err != nil {
		return err
	}
	players := c.StringSlice("player")
	if c.NArg() == 0 && len(players) == 0 {
		return usageErr("timeline needs a CLUB or --player NAME").hint("e.g. bosman timeline Liverpool, or bosman timeline --player Konate --player Rudiger")
	}
	if c.NArg() > 0 && len(players) > 0 {
		return usageErr("timeline takes a CLUB or --player, not both").hint("drop %q, or the --player flags", strings.Join(c.Args().Slice(), " "))
	}
	out := c.String("output")
	if e.format == "png" && out == "" && e.isTTY {
		return usageErr("--format png writes binary data: give --output FILE").hint("e.g. --output timeline.png, or redirect stdout to a file")
	}
	from, until, err := e.horizon(c)
	if err != nil {
		return err
	}
	d, err := e.load(c)
	if err != nil {
		return err
	}
	if out != "" {
		if err := refuseInput(out, d.inputs); err != nil {
			return err
		}
	}
	to, err := e.target(c, d)
	if err != nil {
		return err
	}
	t := &timeline{asOf: e.asOf}
	if len(players) > 0 {
		var names []string
		seen := map[string]bool{}
		for _, q := range players {
			m, err := e.onePlayer(d, q)
			if err != nil {
				return err
			}
			ct, ok := contracts.InForce(m.Rows, e.asOf)
			if !ok {
				return dataErr("no contract of %s is known on %s", m.Name, e.asOf).hint("leave him out, or try a later --as-of")
			}
			key := ct.PlayerID + "\x00" + ct.Player + "\x00" + ct.Birth.String()
			if seen[key] {
				continue
			}
			seen[key] = true
			names = append(names, ct.Player)
			t.lanes = append(t.lanes, e.compute(ct, to))
		}
		t.title = strings.Join(names, ", ")
	} else {
		sel, err := e.clubEntries(c, d, strings.Join(c.Args().Slice(), " "), from, until, to)
		if err != nil {
			return err
		}
		t.title, t.lanes = sel.names[0], sel.entries
		if len(t.lanes) == 0 {
			what := fmt.Sprintf("expiring %s to %s", from.Human(), until.Human())
			return dataErr("no contract of %s in the data is %s", t.title, what).hint("try --all or a longer --within, e.g. --within 2y")
		}
	}
	sortByExpiry(t.lanes)
	t.frame()
	t.assoc = to
	if t.assoc == "" {
		t.assoc = commonAssociation(t.lanes)
	}
	if set := e.book.Set(t.assoc); set != nil {
		t.periods = set.PeriodsBetween(t.from, t.to)
	} else {
		t.assoc = ""
	}
	t.sources = sourcesSummary(t.lanes)

	switch e.format {
	case "svg", "png":
		ch := layoutChart(t)
		write := ch.writeSVG
		if e.format == "png" {
			write = ch.writePNG
		}
		if out != "" {
			if err := writeFileAtomic(out, write); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "bosman: wrote %s (%d lanes, %s to %s)\n", out, len(t.lanes), t.from, t.to)
			return nil
		}
		return write(e.out)
	}
	width := 80
	if s := e.getenv("COLUMNS"); s != "" {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 {
			width = n
		}
	}
	if out != "" {
		return writeFileAtomic(out, func(w io.Writer) error { return renderTerminal(w, t, width, false) })
	}
	return renderTerminal(e.out, t, width, e.color)
}

// frame sets the days in view: from the first of the as-of month to the
// end of the month after the last free-agency day, at least six months and
// at most timelineCapMonths.
func (t *timeline) frame() {
	y, m, _ := t.asOf.Civil()
	t.from = rules.D(y, m, 1)
	last := t.asOf
	for _, en := range t.lanes {
		if f := en.w.FreeAgent.Date; !f.IsZero() && f.After(last) {
			last = f
		}
	}
	ly, lm, _ := last.Civil()
	end := rules.D(ly, lm, 1).AddMonths(2).AddDays(-1) // end of the month after
	if least := t.from.AddMonths(6).AddDays(-1); end.Before(least) {
		end = least
	}
	if limit := t.from.AddMonths(timelineCapMonths).AddDays(-1); end.After(limit) {
		end = limit
		t.capped = true
	}
	t.to = end
}

// commonAssociation is the association all lanes' clubs share, or "".
func commonAssociation(lanes []entry) string {
	a := ""
	for _, en := range lanes {
		switch {
		case en.c.Association == "":
			return ""
		case a == "":
			a = en.c.Association
		case a != en.c.Association:
			return ""
		}
	}
	return a
}

// sourcesSummary names the hosts of the lanes' sources, most used first.
func sourcesSummary(lanes []entry) string {
	count := map[string]int{}
	for _, en := range lanes {
		s := strings.TrimSpace(en.c.Source)
		if s == "" {
			s = "unknown"
		} else if u, err := url.Parse(s); err == nil && u.Host != "" {
			s = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
		count[s]++
	}
	hosts := make([]string, 0, len(count))
	for h := range count {
		hosts = append(hosts, h)
	}
	sort.Slice(hosts, func(i, j int) bool {
		if count[hosts[i]] != count[hosts[j]] {
			return count[hosts[i]] > count[hosts[j]]
		}
		return hosts[i] < hosts[j]
	})
	var parts []string
	for i, h := range hosts {
		if i == 3 && len(hosts) > 4 {
			rest := 0
			for _, r := range hosts[3:] {
				rest += count[r]
			}
			parts = append(parts, fmt.Sprintf("%d more sources (%d)", len(hosts)-3, rest))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", h, count[h]))
	}
	return strings.Join(parts, ", ")
}

// segKind is what a stretch of a lane shows.
type segKind int

const (
	segContract segKind = iota + 1 // under contract, no window open
	segForeign                     // pre-contract abroad only
	segDomestic                    // pre-contract at home only
	segBoth                        // pre-contract abroad and at home
)

// segment is a stretch [start, end] of days of one kind.
type segment struct {
	start, end rules.Date
	kind       segKind
}

// segments splits a lane into stretches within [from, to], from the as-of
// date (or from, if later) to the expiry.
func segments(w *rules.Windows, asOf, from, to rules.Date) []segment {
	free := w.FreeAgent.Date
	if free.IsZero() {
		return nil
	}
	start := rules.MaxDate(asOf, from)
	end := rules.MinDate(free.AddDays(-1), to)
	if end.Before(start) {
		return nil
	}
	kind := func(d rules.Date) segKind {
		f := !w.Foreign.Date.IsZero() && !d.Before(w.Foreign.Date)
		h := !w.Domestic.Date.IsZero() && !d.Before(w.Domestic.Date)
		switch {
		case f && h:
			return segBoth
		case f:
			return segForeign
		case h:
			return segDomestic
		}
		return segContract
	}
	cuts := []rules.Date{start}
	for _, d := range []rules.Date{w.Foreign.Date, w.Domestic.Date} {
		if !d.IsZero() && d.After(start) && !d.After(end) {
			cuts = append(cuts, d)
		}
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].Before(cuts[j]) })
	var out []segment
	for i, c := range cuts {
		if i > 0 && c == cuts[i-1] {
			continue
		}
		e := end
		for _, n := range cuts[i+1:] {
			if n.After(c) {
				e = n.AddDays(-1)
				break
			}
		}
		k := kind(c)
		if len(out) > 0 && out[len(out)-1].kind == k {
			out[len(out)-1].end = e
			continue
		}
		out = append(out, segment{start: c, end: e, kind: k})
	}
	return out
}

// shortDate is "1 Jul 2026".
func shortDate(d rules.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.Civil()
	return fmt.Sprintf("%d %s %d", dd, m.String()[:3], y)
}

// monthStarts lists the first days of the months that begin in [from, to].
func monthStarts(from, to rules.Date) []rules.Date {
	y, m, d := from.Civil()
	first := rules.D(y, m, 1)
	if d != 1 {
		first = first.AddMonths(1)
	}
	var out []rules.Date
	for x := first; !x.After(to); x = x.AddMonths(1) {
		out = append(out, x)
	}
	return out
}

var monthLetters = [...]string{time.January: "J", time.February: "F", time.March: "M", time.April: "A", time.May: "M", time.June: "J",
	time.July: "J", time.August: "A", time.September: "S", time.October: "O", time.November: "N", time.December: "D"}

package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

func (e *env) clubCommand() *cli.Command {
	return &cli.Command{
		Name:      "club",
		Usage:     "a club's contracts that expire within a horizon, sorted by expiry",
		ArgsUsage: "CLUB",
		UsageText: "bosman club [flags] CLUB",
		Description: "CLUB matches in part and by common short names (Liverpool, Man Utd, Spurs, Barça, Bayern).\n" +
			"By default the horizon is the 12 months after the as-of date.\n\n" +
			"Examples:\n" +
			"   bosman club Liverpool --as-of 2025-10-07\n" +
			"   bosman club \"Real Madrid\" --season 2025/26 --format csv\n" +
			"   bosman club Arsenal --all",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "within", Usage: "contracts expiring within `PERIOD` of the as-of date: 18m, 2y, 90d", Value: "12m"},
			&cli.StringFlag{Name: "season", Usage: "contracts expiring in `SEASON`: 2026/27 (1 Jul to 30 Jun) or 2026 (the calendar year)"},
			&cli.BoolFlag{Name: "all", Usage: "every contract of the club, expired and unknown ones too"},
			&cli.StringFlag{Name: "to", Usage: "registration by a club of `ASSOC` or of a club"},
		},
		Action: e.club,
	}
}

func (e *env) club(c *cli.Context) error {
	if err := e.setup(c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageErr("club needs a CLUB").hint("e.g. bosman club Liverpool")
	}
	from, until, err := e.horizon(c)
	if err != nil {
		return err
	}
	d, err := e.load(c)
	if err != nil {
		return err
	}
	to, err := e.target(c, d)
	if err != nil {
		return err
	}
	sel, err := e.clubEntries(c, d, strings.Join(c.Args().Slice(), " "), from, until, to)
	if err != nil {
		return err
	}
	names, entries, expired, unknown := sel.names, sel.entries, sel.expired, sel.unknown
	if e.format != "table" {
		rw := newRowWriter(e.out, e.format, false)
		for i := range entries {
			if err := rw.write(&entries[i]); err != nil {
				return err
			}
		}
		return rw.close()
	}
	what := fmt.Sprintf("expiring %s to %s", from.Human(), until.Human())
	if c.Bool("all") {
		what = "all contracts"
	}
	fmt.Fprintf(e.out, "%s: %s, as of %s (%d)\n\n", names[0], what, e.asOf.Human(), len(entries))
	if expired > 0 || unknown > 0 {
		defer fmt.Fprintf(e.out, "Not listed: %d contracts that ended before %s and %d without an expiry in the data (see --all).\n",
			expired, e.asOf.Human(), unknown)
	}
	if len(entries) == 0 {
		fmt.Fprintf(e.out, "No contracts in the data match; try --all or a longer --within.\n")
		return nil
	}
	header := []string{"Player", "Born", "Expires", "Abroad from", "Home from", "Status", "Days"}
	if to != "" {
		header = append(header, "Reg. "+to)
	}
	var rows [][]string
	var notes []string
	consent := false
	for i := range entries {
		en := &entries[i]
		w := en.w
		born := ""
		if !en.c.Birth.IsZero() {
			born = strconv.Itoa(en.c.Birth.Year())
		}
		days := ""
		if n, _, ok := w.Countdown(w.FreeAgent.Date); ok {
			days = strconv.Itoa(n)
		}
		home := w.Domestic.Date.String()
		if home == "" && w.Status != rules.UnknownExpiry {
			home = "consent"
			consent = true
		}
		row := []string{truncate(en.c.Player, 24), born, en.c.Expires.String(), e.paintDate(w.Foreign.Date, w.Foreign.Date.String()), e.paintDate(w.Domestic.Date, home),
			e.paint(statusText(w), w.Status), days}
		if to != "" {
			reg := ""
			if w.Registration != nil {
				reg = w.Registration.From.String()
			}
			row = append(row, reg)
		}
		rows = append(rows, row)
		if len(w.Scenarios) > 0 {
			notes = append(notes, en.c.Player+": "+scenarioText(w.Scenarios[0]))
		}
		if en.staleC {
			notes = append(notes, en.c.Player+": "+en.staleClub()+".")
		}
		if w.Stale {
			notes = append(notes, fmt.Sprintf("%s: the contract ended on %s; the data may not show a renewal or a move.", en.c.Player, en.c.Expires.Human()))
		}
	}
	if err := renderTable(e.out, header, rows, false, map[int]bool{6: true}); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "\nFree agent from the day after expiry.")
	if consent {
		fmt.Fprintf(e.out, " \"consent\": no date at home without the club's consent.")
	}
	fmt.Fprintln(e.out)
	if set := entries[0].w.Set; set != nil {
		if dr := set.DomesticFor(entries[0].c.Expires); dr != nil {
			writeWrapped(e.out, "", fmt.Sprintf("At home (%s): %s", set.Code, dr.Text), 100)
		}
	}
	for _, n := range notes {
		writeWrapped(e.out, "- ", n, 100)
	}
	return nil
}

// clubSelection is a club's contracts in force on the as-of date within a
// horizon, computed and sorted by expiry, and what the horizon left out.
type clubSelection struct {
	names            []string // the club's names in the data; names[0] for titles
	entries          []entry
	expired, unknown int // left out: ended before the as-of date, no expiry
}

// clubEntries selects the contracts of the club query names, as club and
// timeline list them: within [from, until] unless --all.
func (e *env) clubEntries(c *cli.Context, d *data, query string, from, until rules.Date, to string) (clubSelection, error) {
	var sel clubSelection
	names, err := oneClub(d, query)
	if err != nil {
		return sel, err
	}
	sel.names = names
	isClub := nameSet(names)
	for _, ct := range e.inForce(d) {
		if !isClub[ct.Club] {
			continue
		}
		if !c.Bool("all") && (ct.Expires.IsZero() || ct.Expires.Before(from) || ct.Expires.After(until)) {
			switch {
			case ct.Expires.IsZero():
				sel.unknown++
			case ct.Expires.Before(e.asOf):
				sel.expired++
			}
			continue
		}
		sel.entries = append(sel.entries, e.compute(ct, to))
	}
	sortByExpiry(sel.entries)
	return sel, nil
}

// sortByExpiry orders entries by expiry, unknown last, then by name.
func sortByExpiry(entries []entry) {
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].c.Expires, entries[j].c.Expires
		if a != b {
			return !a.IsZero() && (b.IsZero() || a.Before(b))
		}
		return entries[i].c.Player < entries[j].c.Player
	})
}

func nameSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// oneClub resolves a club query to the names of one club in the data.
func oneClub(d *data, query string) ([]string, error) {
	names := d.index().Clubs(query)
	if len(names) == 0 {
		ee := dataErr("no club matches %q", query)
		if s := d.index().ClubSuggest(query, 5); len(s) > 0 {
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

// horizon returns the expiry range a club listing covers.
func (e *env) horizon(c *cli.Context) (from, until rules.Date, err error) {
	if s := c.String("season"); s != "" {
		y, y2, ok := strings.Cut(s, "/")
		start, err1 := strconv.Atoi(y)
		if err1 != nil || start < 1900 || start > 2200 {
			return from, until, usageErr("--season %q: want 2026/27 or 2026", s).hint("2026/27 is 1 Jul 2026 to 30 Jun 2027; 2026 is the calendar year")
		}
		if !ok {
			return rules.D(start, time.January, 1), rules.D(start, time.December, 31), nil
		}
		if end, err2 := strconv.Atoi(y2); err2 != nil || (end != (start+1)%100 && end != start+1) {
			return from, until, usageErr("--season %q: the second year must follow the first", s).hint("e.g. --season 2026/27")
		}
		return rules.D(start, time.July, 1), rules.D(start+1, time.June, 30), nil
	}
	within := c.String("within")
	n, unit := 0, byte(0)
	if len(within) >= 2 {
		unit = within[len(within)-1]
		n, err = strconv.Atoi(within[:len(within)-1])
	}
	if err != nil || n <= 0 || n > 100*366 || (unit != 'd' && unit != 'm' && unit != 'y') {
		return from, until, usageErr("--within %q: want a number and d, m or y", within).hint("e.g. --within 90d, --within 18m or --within 2y")
	}
	from = e.asOf
	switch unit {
	case 'd':
		until = from.AddDays(n)
	case 'm':
		until = from.AddMonths(n)
	case 'y':
		until = from.AddMonths(12 * n)
	}
	return from, until, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

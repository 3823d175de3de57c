package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

func exportCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "every contract's windows as CSV, JSON, TSV, Markdown or iCalendar",
		UsageText: "bosman export [flags]",
		Description: "One row per player: the contract in force and known on the as-of date. The columns are\n" +
			"documented in README and kept stable. --format ics writes an event for each window opening\n" +
			"and each free-agency day, each deadline day of the rule sets once, and with --to the\n" +
			"registration periods of that association; events before the as-of date say they have\n" +
			"passed, and --from DATE leaves out those before DATE. --output writes a file whole or not\n" +
			"at all.\n\n" +
			"Examples:\n" +
			"   bosman export > windows.csv\n" +
			"   bosman export --club Liverpool --format json\n" +
			"   bosman export --association ESP --expiring-before 2027-01-01 --format ics --output esp.ics",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "club", Usage: "only the contracts of `CLUB`"},
			&cli.StringFlag{Name: "association", Usage: "only clubs of `ASSOC` (ENG, ESP …)"},
			&cli.StringFlag{Name: "expiring-before", Usage: "only contracts expiring before `DATE`"},
			&cli.StringFlag{Name: "to", Usage: "registration by a club of `ASSOC` or of a club"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (whole or not at all) instead of stdout"},
			&cli.StringFlag{Name: "from", Usage: "--format ics: leave out the events before `DATE` (default: keep them, marked as passed)"},
		},
		Action: func(c *cli.Context) error { return export(s, c) },
	}
}

// export writes the windows of every contract the flags select, or of the
// --club's, in the --format asked, and says what became of the rows of the
// --data files.
func export(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	f, err := exportFilter(c, g)
	if err != nil {
		return err
	}
	files := dataFiles(s, c)
	out, err := prepareOutput(s, c)
	if err != nil {
		return err
	}
	cal, err := calendar(c, g)
	if err != nil {
		return err
	}
	d, club, err := readData(s, c, g, files)
	if err != nil {
		return err
	}
	subject := ""
	if club != nil {
		subject = club[0]
	}
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	opt, err := loadOptions(c)
	if err != nil {
		return err
	}
	cal.Name = calendarName(g, f, subject, to)
	r := &exportRun{s: s, g: g, q: g.query(to), f: f, cal: cal, d: d, club: club, files: files, opt: opt}
	if out != nil {
		err = out.write(r.write)
	} else {
		// To stdout, rows are written as they are computed: a run that
		// fails late leaves what it wrote on a pipe or terminal (the exit
		// status says it failed), and a redirected file is cut back (Main).
		err = r.write(s.out)
	}
	if err == nil && r.x != nil {
		r.notes(c)
	}
	return err
}

// noRows says why an export wrote no contract: no row matches the filters
// given, or, with none given, none is in force on the as-of day; "" when
// the files have no rows (read of them), which their loading has said.
func noRows(files []string, read int, c *cli.Context) string {
	data := "the data"
	if len(files) == 0 {
		data = "the embedded data"
	} else if read == 0 {
		return "" // the loader has said the file has no rows
	}
	var given []string
	for _, name := range []string{"club", "association", "expiring-before"} {
		if v := c.String(name); v != "" {
			given = append(given, fmt.Sprintf("--%s %s", name, v))
		}
	}
	if len(given) == 0 {
		return "no contract of " + data + " is in force on the as-of date; nothing was exported"
	}
	return "no contract of " + data + " matches " + strings.Join(given, " ") + "; nothing was exported"
}

// An exportRun is one export: of the rows of d in force (club's, when
// given), or, when d is nil, of the rows of files streamed.
type exportRun struct {
	s     *streams
	g     *global
	q     *report.Query
	f     report.Filter
	cal   report.Calendar
	d     *data
	club  []string
	files []string
	opt   contracts.LoadOptions

	x    *report.Export // once write has made it
	rows rowCounts      // of the files streamed
}

// write writes the export to w.
func (r *exportRun) write(w io.Writer) error {
	var err error
	if r.x, err = report.NewExport(w, r.g.format, r.q, r.f); err != nil {
		return err
	}
	r.x.SetCalendar(r.cal)
	if r.d != nil {
		rows, err := inForce(r.d, r.club, r.g.asOf)
		if err != nil {
			return err
		}
		for i := range rows {
			if err := r.x.Write(&rows[i]); err != nil {
				return err
			}
		}
		return r.x.Close()
	}
	return streamFiles(r.s, r.x.Stream(), r.files, r.opt, &r.rows)
}

// notes says, once the export is written, its warnings, why it wrote no
// contract if it wrote none (c's filter flags), and what became of the rows
// of the --data files.
func (r *exportRun) notes(c *cli.Context) {
	for _, w := range r.x.Warnings() {
		r.s.say("warning: %s", w)
	}
	if r.x.Counts().Written == 0 {
		read := r.rows.read
		if r.d != nil {
			read = r.d.rows.read
		}
		if msg := noRows(r.files, read, c); msg != "" {
			r.s.say("note: %s", msg)
		}
	}
	if len(r.files) == 0 {
		return
	}
	n := r.x.Counts()
	rows := r.rows
	if r.d != nil {
		// read whole: the rows not in force, and those not written of
		// the rest, whichever filter left them out
		rows = r.d.rows
		inForce, dr := report.InForceDropped(r.d.all, r.g.asOf)
		n.Dropped, n.Filtered = dr, len(inForce)-n.Written
	}
	exportNote(r.s, rows, n, r.g.asOf)
}

// readData loads the data the flags name, or returns nil when it can be
// streamed: a file is streamed, row by row, in bounded memory, unless a
// filter needs the whole data first (a club name to match, or --to CLUB);
// several files are read whole, so that a player in two of them is
// answered for once (see contracts.Combine). clubs are the names of the
// --club, if any.
func readData(s *streams, c *cli.Context, g *global, files []string) (d *data, clubs []string, err error) {
	var toErr error
	if c.String("to") != "" { // an empty --to is not looked up: its suggestions would parse every rule set
		_, toErr = contracts.ResolveCode(c.String("to"), g.book)
	}
	if len(files) == 1 && c.String("club") == "" && (c.String("to") == "" || toErr == nil) {
		return nil, nil, nil
	}
	if d, err = loadLookupFiles(s, c, files, nil); err != nil {
		return nil, nil, err
	}
	if name := c.String("club"); name != "" {
		if clubs, err = oneClub(s, d, name); err != nil {
			return nil, nil, err
		}
	}
	return d, clubs, nil
}

// exportNote says what became of the rows of the --data files that were
// not written, when some were not: rows read = rows written + the rows
// reported here, always.
func exportNote(s *streams, r rowCounts, n report.ExportCounts, asOf rules.Date) {
	if r.read == n.Written {
		return
	}
	var parts []string
	add := func(k int, one, many string) {
		switch {
		case k == 1:
			parts = append(parts, "1 "+one)
		case k > 1:
			parts = append(parts, fmt.Sprintf("%d %s", k, many))
		}
	}
	add(r.skipped, "invalid (--skip-invalid)", "invalid (--skip-invalid)")
	add(r.merged, "merged as a repeat", "merged as repeats")
	add(r.conflicts, "left out as contradicting an earlier row of its file", "left out as contradicting an earlier row of their file")
	add(r.blank, "blank", "blank")
	add(r.acrossFiles, "of a player another file speaks for", "of players another file speaks for")
	add(n.Superseded, "other contract of a player with one in force", "other contracts of players with one in force")
	first := ""
	if n.NotYet > 0 {
		first = fmt.Sprintf(" (the first: %s, %s:%d)", n.First.Player, n.First.Pos.File, n.First.Pos.Line)
	}
	add(n.NotYet, "of a player whose every contract was signed after "+asOf.String()+first,
		"of players whose every contract was signed after "+asOf.String()+first)
	add(n.Filtered, "left out by the filters", "left out by the filters")
	s.say("note: export: %s read, %d written; %s", report.Count(r.read, "row"), n.Written, strings.Join(parts, "; "))
}

// calendar is the first day of an iCalendar export, from --from.
func calendar(c *cli.Context, g *global) (report.Calendar, error) {
	var cal report.Calendar
	if v := c.String("from"); v != "" {
		if g.format != "ics" {
			return cal, usageErr("--from is for --format ics: it leaves out the calendar's events before a day").hint("for rows, use --expiring-before DATE")
		}
		d, err := g.day(c, "from")
		if err != nil {
			return cal, err
		}
		cal.From = d
	}
	return cal, nil
}

// calendarName names an iCalendar export after the query: "bosman:
// Liverpool FC contract windows, as of 7 Oct 2025"; club is the club asked
// for ("" for none), to the --to association.
func calendarName(g *global, f report.Filter, club, to string) string {
	what := "contract windows"
	switch {
	case club != "":
		what = club + " " + what
	case f.Code != nil:
		name := f.Code.Name
		switch f.Code.Kind {
		case contracts.CodeAssociation:
			name += " (" + f.Code.Association + ")"
		case contracts.CodeLeagueSet:
			name += " (" + f.Code.Set + ")"
		}
		what = name + " " + what
	}
	if !f.ExpiringBefore.IsZero() {
		what += " expiring before " + f.ExpiringBefore.Human()
	}
	if to != "" {
		what += ", with " + to + " registration periods"
	}
	return "bosman: " + what + ", as of " + g.asOf.Human()
}

// exportFilter reads --association (any code, see contracts.ResolveCode)
// and --expiring-before.
func exportFilter(c *cli.Context, g *global) (report.Filter, error) {
	var f report.Filter
	book := g.book
	if v := c.String("expiring-before"); v != "" {
		d, err := g.day(c, "expiring-before")
		if err != nil {
			return f, err
		}
		f.ExpiringBefore = d
	}
	if v := c.String("association"); v != "" {
		code, err := contracts.ResolveCode(v, book)
		if err != nil {
			return f, codeError("--association", v, err)
		}
		f.Code = &code
	}
	return f, nil
}

// streamFiles reads files into the export stream st, row by row, adding
// what became of their rows to rows.
func streamFiles(s *streams, st *report.Stream, files []string, opt contracts.LoadOptions, rows *rowCounts) error {
	for _, f := range files {
		o := opt
		o.Each = st.Add
		ds, err := loadFile(s, f, o)
		if err != nil {
			if perr := st.Stop(); perr != nil {
				return perr
			}
			return err
		}
		rows.add(ds)
	}
	return st.Close()
}

// inForce is each player's contract in force on asOf (contracts.Overlay):
// of the club called names when names are given, else of the whole data.
func inForce(d *data, names []string, asOf rules.Date) ([]contracts.Contract, error) {
	if len(names) > 0 {
		return d.m.ClubRows(names[0], asOf), nil
	}
	rows, err := d.m.InForce(asOf)
	if err != nil {
		return nil, dataErr("embedded dataset: %v", err)
	}
	return rows, nil
}

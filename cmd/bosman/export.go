package main

import (
	"fmt"
	"io"
	"path/filepath"
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
			"and each free-agency day. --output writes the file whole or not at all.\n\n" +
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
		},
		Action: func(c *cli.Context) error { return export(s, c) },
	}
}

func export(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	f, err := exportFilter(c, g.book)
	if err != nil {
		return err
	}
	out := c.String("output")
	files := dataFiles(s, c)
	if out != "" {
		if err := refuseInput(out, absPaths(files)); err != nil {
			return err
		}
	}
	// A file is streamed, row by row, in bounded memory, unless a filter
	// needs the whole data first (a club name to match, or --to CLUB);
	// several files are read whole, so that a player in two of them is
	// answered for once (see contracts.Combine).
	_, toErr := contracts.ResolveCode(c.String("to"), g.book)
	toIsCode := toErr == nil
	stream := len(files) == 1 && c.String("club") == "" && (c.String("to") == "" || toIsCode)
	var d *data
	var rows rowCounts // of the files streamed
	if !stream {
		if d, err = loadDataFiles(s, c, files); err != nil {
			return err
		}
		if name := c.String("club"); name != "" {
			names, err := oneClub(s, d, name)
			if err != nil {
				return err
			}
			f.Clubs = report.NameSet(names)
		}
	}
	to, err := target(s, c, g, d)
	if err != nil {
		return err
	}
	opt, err := loadOptions(c)
	if err != nil {
		return err
	}
	q := g.query(to)
	var x *report.Export
	write := func(w io.Writer) error {
		x, err = report.NewExport(w, g.format, q, f)
		if err != nil {
			return err
		}
		if !stream {
			if err := x.WriteInForce(d.all); err != nil {
				return err
			}
			return x.Close()
		}
		return streamFiles(s, x.Stream(), files, opt, &rows)
	}
	switch {
	case out != "":
		err = writeFileAtomic(out, write)
	case !stream:
		err = write(s.out)
	default:
		// Streamed rows go to a spool file first, so that a bad row found
		// late leaves nothing on stdout.
		err = spool(s.out, write)
	}
	if err == nil && len(files) > 0 {
		if d != nil {
			rows = d.rows
		}
		exportNote(s, rows, x.Counts(), g.asOf)
	}
	return err
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

// exportFilter reads --association (any code, see contracts.ResolveCode)
// and --expiring-before.
func exportFilter(c *cli.Context, book *rules.Book) (report.Filter, error) {
	var f report.Filter
	if v := c.String("expiring-before"); v != "" {
		d, err := rules.ParseISO(v)
		if err != nil {
			return f, usageErr("--expiring-before: %v", err)
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

// absPaths are the absolute forms of paths, leaving out those that have
// none.
func absPaths(paths []string) []string {
	var abs []string
	for _, p := range paths {
		if a, err := filepath.Abs(p); err == nil {
			abs = append(abs, a)
		}
	}
	return abs
}

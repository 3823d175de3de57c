package main

import (
	"io"

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
	f, err := exportFilter(c)
	if err != nil {
		return err
	}
	files := c.StringSlice("data")
	out, err := prepareOutput(s, c)
	if err != nil {
		return err
	}
	// Files are streamed, row by row, in bounded memory, unless a filter
	// needs the whole data first (a club name to match, or --to CLUB).
	_, toIsCode := contracts.Association(c.String("to"))
	stream := len(files) > 0 && c.String("club") == "" && (c.String("to") == "" || toIsCode)
	var d *data
	if !stream {
		if d, err = loadData(s, c); err != nil {
			return err
		}
		if name := c.String("club"); name != "" {
			names, err := oneClub(d, name)
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
	write := func(w io.Writer) error {
		x, err := report.NewExport(w, g.format, q, f)
		if err != nil {
			return err
		}
		if !stream {
			if err := x.WriteInForce(d.all); err != nil {
				return err
			}
			return x.Close()
		}
		return streamFiles(s, x.Stream(), files, opt)
	}
	if out != nil {
		return out.write(write)
	}
	// To stdout, rows are written as they are computed: a run that fails
	// late leaves what it wrote on a pipe or terminal (the exit status says
	// it failed), and a redirected file is cut back (Main).
	return write(s.out)
}

// exportFilter reads --association and --expiring-before.
func exportFilter(c *cli.Context) (report.Filter, error) {
	var f report.Filter
	if v := c.String("expiring-before"); v != "" {
		d, err := rules.ParseISO(v)
		if err != nil {
			return f, usageErr("--expiring-before: %v", err)
		}
		f.ExpiringBefore = d
	}
	if v := c.String("association"); v != "" {
		code, ok := contracts.Association(v)
		if !ok {
			ee := usageErr("--association %q is not an association code", v)
			if sug := contracts.Suggest(v); sug != "" {
				ee.hint("did you mean %s?", sug)
			}
			return f, ee.hint("FIFA codes such as ENG, ESP, GER; 'bosman rules' lists those with rule sets")
		}
		f.Association = code
	}
	return f, nil
}

// streamFiles reads files into the export stream st, row by row.
func streamFiles(s *streams, st *report.Stream, files []string, opt contracts.LoadOptions) error {
	for _, f := range files {
		o := opt
		o.Each = st.Add
		if _, err := loadFile(s, f, o); err != nil {
			if perr := st.Stop(); perr != nil {
				return perr
			}
			return err
		}
	}
	return st.Close()
}

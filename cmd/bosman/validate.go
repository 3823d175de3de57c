package main

import (
	"errors"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

func validateCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "load datasets and report every problem and warning",
		ArgsUsage: "FILE...",
		UsageText: "bosman validate [flags] FILE...",
		Description: "Each problem is a line 'file:line:column: what is wrong (what was expected)'; the column is\n" +
			"the field's number, as a spreadsheet counts columns. Exit status 1 when any file has an error.\n\n" +
			"Examples:\n" +
			"   bosman validate players.csv\n" +
			"   bosman validate --map expiry=Vertragsende kader.csv",
		Action: func(c *cli.Context) error { return validate(s, c) },
	}
}

func validate(s *streams, c *cli.Context) error {
	if _, err := readGlobal(s, c); err != nil {
		return err
	}
	if c.NArg() == 0 {
		return usageErr("validate needs at least one FILE").hint("e.g. bosman validate players.csv")
	}
	opt, err := loadOptions(c)
	if err != nil {
		return err
	}
	opt.SkipInvalid = true  // report every row, load what is good
	opt.MaxProblems = 10000 // list them all, as the other commands only summarise
	failed, badRows := 0, false
	var unread *exitError // the last file not read at all
	for _, path := range c.Args().Slice() {
		ds, err := s.load(path, opt)
		var le *contracts.LoadError
		if err != nil && !errors.As(err, &le) {
			// not read (whole): an error message, not a report
			unread = readError(path, err, "validate")
			if c.NArg() > 1 {
				s.say("error: %s", unread.msg)
				for _, h := range unread.hints {
					s.say("hint: %s", h)
				}
			}
			failed++
			continue
		}
		name := path
		if path == "-" {
			name = stdinName
		}
		report.Validation(s.out, name, ds)
		if ds.Errors > 0 {
			failed++
			badRows = badRows || ds.Skipped > 0
		}
	}
	if failed > 0 {
		s.out.Flush() // the report is the output, errors or not
		s.complete = true
		if c.NArg() == 1 && unread != nil {
			return unread
		}
		ee := dataErr("%d of %d files have errors", failed, c.NArg())
		if unread != nil {
			ee = dataErr("%d of %d files have errors or cannot be read", failed, c.NArg())
		}
		if c.NArg() == 1 {
			ee = dataErr("the file has errors")
		}
		if badRows {
			ee.hint("fix the rows listed; --skip-invalid lets other commands load the good rows")
		}
		return ee
	}
	return nil
}

package main

import (
	"errors"
	"fmt"
	"io/fs"

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
	opt.SkipInvalid = true // report every row, load what is good
	failed, badRows := 0, false
	for _, path := range c.Args().Slice() {
		o := opt
		o.Clubs, o.Competitions = lookupTables(s, path)
		ds, err := contracts.LoadFile(path, o)
		if ds == nil {
			// not read at all: that is an error message, not a report
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("no such file")
			}
			s.say("error: %s: %v", path, err)
			failed++
			continue
		}
		report.Validation(s.out, path, ds)
		if ds.Errors > 0 || (err != nil && ds.Read == 0) {
			failed++
			badRows = badRows || ds.Skipped > 0
		}
	}
	if failed > 0 {
		s.out.Flush() // the report is the output, errors or not
		s.complete = true
		ee := dataErr("%d of %d files have errors", failed, c.NArg())
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

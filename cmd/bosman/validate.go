package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
)

func (e *env) validateCommand() *cli.Command {
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
		Action: e.validate,
	}
}

func (e *env) validate(c *cli.Context) error {
	if err := e.setup(c); err != nil {
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
		o.Clubs, o.Competitions = e.lookupTables(path)
		ds, err := contracts.LoadFile(path, o)
		if ds == nil {
			// not read at all: that is an error message, not a report
			if errors.Is(err, fs.ErrNotExist) {
				err = fmt.Errorf("no such file")
			}
			fmt.Fprintf(e.stderr, "bosman: error: %s: %v\n", path, err)
			failed++
			continue
		}
		for _, p := range ds.Problems {
			sev := "error: "
			if p.Severity == contracts.Warning {
				sev, p.Severity = "warning: ", contracts.Error // the word once, first
			}
			fmt.Fprintf(e.out, "%s%s\n", sev, p.Error())
		}
		if more := ds.Errors + ds.Warnings - len(ds.Problems); more > 0 {
			fmt.Fprintf(e.out, "%s: and %d more problems not listed\n", path, more)
		}
		format := ds.Format
		if format == "" {
			format = "not read as contracts"
		}
		fmt.Fprintf(e.out, "%s: %s; %s read, %d loaded, %d invalid, %d merged as duplicates; %s, %s\n",
			path, format, count(ds.Read, "row"), len(ds.Contracts), ds.Skipped, ds.Merged, count(ds.Errors, "error"), count(ds.Warnings, "warning"))
		if ds.Errors > 0 || (err != nil && ds.Read == 0) {
			failed++
			badRows = badRows || ds.Skipped > 0
		}
	}
	if failed > 0 {
		e.out.Flush() // the report is the output, errors or not
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

// count is "1 row" or "n rows".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

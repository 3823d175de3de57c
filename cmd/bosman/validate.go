package main

import (
	"fmt"

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
	if err := e.setup(c, "table", "table"); err != nil {
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
	failed := 0
	for _, path := range c.Args().Slice() {
		o := opt
		o.Clubs, o.Competitions = e.lookupTables(path)
		ds, err := contracts.LoadFile(path, o)
		if ds == nil {
			fmt.Fprintf(e.out, "%s: %v\n", path, err)
			failed++
			continue
		}
		for _, p := range ds.Problems {
			sev := "error: "
			if p.Severity == contracts.Warning {
				sev = ""
			}
			fmt.Fprintf(e.out, "%s%s\n", sev, p.Error())
		}
		if more := ds.Errors + ds.Warnings - len(ds.Problems); more > 0 {
			fmt.Fprintf(e.out, "%s: and %d more problems not listed\n", path, more)
		}
		fmt.Fprintf(e.out, "%s: %s; %d rows read, %d loaded, %d invalid, %d duplicates merged; %d errors, %d warnings\n",
			path, ds.Format, ds.Read, len(ds.Contracts), ds.Skipped, ds.Merged, ds.Errors, ds.Warnings)
		if ds.Errors > 0 || (err != nil && ds.Read == 0) {
			failed++
		}
	}
	if failed > 0 {
		e.out.Flush() // the report is the output, errors or not
		return dataErr("%d of %d files have errors", failed, c.NArg())
	}
	return nil
}

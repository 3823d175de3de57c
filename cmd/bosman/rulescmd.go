package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

func rulesCommand(s *streams) *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "the associations covered, or one in full with its sources and registration periods",
		ArgsUsage: "[ASSOC]",
		UsageText: "bosman rules [flags] [ASSOC]",
		Description: "Without ASSOC: each rule set's domestic rule, usual expiry, holiday calendar and confidence.\n" +
			"With ASSOC (a FIFA code such as ENG, or a league set such as MLS): every rule with its text,\n" +
			"sources and confidence, and the registration periods, estimated ones marked.\n\n" +
			"Examples:\n" +
			"   bosman rules\n" +
			"   bosman rules ITA\n" +
			"   bosman rules --rules ./my-rules NED",
		Action: func(c *cli.Context) error { return rulesCmd(s, c) },
	}
}

func rulesCmd(s *streams, c *cli.Context) error {
	g, err := readGlobal(s, c)
	if err != nil {
		return err
	}
	markdown := g.format == "markdown"
	if c.NArg() == 0 {
		return report.RulesList(s.out, g.book, g.asOf, markdown, s.width())
	}
	arg := c.Args().First()
	set := g.book.Set(arg) // FIFA, or a set of --rules
	if set == nil {
		code, err := contracts.ResolveCode(arg, g.book)
		if err != nil {
			return codeError("rules", arg, err)
		}
		set = g.book.Set(code.Set)
	}
	if set == nil {
		code := strings.ToUpper(arg)
		ee := dataErr("no rule set %q", arg)
		var codes []string
		for _, s := range g.book.Sets() {
			codes = append(codes, s.Code)
		}
		if s := closest(code, codes); s != "" {
			ee.hint("did you mean %s?", s)
		}
		ee.hint("rule sets: %s; any other association gets the FIFA baseline ('bosman rules FIFA')", strings.Join(codes, " "))
		return ee
	}
	return report.RulePage(s.out, set, markdown, s.width())
}

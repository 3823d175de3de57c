package main

import "github.com/urfave/cli/v2"

func (e *env) timelineCommand() *cli.Command {
	return &cli.Command{
		Name:      "timeline",
		Usage:     "the windows of a club's players as a picture (terminal, SVG, PNG)",
		ArgsUsage: "CLUB",
		Hidden:    true,
		Action: func(c *cli.Context) error {
			return dataErr("timeline is not built yet")
		},
	}
}

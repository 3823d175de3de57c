// Command bosman answers the question every transfer journalist, agent and
// club analyst asks: when is this player free to sign elsewhere?
//
// For each contract it gives the day a club of another association may sign
// him to a pre-contract (FIFA RSTP art. 18.3: within six months of expiry,
// after written notice to his club), the day a club of his own association
// may (each association's own rule: England's third Saturday in May, Italy's
// 1 January …), the day he is a free agent, and, with --to, the first day a
// club of that association may register him. Every date comes with the rule
// that decides it, its source, and how sure the research behind it is.
//
// Usage:
//
//	bosman player NAME            one player's windows
//	bosman club CLUB              a club's expiring contracts
//	bosman expiring               the whole market's, for a club of --to
//	bosman export                 every contract's windows as CSV, JSON, TSV or iCalendar
//	bosman rules [ASSOC]          the rule sets, and one in full with its sources
//	bosman validate FILE...       check datasets and report every problem
//	bosman timeline CLUB          the windows as a picture
//	bosman completion bash|zsh|fish
//
// Global flags, accepted before or after the command:
//
//	--data FILE      a contracts dataset (repeatable); default: the embedded one
//	--rules DIR      rule files (*.toml) that add or replace associations
//	--as-of DATE     the day the question is asked (YYYY-MM-DD); default: today
//	--format F       table, csv, tsv, json or markdown (export, club and expiring also: ics;
//	                 timeline: svg, png)
//	--no-color       no colour, also when NO_COLOR is set
//	--skip-invalid   load a dataset's good rows and say how many were skipped
//	--map F=H        read column H of a spreadsheet as field F
//	--month-first    read slashed dates as month/day/year
//
// Examples:
//
//	$ bosman player Konate --as-of 2025-10-07
//	$ bosman player Rudiger --to ENG
//	$ bosman club Liverpool --within 18m
//	$ bosman expiring --to ESP --position CB --age -28
//	$ bosman export --association ESP --expiring-before 2027-01-01 --output esp.csv
//
// Exit status: 0 when all is well, 1 on a runtime or data error (no such
// player, an ambiguous name, a bad dataset), 2 on a usage error.
package main

import "os"

func main() {
	handleSignals()
	os.Exit(Main(os.Args, os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

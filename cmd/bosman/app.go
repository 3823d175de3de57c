package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

// exitError is an error with an exit status and hints for the user.
type exitError struct {
	code  int
	msg   string
	hints []string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) *exitError {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

func dataErr(format string, args ...any) *exitError {
	return &exitError{code: 1, msg: fmt.Sprintf(format, args...)}
}

func (e *exitError) hint(format string, args ...any) *exitError {
	e.hints = append(e.hints, fmt.Sprintf(format, args...))
	return e
}

// streams are one run's input, output and environment: all a command may
// touch besides the files its flags name.
type streams struct {
	stdin  io.Reader
	out    *bufio.Writer // stdout, flushed only when the command succeeds
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	isTTY  bool // stdout is a terminal
	errTTY bool // stderr is a terminal: progress is drawn there
	// termCols is the terminal's width when stdout is one, else 0
	termCols int
	now      func() time.Time
	// badToday is BOSMAN_TODAY when it is set but not a date: the run
	// refuses it rather than answer for the real today unannounced
	badToday string

	rawStdout io.Writer // stdout as given, to compare with the inputs
	// complete: what the command wrote to stdout is whole although it
	// fails (validate's report), so it is not cut back
	complete bool
	// restoreGC, when the run changed GOGC (see boundedHeap), sets it back
	restoreGC func()
}

// Main runs bosman with args (args[0] is the program name) and returns the
// exit status. It never calls os.Exit, so tests run it in-process.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	pipe := &pipeWatch{w: stdout}
	s := &streams{stdin: stdin, stdout: pipe, stderr: stderr, getenv: getenv, now: time.Now, rawStdout: stdout}
	if f, ok := stdout.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			s.isTTY = true
			s.termCols = terminalColumns(f)
		}
	}
	if f, ok := stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			s.errTTY = true
		}
	}
	if fixed := getenv("BOSMAN_TODAY"); fixed != "" { // for reproducible examples and tests
		if d, err := rules.ParseISO(fixed); err == nil {
			s.now = func() time.Time { return d.Time() }
		} else {
			s.badToday = fixed
		}
	}
	// stdout a file (a shell redirection): a run that fails cuts it back to
	// where it began, so nothing is left half written
	sf := regularStdout(stdout)
	pipe.file = sf != nil
	code := s.run(args)
	if pipe.broken.Load() && code != 0 {
		code = 1 // the reader went away (| head): a quiet end, nothing to say
	}
	if sf != nil {
		sf.done(code != 0 && !s.complete)
	}
	return code
}

// pipeWatch is stdout, noting when a write fails because the reader of the
// pipe has gone (EPIPE): the run then stops without a message.
type pipeWatch struct {
	w      io.Writer
	file   bool // stdout is a regular file
	broken atomic.Bool
}

func (p *pipeWatch) Write(b []byte) (int, error) {
	if p.file {
		// under the signal handler's lock: once it has cut the file back,
		// nothing more is written to it (the process is ending). Only for a
		// file: a write to a full pipe may block, and must not hold up a
		// signal.
		pending.Lock()
		defer pending.Unlock()
	}
	n, err := p.w.Write(b)
	if err != nil && errors.Is(err, syscall.EPIPE) {
		p.broken.Store(true)
	}
	return n, err
}

// run runs the command args name and reports its error, if any.
func (s *streams) run(args []string) (code int) {
	defer s.internalError(&code)
	defer func() {
		if s.restoreGC != nil {
			s.restoreGC()
		}
	}()
	s.out = bufio.NewWriterSize(s.stdout, 64<<10)
	if s.badToday != "" {
		return s.report(usageErr("BOSMAN_TODAY=%q is not a date", s.badToday).
			hint("give it as YYYY-MM-DD, or unset it to use today's date"))
	}
	app := newApp(s)
	if err := missingValue(args, app); err != nil {
		return s.report(err)
	}
	err := app.Run(reorder(args, app))
	if s.stdout.(*pipeWatch).broken.Load() {
		return 1 // stdout's reader has gone: nothing more to say to it, or about it
	}
	if err == nil {
		if ferr := s.out.Flush(); ferr != nil {
			fmt.Fprintf(s.stderr, "bosman: error: writing output: %v\n", ferr)
			return 1
		}
		return 0
	}
	return s.report(err)
}

// report writes err, its lines and hints, to stderr and returns its exit
// status.
func (s *streams) report(err error) int {
	var ee *exitError
	if !errors.As(err, &ee) {
		ee = &exitError{code: 1, msg: err.Error()}
	}
	// Messages quote names, clubs and paths from the user's data: cleaned,
	// they cannot drive the terminal.
	for i, line := range strings.Split(report.CleanLines(ee.msg), "\n") {
		if i == 0 {
			fmt.Fprintf(s.stderr, "bosman: error: %s\n", line)
		} else {
			fmt.Fprintf(s.stderr, "bosman:   %s\n", line)
		}
	}
	for _, h := range ee.hints {
		fmt.Fprintf(s.stderr, "bosman: hint: %s\n", report.CleanLines(h))
	}
	return ee.code
}

// internalError turns a panic of the run into exit status 1, the runtime
// error's, with a message and the stack; deferred. What no deferred
// function can catch, the Go runtime's own fatal errors (out of memory, a
// concurrent map write), ends the process with the runtime's status, 2:
// README says so, and the limits bosman sets on what an input can make it
// allocate are there so that none is reached.
func (s *streams) internalError(code *int) {
	if r := recover(); r != nil {
		fmt.Fprintf(s.stderr, "bosman: internal error: %v\nbosman: hint: please report this with the command you ran\n%s", r, debug.Stack())
		*code = 1
	}
}

// say writes a message line to stderr, after "bosman: ", cleaned: it may
// quote the user's data (see report.Clean).
func (s *streams) say(format string, args ...any) {
	fmt.Fprintf(s.stderr, "bosman: %s\n", report.CleanLines(fmt.Sprintf(format, args...)))
}

// formats lists the output formats of each command; the first is the default.
var formats = map[string][]string{
	"player":   {"table", "csv", "tsv", "json", "markdown"},
	"club":     {"table", "csv", "tsv", "json", "markdown", "ics"},
	"expiring": {"table", "csv", "tsv", "json", "markdown", "ics"},
	"export":   {"csv", "tsv", "json", "markdown", "ics"},
	"rules":    {"table", "markdown"},
	"validate": {"table"},
	"timeline": {"table", "svg", "png"},
}

// globalFlags are accepted by every command, before or after its name;
// commands that read contracts also take the dataset flags.
func globalFlags(cmd string) []cli.Flag {
	fl := []cli.Flag{
		&cli.StringFlag{Name: "rules", Usage: "add or replace rule sets with the *.toml files in `DIR`"},
		&cli.StringFlag{Name: "as-of", Usage: "answer as of `DATE`: 2025-10-07, 7/10/2025, 7 Oct 2025 or today", DefaultText: "today"},
	}
	if f := formats[cmd]; len(f) > 1 {
		fl = append(fl, &cli.StringFlag{Name: "format", Usage: "output `FORMAT`: " + strings.Join(f, ", "), DefaultText: f[0]})
	}
	fl = append(fl, &cli.BoolFlag{Name: "no-color", Usage: "never colour the output (also NO_COLOR=1)"})
	if cmd == "rules" {
		return fl
	}
	if cmd != "validate" {
		fl = append(fl, &cli.StringSliceFlag{Name: "data", Usage: "read contracts from `FILE` (repeatable; default: the embedded dataset)"},
			&cli.BoolFlag{Name: "skip-invalid", Usage: "load the good rows of a dataset with bad ones, and say how many were skipped"})
	}
	return append(fl,
		&cli.StringSliceFlag{Name: "map", Usage: "read column `FIELD=HEADER` of a spreadsheet (expiry=Vertragsende,club=Verein)"},
		&cli.StringFlag{Name: "data-association", Usage: "the association (`ASSOC`: ENG, Spain, GB1 …) of every row of the --data files that states none, e.g. a club's own sheet"},
		&cli.BoolFlag{Name: "no-infer", Usage: "leave a row without association or league without one, instead of inferring it from the club's name"},
		&cli.BoolFlag{Name: "month-first", Usage: "read slashed dates in datasets as month/day/year"})
}

// appFlags are the global flags as 'bosman --help' lists them: those of
// every command, --format with all the formats (each command takes some).
func appFlags() []cli.Flag {
	var all []string
	for _, cmd := range []string{"player", "export", "timeline"} {
		for _, f := range formats[cmd] {
			if indexOf(all, f) < 0 {
				all = append(all, f)
			}
		}
	}
	var out []cli.Flag
	for _, f := range globalFlags("player") {
		if sf, ok := f.(*cli.StringFlag); ok && sf.Name == "format" {
			f = &cli.StringFlag{Name: "format", Usage: "output `FORMAT`: " + strings.Join(all, ", ") + " (each command's --help says which it writes)", DefaultText: "table, or csv for export"}
		}
		out = append(out, f)
	}
	return out
}

const appDescription = "bosman combines each association's rules (FIFA's six months, England's third Saturday in May,\n" +
	"Italy's 1 January …) with a dataset of contracts, and gives for each player the day a foreign club\n" +
	"may sign him to a pre-contract, the day a domestic club may, the day he is free, and when a new\n" +
	"club may register him, each with its rule and source.\n\n" +
	"Examples:\n" +
	"   bosman player Konate --as-of 2025-10-07\n" +
	"   bosman club \"Real Madrid\" --to ENG\n" +
	"   bosman export --format csv --output windows.csv\n" +
	"   bosman rules ITA\n\n" +
	"The global options below go before or after the command; each command's --help lists its own:\n" +
	"   bosman --as-of 2026-01-02 player Konate --format json\n" +
	"   bosman club Spurs --data squad.csv --map expiry=Vertragsende --month-first\n" +
	"   bosman player Kane --data players.csv --data extra.csv --skip-invalid\n" +
	"   bosman rules --rules ./my-rules NED --no-color"

// newApp is bosman's command line, writing to s.
func newApp(s *streams) *cli.App {
	app := &cli.App{
		Name:            "bosman",
		Usage:           "when is this player free to sign elsewhere?",
		UsageText:       "bosman COMMAND [flags] [args]",
		Description:     appDescription,
		Version:         version(),
		HideHelpCommand: true,
		Writer:          s.out,
		ErrWriter:       s.stderr,
		Reader:          s.stdin,
		ExitErrHandler:  func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			cmd := c.Command
			if cmd != nil && cmd.Name == c.App.Name {
				cmd = nil // the app's own flags
			}
			return flagError(err, cmd, c.App.Commands)
		},
		Action: noCommand,
		Commands: []*cli.Command{
			playerCommand(s),
			clubCommand(s),
			expiringCommand(s),
			exportCommand(s),
			rulesCommand(s),
			validateCommand(s),
			timelineCommand(s),
			dataCommand(s),
			completionCommand(s),
			completeCommand(s),
		},
	}
	app.Flags = appFlags()
	for _, cmd := range app.Commands {
		if cmd.Name != "completion" && cmd.Name != "data" {
			cmd.Flags = append(cmd.Flags, globalFlags(cmd.Name)...)
		}
		cmd.OnUsageError = app.OnUsageError
		for _, sub := range cmd.Subcommands {
			sub.OnUsageError = app.OnUsageError
		}
	}
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintf(c.App.Writer, "bosman %s\n", c.App.Version) }
	nameFlags(app)
	return app
}

// nameFlags gives every flag of app its names once. urfave/cli's Names
// runs a regular expression over each name on every call, and on every
// run it asks for the names of all of a command's flags once for each of
// them (runFlagActions, IsSet): a third of a millisecond of each command.
// The names are flagNames', which runs none. The flags stay what they were
// but for Names.
func nameFlags(app *cli.App) {
	named := func(fs []cli.Flag) {
		for i, f := range fs {
			switch f := f.(type) {
			case *cli.StringFlag:
				fs[i] = &stringFlag{f, flagNames(f.Name, f.Aliases)}
			case *cli.BoolFlag:
				fs[i] = &boolFlag{f, flagNames(f.Name, f.Aliases)}
			case *cli.StringSliceFlag:
				fs[i] = &stringSliceFlag{f, flagNames(f.Name, f.Aliases)}
			case *cli.IntFlag:
				fs[i] = &intFlag{f, flagNames(f.Name, f.Aliases)}
			case *cli.GenericFlag:
				fs[i] = &genericFlag{f, flagNames(f.Name, f.Aliases)}
			case *cli.DurationFlag:
				fs[i] = &durationFlag{f, flagNames(f.Name, f.Aliases)}
			}
		}
	}
	named(app.Flags)
	for _, c := range app.Commands {
		named(c.Flags)
		for _, sub := range c.Subcommands {
			named(sub.Flags)
		}
	}
}

// flagNames is cli.FlagNames, which cuts each name at its first comma or
// space (the names of urfave/cli v1), without the regular expression it
// runs for it: a name with a line break, where that expression's ".*"
// stops, is left to it (TestFlagNames).
func flagNames(name string, aliases []string) []string {
	out := make([]string, 0, 1+len(aliases))
	for i := -1; i < len(aliases); i++ {
		n := name
		if i >= 0 {
			n = aliases[i]
		}
		if strings.IndexByte(n, '\n') >= 0 {
			return cli.FlagNames(name, aliases)
		}
		if cut := strings.IndexAny(n, ", "); cut >= 0 {
			n = n[:cut]
		}
		out = append(out, n)
	}
	return out
}

// The flags of nameFlags: each is urfave/cli's, its names given once.
type (
	stringFlag struct {
		*cli.StringFlag
		names []string
	}
	boolFlag struct {
		*cli.BoolFlag
		names []string
	}
	stringSliceFlag struct {
		*cli.StringSliceFlag
		names []string
	}
	intFlag struct {
		*cli.IntFlag
		names []string
	}
	genericFlag struct {
		*cli.GenericFlag
		names []string
	}
	durationFlag struct {
		*cli.DurationFlag
		names []string
	}
)

func (f *stringFlag) Names() []string      { return f.names }
func (f *boolFlag) Names() []string        { return f.names }
func (f *stringSliceFlag) Names() []string { return f.names }
func (f *intFlag) Names() []string         { return f.names }
func (f *genericFlag) Names() []string     { return f.names }
func (f *durationFlag) Names() []string    { return f.names }

// isBool reports whether f takes no value.
func isBool(f cli.Flag) bool {
	switch f.(type) {
	case *cli.BoolFlag, *boolFlag:
		return true
	}
	return false
}

// noCommand is the app's action: help, or a usage error.
func noCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		cli.ShowAppHelp(c)
		return usageErr("no command given").hint("try 'bosman player Konate' or 'bosman --help'")
	}
	if c.Args().First() == "help" {
		name := c.Args().Get(1)
		switch {
		case name == "":
			return cli.ShowAppHelp(c)
		case c.App.Command(name) != nil:
			return cli.ShowCommandHelp(c, name)
		}
		ee := unknownCommand(name, c.App.Commands).(*exitError)
		ee.msg = fmt.Sprintf("no help for %q: not a command", name)
		return ee
	}
	return unknownCommand(c.Args().First(), c.App.Commands)
}

// reorder moves the global flags a user wrote before the command to after
// it, and a command's flags written after its arguments to before them, so
// that 'bosman --as-of 2025-10-07 player Konate' and 'bosman player Konate
// --as-of 2025-10-07' both work: urfave/cli stops reading flags at the first
// argument.
func reorder(args []string, app *cli.App) []string {
	if len(args) < 2 {
		return args
	}
	cmdIndex, valued := flagIndex(app)
	var before, flags, pos []string
	var cmd string
	rest := args[1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			pos = append(pos, rest[i:]...)
			i = len(rest)
		case strings.HasPrefix(a, "-") && len(a) > 1:
			name := strings.TrimLeft(a, "-")
			takes := valued[name] && !strings.Contains(name, "=")
			group := &flags
			if cmd == "" {
				group = &before
			}
			*group = append(*group, a)
			if takes && i+1 < len(rest) {
				i++
				*group = append(*group, rest[i])
			}
		case cmd == "":
			if _, ok := cmdIndex[a]; !ok {
				return args // not a command we know: let the app say so
			}
			cmd = a
		default:
			pos = append(pos, a)
		}
	}
	if cmd == "" {
		return args
	}
	out := []string{args[0], cmd}
	// a command of commands ('data update'): its command first
	if c := cmdIndex[cmd]; len(c.Subcommands) > 0 && len(pos) > 0 && c.Command(pos[0]) != nil {
		out, pos = append(out, pos[0]), pos[1:]
	}
	out = append(out, before...)
	out = append(out, flags...)
	return append(out, pos...)
}

// missingValue finds a flag that takes a value written without one: last
// on the line ('player Kane --data'), or followed by another flag. Left to
// urfave/cli, the flag would take the player's name as its value, and the
// error would be about the name.
func missingValue(args []string, app *cli.App) error {
	_, valued := flagIndex(app)
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return nil
		}
		if !strings.HasPrefix(a, "-") || len(a) < 2 || strings.Contains(a, "=") {
			continue
		}
		name := strings.TrimLeft(a, "-")
		if !valued[name] {
			continue
		}
		if i+1 == len(args) || isFlag(args[i+1], valued) {
			ph := placeholder(findFlag(app, name))
			return usageErr("%s needs a %s", a, ph).hint("e.g. %s", flagExample(a, ph))
		}
		i++
	}
	return nil
}

// isFlag says whether a is one of bosman's flags.
func isFlag(a string, valued map[string]bool) bool {
	if !strings.HasPrefix(a, "-") || len(a) < 2 {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	_, ok := valued[name]
	return ok
}

// findFlag is the flag of the app called name, on any command.
func findFlag(app *cli.App, name string) cli.Flag {
	for _, c := range app.Commands {
		for _, f := range c.Flags {
			if indexOf(f.Names(), name) >= 0 {
				return f
			}
		}
	}
	return nil
}

// placeholder is the word a flag's help uses for its value (FILE, DATE).
func placeholder(f cli.Flag) string {
	if df, ok := f.(cli.DocGenerationFlag); ok {
		// the back-quoted word of the usage text, as urfave/cli shows it
		if _, rest, ok := strings.Cut(df.GetUsage(), "`"); ok {
			if name, _, ok := strings.Cut(rest, "`"); ok && name != "" {
				return name
			}
		}
	}
	return "value"
}

// flagExample is flag (as written) with a value of the kind its
// placeholder names.
func flagExample(flag, ph string) string {
	ex := map[string]string{"FILE": "players.csv", "DATE": "2025-10-07", "DIR": "./my-rules", "FORMAT": "csv",
		"ASSOC": "ENG", "PERIOD": "18m", "SEASON": "2026/27", "NAME": "Konate", "CLUB": "Liverpool", "FIELD=HEADER": "expiry=Vertragsende"}[ph]
	if ex == "" {
		ex = ph
	}
	return flag + " " + ex
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// flagIndex maps the app's command names and aliases to their commands,
// and its flags' names to whether they take a value.
func flagIndex(app *cli.App) (map[string]*cli.Command, map[string]bool) {
	valued := map[string]bool{}
	cmdIndex := map[string]*cli.Command{}
	for _, c := range app.Commands {
		cmdIndex[c.Name] = c
		for _, a := range c.Aliases {
			cmdIndex[a] = c
		}
		flags := append([]cli.Flag(nil), c.Flags...)
		for _, sub := range c.Subcommands {
			flags = append(flags, sub.Flags...)
		}
		for _, f := range flags {
			for _, n := range f.Names() { // cheap: see nameFlags
				valued[n] = !isBool(f)
			}
		}
	}
	return cmdIndex, valued
}

// flagError turns urfave/cli's flag parsing errors into usage errors with a
// suggestion: a flag of cmd near the one written, or the commands that take
// the flag when cmd does not ('export --season' names club and timeline).
func flagError(err error, cmd *cli.Command, all []*cli.Command) error {
	msg := err.Error()
	const undefined = "flag provided but not defined: "
	i := strings.Index(msg, undefined)
	if i < 0 {
		return usageErr("%s", msg)
	}
	bad := strings.TrimLeft(msg[i+len(undefined):], "-")
	name, help := "", "'bosman --help' lists the flags"
	flags := []cli.Flag{cli.HelpFlag, cli.VersionFlag}
	ee := usageErr("unknown flag --%s", bad)
	if cmd != nil && cmd.Name != "" {
		name, flags, help = cmd.Name, cmd.Flags, fmt.Sprintf("'bosman %s --help' lists its flags", cmd.Name)
		ee.msg = fmt.Sprintf("%s takes no flag --%s", name, bad)
	}
	var names []string
	for _, f := range flags {
		names = append(names, f.Names()...)
	}
	if s := closest(bad, names); s != "" {
		return ee.hint("did you mean --%s?", s)
	}
	// another command's flag, as written or nearly
	var others []string
	for _, c := range all {
		if c.Name != name && !c.Hidden {
			for _, f := range c.Flags {
				others = append(others, f.Names()...)
			}
		}
	}
	if s := closest(bad, others); s != "" {
		var takers []string
		for _, c := range all {
			if c.Name != name && !c.Hidden && findFlag(&cli.App{Commands: []*cli.Command{c}}, s) != nil {
				takers = append(takers, "'bosman "+c.Name+"'")
			}
		}
		return ee.hint("--%s is a flag of %s", s, andList(takers))
	}
	return ee.hint("%s", help)
}

// andList joins items as English lists them: "a", "a and b", "a, b and c".
func andList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func unknownCommand(name string, cmds []*cli.Command) error {
	ee := usageErr("unknown command %q", name)
	var names []string
	for _, c := range cmds {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	if s := closest(name, names); s != "" {
		ee.hint("did you mean 'bosman %s'?", s)
	} else {
		ee.hint("commands: %s", strings.Join(names, ", "))
	}
	return ee
}

// closest returns the candidate nearest to s by edit distance, when near
// enough to be what was meant: at most a third of its letters wrong (one for
// a short word), or s the start of the candidate. 'calendar' is not near
// 'validate'.
func closest(s string, candidates []string) string {
	best, bestD := "", max(1, len([]rune(s))/3)+1
	for _, c := range candidates {
		if len(s) >= 3 && strings.HasPrefix(c, s) {
			return c
		}
		if d := contracts.EditDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// version is the module version and VCS revision when the build knows them.
var buildVersion = "" // set with -ldflags "-X main.buildVersion=v1.2.3"

func version() string {
	v := buildVersion
	info, ok := debug.ReadBuildInfo()
	if v == "" {
		v = "(devel)"
		if ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	if !ok {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		v += " (" + rev + modified + ")"
	}
	return v
}

package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

// global is what the flags every command shares say.
type global struct {
	asOf   rules.Date
	format string
	color  bool
	book   *rules.Book
	today  rules.Date                    // what "today" means to a date flag
	say    func(format string, a ...any) // a note on stderr
	noted  map[string]bool               // the date flags whose reading was said
}

// readGlobal reads the flags every command shares: the as-of date, the
// format, colour, and the rules.
func readGlobal(s *streams, c *cli.Context) (*global, error) {
	g := &global{asOf: rules.DateOf(s.now()), say: s.say}
	g.today = g.asOf
	if v := c.String("as-of"); v != "" || c.IsSet("as-of") {
		d, err := dateFlag(s, c, "as-of", g.asOf)
		if err != nil {
			return nil, err
		}
		g.asOf = d
	}
	format, err := readFormat(c)
	if err != nil {
		return nil, err
	}
	g.format = format
	// colour on a terminal (or with CLICOLOR_FORCE set, as gh and others
	// allow), never with --no-color, NO_COLOR or TERM=dumb
	force := s.getenv("CLICOLOR_FORCE") != "" && s.getenv("CLICOLOR_FORCE") != "0"
	g.color = (s.isTTY || force) && !c.Bool("no-color") && s.getenv("NO_COLOR") == "" && s.getenv("TERM") != "dumb"
	if g.book, err = readBook(c.String("rules")); err != nil {
		return nil, err
	}
	return g, nil
}

// dateFlag reads the date flag name as contracts.ParseDateArg does (the
// forms datasets use, or "today"), saying on stderr how a date that reads
// two ways was read.
func dateFlag(s *streams, c *cli.Context, name string, today rules.Date) (rules.Date, error) {
	v := c.String(name)
	d, note, err := contracts.ParseDateArg(v, today, c.Bool("month-first"))
	if err != nil {
		return d, usageErr("--%s: %v", name, err).hint("e.g. --%s 2025-10-07, --%s 7/10/2025 or --%s today", name, name, name)
	}
	if note != "" {
		s.say("note: --%s %s", name, note)
	}
	return d, nil
}

// day reads a date flag other than --as-of (--from, --expiring-before,
// --open-on) as --as-of is read: the forms datasets use, or "today", with a
// note on stderr when a date reads two ways. zero when the flag is empty.
func (g *global) day(c *cli.Context, name string) (rules.Date, error) {
	v := c.String(name)
	if v == "" {
		return rules.Date{}, nil
	}
	d, note, err := contracts.ParseDateArg(v, g.today, c.Bool("month-first"))
	if err != nil {
		return d, usageErr("--%s: %v", name, err).hint("e.g. --%s %s, --%s %s or --%s today", name, g.asOf, name, g.asOf.Human(), name)
	}
	if note != "" && !g.noted[name] { // expiring reads --expiring-before twice
		g.say("note: --%s %s", name, note)
		if g.noted == nil {
			g.noted = map[string]bool{}
		}
		g.noted[name] = true
	}
	return d, nil
}

// readFormat is the --format of the command, or the one the extension of
// --output names, or the command's first.
func readFormat(c *cli.Context) (string, error) {
	formats := formats[c.Command.Name]
	format := formats[0]
	if f := c.String("format"); f != "" {
		format = strings.ToLower(f)
	} else if out := outputPath(c.String("output")); out != "" {
		// --output windows.json: the file's extension names the format;
		// one that names no format the command writes is refused, as
		// --format xlsx is (windows.xlsx would hold CSV)
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if ext != "" && (ext[0] < 'a' || ext[0] > 'z') {
			ext = "" // windows.2025-10-07: a date, not an extension
		}
		switch ext {
		case "md":
			ext = "markdown"
		case "txt":
			ext = "table"
		}
		found := ext == ""
		for _, f := range formats {
			if f == ext {
				format, found = f, true
			}
		}
		if !found {
			return "", usageErr("--output %s: the extension .%s names no format %s writes (%s)", out, strings.TrimPrefix(filepath.Ext(out), "."), c.Command.Name, extensions(formats)).
				hint("name it %s, or add --format %s to write %s under this name", strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))+"."+extensions(formats[:1]), formats[0], formats[0])
		}
	}
	for _, f := range formats {
		if f == format {
			return format, nil
		}
	}
	return "", usageErr("--format %s: %s writes %s", format, c.Command.Name, strings.Join(formats, ", ")).
		hint("e.g. --format %s", formats[len(formats)-1])
}

// extensions are the file extensions of formats: .csv, .md, .txt ...
func extensions(formats []string) string {
	var ext []string
	for _, f := range formats {
		switch f {
		case "markdown":
			f = "md"
		case "table":
			f = "txt"
		}
		ext = append(ext, f)
	}
	return strings.Join(ext, ", ")
}

// readBook is the embedded rules, with the rule files of dir (if not "")
// added or replacing sets.
func readBook(dir string) (*rules.Book, error) {
	book, err := rules.Embedded()
	if err != nil {
		return nil, dataErr("embedded rules: %v", err)
	}
	if dir == "" {
		return book, nil
	}
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		return nil, dataErr("--rules %s: not a directory", dir).hint("--rules takes a directory of *.toml rule files; see 'bosman rules' and README")
	}
	book, err = book.WithDir(os.DirFS(dir), ".", filepath.Clean(dir))
	if err != nil {
		ee := dataErr("%s", err)
		if strings.Contains(err.Error(), "no *.toml rule files") {
			return nil, ee.hint("put NAME.toml rule files in %s, or leave out --rules to use the embedded rules", dir)
		}
		return nil, ee.hint("fix the rule file, or leave out --rules to use the embedded rules")
	}
	return book, nil
}

// query is the question the flags ask, for a club of association to.
func (g *global) query(to string) *report.Query {
	return &report.Query{Book: g.book, AsOf: g.asOf, To: to}
}

// style is how the forms for people are drawn: fitted to the width of the
// terminal (see streams.width).
func (g *global) style(s *streams) report.Style {
	return report.Style{AsOf: g.asOf, Color: g.color, Width: s.width()}
}

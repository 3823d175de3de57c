package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
)

// data is the contracts a run reads: the embedded dataset or the --data files.
type data struct {
	all    []contracts.Contract
	ix     *contracts.Index // built on first use: export needs none
	inputs []string         // absolute paths of the files read
	rows   rowCounts        // what became of the files' rows
}

// rowCounts is what became of the rows of the --data files, summed: every
// row read is loaded, or reported as one of the others.
type rowCounts struct {
	read, loaded, skipped, merged, conflicts, blank int
	acrossFiles                                     int // rows of a player whom another file speaks for
}

func (r *rowCounts) add(ds *contracts.Dataset) {
	r.read += ds.Read
	r.loaded += len(ds.Contracts) + ds.Given
	r.skipped += ds.Skipped
	r.merged += ds.Merged
	r.conflicts += ds.Conflicts
	r.blank += ds.Blank
}

// loadData reads the datasets the flags name, reporting warnings on stderr.
func loadData(s *streams, c *cli.Context) (*data, error) {
	return loadDataFiles(s, c, dataFiles(s, c))
}

// loadDataFiles is loadData for the --data files as dataFiles gives them.
func loadDataFiles(s *streams, c *cli.Context, files []string) (*data, error) {
	opt, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	d := &data{}
	if len(files) == 0 {
		ds, err := contracts.Default()
		if err != nil {
			return nil, dataErr("embedded dataset: %v", err)
		}
		d.all = append(d.all, ds.Contracts...)
	}
	var sets []*contracts.Dataset
	for _, f := range files {
		ds, err := loadFile(s, f, opt)
		if err != nil {
			return nil, err
		}
		sets = append(sets, ds)
		d.rows.add(ds)
		if abs, err := filepath.Abs(f); err == nil && f != "-" {
			d.inputs = append(d.inputs, abs)
		}
	}
	if len(sets) > 0 {
		all, warnings, dropped := contracts.Combine(sets)
		d.all, d.rows.acrossFiles = all, dropped
		s.warnings(warnings, "")
	}
	return d, nil
}

// dataFiles is the --data files, each once: a file given twice (by the
// same or another path) is read once, and a note says so. "-" is stdin.
func dataFiles(s *streams, c *cli.Context) []string {
	var files []string
	var stats []os.FileInfo
	for _, f := range c.StringSlice("data") {
		st, err := os.Stat(f)
		if f == "-" {
			st, err = nil, errors.New("stdin")
		}
		dup := ""
		for i, g := range files {
			if g == f || (err == nil && stats[i] != nil && os.SameFile(st, stats[i])) {
				dup = g
				break
			}
		}
		if dup != "" {
			if dup == f {
				s.say("note: --data %s is given twice: read once", f)
			} else {
				s.say("note: --data %s and --data %s are the same file: read once", dup, f)
			}
			continue
		}
		files = append(files, f)
		stats = append(stats, st)
	}
	return files
}

// index returns the name index of the data, building it on first use.
func (d *data) index() *contracts.Index {
	if d.ix == nil {
		d.ix = contracts.NewIndex(d.all)
	}
	return d.ix
}

// loadOptions reads the flags that say how to read datasets.
func loadOptions(c *cli.Context) (contracts.LoadOptions, error) {
	opt := contracts.LoadOptions{SkipInvalid: c.Bool("skip-invalid"), MonthFirst: c.Bool("month-first")}
	if m := c.StringSlice("map"); len(m) > 0 {
		opt.Map = map[string]string{}
		for _, kv := range m {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" || v == "" {
				return opt, usageErr("--map %q: want FIELD=HEADER", kv).hint("e.g. --map expiry=Vertragsende,club=Verein")
			}
			opt.Map[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return opt, nil
}

// loadFile reads the dataset at path, saying on stderr how it was read and
// what was wrong with it.
func loadFile(s *streams, path string, opt contracts.LoadOptions) (*contracts.Dataset, error) {
	ds, err := s.load(path, opt)
	if ds != nil {
		loadNotes(s, path, ds, err == nil)
	}
	if err != nil {
		return nil, loadError(path, ds, err, opt.SkipInvalid)
	}
	return ds, nil
}

// stdinName names stdin, read with --data -, in messages.
const stdinName = "stdin"

// load reads the dataset at path, or stdin for "-", with the lookup tables
// beside a file.
func (s *streams) load(path string, opt contracts.LoadOptions) (*contracts.Dataset, error) {
	if path == "-" {
		return contracts.Load(s.stdin, stdinName, opt)
	}
	opt.Clubs, opt.Competitions = lookupTables(path)
	return contracts.LoadFile(path, opt)
}

// loadNotes writes the notes and the first warnings of reading ds from
// path; loaded says the read succeeded.
func loadNotes(s *streams, path string, ds *contracts.Dataset, loaded bool) {
	name := path
	if path == "-" {
		name = stdinName
	}
	if ds.Mapping != "" {
		// the mapping may begin with the format's name: say it once
		s.say("note: %s: read as %s; %s", name, ds.Format, strings.TrimPrefix(ds.Mapping, ds.Format+": "))
	}
	for _, n := range ds.Notes {
		s.say("note: %s", n.Error())
	}
	var warnings []contracts.Problem
	for _, p := range ds.Problems {
		if p.Severity == contracts.Warning {
			warnings = append(warnings, p)
		}
	}
	s.warningsOf(warnings, ds.Warnings, ds.Kinds, path)
	if loaded && ds.Skipped > 0 {
		s.say("note: %s: skipped %s of %d (--skip-invalid)", name, report.Count(ds.Skipped, "invalid row"), ds.Read)
	}
}

// maxWarningLines is how many lines of warnings a command writes for one
// file; validate lists them all.
const maxWarningLines = 20

// warnings writes warnings that are not a file's own (Combine's), as
// warningsOf does.
func (s *streams) warnings(ws []contracts.Problem, path string) {
	kinds := map[string]int{}
	for _, w := range ws {
		if w.Kind != "" {
			kinds[w.Kind]++
		}
	}
	s.warningsOf(ws, len(ws), kinds, path)
}

// warningsOf writes the warnings ws of the file path (total of them in
// all, kinds of them of each kind, more than ws may list): one line per
// kind that repeats, its first warning and how many more there are, and
// each other warning, up to maxWarningLines; 'bosman validate' lists them
// all. path is "" for warnings validate cannot list (across files).
func (s *streams) warningsOf(ws []contracts.Problem, total int, kinds map[string]int, path string) {
	see := ""
	if path != "" {
		see = fmt.Sprintf(" (see 'bosman validate %s')", path)
	}
	lines, told := 0, 0 // lines written, warnings they tell of
	done := map[string]bool{}
	for _, p := range ws {
		if lines == maxWarningLines {
			break
		}
		if p.Kind != "" && done[p.Kind] {
			continue
		}
		p.Severity = contracts.Error // the line says "warning:" once, first
		n := 1
		if p.Kind != "" {
			done[p.Kind] = true
			n = max(kinds[p.Kind], 1)
		}
		if n > 1 {
			s.say("warning: %s; and %d more like it%s", p.Error(), n-1, see)
		} else {
			s.say("warning: %s", p.Error())
		}
		lines++
		told += n
	}
	if total > told {
		s.say("%s more%s", report.Count(total-told, "warning"), see)
	}
}

// loadError is the error of reading path, with what to do about it.
func loadError(path string, ds *contracts.Dataset, err error, skipInvalid bool) error {
	var le *contracts.LoadError
	if errors.As(err, &le) {
		ee := dataErr("%s", err.Error())
		good := 0
		if ds != nil {
			good = len(ds.Contracts) + ds.Given
		}
		if !skipInvalid && good > 0 && !le.Fatal {
			ee.hint("fix the rows listed, or add --skip-invalid to load the %s and skip the bad ones", report.Count(good, "good row"))
		} else {
			ee.hint("run 'bosman validate %s' for every problem of the file", path)
		}
		return ee
	}
	return readError(path, err, "--data")
}

// readError is the error of a file that could not be read at all, as the
// argument of what (--data, validate).
func readError(path string, err error, what string) *exitError {
	prefix := path
	if what == "--data" {
		prefix = "--data " + path
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ee := dataErr("%s: no such file", prefix)
		if what == "--data" {
			return ee.hint("check the path; without --data bosman reads its embedded dataset")
		}
		return ee.hint("check the path")
	case errors.Is(err, contracts.ErrIsDir):
		ee := dataErr("%s is a directory, not a file", prefix)
		var files []string
		for _, ext := range []string{"*.csv", "*.json", "*.tsv"} {
			m, _ := filepath.Glob(filepath.Join(path, ext))
			files = append(files, m...)
		}
		switch {
		case len(files) > 0 && what == "--data":
			ee.hint("give a file of it, e.g. --data %s (and --data again for each other file)", files[0])
		case len(files) > 0:
			ee.hint("give its files, e.g. bosman validate %s", filepath.Join(path, "*"+filepath.Ext(files[0])))
		default:
			ee.hint("it holds no .csv, .json or .tsv file")
		}
		return ee
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return dataErr("%s: %v", prefix, pe.Err)
	}
	return dataErr("%s: %v", prefix, err)
}

// lookupTables loads clubs.csv and competitions.csv when they sit beside a
// transfermarkt-datasets players file.
func lookupTables(path string) (*contracts.ClubTable, *contracts.CompetitionTable) {
	dir := filepath.Dir(path)
	var clubs *contracts.ClubTable
	var comps *contracts.CompetitionTable
	if t, err := contracts.LoadClubsFile(filepath.Join(dir, "clubs.csv")); err == nil {
		clubs = t
	}
	if t, err := contracts.LoadCompetitionsFile(filepath.Join(dir, "competitions.csv")); err == nil {
		comps = t
	}
	return clubs, comps
}

// target resolves --to: an association code, or a club whose association
// is looked up in the data (d may be nil when the data is streamed).
func target(s *streams, c *cli.Context, g *global, d *data) (string, error) {
	to := strings.TrimSpace(c.String("to"))
	if to == "" {
		return "", nil
	}
	code, err := contracts.ResolveCode(to, g.book)
	if err == nil {
		if g.book.Set(code.Set) == nil {
			s.say("note: no rule set for %s: registration cannot be computed, the FIFA baseline applies to the rest", code.Set)
		}
		return code.Set, nil
	}
	if d != nil {
		names := d.index().Clubs(to)
		assocs := report.ClubAssociations(d.all, names)
		if len(assocs) == 1 {
			for a, name := range assocs {
				// a club in a league set's competition registers under its periods
				return contracts.CodeOfClub([]string{name}, a, clubLeague(d.all, name), g.book).Set, nil
			}
		}
		if len(assocs) > 1 {
			var list []string
			for a, n := range assocs {
				list = append(list, n+" ("+a+")")
			}
			sort.Strings(list)
			return "", dataErr("--to %q matches clubs of several associations: %s", to, strings.Join(list, ", ")).hint("give the association code, e.g. --to ENG")
		}
	}
	return "", codeError("--to", to, err)
}

// clubLeague is the league the rows of the club called name give, "" none.
func clubLeague(all []contracts.Contract, name string) string {
	for _, c := range all {
		if c.Club == name && c.League != "" {
			return c.League
		}
	}
	return ""
}

// codeError is the usage error of a code flag (or argument) that names
// nothing bosman knows.
func codeError(flag, v string, err error) *exitError {
	what := "an association (ENG, England), a league rule set (EFL, MLS) nor a competition (GB1, MLS1)"
	if flag == "--to" {
		what = "an association (ENG, England), a league rule set (EFL, MLS), a competition (GB1, MLS1) nor a club of the data"
	}
	ee := usageErr("%s %q is neither %s", flag, v, what)
	var ce *contracts.CodeError
	switch {
	case !errors.As(err, &ce) || ce.Suggestion == "":
	case strings.HasPrefix(flag, "-"):
		ee.hint("did you mean %s %s?", flag, ce.Suggestion)
	default:
		ee.hint("did you mean 'bosman %s %s'?", flag, ce.Suggestion)
	}
	return ee.hint("'bosman rules' lists the associations and league sets with rule sets")
}

package main

import (
	"errors"
	"io/fs"
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
}

// loadData reads the datasets the flags name, reporting warnings on stderr.
func loadData(s *streams, c *cli.Context) (*data, error) {
	opt, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	d := &data{}
	files := c.StringSlice("data")
	if len(files) == 0 {
		ds, err := contracts.Default()
		if err != nil {
			return nil, dataErr("embedded dataset: %v", err)
		}
		d.all = append(d.all, ds.Contracts...)
	}
	for _, f := range files {
		ds, err := loadFile(s, f, opt)
		if err != nil {
			return nil, err
		}
		d.all = append(d.all, ds.Contracts...)
		if abs, err := filepath.Abs(f); err == nil {
			d.inputs = append(d.inputs, abs)
		}
	}
	return d, nil
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
	opt.Clubs, opt.Competitions = lookupTables(path)
	ds, err := contracts.LoadFile(path, opt)
	if ds != nil {
		loadNotes(s, path, ds, err == nil)
	}
	if err != nil {
		return nil, loadError(path, ds, err, opt.SkipInvalid)
	}
	return ds, nil
}

// loadNotes writes the notes and the first warnings of reading ds from
// path; loaded says the read succeeded.
func loadNotes(s *streams, path string, ds *contracts.Dataset, loaded bool) {
	if ds.Mapping != "" {
		// the mapping may begin with the format's name: say it once
		s.say("note: %s: read as %s; %s", path, ds.Format, strings.TrimPrefix(ds.Mapping, ds.Format+": "))
	}
	for _, n := range ds.Notes {
		s.say("note: %s", n.Error())
	}
	shown := 0
	for _, p := range ds.Problems {
		if p.Severity == contracts.Warning && shown < 20 {
			p.Severity = contracts.Error // the line says "warning:" once, first
			s.say("warning: %s", p.Error())
			shown++
		}
	}
	if ds.Warnings > shown {
		s.say("%s: %s more (see 'bosman validate %s')", path, report.Count(ds.Warnings-shown, "warning"), path)
	}
	if loaded && ds.Skipped > 0 {
		s.say("note: %s: skipped %s of %d (--skip-invalid)", path, report.Count(ds.Skipped, "invalid row"), ds.Read)
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
	if code, ok := contracts.Association(to); ok {
		if g.book.Set(code) == nil {
			s.say("note: no rule set for %s: registration cannot be computed, the FIFA baseline applies to the rest", code)
		}
		return code, nil
	}
	if d != nil {
		assocs := report.ClubAssociations(d.all, d.index().Clubs(to))
		if len(assocs) == 1 {
			for a := range assocs {
				return a, nil
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
	ee := usageErr("--to %q is neither an association code nor a club in the data", to)
	if s := contracts.Suggest(to); s != "" {
		ee.hint("did you mean --to %s?", s)
	}
	return "", ee.hint("'bosman rules' lists the associations with rule sets")
}

package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// data is the contracts a run reads: the embedded dataset or the --data files.
type data struct {
	all    []contracts.Contract
	ix     *contracts.Index // built on first use: export needs none
	inputs []string         // absolute paths of the files read
	read   int              // rows read from all files
	bad    int              // rows skipped as invalid
	merged int              // rows merged into identical ones
}

// load reads the datasets the flags name, reporting warnings on stderr.
func (e *env) load(c *cli.Context) (*data, error) {
	if e.data != nil {
		return e.data, nil
	}
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
		d.add(ds)
	}
	for _, f := range files {
		ds, err := e.loadFile(f, opt)
		if err != nil {
			return nil, err
		}
		d.add(ds)
		if abs, err := filepath.Abs(f); err == nil {
			d.inputs = append(d.inputs, abs)
		}
	}
	e.data = d
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

func (d *data) add(ds *contracts.Dataset) {
	d.all = append(d.all, ds.Contracts...)
	d.read += ds.Read
	d.bad += ds.Skipped
	d.merged += ds.Merged
}

func (e *env) loadFile(path string, opt contracts.LoadOptions) (*contracts.Dataset, error) {
	opt.Clubs, opt.Competitions = e.lookupTables(path)
	ds, err := contracts.LoadFile(path, opt)
	if ds != nil {
		if ds.Mapping != "" {
			fmt.Fprintf(e.stderr, "bosman: note: %s: read as %s: %s\n", path, ds.Format, ds.Mapping)
		}
		shown := 0
		for _, p := range ds.Problems {
			if p.Severity == contracts.Warning && shown < 20 {
				p.Severity = contracts.Error // the line says "warning:" once, first
				fmt.Fprintf(e.stderr, "bosman: warning: %s\n", p.Error())
				shown++
			}
		}
		if ds.Warnings > shown {
			fmt.Fprintf(e.stderr, "bosman: %s: %d more warnings (see 'bosman validate %s')\n", path, ds.Warnings-shown, path)
		}
		if err == nil && ds.Skipped > 0 {
			fmt.Fprintf(e.stderr, "bosman: note: %s: skipped %d invalid rows of %d (--skip-invalid)\n", path, ds.Skipped, ds.Read)
		}
	}
	if err != nil {
		var le *contracts.LoadError
		if errors.As(err, &le) {
			ee := dataErr("%s", strings.TrimPrefix(err.Error(), ""))
			good := 0
			if ds != nil {
				good = len(ds.Contracts) + ds.Given
			}
			if !opt.SkipInvalid && good > 0 {
				ee.hint("fix the rows listed, or add --skip-invalid to load the %s and skip the bad ones", count(good, "good row"))
			} else {
				ee.hint("run 'bosman validate %s' for every problem of the file", path)
			}
			return nil, ee
		}
		if errors.Is(err, fs.ErrNotExist) {
			return nil, dataErr("--data %s: no such file", path).hint("check the path; without --data bosman reads its embedded dataset")
		}
		return nil, dataErr("%v", err)
	}
	return ds, nil
}

// lookupTables loads clubs.csv and competitions.csv when they sit beside a
// transfermarkt-datasets players file.
func (e *env) lookupTables(path string) (*contracts.ClubTable, *contracts.CompetitionTable) {
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

// entry is one contract and its windows on the as-of date.
type entry struct {
	c      contracts.Contract
	w      *rules.Windows
	staleC bool // the source last saw him at the club before the as-of season
}

// staleClub says why the club may be out of date.
func (en *entry) staleClub() string {
	c := &en.c
	return fmt.Sprintf("the source last saw him at %s in %d/%02d: the club may be out of date", c.Club, c.LastSeason, (c.LastSeason+1)%100)
}

// inForce returns each player's contract in force and known on the as-of
// date, in dataset order.
func (e *env) inForce(d *data) []contracts.Contract {
	var out []contracts.Contract
	seen := map[string]int{}
	for _, c := range d.all {
		key := c.PlayerID
		if key == "" {
			key = c.Player + "\x00" + c.Birth.String()
		}
		if i, ok := seen[key]; ok {
			rows := []contracts.Contract{out[i], c}
			if best, ok := contracts.InForce(rows, e.asOf); ok {
				out[i] = best
			}
			continue
		}
		if !c.Signed.IsZero() && c.Signed.After(e.asOf) {
			continue // not known yet on the as-of date
		}
		seen[key] = len(out)
		out = append(out, c)
	}
	return out
}

// compute returns the windows of c on the as-of date, for a club of to.
func (e *env) compute(c contracts.Contract, to string) entry {
	en := entry{w: new(rules.Windows)}
	e.computeInto(&en, &c, to)
	return en
}

// computeInto is compute into en, reusing its Windows: export computes a
// million rows one after another.
func (e *env) computeInto(en *entry, c *contracts.Contract, to string) {
	en.c = *c
	e.book.WindowsInto(en.w, rules.Contract{
		Association: c.Association,
		League:      c.League,
		Signed:      c.Signed,
		Start:       c.Start,
		Expires:     c.Expires,
		Birth:       c.Birth,
		Option:      rules.Option{Until: c.Option.Until, Holder: c.Option.Holder},
	}, rules.Query{AsOf: e.asOf, To: to})
	en.staleC = false
	if c.LastSeason > 0 {
		season := e.asOf.Year()
		if e.asOf.Month() < 7 {
			season--
		}
		en.staleC = c.LastSeason < season
	}
}

// target resolves --to: an association code, or a club whose association
// is looked up in the data.
func (e *env) target(c *cli.Context, d *data) (string, error) {
	to := strings.TrimSpace(c.String("to"))
	if to == "" {
		return "", nil
	}
	if code, ok := contracts.Association(to); ok {
		if e.book.Set(code) == nil {
			fmt.Fprintf(e.stderr, "bosman: note: no rule set for %s: registration cannot be computed, the FIFA baseline applies to the rest\n", code)
		}
		return code, nil
	}
	if d != nil {
		clubs := d.index().Clubs(to)
		assocs := map[string]string{}
		for _, name := range clubs {
			for _, ct := range d.all {
				if ct.Club == name && ct.Association != "" {
					assocs[ct.Association] = name
				}
			}
		}
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

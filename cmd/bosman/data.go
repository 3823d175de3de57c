package main

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/report"
	"github.com/bosmanhq/bosman/rules"
)

// data is the contracts a run reads: the embedded market (the snapshot
// with the curated rows on top), the cached release's (see defaultMarket)
// or the rows of the --data files, all of them or, for a one-player or
// one-club question, those that may answer it (see loadLookup).
type data struct {
	m      *contracts.Market
	files  bool     // read from --data files
	inputs []string // absolute paths of the files read
	// reread, for data streamed through a filter, reads the files again,
	// giving each good row to fn: suggestions for a name that matched
	// nothing need every name.
	reread func(fn func(c *contracts.Contract)) error
}

// loadData reads the datasets the flags name, reporting warnings on stderr.
func loadData(s *streams, c *cli.Context) (*data, error) {
	return loadLookup(s, c, nil)
}

// loadLookup is loadData keeping, of the --data files, only the rows keep
// says may answer (nil: all of them). The files are streamed, so a file of
// any size is read in bounded memory for a one-player or one-club
// question. A file with signing dates may give a player rows the filter
// does not keep (a contract at another club): they are fetched in a
// second pass, so his history is whole.
func loadLookup(s *streams, c *cli.Context, keep func(*contracts.Contract) bool) (*data, error) {
	opt, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	files := c.StringSlice("data")
	if len(files) == 0 {
		m, err := defaultMarket(s)
		if err != nil {
			return nil, err
		}
		return &data{m: m}, nil
	}
	d := &data{files: true}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			d.inputs = append(d.inputs, abs)
		}
	}
	var kept []contracts.Contract
	if keep == nil {
		for _, f := range files {
			ds, err := loadFile(s, f, opt)
			if err != nil {
				return nil, err
			}
			kept = append(kept, ds.Contracts...)
		}
		d.m = contracts.NewMarket(kept)
		return d, nil
	}
	history := false
	stream := func(notes bool, fn func(ds *contracts.Dataset, c *contracts.Contract)) error {
		for _, f := range files {
			o := opt
			o.Each = func(ds *contracts.Dataset, c *contracts.Contract) error {
				fn(ds, c)
				return nil
			}
			say := s
			if !notes { // the first pass has said them
				say = &streams{stderr: io.Discard}
			}
			if _, err := loadFile(say, f, o); err != nil {
				return err
			}
		}
		return nil
	}
	err = stream(true, func(ds *contracts.Dataset, c *contracts.Contract) {
		history = history || ds.History
		if keep(c) {
			kept = append(kept, *c)
		}
	})
	if err != nil {
		return nil, err
	}
	if history && len(kept) > 0 {
		players, have := map[string]bool{}, map[contracts.Pos]bool{}
		for _, c := range kept {
			players[playerKey(&c)] = true
			have[c.Pos] = true
		}
		err = stream(false, func(_ *contracts.Dataset, c *contracts.Contract) {
			if players[playerKey(c)] && !have[c.Pos] {
				kept = append(kept, *c)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	d.m = contracts.NewMarket(kept)
	d.reread = func(fn func(c *contracts.Contract)) error {
		return stream(false, func(_ *contracts.Dataset, c *contracts.Contract) { fn(c) })
	}
	return d, nil
}

// playerKey is what makes rows one player's: his id, else his name and
// birth date.
func playerKey(c *contracts.Contract) string {
	if c.PlayerID != "" {
		return "id\x00" + c.PlayerID
	}
	return "nb\x00" + contracts.Fold(c.Player) + "\x00" + c.Birth.String()
}

// suggest returns up to n player names near a query that matched nothing
// (club: club names), over all the data.
func (d *data) suggest(query string, n int, club bool) []string {
	if d.reread == nil {
		if club {
			return d.m.ClubSuggest(query, n)
		}
		return d.m.Suggest(query, n)
	}
	sg := contracts.NewSuggester(query, n)
	if club {
		sg = contracts.NewClubSuggester(query, n)
	}
	err := d.reread(func(c *contracts.Contract) {
		if club {
			sg.Add(c.Club)
		} else {
			sg.Add(c.Player)
		}
	})
	if err != nil {
		return nil
	}
	return sg.Names()
}

// loadOptions reads the flags that say how to read datasets.
func loadOptions(c *cli.Context) (contracts.LoadOptions, error) {
	opt := contracts.LoadOptions{SkipInvalid: c.Bool("skip-invalid"), MonthFirst: c.Bool("month-first"), NoInfer: c.Bool("no-infer")}
	if v := strings.TrimSpace(c.String("data-association")); v != "" {
		code, ok := contracts.Association(v)
		if !ok {
			ee := usageErr("--data-association %q is not an association", v)
			if sug := contracts.Suggest(v); sug != "" {
				ee.hint("did you mean %s?", sug)
			}
			return opt, ee.hint("give a FIFA code (ENG, ESP), a country name or a competition id (GB1)")
		}
		opt.Association = code
	}
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
	opt.Clubs, opt.Competitions = lookupTables(s, path)
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
		if !skipInvalid && good > 0 {
			ee.hint("fix the rows listed, or add --skip-invalid to load the %s and skip the bad ones", report.Count(good, "good row"))
		} else {
			ee.hint("run 'bosman validate %s' for every problem of the file", path)
		}
		return ee
	}
	if errors.Is(err, fs.ErrNotExist) {
		return dataErr("--data %s: no such file", path).hint("check the path; without --data bosman reads its embedded dataset")
	}
	return dataErr("%v", err)
}

// lookupPaths are the lookup tables read beside a dataset.
func lookupPaths(path string) [2]string {
	dir := filepath.Dir(path)
	return [2]string{filepath.Join(dir, "clubs.csv"), filepath.Join(dir, "competitions.csv")}
}

// lookupTables loads clubs.csv and competitions.csv when they sit beside a
// transfermarkt-datasets players file. A table that is there but cannot be
// read is said on stderr, with why, and left out.
func lookupTables(s *streams, path string) (*contracts.ClubTable, *contracts.CompetitionTable) {
	p := lookupPaths(path)
	var clubs *contracts.ClubTable
	var comps *contracts.CompetitionTable
	t, err := contracts.LoadClubsFile(p[0])
	if err == nil {
		clubs = t
	} else {
		lookupWarning(s, p[0], path, err)
	}
	u, err := contracts.LoadCompetitionsFile(p[1])
	if err == nil {
		comps = u
	} else {
		lookupWarning(s, p[1], path, err)
	}
	return clubs, comps
}

// lookupWarning says that the lookup table at table, beside path, was not
// used and why; a table that is not there needs no word.
func lookupWarning(s *streams, table, path string, err error) {
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	// a *contracts.LoadError: "file: N errors", then a line per problem
	lines := strings.Split(err.Error(), "\n")
	msg := lines[0]
	if len(lines) > 1 {
		msg = strings.TrimSpace(lines[1])
		if len(lines) > 2 {
			msg += " (and " + strconv.Itoa(len(lines)-2) + " more)"
		}
	}
	s.say("warning: %s not used for %s: %s", table, path, msg)
	s.say("hint: fix it (bosman validate shows a dataset's problems), or move it away from %s", filepath.Base(path))
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
		assocs := clubAssociations(d, d.m.Clubs(to))
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

// clubAssociations maps each association of the clubs called names to one
// of those names: what the market knows of the club (the snapshot's club
// table), else the associations of its players' rows.
func clubAssociations(d *data, names []string) map[string]string {
	assocs := map[string]string{}
	for _, name := range names {
		if sc, ok := d.m.Club(name); ok && sc.Association != "" {
			assocs[sc.Association] = name
			continue
		}
		for _, ct := range d.m.ClubRows(name, rules.Date{}) {
			if ct.Association != "" {
				assocs[ct.Association] = name
			}
		}
	}
	return assocs
}

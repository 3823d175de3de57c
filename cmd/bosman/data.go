package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	files  bool                 // read from --data files
	all    []contracts.Contract // the files' rows the market holds
	inputs []string             // absolute paths of the files read
	rows   rowCounts            // what became of the files' rows, when all were kept
	// reread, for data streamed through a filter, reads the files again,
	// giving each good row to fn: suggestions for a name that matched
	// nothing need every name.
	reread func(fn func(c *contracts.Contract)) error
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
	return loadLookup(s, c, nil)
}

// loadLookup is loadData keeping, of the --data files, only the rows keep
// says may answer (nil: all of them). The files are streamed, so a file of
// any size is read in bounded memory for a one-player or one-club
// question. A file with signing dates may give a player rows the filter
// does not keep (a contract at another club): they are fetched in a
// second pass, so his history is whole. Stdin (--data -) cannot be read
// twice: with it every row is kept.
func loadLookup(s *streams, c *cli.Context, keep func(*contracts.Contract) bool) (*data, error) {
	return loadLookupFiles(s, c, dataFiles(s, c), keep)
}

// loadLookupFiles is loadLookup for the --data files as dataFiles gives
// them. A player in several files is answered for once (contracts.Combine).
func loadLookupFiles(s *streams, c *cli.Context, files []string, keep func(*contracts.Contract) bool) (*data, error) {
	opt, err := loadOptions(c)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		m, err := defaultMarket(s)
		if err != nil {
			return nil, err
		}
		return &data{m: m}, nil
	}
	d := &data{files: true}
	for _, f := range files {
		if f == "-" {
			keep = nil
		} else if abs, err := filepath.Abs(f); err == nil {
			d.inputs = append(d.inputs, abs)
		}
	}
	if keep == nil {
		err = d.loadAll(s, files, opt)
	} else {
		err = d.loadKept(s, files, opt, keep)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}

// combine makes d's market of the rows of sets, one set a file, reporting
// the warnings of combining them.
func (d *data) combine(s *streams, sets []*contracts.Dataset) {
	all, warnings, dropped := contracts.Combine(sets)
	d.all, d.rows.acrossFiles = all, dropped
	s.warnings(warnings, "")
	d.m = contracts.NewMarket(all)
}

// loadAll reads every row of files into d, counting what became of them.
func (d *data) loadAll(s *streams, files []string, opt contracts.LoadOptions) error {
	var sets []*contracts.Dataset
	for _, f := range files {
		ds, err := loadFile(s, f, opt)
		if err != nil {
			return err
		}
		sets = append(sets, ds)
		d.rows.add(ds)
	}
	d.combine(s, sets)
	return nil
}

// loadKept streams files into d, keeping the rows keep says may answer and,
// for a file with signing dates, the other rows of the players kept. d can
// reread the files after.
func (d *data) loadKept(s *streams, files []string, opt contracts.LoadOptions, keep func(*contracts.Contract) bool) error {
	history := false
	sets := make([]*contracts.Dataset, len(files)) // the rows kept of each file
	for i := range sets {
		sets[i] = &contracts.Dataset{}
	}
	err := eachRow(s, files, opt, true, func(i int, ds *contracts.Dataset, c *contracts.Contract) {
		history = history || ds.History
		if keep(c) {
			sets[i].Contracts = append(sets[i].Contracts, *c)
		}
	})
	if err != nil {
		return err
	}
	if history {
		if err := addHistory(s, files, opt, sets); err != nil {
			return err
		}
	}
	d.combine(s, sets)
	d.rows = rowCounts{} // of the rows kept only: not an account of the files
	d.reread = func(fn func(c *contracts.Contract)) error {
		return eachRow(s, files, opt, false, func(_ int, _ *contracts.Dataset, c *contracts.Contract) { fn(c) })
	}
	return nil
}

// addHistory adds to sets, the rows kept of each of files, the other rows
// of the players they hold, read in a second pass.
func addHistory(s *streams, files []string, opt contracts.LoadOptions, sets []*contracts.Dataset) error {
	players, have := map[string]bool{}, map[contracts.Pos]bool{}
	for _, ds := range sets {
		for _, c := range ds.Contracts {
			players[playerKey(&c)] = true
			have[c.Pos] = true
		}
	}
	if len(players) == 0 {
		return nil
	}
	return eachRow(s, files, opt, false, func(i int, _ *contracts.Dataset, c *contracts.Contract) {
		if players[playerKey(c)] && !have[c.Pos] {
			sets[i].Contracts = append(sets[i].Contracts, *c)
		}
	})
}

// eachRow reads files with opt, giving fn each good row and the index
// of its file. notes says whether to report the files' problems: a second
// pass over them has nothing new to say.
func eachRow(s *streams, files []string, opt contracts.LoadOptions, notes bool, fn func(i int, ds *contracts.Dataset, c *contracts.Contract)) error {
	for i, f := range files {
		o := opt
		o.Each = func(ds *contracts.Dataset, c *contracts.Contract) error {
			fn(i, ds, c)
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
	opt.Clubs, opt.Competitions = lookupTables(s, path)
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
	code, err := contracts.ResolveCode(to, g.book)
	if err == nil {
		if g.book.Set(code.Set) == nil {
			s.say("note: no rule set for %s: registration cannot be computed, the FIFA baseline applies to the rest", code.Set)
		}
		return code.Set, nil
	}
	if d != nil {
		r := d.m.ResolveClub(to)
		if r.Names != nil {
			if len(r.Others) > 0 {
				s.say("note: --to %q is taken as %s: %s; it also matches %s", to, r.Names[0], r.Why, clubNames(r.Others, 5))
			}
			k, many := clubCode(d, r.Names, g.book)
			if many != "" {
				return "", dataErr("--to %q is a club the data gives several associations: %s", to, many).hint("give the association code, e.g. --to ENG")
			}
			return k.Set, nil
		}
		if len(r.Others) > 0 {
			return "", dataErr("--to %q matches %d clubs: %s", to, len(r.Others), clubNames(r.Others, 10)).hint("give more of the club's name, or the association code, e.g. --to ENG")
		}
	}
	return "", codeError("--to", to, err)
}

// clubCode is the Code of the club called names: its association and
// league from what the market knows of it (the snapshot's club table),
// else from its players' rows; many lists its associations when the data
// gives it several.
func clubCode(d *data, names []string, book *rules.Book) (k contracts.Code, many string) {
	assocs := map[string]bool{}
	assoc, league := "", ""
	for _, name := range names {
		if sc, ok := d.m.Club(name); ok && sc.Association != "" {
			assocs[sc.Association], assoc, league = true, sc.Association, sc.League
			continue
		}
		for _, ct := range d.m.ClubRows(name, rules.Date{}) {
			if ct.Association != "" {
				assocs[ct.Association], assoc = true, ct.Association
				if league == "" {
					league = ct.League
				}
			}
		}
	}
	if len(assocs) > 1 {
		var list []string
		for a := range assocs {
			list = append(list, a)
		}
		sort.Strings(list)
		return k, strings.Join(list, ", ")
	}
	return contracts.CodeOfClub(names, assoc, league, book), ""
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

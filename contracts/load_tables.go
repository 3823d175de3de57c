package contracts

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Club is one row of a transfermarkt-datasets clubs.csv.
type Club struct {
	ID          string
	Name        string
	Competition string // domestic_competition_id, e.g. GB1
	LastSeason  int    // 0 when the file has no last_season
}

// Table maps the ids of a lookup table to its rows. A nil *Table is empty.
type Table[T any] struct {
	byID map[string]T
}

// Len returns the number of rows in t.
func (t *Table[T]) Len() int {
	if t == nil {
		return 0
	}
	return len(t.byID)
}

// Lookup returns the row with the given id.
func (t *Table[T]) Lookup(id string) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	c, ok := t.byID[id]
	return c, ok
}

// ClubTable maps club ids to clubs, to fill in what a players.csv leaves out.
type ClubTable = Table[Club]

// Competition is one row of a transfermarkt-datasets competitions.csv.
type Competition struct {
	ID          string
	Name        string
	Country     string // country_name; empty for international competitions
	Association string // FIFA code of Country, when bosman knows it
}

// CompetitionTable maps competition ids to competitions.
type CompetitionTable = Table[Competition]

// LoadClubs reads a transfermarkt-datasets clubs.csv (the full 17-column
// build or a trimmed one): it needs the columns club_id and name, and uses
// domestic_competition_id and last_season when present.
func LoadClubs(r io.Reader, name string) (*ClubTable, error) {
	t := &ClubTable{byID: map[string]Club{}}
	err := readTable(r, name, []string{"club_id", "name"}, func(get func(string) string) (string, error) {
		c := Club{ID: get("club_id"), Name: get("name"), Competition: get("domestic_competition_id")}
		if s := get("last_season"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return "last_season", fmt.Errorf("%q is not a season", s)
			}
			c.LastSeason = n
		}
		if _, dup := t.byID[c.ID]; dup {
			return "club_id", fmt.Errorf("club %s appears twice", c.ID)
		}
		t.byID[c.ID] = c
		return "", nil
	})
	return t, err
}

// LoadCompetitions reads a transfermarkt-datasets competitions.csv: it needs
// competition_id and uses name and country_name.
func LoadCompetitions(r io.Reader, name string) (*CompetitionTable, error) {
	t := &CompetitionTable{byID: map[string]Competition{}}
	err := readTable(r, name, []string{"competition_id"}, func(get func(string) string) (string, error) {
		c := Competition{ID: get("competition_id"), Name: get("name"), Country: get("country_name")}
		c.Association, _ = Association(c.Country)
		if _, dup := t.byID[c.ID]; dup {
			return "competition_id", fmt.Errorf("competition %s appears twice", c.ID)
		}
		t.byID[c.ID] = c
		return "", nil
	})
	return t, err
}

// LoadClubsFile opens path and reads it with LoadClubs.
func LoadClubsFile(path string) (*ClubTable, error) {
	return loadFile(path, LoadClubs)
}

// LoadCompetitionsFile opens path and reads it with LoadCompetitions.
func LoadCompetitionsFile(path string) (*CompetitionTable, error) {
	return loadFile(path, LoadCompetitions)
}

// loadFile opens path and reads it with load, naming it path.
// ErrIsDir is the error of loading a directory as a file.
var ErrIsDir = errors.New("is a directory, not a file")

func loadFile[T any](path string, load func(io.Reader, string) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return zero, &fs.PathError{Op: "read", Path: path, Err: ErrIsDir}
	}
	return load(f, path)
}

// readTable reads a lookup table, calling row for each record; row returns
// the column and error of a bad record. All problems are returned together
// as a *LoadError.
func readTable(r io.Reader, name string, need []string, row func(get func(string) string) (string, error)) error {
	opt := LoadOptions{}
	opt.defaults()
	ld := &loader{opt: opt, name: name, ds: &Dataset{}}
	ld.lim = &limitReader{r: r, max: int64(opt.MaxRecordBytes) + 2*readBufferBytes}
	br := bufio.NewReaderSize(ld.lim, readBufferBytes)
	cr, jsonStart, err := ld.open(br)
	if err != nil {
		return err
	}
	if jsonStart != 0 {
		ld.fail(1, "expected a CSV table, not JSON", "")
	}
	if cr != nil {
		if err := ld.readTableRows(cr, need, row); err != nil {
			return err
		}
	}
	if ld.ds.Errors > 0 {
		return ld.loadError()
	}
	return nil
}

func (ld *loader) readTableRows(cr *csv.Reader, need []string, row func(get func(string) string) (string, error)) error {
	if ok, err := ld.readHeader(cr); !ok {
		return err
	}
	cols := map[string]int{}
	for i, h := range ld.header {
		cols[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, n := range need {
		if _, ok := cols[n]; !ok {
			ld.fail(1, fmt.Sprintf("no column %q in the header", n), "expected a transfermarkt-datasets table with "+strings.Join(need, ", "))
			return nil
		}
	}
	var rec []string
	get := func(c string) string {
		if i, ok := cols[c]; ok && i < len(rec) {
			return strings.Clone(strings.TrimSpace(rec[i]))
		}
		return ""
	}
	for {
		ld.lim.mark()
		var err error
		rec, err = cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if pe, ok := err.(*csv.ParseError); ok && !errors.Is(pe.Err, errRecordTooLong) {
				line, col, msg, hint := ld.csvSyntax(pe, cr, len(rec))
				ld.problem(line, col, Error, msg, hint)
				continue
			}
			ld.fail(0, err.Error(), "")
			return nil
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(ld.header) {
			ld.problem(line, 0, Error, fmt.Sprintf("row has %d fields, the header has %d", len(rec), len(ld.header)), "")
			continue
		}
		if col, err := row(get); err != nil {
			ld.problem(line, cols[col]+1, Error, col+": "+err.Error(), "")
		}
	}
}

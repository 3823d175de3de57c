package release

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Limits of Diff: the old file's rows are held in memory (about 100 bytes
// each), and no file is read past maxDiffBytes decompressed.
const (
	maxDiffRows  = 5_000_000
	maxDiffBytes = 16 * DefaultMaxBytes
	maxRecord    = 1 << 20 // longest CSV record
)

// Changes is what changed from one players.csv to the next, matched by
// player_id. A player whose expiry and club both changed counts in both.
type Changes struct {
	OldRows, NewRows int // players in each file

	Added   Group // ids only in the new file
	Removed Group // ids only in the old file

	// contract_expiration_date changes of the players in both files:
	// Extended and Shortened when both dates are known, ExpirySet when the
	// old file had no date, ExpiryCleared when the new one has none.
	Extended, Shortened, ExpirySet, ExpiryCleared Group

	ClubChanged Group // current_club_id changed
}

// ExpiryChanged counts the players whose contract_expiration_date changed.
func (c *Changes) ExpiryChanged() int {
	return c.Extended.Count + c.Shortened.Count + c.ExpirySet.Count + c.ExpiryCleared.Count
}

// Group is one kind of change: how many players, and the headline rows.
type Group struct {
	Count int
	Top   []Change // the most valuable (market value, then player id), at most the top asked for
}

// Change is one player's change. Old fields are zero for an added player,
// new ones for a removed player.
type Change struct {
	PlayerID string
	Name     string
	// Value is the market value in EUR, as the new file gives it (the old
	// one for a removed player); 0 when unknown.
	Value               int64
	OldExpires, Expires rules.Date // zero when the file has none
	OldClubID, ClubID   string
	OldClub, Club       string // club names as the files write them
}

// Diff compares two transfermarkt-datasets players.csv files, each plain
// or gzip-compressed, and lists up to top headline rows of each kind of
// change. A row whose expiry is not a date (contracts.Load rejects it) is
// compared for presence and club only. It streams both and holds in memory only a compact key of each
// row of the old file (id, name, expiry, club id, value) and its club
// names; it refuses an old file of more than 5,000,000 rows.
func Diff(old, new io.Reader, top int) (*Changes, error) {
	return diff(old, "old players file", new, "new players file", top)
}

// diffFiles is Diff over two files.
func diffFiles(oldPath, newPath string, top int) (*Changes, error) {
	of, err := os.Open(oldPath)
	if err != nil {
		return nil, err
	}
	defer of.Close()
	nf, err := os.Open(newPath)
	if err != nil {
		return nil, err
	}
	defer nf.Close()
	return diff(of, oldPath, nf, newPath, top)
}

// key is what Diff keeps of a row of the old file.
type key struct {
	name, clubID string
	expires      rules.Date
	value        int64
	badExpiry    bool // the expiry is not a date
	seen         bool // the id is in the new file
}

func diff(old io.Reader, oldName string, new io.Reader, newName string, top int) (*Changes, error) {
	ch := &Changes{}
	keys := map[string]key{}
	clubs := map[string]string{} // club id → name, from the old file
	n, err := scanPlayers(decompress(old), oldName, func(p *player) error {
		if _, dup := keys[p.id]; dup {
			return nil
		}
		if len(keys) == maxDiffRows {
			return fmt.Errorf("%s: more than %d rows", oldName, maxDiffRows)
		}
		keys[strings.Clone(p.id)] = key{name: strings.Clone(p.name), clubID: strings.Clone(p.clubID), expires: p.expires,
			value: p.value, badExpiry: p.badExpiry}
		if _, ok := clubs[p.clubID]; !ok {
			clubs[strings.Clone(p.clubID)] = strings.Clone(p.club)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ch.OldRows = n
	n, err = scanPlayers(decompress(new), newName, func(p *player) error {
		c := Change{PlayerID: p.id, Name: p.name, Value: p.value, Expires: p.expires, ClubID: p.clubID, Club: p.club}
		k, ok := keys[p.id]
		switch {
		case !ok:
			ch.Added.add(c, top)
			return nil
		case k.seen:
			return nil // a repeated id: the first row counts
		}
		k.seen = true
		keys[p.id] = k
		c.OldExpires, c.OldClubID, c.OldClub = k.expires, k.clubID, clubs[k.clubID]
		switch {
		case k.expires == p.expires || k.badExpiry || p.badExpiry:
		case k.expires.IsZero():
			ch.ExpirySet.add(c, top)
		case p.expires.IsZero():
			ch.ExpiryCleared.add(c, top)
		case p.expires.After(k.expires):
			ch.Extended.add(c, top)
		default:
			ch.Shortened.add(c, top)
		}
		if k.clubID != p.clubID {
			ch.ClubChanged.add(c, top)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	ch.NewRows = n
	for id, k := range keys {
		if !k.seen {
			ch.Removed.add(Change{PlayerID: id, Name: k.name, Value: k.value, OldExpires: k.expires,
				OldClubID: k.clubID, OldClub: clubs[k.clubID]}, top)
		}
	}
	return ch, nil
}

// add counts c and keeps it among the top rows when it is valuable enough.
func (g *Group) add(c Change, top int) {
	g.Count++
	i, _ := slices.BinarySearchFunc(g.Top, c, func(a, b Change) int {
		if a.Value != b.Value {
			return -cmpInt(a.Value, b.Value)
		}
		if len(a.PlayerID) != len(b.PlayerID) { // numeric ids: shorter is smaller
			return cmpInt(int64(len(a.PlayerID)), int64(len(b.PlayerID)))
		}
		return strings.Compare(a.PlayerID, b.PlayerID)
	})
	if i >= top {
		return
	}
	for _, s := range []*string{&c.PlayerID, &c.Name, &c.ClubID, &c.Club, &c.OldClubID, &c.OldClub} {
		*s = strings.Clone(*s)
	}
	g.Top = slices.Insert(g.Top, i, c)
	if len(g.Top) > top {
		g.Top = g.Top[:top]
	}
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// player is the part of a players.csv row this package reads. Its strings
// are valid only during the callback of scanPlayers.
type player struct {
	id, name, clubID, club, image string
	expires                       rules.Date
	badExpiry                     bool  // contract_expiration_date is not a date: expires is zero
	value                         int64 // 0 when empty or not a number
}

// decompress returns r, decompressed when it is gzip.
func decompress(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return errReader{err}
		}
		return &capped{r: gz, left: maxDiffBytes, limit: maxDiffBytes, tooBig: errors.New("too big")}
	}
	return br
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// scanPlayers reads a transfermarkt-datasets players.csv, mapping columns
// by name, and calls fn for each row. It returns the number of rows.
func scanPlayers(r io.Reader, name string, fn func(*player) error) (int, error) {
	lim := &recordLimit{r: r, tooLong: errors.New("record too long")}
	cr := csv.NewReader(lim)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return 0, fmt.Errorf("%s is empty", name)
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"player_id", "contract_expiration_date", "current_club_id"} {
		if _, ok := col[need]; !ok {
			return 0, fmt.Errorf("%s is not a transfermarkt-datasets players table: no column %s", name, need)
		}
	}
	var at [6]int // the columns read, -1 when absent
	for i, c := range []string{"player_id", "name", "current_club_id", "current_club_name", "image_url", "market_value_in_eur"} {
		at[i] = -1
		if j, ok := col[c]; ok {
			at[i] = j
		}
	}
	get := func(rec []string, i int) string {
		if at[i] < 0 {
			return ""
		}
		return rec[at[i]]
	}
	expCol := col["contract_expiration_date"]
	rows := 0
	for {
		lim.n = 0
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if errors.Is(err, lim.tooLong) {
			line, _ := cr.FieldPos(0)
			return rows, fmt.Errorf("%s:%d: a record longer than %d bytes", name, line, maxRecord)
		}
		if err != nil {
			return rows, fmt.Errorf("%s: %w", name, err)
		}
		rows++
		p := player{id: get(rec, 0), name: get(rec, 1), clubID: get(rec, 2), club: get(rec, 3), image: get(rec, 4)}
		p.value, _ = strconv.ParseInt(get(rec, 5), 10, 64)
		if s := rec[expCol]; s != "" {
			p.expires, err = contracts.ParseDate(s, false)
			p.badExpiry = err != nil
		}
		if err := fn(&p); err != nil {
			return rows, err
		}
	}
}

// recordLimit fails a read once more than maxRecord bytes were read since
// n was last reset, so that one endless record cannot exhaust memory.
type recordLimit struct {
	r       io.Reader
	n       int
	tooLong error
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.n > maxRecord {
		return 0, l.tooLong
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

// Command mksnapshot writes the snapshot bosman embeds, from a
// transfermarkt-datasets players.csv (CC0).
//
// Usage:
//
//	go run ./cmd/mksnapshot [-clubs clubs.csv] [-o contracts/data] [-source URL] players.csv.gz
//
// It keeps every player of the current season (the file's newest
// last_season), with and without an expiry, and writes three files to the
// output directory: snapshot-players.tsv and snapshot-clubs.tsv (the format
// is described in contracts/snapshot.go) and SNAPSHOT.md, the provenance:
// the upstream URL and sha256, the scrape day and how it was found (the
// newest timestamp in the portraits' file names), row counts per competition,
// and what was left out. The input may be gzip-compressed or plain. With
// -clubs, a transfermarkt-datasets clubs.csv adds each club's code
// (psv-eindhoven) as a name to find it by. The same input gives the same
// bytes.
//
// Club names in the June 2026 builds are long official names ("Arsenal
// Football Club"): the official name stays searchable, and the name shown
// is Transfermarkt's short name from a hand table (shortnames.tsv) for the
// top leagues' clubs, or else the official name with its legal form
// abbreviated or stripped (see shortName).
//
// -compare FILES lists the rows of bosman CSVs (the curated default.csv
// and default-additions.csv, comma-separated) that the snapshot
// contradicts, instead of writing anything.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// DefaultSource is where the project's transfermarkt-datasets release is
// published.
const DefaultSource = "https://pub-e682421888d945d684bcae8890b0ec20.r2.dev/data/players.csv.gz"

func main() {
	clubsFile := flag.String("clubs", "", "a transfermarkt-datasets clubs.csv `FILE`, for the clubs' codes")
	out := flag.String("o", "contracts/data", "write the snapshot to `DIR`")
	source := flag.String("source", DefaultSource, "the upstream `URL` the file was downloaded from")
	compare := flag.String("compare", "", "list the rows of the bosman CSV `FILES` (comma-separated) the snapshot contradicts, and write nothing")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mksnapshot [-clubs clubs.csv] [-o DIR] [-source URL] [-compare default.csv] players.csv[.gz]")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *clubsFile, *out, *source, *compare, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mksnapshot:", err)
		os.Exit(1)
	}
}

func run(playersFile, clubsFile, out, source, compare string, stdout io.Writer) error {
	raw, err := os.ReadFile(playersFile)
	if err != nil {
		return err
	}
	var clubsCSV []byte
	if clubsFile != "" {
		if clubsCSV, err = os.ReadFile(clubsFile); err != nil {
			return err
		}
	}
	snap, err := Build(raw, clubsCSV, source)
	if err != nil {
		return fmt.Errorf("%s: %v", playersFile, err)
	}
	if compare != "" {
		var rows []contracts.Contract
		for _, f := range strings.Split(compare, ",") {
			ds, err := contracts.LoadFile(f, contracts.LoadOptions{})
			if err != nil {
				return err
			}
			rows = append(rows, ds.Contracts...)
		}
		return Compare(stdout, rows, snap)
	}
	for name, b := range map[string][]byte{"snapshot-players.tsv": snap.Players, "snapshot-clubs.tsv": snap.Clubs, "SNAPSHOT.md": snap.Report} {
		if err := writeFile(filepath.Join(out, name), b); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "mksnapshot: %d players of %d clubs, scraped %s, written to %s\n", snap.Meta.Rows, len(snap.ClubList), snap.Meta.Scraped, out)
	return nil
}

// writeFile replaces path with b through a temporary file.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mksnapshot-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Snapshot is what Build makes.
type Snapshot struct {
	Meta           contracts.SnapshotMeta
	Players, Clubs []byte // the encoded files
	Report         []byte // SNAPSHOT.md
	Rows           []contracts.Contract
	ClubList       []contracts.SnapshotClub
}

// stats are the counts SNAPSHOT.md gives.
type stats struct {
	upstream, current, withExpiry int
	older, olderFuture            int
	byLeague                      map[string][2]int // league → with, without expiry
	noClub, noClubIDs             int
	byRule                        map[string]int // how short names were made
	newest                        time.Time
	newestURL                     string
}

// Build reads an upstream players.csv (gzip-compressed or not) and makes
// the snapshot of its current season.
func Build(raw, clubsCSV []byte, source string) (*Snapshot, error) {
	sum := sha256.Sum256(raw)
	text := raw
	if bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, err
		}
		if text, err = io.ReadAll(zr); err != nil {
			return nil, fmt.Errorf("gunzip: %v", err)
		}
	}
	st := stats{byLeague: map[string][2]int{}, byRule: map[string]int{}}
	var err error
	if st.newest, st.newestURL, err = newestPortrait(text); err != nil {
		return nil, err
	}
	ds, err := contracts.Load(bytes.NewReader(text), "players.csv", contracts.LoadOptions{})
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(ds.Format, "transfermarkt-datasets players.csv") {
		return nil, fmt.Errorf("read as %s, not a transfermarkt-datasets players.csv", ds.Format)
	}
	st.upstream = len(ds.Contracts)
	season := 0
	for _, c := range ds.Contracts {
		season = max(season, c.LastSeason)
	}
	scraped := rules.D(st.newest.Year(), st.newest.Month(), st.newest.Day())
	var rows []contracts.Contract
	for _, c := range ds.Contracts {
		if c.LastSeason != season {
			st.older++
			if !c.Expires.Before(scraped) {
				st.olderFuture++
			}
			continue
		}
		rows = append(rows, c)
	}
	aliases, err := clubCodes(clubsCSV)
	if err != nil {
		return nil, fmt.Errorf("clubs.csv: %v", err)
	}
	clubs, err := clubTable(rows, aliases, &st)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, c := range clubs {
		names[c.ID] = c.Name
	}
	for i := range rows {
		c := &rows[i]
		c.Club = names[c.ClubID]
		c.Confirmed, c.Listing = scraped, true // as the snapshot gives them back
		st.current++
		k := st.byLeague[c.League]
		if c.Expires.IsZero() {
			k[1]++
		} else {
			k[0]++
			st.withExpiry++
		}
		st.byLeague[c.League] = k
		if c.League == "" {
			st.noClub++
		}
	}
	meta := contracts.SnapshotMeta{Source: source, SHA256: hex.EncodeToString(sum[:]), Scraped: scraped, Season: season, Rows: len(rows)}
	players, clubFile, err := contracts.EncodeSnapshot(meta, clubs, rows)
	if err != nil {
		return nil, err
	}
	s := &Snapshot{Meta: meta, Players: players, Clubs: clubFile, Rows: rows, ClubList: clubs}
	s.Report = report(s, &st)
	return s, nil
}

// newestPortrait returns the newest timestamp (Unix seconds) of the
// portraits' file names in the image_url column (".../portrait/header/
// 558086-1781248867.jpg?lm=1": the part after the player id; the lm=
// parameter is 1 throughout). A portrait is stamped when it is uploaded,
// and the site is scraped after, so the newest is a lower bound of the
// scrape day, and in a weekly scrape the day itself.
func newestPortrait(text []byte) (time.Time, string, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.ReuseRecord = true
	head, err := r.Read()
	if err != nil {
		return time.Time{}, "", err
	}
	col := -1
	for i, h := range head {
		if h == "image_url" {
			col = i
		}
	}
	if col < 0 {
		return time.Time{}, "", errors.New("no image_url column: cannot date the scrape")
	}
	var best int64
	var bestURL string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return time.Time{}, "", err
		}
		u := rec[col]
		file, _, _ := strings.Cut(u[strings.LastIndexByte(u, '/')+1:], "?")
		file, _, _ = strings.Cut(file, ".")
		_, stamp, ok := strings.Cut(file, "-")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(stamp, 10, 64)
		if err == nil && n > best {
			best, bestURL = n, strings.Clone(u)
		}
	}
	if best < 1e9 {
		return time.Time{}, "", errors.New("no timestamp in the portraits' file names (image_url): cannot date the scrape")
	}
	return time.Unix(best, 0).UTC(), bestURL, nil
}

// clubCodes reads a clubs.csv's club_id and club_code columns.
func clubCodes(b []byte) (map[string]string, error) {
	m := map[string]string{}
	if len(b) == 0 {
		return m, nil
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, err
	}
	id, code := -1, -1
	for i, h := range recs[0] {
		switch h {
		case "club_id":
			id = i
		case "club_code":
			code = i
		}
	}
	if id < 0 || code < 0 {
		return nil, errors.New("no club_id and club_code columns")
	}
	for _, rec := range recs[1:] {
		m[rec[id]] = strings.ReplaceAll(rec[code], "-", " ")
	}
	return m, nil
}

// clubTable makes the clubs of the current rows: every club id, with its
// league, association, official name, short name and aliases, ordered by
// league, then short name, then id; clubs without a name (outside the
// competitions the build covers) last, by id.
func clubTable(rows []contracts.Contract, aliases map[string]string, st *stats) ([]contracts.SnapshotClub, error) {
	byID := map[string]*contracts.SnapshotClub{}
	for _, c := range rows {
		if c.ClubID == "" {
			return nil, fmt.Errorf("line %d: player %s has no club id", c.Pos.Line, c.PlayerID)
		}
		cl, ok := byID[c.ClubID]
		if !ok {
			cl = &contracts.SnapshotClub{ID: c.ClubID, League: c.League, Association: c.Association, Official: c.Club}
			byID[c.ClubID] = cl
			continue
		}
		if cl.Official != c.Club || cl.League != c.League || cl.Association != c.Association {
			return nil, fmt.Errorf("line %d: club %s is %q (%s, %s) here and %q (%s, %s) before", c.Pos.Line, c.ClubID,
				c.Club, c.League, c.Association, cl.Official, cl.League, cl.Association)
		}
	}
	var clubs []contracts.SnapshotClub
	keys := map[string]string{} // ClubKey of a short name → club id
	for _, cl := range byID {
		if cl.Official == "" {
			st.noClubIDs++
			clubs = append(clubs, *cl)
			continue
		}
		name, how := shortName(cl.ID, cl.Official)
		cl.Name = name
		st.byRule[how]++
		if a, ok := aliases[cl.ID]; ok {
			cl.Aliases = []string{a}
		}
		clubs = append(clubs, *cl)
	}
	sort.Slice(clubs, func(i, j int) bool {
		a, b := clubs[i], clubs[j]
		if (a.Name == "") != (b.Name == "") {
			return b.Name == ""
		}
		if a.League != b.League {
			return a.League < b.League
		}
		if ka, kb := contracts.ClubKey(a.Name), contracts.ClubKey(b.Name); ka != kb {
			return ka < kb
		}
		if len(a.ID) != len(b.ID) {
			return len(a.ID) < len(b.ID)
		}
		return a.ID < b.ID
	})
	for _, cl := range clubs {
		if cl.Name == "" {
			continue
		}
		k := contracts.ClubKey(cl.Name)
		if other, dup := keys[k]; dup {
			return nil, fmt.Errorf("clubs %s and %s have the same short-name key %q: give one a name in shortnames.tsv", other, cl.ID, k)
		}
		keys[k] = cl.ID
	}
	return clubs, nil
}

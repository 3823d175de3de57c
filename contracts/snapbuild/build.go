// Package snapbuild makes a bosman snapshot (see contracts.EncodeSnapshot)
// from a transfermarkt-datasets players.csv: the embedded one
// (cmd/mksnapshot) and that of a cached release (contracts/release).
package snapbuild

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Snapshot is what Build makes.
type Snapshot struct {
	Meta           contracts.SnapshotMeta
	Players, Clubs []byte // the encoded files (contracts.EncodeSnapshot)
	Rows           []contracts.Contract
	ClubList       []contracts.SnapshotClub
	Stats          Stats
}

// Stats are the counts of a build, for its provenance.
type Stats struct {
	Upstream, Current, WithExpiry int               // rows of the file; current players; those with an expiry
	Older, OlderFuture            int               // rows of older seasons; those with an expiry after the scrape
	ByLeague                      map[string][2]int // league → with, without expiry
	NoClub, NoClubIDs             int               // current players at unnamed clubs; those clubs
	ByRule                        map[string]int    // how short names were made: "hand table", "rule", "official"
	ClubsSHA256                   string            // of the clubs.csv given, as given; "" for none
	ClubCodes                     int               // its clubs with a club_code (aliases)
	LeftLeague, LeftLeagueRows    int               // named clubs whose clubs.csv last_season is older: no league; their players
	Newest                        time.Time         // the newest portrait timestamp: the scrape
	NewestURL                     string            // its image_url
}

// Build reads an upstream players.csv (gzip-compressed or not) and makes
// the snapshot of its current season. Every row must be valid.
func Build(raw, clubsCSV []byte, source string) (*Snapshot, error) {
	return build(raw, clubsCSV, source, Options{})
}

// Options adjust a build for a release fetched by 'bosman data update',
// which its own checks have accepted (see contracts/release).
type Options struct {
	// SkipInvalid leaves out the rows contracts.Load rejects (a release
	// may have a few), and reads a clubs table without club codes as
	// giving no aliases.
	SkipInvalid bool
	// Scraped is the scrape day to use when the file's portraits carry no
	// timestamp; zero: such a file is refused.
	Scraped rules.Date
}

// BuildWith is Build with options.
func BuildWith(raw, clubsCSV []byte, source string, opt Options) (*Snapshot, error) {
	return build(raw, clubsCSV, source, opt)
}

// build is Build with options: it reads the upstream file, keeps the rows
// of its current season, names their clubs and encodes the snapshot.
func build(raw, clubsCSV []byte, source string, opt Options) (*Snapshot, error) {
	sum := sha256.Sum256(raw)
	text, err := gunzip(raw)
	if err != nil {
		return nil, err
	}
	st := Stats{ByLeague: map[string][2]int{}, ByRule: map[string]int{}}
	if st.Newest, st.NewestURL, err = newestPortrait(text); err != nil {
		if opt.Scraped.IsZero() {
			return nil, err
		}
		st.Newest = opt.Scraped.Time()
	}
	ds, err := contracts.Load(bytes.NewReader(text), "players.csv", contracts.LoadOptions{SkipInvalid: opt.SkipInvalid})
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(ds.Format, "transfermarkt-datasets players.csv") {
		return nil, fmt.Errorf("read as %s, not a transfermarkt-datasets players.csv", ds.Format)
	}
	st.Upstream = len(ds.Contracts)
	season := 0
	for _, c := range ds.Contracts {
		season = max(season, c.LastSeason)
	}
	scraped := rules.D(st.Newest.Year(), st.Newest.Month(), st.Newest.Day())
	rows := currentRows(ds.Contracts, season, scraped, &st)
	aliases, lastSeason, err := clubCodes(clubsCSV, opt.SkipInvalid)
	if err != nil {
		return nil, fmt.Errorf("clubs.csv: %v", err)
	}
	leftLeague(rows, lastSeason, season, &st)
	if len(clubsCSV) > 0 {
		sum := sha256.Sum256(clubsCSV)
		st.ClubsSHA256, st.ClubCodes = hex.EncodeToString(sum[:]), len(aliases)
	}
	clubs, err := clubTable(rows, aliases, &st)
	if err != nil {
		return nil, err
	}
	nameClubs(rows, clubs, scraped, &st)
	meta := contracts.SnapshotMeta{Source: source, SHA256: hex.EncodeToString(sum[:]), Scraped: scraped, Season: season, Rows: len(rows)}
	players, clubFile, err := contracts.EncodeSnapshot(meta, clubs, rows)
	if err != nil {
		return nil, err
	}
	return &Snapshot{Meta: meta, Players: players, Clubs: clubFile, Rows: rows, ClubList: clubs, Stats: st}, nil
}

// gunzip returns raw decompressed when it is gzip-compressed, else raw.
func gunzip(raw []byte) ([]byte, error) {
	if !bytes.HasPrefix(raw, []byte{0x1f, 0x8b}) {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gunzip: %v", err)
	}
	return text, nil
}

// currentRows returns the rows of season, counting in st the others and
// those of them with an expiry on or after the scrape day.
func currentRows(all []contracts.Contract, season int, scraped rules.Date, st *Stats) []contracts.Contract {
	var rows []contracts.Contract
	for _, c := range all {
		if c.LastSeason != season {
			st.Older++
			if !c.Expires.Before(scraped) {
				st.OlderFuture++
			}
			continue
		}
		rows = append(rows, c)
	}
	return rows
}

// nameClubs gives each row its club's short name and the snapshot's
// Confirmed and Listing, as the snapshot gives them back, and counts the
// rows in st.
func nameClubs(rows []contracts.Contract, clubs []contracts.SnapshotClub, scraped rules.Date, st *Stats) {
	names := map[string]string{}
	for _, c := range clubs {
		names[c.ID] = c.Name
	}
	for i := range rows {
		c := &rows[i]
		c.Club = names[c.ClubID]
		c.Confirmed, c.Listing = scraped, true // as the snapshot gives them back
		st.Current++
		k := st.ByLeague[c.League]
		if c.Expires.IsZero() {
			k[1]++
		} else {
			k[0]++
			st.WithExpiry++
		}
		st.ByLeague[c.League] = k
		if c.Club == "" {
			st.NoClub++
		}
	}
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

// leftLeague clears the league of the players of each club the clubs.csv
// last saw in its competition before season: the upstream keeps a
// relegated club's last top-flight id (Wigan Athletic, last in the
// Premier League in 2012/13, is still GB1), so without this a competition
// would list clubs long gone from it. The association is kept: the club is
// still in that country.
func leftLeague(rows []contracts.Contract, lastSeason map[string]int, season int, st *Stats) {
	gone := map[string]bool{}
	for i := range rows {
		c := &rows[i]
		if ls, ok := lastSeason[c.ClubID]; ok && ls < season && c.League != "" {
			c.League = ""
			gone[c.ClubID] = true
			st.LeftLeagueRows++
		}
	}
	st.LeftLeague = len(gone)
}

// clubCodes reads a clubs.csv's club_id and club_code columns, and the
// last_season of each club when it has one; the file may be
// gzip-compressed, as a release's is.
func clubCodes(b []byte, lenient bool) (map[string]string, map[string]int, error) {
	m := map[string]string{}
	seasons := map[string]int{}
	if len(b) == 0 {
		return m, seasons, nil
	}
	if bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, nil, err
		}
		if b, err = io.ReadAll(io.LimitReader(zr, 64<<20)); err != nil {
			return nil, nil, err
		}
	}
	r := csv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, nil, err
	}
	id, code, last := -1, -1, -1
	for i, h := range recs[0] {
		switch h {
		case "club_id":
			id = i
		case "club_code":
			code = i
		case "last_season":
			last = i
		}
	}
	if id < 0 || code < 0 {
		if lenient {
			return m, seasons, nil // a release's table without codes: no aliases
		}
		return nil, nil, errors.New("no club_id and club_code columns")
	}
	for _, rec := range recs[1:] {
		m[rec[id]] = strings.ReplaceAll(rec[code], "-", " ")
		if last >= 0 {
			if n, err := strconv.Atoi(rec[last]); err == nil {
				seasons[rec[id]] = n
			}
		}
	}
	return m, seasons, nil
}

// clubTable makes the clubs of the current rows: every club id, with its
// league, association, official name, short name and aliases, ordered by
// league, then short name, then id; clubs without a name (outside the
// competitions the build covers) last, by id.
func clubTable(rows []contracts.Contract, aliases map[string]string, st *Stats) ([]contracts.SnapshotClub, error) {
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
			st.NoClubIDs++
			clubs = append(clubs, *cl)
			continue
		}
		name, how := shortName(cl.ID, cl.Official)
		cl.Name = name
		st.ByRule[how]++
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

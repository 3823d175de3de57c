package contracts

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bosmanhq/bosman/rules"
)

// The embedded snapshot is two tab-separated text files, written by
// EncodeSnapshot (cmd/mksnapshot) and read here without a general parser.
//
// The players file starts with "#" lines (format, source, sha256, scrape
// day, season, row count, columns, the keys block's length in bytes). Then
// comes the keys block, one line per player, in the order of the rows:
//
//	keys  offset
//
// keys are the folded spellings of the name as Index keys them (see Fold),
// joined by "|", and offset is where the player's row starts, in bytes
// from the start of the rows. A name question searches the keys block's
// bytes (a third of the file) for the query's folded words and parses only
// the rows the matching lines point to. Then come the rows, one block per
// club: a line "=CLUBID<tab>LINE" (LINE is its own line number, so that a
// row's is found without counting from the top), then one line per player
// of that club:
//
//	id  name  born  nationality  position  expires  value  slug
//
// position is a short form (CB; D for a defender of no known
// sub-position; see Positions); value is in euros, empty when unknown;
// slug is empty when the profile URL is
// https://www.transfermarkt.co.uk/<the name in lower case, hyphenated>/profil/spieler/<id>
// for a name in ASCII, else the slug, or the whole URL when it has another
// form. Every row has the file's scrape day as Confirmed and its season as
// LastSeason.
//
// The clubs file starts with "#" lines too, then one line per club:
//
//	id  league  association  name  official  keys
//
// name is the short name the rows show, official the upstream's name, keys
// every ClubKey of both and of the aliases, the name's first.

// SnapshotMeta says where a snapshot came from.
type SnapshotMeta struct {
	Source  string     // URL of the upstream file
	SHA256  string     // hex sha256 of the upstream file
	Scraped rules.Date // the scrape day: every row's Confirmed
	Season  int        // the current season (its start year): every row's LastSeason
	Rows    int        // player rows
}

// SnapshotClub is a club of a snapshot.
type SnapshotClub struct {
	ID          string // Transfermarkt's club id
	League      string // competition id; empty when the upstream gives none
	Association string
	Name        string   // short name, shown as the rows' Club; empty when unknown
	Official    string   // the upstream's name, searchable
	Aliases     []string // more names to find the club by (clubs.csv's club_code)
}

const (
	snapshotMagicPlayers = "#bosman-snapshot v1 players"
	snapshotMagicClubs   = "#bosman-snapshot v1 clubs"
	profilePrefix        = "https://www.transfermarkt.co.uk/"
	profileMiddle        = "/profil/spieler/"
	snapshotHeaderLines  = 8 // of the players file
)

var snapshotPlayerColumns = []string{"id", "name", "born", "nationality", "position", "expires", "value", "slug"}
var snapshotClubColumns = []string{"id", "league", "association", "name", "official", "keys"}

// EncodeSnapshot writes a snapshot's players and clubs files. Rows are
// grouped by club in the order of clubs, and by player id (as a number)
// within a club; every row's ClubID must be one of clubs. The same input
// gives the same bytes.
func EncodeSnapshot(meta SnapshotMeta, clubs []SnapshotClub, rows []Contract) (players, clubTable []byte, err error) {
	clubTable, order, err := encodeClubs(clubs)
	if err != nil {
		return nil, nil, err
	}
	sorted, err := snapshotOrder(rows, order)
	if err != nil {
		return nil, nil, err
	}
	kb, rb, err := encodeRows(sorted)
	if err != nil {
		return nil, nil, err
	}
	var pb bytes.Buffer
	pb.WriteString(snapshotMagicPlayers + "\n")
	fmt.Fprintf(&pb, "#source\t%s\n#sha256\t%s\n#scraped\t%s\n#season\t%d\n#rows\t%d\n#columns\t%s\n#keys\t%d\n",
		meta.Source, meta.SHA256, meta.Scraped, meta.Season, len(rows), strings.Join(snapshotPlayerColumns, "\t"), len(kb))
	if n := bytes.Count(pb.Bytes(), []byte("\n")); n != snapshotHeaderLines {
		return nil, nil, fmt.Errorf("the header has %d lines, not %d: a field of the meta holds a line break", n, snapshotHeaderLines)
	}
	pb.Write(kb)
	pb.Write(rb)
	return pb.Bytes(), clubTable, nil
}

// encodeClubs writes the clubs file of clubs, and returns with it each
// club's place in the list by id.
func encodeClubs(clubs []SnapshotClub) (table []byte, order map[string]int, err error) {
	order = make(map[string]int, len(clubs))
	var cb bytes.Buffer
	cb.WriteString(snapshotMagicClubs + "\n#columns\t" + strings.Join(snapshotClubColumns, "\t") + "\n")
	for i, c := range clubs {
		if c.ID == "" {
			return nil, nil, errors.New("a club without an id")
		}
		if _, dup := order[c.ID]; dup {
			return nil, nil, fmt.Errorf("club %s listed twice", c.ID)
		}
		order[c.ID] = i
		var keys []string
		for _, n := range append([]string{c.Name, c.Official}, c.Aliases...) {
			for _, k := range clubKeys(n) {
				if !inList(keys, k) {
					keys = append(keys, k)
				}
			}
		}
		if err := writeFields(&cb, c.ID, c.League, c.Association, c.Name, c.Official, strings.Join(keys, "|")); err != nil {
			return nil, nil, fmt.Errorf("club %s: %v", c.ID, err)
		}
	}
	return cb.Bytes(), order, nil
}

// snapshotOrder returns a copy of rows in the order of the players file:
// by club, as order places them, then by player id as a number.
func snapshotOrder(rows []Contract, order map[string]int) ([]Contract, error) {
	sorted := slices.Clone(rows)
	for _, r := range sorted {
		if _, ok := order[r.ClubID]; !ok {
			return nil, fmt.Errorf("player %s: club %q is not in the club table", r.PlayerID, r.ClubID)
		}
	}
	slices.SortStableFunc(sorted, func(a, b Contract) int {
		if d := order[a.ClubID] - order[b.ClubID]; d != 0 {
			return d
		}
		if d := len(a.PlayerID) - len(b.PlayerID); d != 0 {
			return d
		}
		return strings.Compare(a.PlayerID, b.PlayerID)
	})
	return sorted, nil
}

// encodeRows writes the keys block and the rows of the players file for
// rows in their order, a "=CLUBID" line before each club's.
func encodeRows(sorted []Contract) (keys, rows []byte, err error) {
	var rb, kb bytes.Buffer // rows, keys
	club := "\x00"
	line := snapshotHeaderLines + len(sorted) + 1 // of the first row line
	for _, r := range sorted {
		if r.ClubID != club {
			club = r.ClubID
			rb.WriteString("=" + club + "\t" + strconv.Itoa(line) + "\n")
			line++
		}
		line++
		if r.PlayerID == "" || !isDigits(r.PlayerID) {
			return nil, nil, fmt.Errorf("player %q: the id must be digits", r.PlayerID)
		}
		variants := foldVariants(r.Player)
		if len(variants) == 0 {
			return nil, nil, fmt.Errorf("player %s: no letters in the name %q", r.PlayerID, r.Player)
		}
		if err := writeFields(&kb, strings.Join(variants, "|"), strconv.Itoa(rb.Len())); err != nil {
			return nil, nil, fmt.Errorf("player %s: %v", r.PlayerID, err)
		}
		value := ""
		if r.MarketValue > 0 {
			value = strconv.FormatInt(r.MarketValue, 10)
		}
		if err := writeFields(&rb, r.PlayerID, r.Player, r.Birth.String(), r.Nationality,
			positionCode(r.Position, r.SubPosition), r.Expires.String(), value, profileSlug(&r)); err != nil {
			return nil, nil, fmt.Errorf("player %s: %v", r.PlayerID, err)
		}
	}
	return kb.Bytes(), rb.Bytes(), nil
}

// profileSlug is the slug column of r: empty when its Source is the
// profile URL asciiSlug makes of the name, the slug when it is another
// profile URL of the player, else the whole Source.
func profileSlug(r *Contract) string {
	slug := r.Source
	if rest, ok := strings.CutPrefix(r.Source, profilePrefix); ok {
		if s, ok := strings.CutSuffix(rest, profileMiddle+r.PlayerID); ok && !strings.Contains(s, "/") {
			slug = s
			if s == asciiSlug(r.Player) {
				slug = ""
			}
		}
	}
	return slug
}

// asciiSlug is Transfermarkt's profile slug of a name in ASCII: lower
// case, every run of other characters a hyphen ("Jay O'Shea" is an
// exception the snapshot stores). It is "" for a name with other letters.
func asciiSlug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			return ""
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(c)
		default:
			dash = true
		}
	}
	return b.String()
}

// writeFields writes one tab-separated line, refusing fields that would
// break it.
func writeFields(b *bytes.Buffer, fields ...string) error {
	for i, f := range fields {
		if strings.ContainsAny(f, "\t\n\r") || i == 0 && strings.HasPrefix(f, "#") {
			return fmt.Errorf("field %d (%q) holds a tab, a line break or a leading #", i+1, f)
		}
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(f)
	}
	b.WriteByte('\n')
	return nil
}

// snapshot reads an encoded snapshot lazily: the keys block is searched
// as bytes, and only the rows a question needs are parsed.
type snapshot struct {
	name    string // for Contract.Pos
	players string
	keys    string // the keys block
	words   string // the places of a word index of keys (see snapshotWords); "" for none
	rows    string // the rows, from the first club marker
	rowLine int    // line number of the first line of rows
	meta    SnapshotMeta

	clubsRaw   string
	once       sync.Once
	clubsReady atomic.Bool // once has run: clubs and clubByID are set
	clubs      []snapClub
	clubByID   map[string]int
	clubErr    error
}

type snapClub struct {
	SnapshotClub
	keys []string // ClubKeys, the name's first
}

// openSnapshot reads the header of an encoded snapshot.
func openSnapshot(name, players, clubs string) (*snapshot, error) {
	s := &snapshot{name: name, players: players, clubsRaw: clubs}
	rest, ok := strings.CutPrefix(players, snapshotMagicPlayers+"\n")
	if !ok {
		return nil, fmt.Errorf("%s: not a bosman snapshot", name)
	}
	line, keysLen := 2, -1
	for strings.HasPrefix(rest, "#") {
		text, after, _ := strings.Cut(rest, "\n")
		k, v, _ := strings.Cut(text[1:], "\t")
		var err error
		switch k {
		case "source":
			s.meta.Source = v
		case "sha256":
			s.meta.SHA256 = v
		case "scraped":
			s.meta.Scraped, err = ParseDate(v, false)
		case "season":
			s.meta.Season, err = strconv.Atoi(v)
		case "rows":
			s.meta.Rows, err = strconv.Atoi(v)
		case "keys":
			keysLen, err = strconv.Atoi(v)
		case "columns":
			if v != strings.Join(snapshotPlayerColumns, "\t") {
				err = errors.New("unexpected columns " + v)
			}
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: header %s: %v", name, line, k, err)
		}
		rest = after
		line++
	}
	if keysLen < 0 || keysLen > len(rest) || keysLen > 0 && rest[keysLen-1] != '\n' {
		return nil, fmt.Errorf("%s: the header gives no length of the keys block, or a wrong one", name)
	}
	s.keys, s.rows = rest[:keysLen], rest[keysLen:]
	s.rowLine = line + s.meta.Rows
	return s, nil
}

// clubTable parses the clubs file once.
func (s *snapshot) clubTable() ([]snapClub, map[string]int, error) {
	s.once.Do(func() {
		rest, ok := strings.CutPrefix(s.clubsRaw, snapshotMagicClubs+"\n")
		if !ok {
			s.clubErr = errors.New("the snapshot's club table is not a bosman snapshot")
			return
		}
		s.clubs = make([]snapClub, 0, strings.Count(rest, "\n"))
		s.clubByID = make(map[string]int, cap(s.clubs))
		for rest != "" {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			if strings.HasPrefix(line, "#") || line == "" {
				continue
			}
			var f [6]string
			if splitTabs(line, f[:]) != len(f) {
				s.clubErr = fmt.Errorf("the snapshot's club table has a line of the wrong shape: %q", line)
				return
			}
			c := snapClub{SnapshotClub: SnapshotClub{ID: f[0], League: f[1], Association: f[2], Name: f[3], Official: f[4]}}
			if f[5] != "" {
				c.keys = strings.Split(f[5], "|")
			}
			s.clubByID[c.ID] = len(s.clubs)
			s.clubs = append(s.clubs, c)
		}
		s.clubsReady.Store(true)
	})
	return s.clubs, s.clubByID, s.clubErr
}

// splitTabs splits line at tabs into f, returning the number of fields
// (more than len(f) when there are more).
func splitTabs(line string, f []string) int {
	n := 0
	for {
		i := strings.IndexByte(line, '\t')
		if n < len(f) {
			if i < 0 {
				f[n] = line
			} else {
				f[n] = line[:i]
			}
		}
		n++
		if i < 0 {
			return n
		}
		line = line[i+1:]
	}
}

// marker returns the offset in s.rows of the club marker above offset off,
// the club's id and the marker's line number.
func (s *snapshot) marker(off int) (at int, clubID string, line int) {
	for end := off; end > 0; {
		i := strings.LastIndexByte(s.rows[:end], '=')
		if i < 0 {
			break
		}
		if i == 0 || s.rows[i-1] == '\n' {
			text, _, _ := strings.Cut(s.rows[i+1:], "\n")
			id, n, _ := strings.Cut(text, "\t")
			line, _ := strconv.Atoi(n)
			return i, id, line
		}
		end = i
	}
	return -1, "", 0
}

// rowAt parses the row starting at offset off of s.rows, finding its club
// and line number.
func (s *snapshot) rowAt(off int) (Contract, error) {
	if off <= 0 || off >= len(s.rows) || s.rows[off-1] != '\n' {
		return Contract{}, fmt.Errorf("%s: a row offset (%d) that starts no line", s.name, off)
	}
	m, club, line := s.marker(off)
	if m < 0 {
		return Contract{}, fmt.Errorf("%s: a row offset (%d) outside every club", s.name, off)
	}
	return s.row(off, club, line+strings.Count(s.rows[m:off], "\n"))
}

// row parses the row starting at offset start of s.rows, of club clubID,
// on line number line.
func (s *snapshot) row(start int, clubID string, line int) (Contract, error) {
	text, _, _ := strings.Cut(s.rows[start:], "\n")
	var f [8]string
	if splitTabs(text, f[:]) != len(f) {
		return Contract{}, fmt.Errorf("%s:%d: a line of the wrong shape", s.name, line)
	}
	c := Contract{PlayerID: f[0], Player: f[1], Nationality: f[3], ClubID: clubID,
		Confirmed: s.meta.Scraped, LastSeason: s.meta.Season, Listing: true, Pos: Pos{File: s.name, Line: line}}
	var err error
	if f[2] != "" {
		if c.Birth, err = parseISODate(f[2]); err != nil {
			return c, fmt.Errorf("%s:%d: born: %v", s.name, line, err)
		}
	}
	if f[5] != "" {
		if c.Expires, err = parseISODate(f[5]); err != nil {
			return c, fmt.Errorf("%s:%d: expires: %v", s.name, line, err)
		}
	}
	if f[6] != "" {
		if c.MarketValue, err = ParseMarketValue(f[6]); err != nil {
			return c, fmt.Errorf("%s:%d: value: %v", s.name, line, err)
		}
	}
	c.Position, c.SubPosition = positionFromCode(f[4])
	switch slug := f[7]; {
	case strings.HasPrefix(slug, "http"):
		c.Source = slug
	default:
		if slug == "" {
			slug = asciiSlug(c.Player)
		}
		c.Source = profilePrefix + slug + profileMiddle + c.PlayerID
	}
	c.Club, c.League, c.Association = s.clubFields(clubID)
	return c, nil
}

// clubFields returns a club's short name, league and association: from
// the parsed club table when there is one, else from its line, found by
// searching the club table's bytes (a one-player question needs a few).
func (s *snapshot) clubFields(id string) (name, league, assoc string) {
	if s.clubsReady.Load() {
		if i, ok := s.clubByID[id]; ok {
			c := &s.clubs[i]
			return c.Name, c.League, c.Association
		}
		return "", "", ""
	}
	i := strings.Index(s.clubsRaw, "\n"+id+"\t")
	if i < 0 {
		return "", "", ""
	}
	line, _, _ := strings.Cut(s.clubsRaw[i+1:], "\n")
	var f [4]string
	splitTabs(line, f[:])
	return f[3], f[1], f[2]
}

// parseISODate reads YYYY-MM-DD.
func parseISODate(s string) (rules.Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !isDigits(s[:4]) || !isDigits(s[5:7]) || !isDigits(s[8:]) {
		return rules.Date{}, errNotDate(s)
	}
	return rules.MakeDate(atoi(s[:4]), time.Month(atoi(s[5:7])), atoi(s[8:]))
}

// eachRow calls fn with the offset, club and line number of every row.
func (s *snapshot) eachRow(fn func(off int, club string, line int) bool) {
	s.eachRowIn(0, len(s.rows), s.rowLine, "", fn)
}

// eachRowIn is eachRow over the rows from offset off (a line's start, at
// line number line, in the block of club) to end.
func (s *snapshot) eachRowIn(off, end, line int, club string, fn func(off int, club string, line int) bool) {
	for ; off < end; line++ {
		n := strings.IndexByte(s.rows[off:end], '\n')
		if n < 0 {
			n = end - off
		}
		if s.rows[off] == '=' {
			club, _, _ = strings.Cut(s.rows[off+1:off+n], "\t")
		} else if !fn(off, club, line) {
			return
		}
		off += n + 1
	}
}

// all parses every row, in the file's order, into a slice with room for
// extra more. The second half of the rows, from a club's block on, is
// parsed beside the first, on another core when there is one: a
// market-wide question over the embedded data parses 18,000 rows.
func (s *snapshot) all(extra int) ([]Contract, error) {
	if _, _, err := s.clubTable(); err != nil {
		return nil, err
	}
	parse := func(out []Contract, from, to, line int) ([]Contract, error) {
		var err error
		s.eachRowIn(from, to, line, "", func(off int, club string, line int) bool {
			var c Contract
			if c, err = s.row(off, club, line); err != nil {
				return false
			}
			out = append(out, c)
			return true
		})
		return out, err
	}
	mid := len(s.rows) / 2
	if i := strings.Index(s.rows[mid:], "\n="); i >= 0 && len(s.rows) > 1<<16 {
		mid += i + 1 // a club's block begins
	} else {
		mid = len(s.rows)
	}
	var second []Contract
	var secondErr error
	done := make(chan struct{})
	if mid < len(s.rows) {
		go func() {
			defer close(done)
			second, secondErr = parse(make([]Contract, 0, s.meta.Rows/2+64), mid, len(s.rows), s.rowLine+strings.Count(s.rows[:mid], "\n"))
		}()
	} else {
		close(done)
	}
	out, err := parse(make([]Contract, 0, s.meta.Rows+extra), 0, mid, s.rowLine)
	<-done
	if err != nil {
		return out, err
	}
	return append(out, second...), secondErr
}

// byIDs returns the rows of the players with the given ids, in one pass
// over the rows.
func (s *snapshot) byIDs(ids map[string]bool) ([]Contract, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var out []Contract
	var err error
	s.eachRow(func(off int, club string, line int) bool {
		tab := strings.IndexByte(s.rows[off:], '\t')
		if tab > 0 && ids[s.rows[off:off+tab]] {
			var c Contract
			if c, err = s.row(off, club, line); err != nil {
				return false
			}
			out = append(out, c)
		}
		return len(out) < len(ids)
	})
	return out, err
}

// clubRows returns the rows of one club's block.
func (s *snapshot) clubRows(clubID string) ([]Contract, error) {
	marker := "=" + clubID + "\t"
	off := -1
	if strings.HasPrefix(s.rows, marker) {
		off = 0
	} else if i := strings.Index(s.rows, "\n"+marker); i >= 0 {
		off = i + 1
	}
	if off < 0 {
		return nil, nil
	}
	text, _, _ := strings.Cut(s.rows[off+len(marker):], "\n")
	line, err := strconv.Atoi(text)
	if err != nil {
		return nil, fmt.Errorf("%s: club marker %s without its line number", s.name, clubID)
	}
	off += len(marker) + len(text) + 1
	line++
	var out []Contract
	for off < len(s.rows) && s.rows[off] != '=' {
		end := strings.IndexByte(s.rows[off:], '\n')
		if end < 0 {
			end = len(s.rows) - off
		}
		c, err := s.row(off, clubID, line)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		off += end + 1
		line++
	}
	return out, nil
}

// snapHit is a row found by a name search: its offset in s.rows, and the
// best kind of match of the query.
type snapHit struct {
	off  int
	kind MatchKind
}

// find returns the rows matching the query keys qs, each with the best
// kind of match, as nameCatalog.find would over the same keys: every keys
// line where the longest word of a query key begins a word is a
// candidate, and is then checked against all the query's words.
func (s *snapshot) find(qs []string) []snapHit {
	best := map[int]MatchKind{}
	for _, q := range qs {
		toks := strings.Fields(q)
		if len(toks) == 0 {
			continue
		}
		t := toks[0]
		for _, x := range toks[1:] {
			if len(x) > len(t) {
				t = x
			}
		}
		// line is the keys line the word at pos is in, when pos is in its
		// keys column: the line's end, and the best match of q in it
		line := func(pos int) (end int, ok bool) {
			start := strings.LastIndexByte(s.keys[:pos], '\n') + 1
			end = pos + strings.IndexByte(s.keys[pos:], '\n')
			tab := strings.IndexByte(s.keys[start:end], '\t')
			if tab < 0 || start+tab < pos {
				return end, false // the offset column
			}
			off, err := strconv.Atoi(s.keys[start+tab+1 : end])
			if err != nil {
				return end, false
			}
			k := matchKeys(q, toks, s.keys[start:start+tab])
			if k == 0 {
				return end, false
			}
			if old, ok := best[off]; !ok || k < old {
				best[off] = k
			}
			return end, true
		}
		if s.words != "" {
			s.indexedWords(t, func(pos int) { line(pos) })
			continue
		}
		for from := 0; ; {
			i := strings.Index(s.keys[from:], t)
			if i < 0 {
				break
			}
			pos := from + i
			from = pos + len(t)
			if pos > 0 && s.keys[pos-1] != '\n' && s.keys[pos-1] != ' ' && s.keys[pos-1] != '|' {
				continue // not the beginning of a word
			}
			if end, ok := line(pos); ok {
				from = end
			}
		}
	}
	out := make([]snapHit, 0, len(best))
	for off, k := range best {
		out = append(out, snapHit{off, k})
	}
	slices.SortFunc(out, func(a, b snapHit) int { return a.off - b.off })
	return out
}

// matchKeys is how the query key q (of words toks) matches a keys column:
// MatchExact when q is one of the keys, else as matchWords over the keys'
// words; 0 when it does not match.
func matchKeys(q string, toks []string, keys string) MatchKind {
	for k := range strings.SplitSeq(keys, "|") {
		if k == q {
			return MatchExact
		}
	}
	var words []string
	for k := range strings.SplitSeq(keys, "|") {
		for w := range strings.FieldsSeq(k) {
			if !inList(words, w) {
				words = append(words, w)
			}
		}
	}
	return matchWords(toks, words)
}

// initials finds the rows whose name has the initials ini (see
// hasInitials), as MatchInitials hits.
func (s *snapshot) initials(ini string) []snapHit {
	var out []snapHit
	s.eachKeys(func(keys string, off int) {
		for k := range strings.SplitSeq(keys, "|") {
			if hasInitials(k, ini) {
				out = append(out, snapHit{off, MatchInitials})
				return
			}
		}
	})
	return out
}

// eachKeys calls fn with every keys line's keys and row offset.
func (s *snapshot) eachKeys(fn func(keys string, off int)) {
	for rest := s.keys; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		k, o, _ := strings.Cut(line, "\t")
		if off, err := strconv.Atoi(o); err == nil {
			fn(k, off)
		}
	}
}

package contracts

import (
	"encoding/csv"
	"fmt"
	"hash/maphash"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/rules"
)

// rowEnv is the per-row working state of a loader, reused across rows.
type rowEnv struct {
	cr         *csv.Reader // for field positions; nil for JSON and streamed rows
	fieldLines []int       // streamed rows over several lines: each field's line
	clean      bool        // the record's bytes are known clean (splitter.clean)
	joined     string      // the record's fields joined by the separator, when read so (readItem.joined)
	keyPos     []keyPos    // JSON: each field's key, by index in BosmanColumns
	rec        []string
	line       int
	rowErr     bool

	strs      map[string]string       // interned club, nationality … strings
	recent    *[internSlots]string    // the interned strings met lately, by internSlot
	positions map[[2]string][2]string // position, sub-position as written → as read
	mlsAssoc  map[string]string       // club id, name of an MLS1 row → USA or CAN

	order dateOrder

	rowInferred, rowNoAssoc bool // the current row's association was inferred, or is unknown

	noExpiry, firstNoExpiry int
	noAssoc, firstNoAssoc   int
	inferred, firstInferred int
	inferredEx              string               // the first inferred row's club and association
	inferCache              map[string]knownClub // club name → inferred association, "" none
	unknownLeague           map[string]bool
}

// dupState finds repeated and conflicting rows.
//
// When rows are kept (Dataset.Contracts), the maps point into Contracts
// and every row is checked. When they are streamed (LoadOptions.Each)
// nothing of a row is kept but a fingerprint of its deal, a hash of the
// record, its line and its expiry, in a table of fixed greatest size
// (dealTable): memory stays bounded whatever the file's size, and a row
// is merged or left out only on a full match of the 64-bit fingerprints.
type dupState struct {
	seed     maphash.Seed
	sep      byte              // the file's separator: recordHash joins fields with it
	buf      []byte            // recordHash's join of a record not in one line
	exact    map[uint64]int32  // kept rows: hash of the raw record → index in Contracts
	sameDeal map[dealKey]int32 // kept rows: player, club, signed → index in Contracts
	repeated []uint64          // kept rows: bit i set when a later row repeats Contracts[i]

	deals   dealTable // streamed rows: the first row of each deal
	deal    uint64    // streamed rows: the current row's deal (dealHash), from contract
	ready   bool      // seed and the rest set
	repeats repeats   // the rows later rows repeat, bounded
}

// dealKey identifies one contract of one player: rows with the same key but
// a different expiry contradict each other.
type dealKey struct {
	id, name, club string
	signed, start  rules.Date
}

// get returns field f of the current record, trimmed; "" when absent.
func (ld *loader) get(f field) string {
	i := ld.format.cols[f]
	if i == 0 || i > len(ld.rec) {
		return ""
	}
	v := ld.rec[i-1]
	if n := len(v); n > 0 && !(asciiNonSpace(v[0]) && asciiNonSpace(v[n-1])) {
		v = strings.TrimSpace(v) // most fields have no white space at either end
	}
	if ld.format.own && v != "" && v[0] == '\'' {
		return unneutralise(v)
	}
	return v
}

// asciiNonSpace says that c is an ASCII byte and not white space: a field
// that starts and ends with one is trimmed already.
func asciiNonSpace(c byte) bool { return c > ' ' && c < utf8.RuneSelf }

// unneutralise removes the ' bosman's CSV and TSV put before a cell of
// quotes and then = + - @ TAB or CR, so that a spreadsheet does not run it
// (report's csvWriter): '=x loads as =x, and =x after two quotes as '=x.
func unneutralise(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i < len(v) && strings.IndexByte("=+-@\t\r", v[i]) >= 0 {
		return v[1:]
	}
	return v
}

// fieldLine is the line on which field i (0-based) of the record starts.
func (ld *loader) fieldLine(i int) int {
	if ld.keyPos != nil && i >= 0 && i < len(ld.keyPos) && ld.keyPos[i].line > 0 {
		return ld.keyPos[i].line // JSON: the key's line
	}
	if ld.fieldLines != nil && i >= 0 && i < len(ld.fieldLines) {
		return ld.fieldLines[i] // a streamed record over several lines
	}
	if ld.cr == nil || i < 0 {
		return ld.line
	}
	l, _ := ld.cr.FieldPos(i)
	return l
}

// fieldProblem records a problem with field f of the current row; an error
// makes the row invalid.
func (ld *loader) fieldProblem(f field, sev Severity, msg, hint string) {
	ld.fieldProblemKind("", f, sev, msg, hint)
}

// fieldProblemKind is fieldProblem for a warning of a kind that repeats.
func (ld *loader) fieldProblemKind(kind string, f field, sev Severity, msg, hint string) {
	col := ld.format.cols[f]
	name := fieldNames[f]
	if !ld.json && col > 0 {
		name = strings.TrimSpace(ld.header[col-1])
	}
	if sev == Error {
		ld.rowErr = true
	}
	ld.problemKind(kind, ld.fieldLine(col-1), ld.fieldCol(col-1), sev, name+": "+msg, hint)
}

// fieldCol is the column Problem.Col gives for field i (0-based) of the
// record: i+1 in CSV; in JSON, the column of the field's key, 0 when the
// key is absent (a problem of a field the row lacks).
func (ld *loader) fieldCol(i int) int {
	if !ld.json {
		return i + 1
	}
	if ld.keyPos != nil && i >= 0 && i < len(ld.keyPos) {
		return ld.keyPos[i].col
	}
	return 0
}

// date reads field f as a date; zero when empty or wrong (an error then).
func (ld *loader) date(f field) rules.Date {
	v := ld.get(f)
	if v == "" {
		return rules.Date{}
	}
	if d, ok := isoDay(v); ok {
		return d
	}
	monthFirst := ld.opt.MonthFirst || ld.order.reading() == slashMonthFirst
	if !ld.opt.MonthFirst && strings.IndexByte(v, '/') >= 0 {
		// a date that reads one way only is read that way
		if o := orderOf(strings.TrimSpace(v)); o == slashDayFirst || o == slashMonthFirst {
			monthFirst = o == slashMonthFirst
		}
	}
	d, order, err := parseDate(v, monthFirst)
	switch {
	case err == nil && order >= slashAmbiguous && !ld.opt.MonthFirst:
		return ld.slashed(f, v, d, order)
	case err == nil:
		return d
	case ld.json && f < 32 && ld.jsonNums&(1<<f) != 0:
		ld.fieldProblem(f, Error, "the JSON number "+v+" is not a date", "write dates as strings: "+numberDateHint(v))
	case order == slashDayFirst && ld.opt.MonthFirst:
		ld.fieldProblem(f, Error, err.Error(), v+" is day first: leave out --month-first, which reads the file's slashed dates month first")
	default:
		ld.fieldProblem(f, Error, err.Error(), "")
	}
	return d
}

// dateOrder is what the slashed dates of a file have shown of the order of
// day and month, read without --month-first: a date that reads one way
// only (30/6/2027, 6/30/2027) shows it, and the dates that read both ways
// (9/5/2001) are read in the order shown. Before any date shows it, they
// are read in the order the start of the file shows (sniffOrders), else day
// first; a date that shows the other order then is an error, as are two
// dates that show different orders.
type dateOrder struct {
	shown      slashOrder // slashDayFirst or slashMonthFirst once a date shows it
	shownLine  int
	shownValue string
	sniffed    slashOrder // what the first 64 KiB show, 0 when nothing or both
	mixed      bool       // the first 64 KiB show both orders

	ambiguous     int        // dates read in the order shown or guessed
	ambLine       int        // the first of them
	ambValue      string     //
	ambDate       rules.Date //
	readAmbiguous slashOrder // the order they were read in
	conflicts     int
}

// reading is the order in which a date that reads both ways is read now.
func (o *dateOrder) reading() slashOrder {
	switch {
	case o.shown != 0:
		return o.shown
	case o.sniffed != 0:
		return o.sniffed
	}
	return slashDayFirst
}

// slashed records what the slashed date v of field f, read as d, shows of
// the file's order, and returns d, or the zero date after an error.
func (ld *loader) slashed(f field, v string, d rules.Date, order slashOrder) rules.Date {
	o := &ld.order
	if order == slashAmbiguous {
		if o.ambiguous == 0 {
			o.ambLine, o.ambValue, o.ambDate = ld.fieldLine(ld.format.cols[f]-1), strings.Clone(v), d
		}
		o.ambiguous++
		o.readAmbiguous = o.reading()
		return d
	}
	// one reading only, which d is
	switch {
	case o.shown == order:
		return d
	case o.shown != 0:
		o.conflicts++
		ld.fatal = true
		ld.fieldProblem(f, Error, fmt.Sprintf("%s reads %s only, but %s on line %d reads %s only: the file mixes the two orders",
			v, orderName(order), o.shownValue, o.shownLine, orderName(o.shown)),
			"write every date of the file one way; YYYY-MM-DD is never ambiguous")
		return rules.Date{}
	case o.ambiguous > 0 && o.readAmbiguous != order:
		o.conflicts++
		ld.fatal = true
		hint := "give --month-first to read the file's slashed dates month first"
		if order == slashDayFirst || o.mixed {
			// --month-first cannot help a file that shows both orders
			hint = "the file mixes day-first and month-first dates: write them one way; YYYY-MM-DD is never ambiguous"
		}
		ld.fieldProblem(f, Error, fmt.Sprintf("%s reads %s only, but the dates before it that read either way were read %s (%d, the first %s on line %d)",
			v, orderName(order), orderName(o.readAmbiguous), o.ambiguous, o.ambValue, o.ambLine), hint)
		return rules.Date{}
	}
	o.shown, o.shownLine, o.shownValue = order, ld.fieldLine(ld.format.cols[f]-1), strings.Clone(v)
	return d
}

func orderName(o slashOrder) string {
	if o == slashMonthFirst {
		return "month first"
	}
	return "day first"
}

// orderNote says how the file's slashed dates that read both ways were
// read, when there were any.
func (ld *loader) orderNote() {
	o := &ld.order
	if o.ambiguous == 0 || o.conflicts > 0 {
		return
	}
	form := "D/M/YYYY"
	if o.readAmbiguous == slashMonthFirst {
		form = "M/D/YYYY"
	}
	which := fmt.Sprintf("%d dates that read either way, the first %s on line %d (%s)", o.ambiguous, o.ambValue, o.ambLine, o.ambDate.Human())
	if o.ambiguous == 1 {
		which = fmt.Sprintf("%s on line %d, which reads either way (%s)", o.ambValue, o.ambLine, o.ambDate.Human())
	}
	msg := fmt.Sprintf("slashed dates read %s (%s), ", orderName(o.readAmbiguous), form)
	were := "were"
	if o.ambiguous == 1 {
		were = "was"
	}
	if o.shown != 0 {
		msg += fmt.Sprintf("as %s on line %d shows, and so %s %s", o.shownValue, o.shownLine, were, which)
	} else {
		msg += fmt.Sprintf("bosman's default, as no date of the file shows the order, and so %s %s: give --month-first if they are month first", were, which)
	}
	ld.note(o.ambLine, msg)
}

// sniffOrders returns the order the slashed dates in head show, when they
// show one only, and whether head shows both orders: read before the rows,
// it lets a date that reads both ways on line 2 be read as 6/30/2027 on
// line 40 says.
func sniffOrders(head []byte) (slashOrder, bool) {
	var day, month bool
	for i := 0; i < len(head); {
		if !isDigit(head[i]) || (i > 0 && (isDigit(head[i-1]) || head[i-1] == '/')) {
			i++
			continue
		}
		j := i
		for j < len(head) && (isDigit(head[j]) || head[j] == '/') {
			j++
		}
		switch orderOf(string(head[i:j])) {
		case slashDayFirst:
			day = true
		case slashMonthFirst:
			month = true
		}
		i = j
	}
	switch {
	case day && !month:
		return slashDayFirst, false
	case month && !day:
		return slashMonthFirst, false
	}
	return 0, day && month
}

// intern returns a copy of s shared by every row that has the same value,
// so that kept contracts do not pin whole input records in memory.
func (ld *loader) intern(s string) string {
	if s == "" {
		return ""
	}
	if ld.recent == nil {
		ld.recent = new([internSlots]string)
	}
	slot := &ld.recent[internSlot(s)]
	if *slot == s {
		return *slot
	}
	v, ok := ld.strs[s]
	if !ok {
		if ld.strs == nil {
			ld.strs = make(map[string]string)
		}
		v = strings.Clone(s)
		if len(ld.strs) < 1<<16 {
			ld.strs[v] = v
		}
	}
	*slot = v
	return v
}

// internSlots is the size of intern's cache in front of its map: a power
// of two, several times the clubs, leagues and countries of most files,
// whose strings it finds without hashing them as the map does.
const internBits, internSlots = 11, 1 << internBits

// internSlot is s's place in intern's cache: its length and first and
// last eight bytes, mixed by a multiplication.
func internSlot(s string) uint64 {
	var h uint64
	if n := len(s); n >= 8 {
		h = load8(s) ^ bits.RotateLeft64(load8(s[n-8:]), 29)
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(s[i])
		}
	}
	h = (h ^ uint64(len(s))) * 0x9e3779b97f4a7c15
	return h >> (64 - internBits)
}

// load8 is the first eight bytes of s, little-endian.
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// keep copies s out of the record when rows are kept, so a kept field does
// not pin its whole line; streamed rows are used and dropped at once.
func (ld *loader) keep(s string) string {
	if ld.opt.Each != nil {
		return s
	}
	return strings.Clone(s)
}

// record checks one data record and keeps it, merges it or skips it.
func (ld *loader) record(rec []string, line int, cr *csv.Reader) {
	ld.rec, ld.line, ld.cr, ld.rowErr = rec, line, cr, false
	if !ld.json && blank(rec) {
		// a spreadsheet's empty row, ";;;;": skipped quietly, counted
		ld.ds.Blank++
		return
	}
	if len(rec) != len(ld.header) {
		ld.ds.Skipped++
		ld.problem(line, 0, Error, fmt.Sprintf("row has %d fields, the header has %d", len(rec), len(ld.header)),
			"a field containing the separator must be in double quotes")
		return
	}
	if !ld.clean {
		ld.checkFields(rec)
	}
	if ld.rowErr {
		ld.ds.Skipped++
		return
	}
	ld.rowInferred, ld.rowNoAssoc = false, false
	ld.cur = ld.contract()
	c := &ld.cur // in the loader, not on the heap: a streamed row costs no allocation here
	if ld.rowErr {
		ld.ds.Skipped++
		return
	}
	switch merged, dropped := ld.merge(c); {
	case merged:
		ld.ds.Merged++
		return
	case dropped:
		ld.ds.Conflicts++
		return
	}
	ld.countRow(c)
	if ld.opt.Each != nil {
		if err := ld.opt.Each(ld.ds, c); err != nil {
			ld.stop = err
		}
		ld.ds.Given++
		return
	}
	ld.ds.Contracts = append(ld.ds.Contracts, *c)
}

// checkFields records the fields of rec that are too long, hold a NUL byte
// or are not UTF-8, and a byte-order mark before the first.
func (ld *loader) checkFields(rec []string) {
	for i, v := range rec {
		switch {
		case len(v) > ld.opt.MaxFieldBytes:
			ld.rowErr = true
			ld.problem(ld.fieldLine(i), ld.fieldCol(i), Error, fmt.Sprintf("field is %d bytes long", len(v)),
				fmt.Sprintf("at most %d bytes", ld.opt.MaxFieldBytes))
		case strings.IndexByte(v, 0) >= 0:
			ld.rowErr = true
			ld.problem(ld.fieldLine(i), ld.fieldCol(i), Error, "a NUL byte (character zero) in the field", "delete it: the file may be damaged")
		case !utf8.ValidString(v):
			ld.rowErr = true
			ld.problem(ld.fieldLine(i), ld.fieldCol(i), Error, "field is not valid UTF-8", "save the file as CSV (UTF-8), not Latin-1 or Windows-1252")
		}
	}
	if len(rec) > 0 && strings.HasPrefix(rec[0], "\ufeff") {
		// a byte-order mark starts a line: two files were joined
		ld.rowErr = true
		ld.problem(ld.fieldLine(0), ld.fieldCol(0), Error, "a byte-order mark (U+FEFF) in the middle of the file",
			"two files joined? delete the mark, or the repeated header with it")
	}
}

// blank reports whether every field of rec is empty or spaces.
func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// contract builds the Contract of the current record, recording problems.
func (ld *loader) contract() Contract {
	f := ld.format
	var c Contract
	c.Pos = Pos{File: ld.name, Line: ld.line}

	id, name := ld.get(fPlayerID), ld.get(fPlayer)
	switch {
	case name != "":
	case ld.get(fFirstName) != "" || ld.get(fLastName) != "":
		name = strings.TrimSpace(ld.get(fFirstName) + " " + ld.get(fLastName))
	case f.slugNames:
		name = nameFromSlug(ld.get(fPlayerCode))
	}
	if id == "" && name == "" {
		ld.rowErr = true
		ld.problem(ld.line, 0, Error, "row has no player name or id", "expected at least a name")
	}
	if ld.opt.Each == nil {
		both := strings.Clone(id + name) // one copy for both, not pinning the record
		id, name = both[:len(id)], both[len(id):]
	}
	c.PlayerID, c.Player = id, name

	c.Birth = ld.date(fBirth)
	c.Nationality = ld.intern(ld.get(fNationality))
	c.Position, c.SubPosition = ld.position()
	c.MarketValue = ld.marketValue()
	c.Club = ld.intern(ld.get(fClub))
	c.League = ld.intern(ld.get(fLeague))
	clubID := ld.get(fClubID)
	c.ClubID = ld.intern(clubID)
	if clubID != "" && ld.opt.Clubs != nil && (c.Club == "" || c.League == "") {
		if club, ok := ld.opt.Clubs.Lookup(clubID); ok {
			if c.Club == "" {
				c.Club = club.Name
			}
			if c.League == "" {
				c.League = club.Competition
			}
		}
	}
	ld.association(&c)

	c.Signed = ld.date(fSigned)
	c.Start = ld.date(fStart)
	if ld.opt.Each != nil {
		// The deal's fields are final: its slot in the duplicate table is
		// fetched while the rest of the row is read.
		ld.dupsReady()
		ld.dups.deal = dealHash(ld.dups.seed, &c)
		ld.dups.deals.touch(ld.dups.deal)
	}
	c.Expires = ld.date(fExpires)
	c.Option.Until = ld.date(fOptionUntil)
	if h := ld.get(fOptionHolder); h != "" {
		switch strings.ToLower(h) {
		case "club", "player", "mutual":
			c.Option.Holder = strings.ToLower(h)
		default:
			ld.fieldProblem(fOptionHolder, Error, fmt.Sprintf("%q is not an option holder", h), "expected club, player or mutual")
		}
	}
	c.Loan.Club = ld.intern(ld.get(fLoanClub))
	c.Loan.Until = ld.date(fLoanUntil)
	c.Confirmed = ld.date(fConfirmed)
	if c.Confirmed.IsZero() {
		c.Confirmed = ld.opt.Confirmed
	}
	c.Listing = ld.opt.Listing
	c.Source = f.source
	if s := ld.get(fSource); s != "" {
		c.Source = ld.keep(s)
	}
	c.Note = ld.keep(ld.get(fNote))
	if s := ld.get(fLastSeason); s != "" {
		if len(s) != 4 || !isDigits(s) {
			ld.fieldProblem(fLastSeason, Error, fmt.Sprintf("%q is not a season", s), "expected the year the season starts, e.g. 2025")
		} else {
			c.LastSeason = atoi(s)
		}
	}
	ld.checkDates(&c)
	return c
}

// position reads the position and sub-position columns into a group and a
// sub-position (see Contract.Position): a sub-position bosman knows gives
// its group; a value it does not know is kept as written.
func (ld *loader) position() (group, sub string) {
	rawSub, rawPos := ld.get(fSubPosition), ld.get(fPosition)
	if rawSub == "" && rawPos == "" {
		return "", ""
	}
	k := [2]string{rawPos, rawSub}
	if v, ok := ld.positions[k]; ok {
		return v[0], v[1]
	}
	if g, s, ok := PositionOf(rawSub); ok {
		group, sub = g, s
	} else {
		sub = ld.intern(rawSub)
	}
	if g, s, ok := PositionOf(rawPos); ok {
		if group == "" {
			group = g
		}
		if sub == "" {
			sub = s
		}
	} else if group == "" {
		group = ld.intern(rawPos)
	}
	if ld.positions == nil {
		ld.positions = make(map[[2]string][2]string)
	}
	if len(ld.positions) < 1<<10 {
		ld.positions[[2]string{strings.Clone(rawPos), strings.Clone(rawSub)}] = [2]string{group, sub}
	}
	return group, sub
}

// marketValue reads the market value column; a value it cannot read is
// warned about and left unknown, as it does not change a contract's dates.
func (ld *loader) marketValue() int64 {
	v := ld.get(fMarketValue)
	if v == "" {
		return 0
	}
	n, err := ParseMarketValue(v)
	if err != nil {
		ld.fieldProblemKind(KindMarketValue, fMarketValue, Warning, err.Error()+"; left unknown", "expected euros: 45000000, €45.00m or €500k")
	}
	return n
}

// association fills c.Association from the association column, or else
// from the league.
func (ld *loader) association(c *Contract) {
	if v := ld.get(fAssociation); v != "" {
		code, ok := Association(v)
		if !ok {
			ld.fieldProblem(fAssociation, Error, fmt.Sprintf("unknown association %q", v), associationHint(v))
			return
		}
		c.Association = code
		ld.closedLeague(c)
		return
	}
	if c.League != "" {
		if code, ok := ld.leagueAssociation(c); ok {
			c.Association = code
			return
		}
		if comp, ok := ld.opt.Competitions.Lookup(c.League); ok && comp.Association != "" {
			c.Association = comp.Association
			return
		}
		if !ld.unknownLeague[c.League] {
			if ld.unknownLeague == nil {
				ld.unknownLeague = map[string]bool{}
			}
			if len(ld.unknownLeague) < 1<<12 {
				// past 4096 leagues, one unknown is warned of in each row
				ld.unknownLeague[c.League] = true
			}
			ld.fieldProblem(fLeague, Warning, fmt.Sprintf("competition %q is not one bosman knows: association left empty in its rows", c.League),
				"give the competitions.csv that names its country, or an association column")
		}
	}
	if ld.defaultAssoc != "" {
		c.Association = ld.defaultAssoc
		ld.closedLeague(c)
		return
	}
	if c.Club != "" && !ld.opt.NoInfer {
		if code, league, ok := ld.infer(c.Club); ok {
			c.Association, c.AssociationInferred = code, true
			if c.League == "" {
				c.League = league
			}
			ld.rowInferred = true
			return
		}
	}
	if c.League == "" && !ld.format.noAssoc {
		ld.rowNoAssoc = true
	}
}

// countRow counts what the file-wide warnings say of the current row, once
// it is known to load: no expiry, no association, an inferred one.
func (ld *loader) countRow(c *Contract) {
	if c.Expires.IsZero() {
		if ld.noExpiry == 0 {
			ld.firstNoExpiry = ld.line
		}
		ld.noExpiry++
	}
	if ld.rowInferred {
		if ld.inferred == 0 {
			ld.firstInferred, ld.inferredEx = ld.line, c.Club+" → "+c.Association
		}
		ld.inferred++
	}
	if ld.rowNoAssoc {
		if ld.noAssoc == 0 {
			ld.firstNoAssoc = ld.line
		}
		ld.noAssoc++
	}
}

// closedLeague gives a row that states its association but no league the
// league of its club when that is MLS, which has no promotion or
// relegation (see InferAssociation): the MLS rule set applies by the
// league, and a file written without one (bosman's export) reads back
// with it.
func (ld *loader) closedLeague(c *Contract) {
	if c.League != "" || c.Club == "" || ld.opt.NoInfer {
		return
	}
	if _, league, ok := ld.infer(c.Club); ok && league != "" {
		c.League = ld.intern(league)
	}
}

// infer is InferAssociation, remembered per club name for the file.
func (ld *loader) infer(club string) (assoc, league string, ok bool) {
	if v, ok := ld.inferCache[club]; ok {
		return v.assoc, v.league, v.assoc != ""
	}
	assoc, league, _ = InferAssociation(club)
	if ld.inferCache == nil {
		ld.inferCache = make(map[string]knownClub)
	}
	if len(ld.inferCache) < 1<<12 {
		ld.inferCache[strings.Clone(club)] = knownClub{assoc, league}
	}
	return assoc, league, assoc != ""
}

// leagueAssociation is leagueAssociation for c, remembering the answer
// for MLS clubs, whose names it must key.
func (ld *loader) leagueAssociation(c *Contract) (string, bool) {
	code, ok := LeagueAssociation(c.League)
	if !ok || code != "USA" {
		return code, ok
	}
	k := c.ClubID + "\x00" + c.Club
	if v, ok := ld.mlsAssoc[k]; ok {
		return v, true
	}
	code, _ = leagueAssociation(c.League, c.Club, c.ClubID)
	if ld.mlsAssoc == nil {
		ld.mlsAssoc = make(map[string]string)
	}
	if len(ld.mlsAssoc) < 1<<12 {
		ld.mlsAssoc[k] = code
	}
	return code, true
}

// checkDates reports dates that contradict each other.
func (ld *loader) checkDates(c *Contract) {
	if c.Expires.IsZero() {
		return
	}
	if !c.Start.IsZero() && c.Expires.Before(c.Start) {
		ld.fieldProblem(fExpires, Error, fmt.Sprintf("expiry %s is before the start %s", c.Expires, c.Start),
			"expected the last day of the contract, on or after its first")
	}
	if !c.Signed.IsZero() && c.Expires.Before(c.Signed) {
		ld.fieldProblem(fExpires, Error, fmt.Sprintf("expiry %s is before the signing %s", c.Expires, c.Signed),
			"expected the last day of the contract, after it was signed")
	}
	if !c.Option.Until.IsZero() && !c.Option.Until.After(c.Expires) {
		ld.fieldProblem(fOptionUntil, Error, fmt.Sprintf("option until %s is not after the expiry %s", c.Option.Until, c.Expires),
			"expected the expiry the option would extend the contract to")
	}
	if !c.Loan.Until.IsZero() && c.Loan.Until.After(c.Expires) {
		ld.fieldProblemKind(KindLoan, fLoanUntil, Warning, fmt.Sprintf("loan until %s outlasts the contract, which expires %s", c.Loan.Until, c.Expires), "")
	}
}

// conflict records that the current row, c, gives the contract of an
// earlier row of the file (line prev, expiring prevExp) another expiry:
// the row is left out, the first kept.
func (ld *loader) conflict(c *Contract, prev int, prevExp rules.Date) {
	ld.fieldProblemKind(KindConflict, fExpires, Warning,
		fmt.Sprintf("%s: line %d says the contract expires %s, this row says %s (same player, club, signing and start); this row is left out, line %d, the first, is used",
			c.Player, prev, orUnknown(prevExp), orUnknown(c.Expires), prev),
		"keep the right row, or give each contract its signing date")
}

// merge reports whether the current record repeats an earlier one exactly
// (it is then merged into it: merged), or gives the contract of an earlier
// row another expiry (it is then left out, with a warning: dropped).
func (ld *loader) merge(c *Contract) (merged, dropped bool) {
	ld.dupsReady()
	d := &ld.dups
	if ld.opt.Each != nil {
		if verifyDeal && d.deal != dealHash(d.seed, c) {
			panic(fmt.Sprintf("line %d: the deal changed after contract hashed it", ld.line))
		}
		return ld.mergeStreamed(c, d.deal, recordHash(d.seed, ld.rec, ld.joined, d.sep, &d.buf))
	}
	sum := recordHash(d.seed, ld.rec, ld.joined, d.sep, &d.buf)
	if d.exact == nil {
		d.exact = make(map[uint64]int32)
		d.sameDeal = make(map[dealKey]int32)
	}
	if i, ok := d.exact[sum]; ok && sameContract(ld.ds.Contracts[i], *c) {
		w := int(i) / 64
		if w >= len(d.repeated) {
			d.repeated = append(d.repeated, make([]uint64, w+1-len(d.repeated))...)
		}
		isNew := d.repeated[w]&(1<<(i%64)) == 0
		d.repeated[w] |= 1 << (i % 64)
		first := &ld.ds.Contracts[i]
		d.repeats.add(first.Pos.Line, isNew, first.Player, ld.line)
		return true, false
	}
	n := int32(len(ld.ds.Contracts))
	k := dealKey{id: c.PlayerID, club: c.Club, signed: c.Signed, start: c.Start}
	if k.id == "" {
		k.name = c.Player
	}
	if i, ok := d.sameDeal[k]; ok {
		if prev := ld.ds.Contracts[i]; prev.Expires != c.Expires {
			ld.conflict(c, prev.Pos.Line, prev.Expires)
			return false, true
		}
	} else {
		d.sameDeal[k] = n
	}
	d.exact[sum] = n
	return false, false
}

// dupsReady sets up the duplicate check before its first row.
func (ld *loader) dupsReady() {
	d := &ld.dups
	if d.ready {
		return
	}
	d.ready = true
	d.seed = maphash.MakeSeed()
	d.repeats.max = ld.opt.MaxProblems
	if d.sep == 0 {
		d.sep = ',' // JSON rows: any byte joins them
	}
}

// verifyDeal makes merge check that the deal contract hashed is the one it
// merges (the tests set it).
var verifyDeal bool

// recordHash hashes a record: the lengths of its fields, and their bytes
// joined by sep, the file's separator, hashed in one call. joined, when
// not empty, is that join as the line held it (a line without quotes);
// any other record is joined in buf first. The sum depends on the fields
// alone, never on how they were read.
func recordHash(seed maphash.Seed, rec []string, joined string, sep byte, buf *[]byte) uint64 {
	lens := uint64(len(rec))
	for _, v := range rec {
		lens = lens*1000003 + uint64(len(v))
	}
	const odd = 0x9e3779b97f4a7c15 // lens*odd is one to one: lens tell records with the same joined bytes apart
	if joined != "" {
		return maphash.String(seed, joined) ^ lens*odd
	}
	b := (*buf)[:0]
	for i, v := range rec {
		if i > 0 {
			b = append(b, sep)
		}
		b = append(b, v...)
	}
	*buf = b
	return maphash.Bytes(seed, b) ^ lens*odd
}

// mergeStreamed is merge for streamed rows: the earlier rows are gone, so
// they are known by hashes, line and expiry only. One table, keyed by the
// deal (player, club, signing, start), holds the first row of each deal:
// a row with the same record hash is its exact repeat and is merged; one
// with another expiry contradicts it. (A repeat of a later row of the
// same deal is kept rather than merged: nothing is lost.) When the table
// is full, a row of a deal it does not hold is kept (see dealTable). k is
// the deal's fingerprint (dealHash), sum the record's (recordHash).
func (ld *loader) mergeStreamed(c *Contract, k, sum uint64) (merged, dropped bool) {
	d := &ld.dups
	rows := int64(0)
	if ld.sizeHint > 0 {
		rows = ld.sizeHint / 200 // rows of 200 bytes or more
	}
	prev, ok := d.deals.lookup(k, rows)
	switch {
	case prev == nil || (!ok && ld.line > maxDealLine):
		ld.tableFull()
	case !ok:
		d.deals.add(prev, k, sum, ld.line, c.Expires)
	case prev.record == sum:
		isNew := prev.line&repeatedBit == 0
		prev.line |= repeatedBit
		d.repeats.add(int(prev.line&^repeatedBit), isNew, c.Player, ld.line)
		return true, false
	case prev.expires != c.Expires:
		ld.conflict(c, int(prev.line&^repeatedBit), prev.expires)
		return false, true
	}
	return false, false
}

// dealHash is the fingerprint of c's deal: player (id, else name), club,
// signing and start.
func dealHash(seed maphash.Seed, c *Contract) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	if c.PlayerID != "" {
		h.WriteString(c.PlayerID)
	} else {
		h.WriteByte(1)
		h.WriteString(c.Player)
	}
	h.WriteByte(0)
	h.WriteString(c.Club)
	h.WriteByte(0)
	var buf [10]byte
	h.Write(c.Signed.AppendText(buf[:0]))
	h.WriteByte(0)
	h.Write(c.Start.AppendText(buf[:0]))
	return h.Sum64()
}

func sameContract(a, b Contract) bool {
	a.Pos, b.Pos = Pos{}, Pos{}
	return a == b
}

func orUnknown(d rules.Date) string {
	if d.IsZero() {
		return "unknown"
	}
	return d.String()
}

// finish records the problems counted over the whole file and sorts the
// problem list by line.
func (ld *loader) finish() {
	if ld.format == nil {
		return
	}
	ld.orderNote()
	if ld.noExpiry > 0 {
		ld.problem(ld.firstNoExpiry, ld.headerCol(fExpires), Warning,
			fmt.Sprintf("%s no contract expiry, the first on this line: kept, expiry unknown", rowsHave(ld.noExpiry)), "")
	}
	if ld.inferred > 0 {
		ld.problem(ld.firstInferred, ld.headerCol(fClub), Warning,
			fmt.Sprintf("%s no association or league: association inferred from the club name, the first on this line (%s)", rowsHave(ld.inferred), ld.inferredEx),
			"give an association column to state it")
	}
	if ld.noAssoc > 0 {
		ld.problem(ld.firstNoAssoc, 0, Warning,
			fmt.Sprintf("%s no association or league, the first on this line: kept, association unknown", rowsHave(ld.noAssoc)),
			"give an association column, or the clubs.csv for club ids")
	}
	r := &ld.dups.repeats
	sort.Slice(r.held, func(a, b int) bool { return r.held[a].line < r.held[b].line })
	for _, h := range r.held {
		ld.problemKind(KindMerged, h.line, 0, Warning,
			fmt.Sprintf("%s: row repeated %s (%s); merged into this one", h.player, moreTimes(h.n), listLines(h.lines[:min(h.n, len(h.lines))], h.n)), "")
	}
	if more := r.count - len(r.held); more > 0 {
		// the repeated rows not held, of higher lines than the held, which
		// fill the list: counted, as problemKind counts those it cannot list
		if ld.ds.Kinds == nil {
			ld.ds.Kinds = map[string]int{}
		}
		ld.ds.Kinds[KindMerged] += more
		ld.ds.Warnings += more
	}
	sort.SliceStable(ld.ds.Problems, func(a, b int) bool {
		return ld.ds.Problems[a].Pos.Line < ld.ds.Problems[b].Pos.Line
	})
}

// headerCol is the column of field f in a CSV file's header; 0 in JSON,
// where a problem counted over the file has no one key to point at.
func (ld *loader) headerCol(f field) int {
	if ld.json {
		return 0
	}
	return ld.format.cols[f]
}

// rowsHave is "1 row has" or "n rows have".
func rowsHave(n int) string {
	if n == 1 {
		return "1 row has"
	}
	return strconv.Itoa(n) + " rows have"
}

// moreTimes is "once more" or "n more times".
func moreTimes(n int) string {
	if n == 1 {
		return "once more"
	}
	return strconv.Itoa(n) + " more times"
}

// countOf is "1 row" or "n rows".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// listLines writes "line 3, 9 and 12" of n lines, the first of which are
// lines, eliding after five: "lines 3, 9, 12, 15, 18 and 4 others".
func listLines(lines []int, n int) string {
	var b strings.Builder
	b.WriteString("line")
	if n > 1 {
		b.WriteString("s")
	}
	for i, l := range lines {
		if i == 5 {
			break
		}
		switch {
		case i == 0:
			b.WriteString(" ")
		case i == n-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(l))
	}
	if n > 5 {
		fmt.Fprintf(&b, " and %d others", n-5)
	}
	return b.String()
}

// nameFromSlug turns a Transfermarkt slug (zlatan-ibrahimović) into a name
// (Zlatan Ibrahimović).
func nameFromSlug(slug string) string {
	words := strings.Split(slug, "-")
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		if n > 0 {
			words[i] = string(unicode.ToUpper(r)) + w[n:]
		}
	}
	return strings.Join(words, " ")
}

// numberDateHint suggests how to write a date given as a JSON number:
// 20260630 as "2026-06-30".
func numberDateHint(v string) string {
	if len(v) == 8 && strings.Trim(v, "0123456789") == "" {
		s := v[:4] + "-" + v[4:6] + "-" + v[6:]
		if _, err := ParseDate(s, false); err == nil {
			return `"` + s + `"`
		}
	}
	return `"2026-06-30"`
}

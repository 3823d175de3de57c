package contracts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// field is a piece of a Contract a column can hold.
type field int

const (
	fPlayerID field = iota
	fPlayer
	fBirth
	fNationality
	fPosition
	fClub
	fAssociation
	fLeague
	fSigned
	fStart
	fExpires
	fOptionUntil
	fOptionHolder
	fLoanClub
	fLoanUntil
	fSource
	fConfirmed
	fNote
	fSubPosition
	fMarketValue
	// Only in other formats:
	fFirstName
	fLastName
	fPlayerCode
	fClubID
	fLastSeason
	numFields
)

// BosmanColumns is the header of bosman's own CSV format, in its usual
// order; the keys of bosman's JSON objects are the same names. Every column
// but player (or player_id) and contract_expires is optional; columns added
// later come last (sub_position and market_value_eur, in euros), so the
// order of the others never changes.
var BosmanColumns = []string{"player_id", "player", "date_of_birth", "nationality", "position",
	"club", "association", "league", "contract_signed", "contract_start", "contract_expires",
	"option_until", "option_holder", "loan_club", "loan_until", "source", "confirmed", "note",
	"sub_position", "market_value_eur"}

// computedColumns are the columns bosman's export adds to the record: an
// exported file loads back quietly, and they are computed anew. (Its
// data_as_of reads back as confirmed, so the freshness survives.)
var computedColumns = map[string]bool{
	"free_agent_from": true, "foreign_precontract_from": true, "domestic_precontract_from": true,
	"status": true, "days_to_free_agency": true, "workdays_to_free_agency": true,
	"registration_from": true, "confidence": true,
	"data_status": true, "age": true, "can_sign_from": true, "can_sign_condition": true,
}

// fieldNames names every field: bosman's columns, then the extra ones.
var fieldNames = append(append([]string(nil), BosmanColumns...),
	"first_name", "last_name", "player_code", "club_id", "last_season")

// synonyms are header spellings recognised in spreadsheets, normalised by
// normHeader (lower case, letters and digits only). The first key is also
// the short name accepted in LoadOptions.Map.
var synonyms = [numFields][]string{
	fPlayerID:     {"id", "playerid"},
	fPlayer:       {"name", "player", "playername", "fullname", "footballer"},
	fBirth:        {"dob", "dateofbirth", "born", "birthdate", "birthday", "birth"},
	fNationality:  {"nationality", "nation", "citizenship", "countryofcitizenship"},
	fPosition:     {"position", "pos", "role"},
	fClub:         {"club", "team", "currentclub", "clubname", "currentteam"},
	fAssociation:  {"association", "country", "fa", "federation", "countryofclub"},
	fLeague:       {"league", "competition", "competitionid", "division"},
	fSigned:       {"signed", "contractsigned", "datesigned", "signeddate", "signingdate"},
	fStart:        {"start", "contractstart", "startdate", "joined"},
	fExpires:      {"expiry", "expires", "contractexpires", "contractexpiry", "contractend", "contractenddate", "contractuntil", "contractexpiration", "contractexpirationdate", "expirydate", "enddate", "until"},
	fOptionUntil:  {"optionuntil", "optionexpires", "optiondate"},
	fOptionHolder: {"optionholder"},
	fLoanClub:     {"loanclub", "onloanat", "loanedto", "loan"},
	fLoanUntil:    {"loanuntil", "loanend", "loanexpires"},
	fSource:       {"source", "url", "link"},
	fConfirmed:    {"confirmed", "checked", "lastchecked", "verified"},
	fNote:         {"note", "notes", "comment", "comments", "remarks"},
	fSubPosition:  {"subposition", "detailedposition"},
	fMarketValue:  {"value", "marketvalue", "marketvalueeur", "marketvalueineur", "mv", "valueeur", "transfervalue"},
	fFirstName:    {"firstname", "forename", "givenname"},
	fLastName:     {"lastname", "surname", "familyname"},
	fClubID:       {"clubid", "currentclubid"},
	fLastSeason:   {"lastseason"},
	fPlayerCode:   {"playercode", "slug"},
}

// MapKeys returns the field names LoadOptions.Map accepts, bosman's column
// names first, then the short forms.
func MapKeys() []string {
	keys := append([]string(nil), fieldNames...)
	for f := range numFields {
		if s := synonyms[f]; len(s) > 0 && s[0] != fieldNames[f] {
			keys = append(keys, s[0])
		}
	}
	return keys
}

// fieldByKey returns the field a --map key names.
func fieldByKey(k string) (field, bool) {
	n := normHeader(k)
	for f := range numFields {
		if normHeader(fieldNames[f]) == n || (len(synonyms[f]) > 0 && synonyms[f][0] == n) {
			return f, true
		}
	}
	return 0, false
}

// normHeader lower-cases s and keeps only its letters and digits.
func normHeader(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || r > 127 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// format is a recognised file layout: which column (1-based; 0 absent)
// holds each field.
type format struct {
	name      string
	cols      [numFields]int
	source    string // Source for rows that name none
	noAssoc   bool   // the format has no association or league at all
	slugNames bool   // player names come from player_code slugs
	extraOK   bool   // unknown columns are expected and ignored quietly
	own       bool   // bosman's own CSV or TSV export: the ' it puts before a formula-like cell is removed
}

// layout is a known format: its name, the header columns that identify it
// and the column for each field.
type layout struct {
	name    string
	needs   []string
	columns map[string]field
	source  string
	noAssoc bool
	extraOK bool
	// notContracts: a lookup table, refused as contracts input
	notContracts string
}

var layouts = []layout{
	{name: "bosman CSV", needs: []string{"player", "contract_expires"}, columns: bosmanColumnFields()},
	{name: "transfermarkt-datasets players.csv", needs: []string{"player_id", "current_club_id", "contract_expiration_date"},
		source: "transfermarkt-datasets", extraOK: true, columns: map[string]field{
			"player_id": fPlayerID, "name": fPlayer, "first_name": fFirstName, "last_name": fLastName,
			"player_code": fPlayerCode, "date_of_birth": fBirth, "country_of_citizenship": fNationality,
			"position": fPosition, "sub_position": fSubPosition, "current_club_name": fClub,
			"current_club_id": fClubID, "current_club_domestic_competition_id": fLeague,
			"contract_expiration_date": fExpires, "last_season": fLastSeason, "url": fSource,
			"market_value_in_eur": fMarketValue}},
	{name: "FootyDex squad list", needs: []string{"player_name", "competition_id", "contract_expires"},
		source: "FootyDex", extraOK: true, columns: map[string]field{
			"player_id": fPlayerID, "player_name": fPlayer, "competition_id": fLeague, "club_name": fClub,
			"club_id": fClubID, "position": fPosition, "nationality": fNationality, "contract_expires": fExpires,
			"market_value": fMarketValue}},
	{name: "Transfermarkt expiring-contracts scrape", needs: []string{"name", "club", "contract end date"},
		source: "Transfermarkt (expiring contracts page)", noAssoc: true, extraOK: true, columns: map[string]field{
			"name": fPlayer, "position": fPosition, "club": fClub, "contract end date": fExpires,
			"market value": fMarketValue}},
	{name: "transfermarkt-datasets clubs.csv", needs: []string{"club_id", "domestic_competition_id"},
		notContracts: "it is a lookup table: put it beside players.csv, named clubs.csv, and give players.csv to --data"},
	{name: "transfermarkt-datasets competitions.csv", needs: []string{"competition_id", "country_name"},
		notContracts: "it is a lookup table: put it beside players.csv, named competitions.csv, and give players.csv to --data"},
}

func bosmanColumnFields() map[string]field {
	m := make(map[string]field, len(BosmanColumns))
	for i, c := range BosmanColumns {
		m[c] = field(i)
	}
	return m
}

// detect recognises the format from the header, applies LoadOptions.Map and
// sets ld.format. It reports false, after recording why, when it cannot.
func (ld *loader) detect() bool {
	lower := ld.headerIndex()
	f, explain, ok := ld.columns(lower)
	if !ok {
		return false
	}
	if len(ld.opt.Map) > 0 {
		explain = true
		if !ld.applyMap(f, lower) {
			return false
		}
	}
	if !ld.hasNameAndExpiry(f) {
		return false
	}
	ld.format = f
	ld.ds.Format = f.name
	ld.ds.History = f.cols[fSigned] != 0
	if explain {
		ld.ds.Mapping = ld.describe(f)
	}
	ld.headerWarnings(f, lower)
	return true
}

// headerIndex maps each lower-case column name of the header to its
// 1-based column, warning of a name that appears twice (the first is used).
func (ld *loader) headerIndex() map[string]int {
	lower := make(map[string]int, len(ld.header))
	for i, h := range ld.header {
		k := strings.ToLower(strings.TrimSpace(h))
		if _, dup := lower[k]; dup {
			ld.problemKind(KindRepeatedColumn, ld.headerLine, i+1, Warning, fmt.Sprintf("column %q appears twice; the first is used", strings.TrimSpace(h)), "")
			continue
		}
		lower[k] = i + 1
	}
	return lower
}

// columns finds the layout the header is in, or else reads it as a
// spreadsheet by the columns' synonyms, and says whether the mapping is
// worth explaining. It reports false, after recording why, for a file of
// a known kind that is not a list of contracts.
func (ld *loader) columns(lower map[string]int) (f *format, explain, ok bool) {
	f = &format{}
	var known *layout
	for i := range layouts {
		l := &layouts[i]
		if hasAll(lower, l.needs) {
			known = l
			break
		}
	}
	switch {
	case known != nil && known.notContracts != "":
		ld.fail(ld.headerLine, "this is a "+known.name+", not a list of contracts", known.notContracts)
		return nil, false, false
	case known != nil:
		f.name, f.source, f.noAssoc, f.extraOK = known.name, known.source, known.noAssoc, known.extraOK
		// bosman's own export (it has the computed columns), not a file
		// written by hand in bosman's columns
		f.own = known == &layouts[0] && !ld.json && lower["free_agent_from"] > 0 && lower["foreign_precontract_from"] > 0
		for col, fld := range known.columns {
			if i := lower[col]; i > 0 {
				f.cols[fld] = i
			}
		}
		if known.columns["player_code"] == fPlayerCode && f.cols[fPlayer] == 0 && f.cols[fFirstName] == 0 {
			f.slugNames = true
			explain = true
		}
		if f.name == "transfermarkt-datasets players.csv" {
			f.name += " (" + strconv.Itoa(len(ld.header)) + " columns)"
		}
		if known.name == "bosman CSV" && f.cols[fConfirmed] == 0 && lower["data_as_of"] > 0 {
			f.cols[fConfirmed] = lower["data_as_of"] // bosman's export: the day its facts were confirmed
		}
	default:
		f.name, explain = "spreadsheet", true
		used := map[int]bool{}
		norm := make([]string, len(ld.header))
		for i, h := range ld.header {
			norm[i] = normHeader(h)
		}
		for fld := range numFields {
			for _, syn := range synonyms[fld] {
				if i := indexOf(norm, syn); i >= 0 && !used[i+1] {
					f.cols[fld] = i + 1
					used[i+1] = true
					break
				}
			}
		}
	}
	return f, explain, true
}

// hasNameAndExpiry reports whether f has a column for the player and one
// for the expiry, recording why not when it has not.
func (ld *loader) hasNameAndExpiry(f *format) bool {
	if f.cols[fPlayer] == 0 && f.cols[fFirstName] == 0 && f.cols[fPlayerCode] == 0 && f.cols[fPlayerID] == 0 {
		if len(ld.header) == 1 {
			for _, sep := range []string{"|", ":", "^", "~"} {
				if strings.Count(ld.header[0], sep) >= 2 {
					ld.fail(ld.headerLine, fmt.Sprintf("the header is one column holding %q", sep),
						"bosman reads comma-, semicolon- and tab-separated files; save it with commas")
					return false
				}
			}
		}
		ld.fail(ld.headerLine, "no column for the player's name found in the header ("+strings.Join(ld.header, ", ")+")",
			"name it Player or Name, or give --map player=<column>")
		return false
	}
	if f.cols[fExpires] == 0 {
		ld.fail(ld.headerLine, "no column for the contract's expiry found in the header ("+strings.Join(ld.header, ", ")+")",
			"name it Expiry or Contract end, or give --map expiry=<column>")
		return false
	}
	return true
}

// headerWarnings warns of the header's unknown columns, of clubs named by
// id only, and of a file without an association.
func (ld *loader) headerWarnings(f *format, lower map[string]int) {
	if !f.extraOK {
		for i, h := range ld.header {
			first := lower[strings.ToLower(strings.TrimSpace(h))] == i+1 // else warned as a repeat
			if !f.usesColumn(i+1) && strings.TrimSpace(h) != "" && first && !computedColumns[strings.TrimSpace(h)] {
				ld.problemKind(KindUnknownColumn, ld.headerLine, i+1, Warning, fmt.Sprintf("column %q is not one bosman knows; ignored", h),
					"bosman's columns are "+strings.Join(BosmanColumns, ","))
			}
		}
	}
	if f.cols[fClub] == 0 && f.cols[fClubID] > 0 && ld.opt.Clubs == nil {
		ld.problem(ld.headerLine, f.cols[fClubID], Warning, "the file names clubs by id only: club and association left empty",
			"put the matching clubs.csv beside this file")
	}
	if f.noAssoc && ld.defaultAssoc == "" {
		msg := "the file has no association or league column: association inferred from the club name where bosman knows the club, else left empty"
		if ld.opt.NoInfer {
			msg = "the file has no association or league column: association left empty"
		}
		ld.problem(ld.headerLine, 0, Warning, msg, "add an association column (ENG, ESP …) to have the rules of a country applied")
	}
}

// applyMap applies LoadOptions.Map to f.
func (ld *loader) applyMap(f *format, lower map[string]int) bool {
	keys := make([]string, 0, len(ld.opt.Map))
	for k := range ld.opt.Map {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		col := ld.opt.Map[k]
		fld, ok := fieldByKey(k)
		if !ok {
			ld.fail(0, fmt.Sprintf("--map %s=%s: bosman has no field %q", k, col, k),
				"fields are "+strings.Join(MapKeys(), ", "))
			return false
		}
		i := lower[strings.ToLower(strings.TrimSpace(col))]
		if i == 0 {
			ld.fail(ld.headerLine, fmt.Sprintf("--map %s=%s: the header has no column %q", k, col, col),
				"columns are "+strings.Join(ld.header, ", "))
			return false
		}
		for other := range numFields {
			if f.cols[other] == i {
				f.cols[other] = 0
			}
		}
		f.cols[fld] = i
	}
	return true
}

func (f *format) usesColumn(i int) bool {
	for _, c := range f.cols {
		if c == i {
			return true
		}
	}
	return false
}

// describe tells which column each field was read from, and which columns
// were left out.
func (ld *loader) describe(f *format) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: columns read as", f.name)
	sep := " "
	for fld := range numFields {
		if i := f.cols[fld]; i > 0 {
			fmt.Fprintf(&b, "%s%s=%q", sep, fieldNames[fld], ld.header[i-1])
			sep = ", "
		}
	}
	if f.slugNames {
		b.WriteString("; player names made from player_code (no name column)")
	}
	var ignored []string
	for i, h := range ld.header {
		if !f.usesColumn(i + 1) {
			ignored = append(ignored, strconv.Quote(h))
		}
	}
	if len(ignored) > 0 {
		b.WriteString("; ignored " + strings.Join(ignored, ", "))
	}
	return b.String()
}

func hasAll(m map[string]int, names []string) bool {
	for _, n := range names {
		if m[n] == 0 {
			return false
		}
	}
	return true
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

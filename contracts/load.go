package contracts

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/rules"
)

// Severity says whether a Problem stops a row from loading.
type Severity int

const (
	// Warning: the row (or file) is loaded, but something deserves a look:
	// a merged duplicate, a conflicting duplicate, an unknown column.
	Warning Severity = iota + 1
	// Error: the row is not loaded (it is counted in Dataset.Skipped), or,
	// for a problem with the file as a whole, nothing is.
	Error
	// Note: how the file was read, where bosman chose among readings (the
	// order of day and month, line ends, a separator line); in
	// Dataset.Notes, not Problems.
	Note
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	case Note:
		return "note"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Problem is something wrong with an input file or one of its rows.
//
// Col is the 1-based index of the field within the record (the column as a
// spreadsheet numbers it: field 3 is column C), not a byte offset; for JSON
// input, where Msg names the key, it is the column, in characters, of the key (or of
// the bad byte) on its line. It is 0 when the problem concerns the whole
// row or file.
type Problem struct {
	Pos      Pos
	Col      int
	Severity Severity
	Msg      string // what is wrong
	Hint     string // what was expected, or what to do; may be empty
	// Kind names the kind of a warning that may repeat row after row
	// (KindMerged, KindConflict …), so that a summary can give one line
	// per kind; "" for the others.
	Kind string
}

// The kinds of warnings that repeat, one per row or per column.
const (
	KindMerged         = "merged"          // a row repeated, merged into its first
	KindConflict       = "conflict"        // a row giving an earlier row's contract another expiry, left out
	KindLoan           = "loan"            // a loan outlasting the contract
	KindMarketValue    = "market-value"    // a market value that cannot be read
	KindUnknownColumn  = "unknown-column"  // a column or JSON key bosman does not know
	KindRepeatedColumn = "repeated-column" // a column named twice
)

// Error returns "file:line:col: msg (hint)", leaving out a zero line or column.
func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Pos.File)
	if p.Pos.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Pos.Line))
		if p.Col > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Col))
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Msg)
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(p.Hint)
		b.WriteByte(')')
	}
	return b.String()
}

// Dataset is what Load read from one file.
//
// Every data row read is accounted for: Read == len(Contracts) + Given +
// Skipped + Merged + Conflicts + Blank.
type Dataset struct {
	Contracts []Contract
	// Problems lists up to LoadOptions.MaxProblems errors and as many
	// warnings, in the order met; Errors and Warnings count all of them,
	// and Kinds the warnings of each Problem.Kind.
	Problems         []Problem
	Errors, Warnings int
	Kinds            map[string]int

	// Notes say how the file was read where bosman chose among readings:
	// the order of day and month in slashed dates, old Mac line ends, an
	// Excel "sep=" line, blank rows skipped. Their Severity is Note.
	Notes []Problem

	Format  string // the format recognised, e.g. "transfermarkt-datasets players.csv (26 columns)"
	Mapping string // how columns were mapped, when that was guessed or given by --map; else ""

	// History is true when the format carries signing dates (bosman's
	// CSV and JSON), so one player may have several contracts; in the other
	// formats each row is a player's current contract.
	History bool

	Given   int // rows given to LoadOptions.Each instead of kept in Contracts
	Read    int // data rows read (not counting the header)
	Skipped int // rows not loaded because of an error
	Merged  int // rows merged into an identical earlier row
	// Conflicts counts rows left out because an earlier row of the file
	// gives the same contract (player, club, signing and start) another
	// expiry: the first is used, and a warning names both lines.
	Conflicts int
	Blank     int // rows whose fields are all empty (a spreadsheet's ";;;;"), skipped
}

// LoadOptions adjusts how Load reads a file. The zero value is the default.
type LoadOptions struct {
	// SkipInvalid loads the good rows of a file with bad ones; by default
	// Load returns an error when any row has an error. Bad rows are listed
	// in Dataset.Problems either way.
	SkipInvalid bool
	// MonthFirst reads 6/30/2026 as month/day; by default slashed dates
	// are day first. Dotted dates are always day first.
	MonthFirst bool
	// Map names the column holding a field, as --map expiry=Vertragsende
	// gives it: keys are bosman's column names (contract_expires, club …)
	// or their short forms (expiry, dob, name, team …, see MapKeys);
	// values are header names, matched without regard to case.
	Map map[string]string
	// Clubs and Competitions are the transfermarkt-datasets lookup tables
	// (clubs.csv, competitions.csv), used to fill a club name, competition
	// or association a players.csv row leaves empty. Both may be nil.
	Clubs        *ClubTable
	Competitions *CompetitionTable

	// Association, when set, is the association of every row that has
	// none of its own (no association column or value, no league that
	// names one): for a club's own sheet. A FIFA code, competition id or
	// country name, as in the association column.
	Association string
	// NoInfer leaves the association of a row that states neither an
	// association nor a league empty. By default it is inferred from the
	// club's name when the embedded data knows the club (see
	// InferAssociation), and the row is marked AssociationInferred; and a
	// row of an MLS club that gives no league gets MLS1, as MLS has no
	// promotion or relegation.
	NoInfer bool
	// Confirmed, when set, is the day the file's facts were confirmed, for
	// the rows whose confirmed column is empty (a release's scrape day).
	Confirmed rules.Date
	// Listing marks every row as a row of a listing of current contracts
	// (Contract.Listing): a release of transfermarkt-datasets loaded to
	// stand beside the curated rows. See Overlay.
	Listing bool

	// Each, when set, receives every good row instead of Dataset.Contracts,
	// which stays empty: a file of any size is read in bounded memory. The
	// row is valid only during the call. An error from Each stops the
	// loading and is returned. Rows are given before the file's last row
	// is checked, so the caller must be ready to discard what it made of
	// them when Load returns an error.
	Each func(ds *Dataset, c *Contract) error

	MaxProblems    int // problems listed per severity; default 50
	MaxFieldBytes  int // longest field accepted; default 64 KiB
	MaxRecordBytes int // longest record (line) read; default 1 MiB, see Load

	parseAll bool // every record through encoding/csv, none split alone: tests compare the two
}

const (
	defaultMaxProblems    = 50
	defaultMaxFieldBytes  = 64 << 10
	defaultMaxRecordBytes = 1 << 20
	readBufferBytes       = 64 << 10
)

func (o *LoadOptions) defaults() {
	if o.MaxProblems <= 0 {
		o.MaxProblems = defaultMaxProblems
	}
	if o.MaxFieldBytes <= 0 {
		o.MaxFieldBytes = defaultMaxFieldBytes
	}
	if o.MaxRecordBytes <= 0 {
		o.MaxRecordBytes = defaultMaxRecordBytes
	}
}

// LoadError is returned by Load when a file has errors: it lists them.
type LoadError struct {
	File     string
	Problems []Problem // the errors listed (at most LoadOptions.MaxProblems)
	Errors   int       // all errors, listed or not
	// Fatal is true when the file as a whole is refused (it is not text,
	// its header or its JSON cannot be read, a line is too long …), so
	// LoadOptions.SkipInvalid would not load it either.
	Fatal bool
}

func (e *LoadError) Error() string {
	var b strings.Builder
	if e.Errors == 1 {
		fmt.Fprintf(&b, "%s: 1 error", e.File)
	} else {
		fmt.Fprintf(&b, "%s: %d errors", e.File, e.Errors)
	}
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.Error())
	}
	if more := e.Errors - len(e.Problems); more > 0 {
		fmt.Fprintf(&b, "\nand %d more", more)
	}
	return b.String()
}

// LoadFile opens path and loads it with Load, naming it path in problems.
func LoadFile(path string, opt LoadOptions) (*Dataset, error) {
	return loadFile(path, func(r io.Reader, name string) (*Dataset, error) { return Load(r, name, opt) })
}

// Load reads a contracts file: bosman's own CSV or JSON, a
// transfermarkt-datasets players.csv, a FootyDex squad list, a Transfermarkt
// expiring-contracts scrape, or any spreadsheet saved as CSV whose header
// names the columns in English (or is mapped with LoadOptions.Map). The
// format is recognised from the header, never from name, which only labels
// problems. CSV may be separated by commas, semicolons or tabs, start with a
// UTF-8 byte-order mark and end lines with CRLF.
//
// Load streams the input: it holds one record at a time besides the
// contracts it keeps. A record longer than MaxRecordBytes stops the reading
// (the check is made on each 64 KiB read, so a record may overrun the limit
// by that much before it is caught), and the rows after it are not read.
//
// Load returns the dataset whenever it could read the header, even with an
// error. The error is a *LoadError when the file (or, unless SkipInvalid, any
// row) has an error-severity problem; other errors are I/O errors.
func Load(r io.Reader, name string, opt LoadOptions) (*Dataset, error) {
	opt.defaults()
	ld := &loader{opt: opt, name: name, ds: &Dataset{}, headerLine: 1}
	if f, ok := r.(interface{ Stat() (os.FileInfo, error) }); ok {
		if st, err := f.Stat(); err == nil {
			ld.sizeHint = st.Size()
		}
	}
	ld.lim = &limitReader{r: r, max: int64(opt.MaxRecordBytes) + 2*readBufferBytes}
	br := bufio.NewReaderSize(ld.lim, readBufferBytes)
	if v := opt.Association; v != "" {
		code, ok := Association(v)
		if !ok {
			ld.fail(0, fmt.Sprintf("unknown association %q for the rows that have none", v), associationHint(v))
			return ld.ds, ld.loadError()
		}
		ld.defaultAssoc = code
	}
	if err := ld.run(br); err != nil {
		return ld.ds, err
	}
	ld.finish()
	if ld.ds.Errors > 0 && (!opt.SkipInvalid || ld.fatal) {
		return ld.ds, ld.loadError()
	}
	return ld.ds, nil
}

// errRecordTooLong is returned by limitReader once a record overruns the limit.
var errRecordTooLong = errors.New("record too long")

// limitReader counts the bytes read since the last mark and refuses to read
// more than max of them, so that one endless line cannot exhaust memory.
type limitReader struct {
	r        io.Reader
	n, max   int64
	newlines []int64 // offsets of '\n', recorded only for JSON line numbers
	off      int64
	track    bool
	eof      bool // the underlying reader has ended
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n > l.max {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.track {
		for i, c := range p[:n] {
			if c == '\n' {
				l.newlines = append(l.newlines, l.off+int64(i))
			}
		}
	}
	l.off += int64(n)
	if err == io.EOF {
		l.eof = true
	}
	return n, err
}

func (l *limitReader) mark() { l.n = 0 }

// loader holds the state of one Load.
type loader struct {
	opt   LoadOptions
	name  string
	ds    *Dataset
	lim   *limitReader
	br    *bufio.Reader
	fatal bool  // a file-level error: nothing (more) could be read
	bom   int64 // length of the byte-order mark skipped

	format     *format
	header     []string
	headerLine int  // 1, or 2 after Excel's "sep=;" line
	sepLine    bool // the first record is a "sep=" line, to skip
	json       bool
	listedE    int
	listedW    int

	defaultAssoc string // LoadOptions.Association as a FIFA code

	dups     dupState
	stop     error     // from LoadOptions.Each: stop reading
	cur      Contract  // the row being built
	sizeHint int64     // the input's size, when it is a file
	jsonNums uint32    // JSON: bit i set when key BosmanColumns[i] of the row is a number
	jsonKeys []keyPos  // JSON: where each key of BosmanColumns is in the row, line 0 absent
	gate     *lineGate // what the CSV parser reads through, nil when it cannot be split alone
	csvBase  int       // what to add to the parser's line numbers (splitter.base)
	rowEnv
}

// problem records p, listing it if the per-severity limit allows.
func (ld *loader) problem(line, col int, sev Severity, msg, hint string) {
	ld.problemKind("", line, col, sev, msg, hint)
}

// problemKind is problem for a warning of a kind that repeats.
func (ld *loader) problemKind(kind string, line, col int, sev Severity, msg, hint string) {
	p := Problem{Pos: Pos{File: ld.name, Line: line}, Col: col, Severity: sev, Msg: msg, Hint: hint, Kind: kind}
	if kind != "" {
		if ld.ds.Kinds == nil {
			ld.ds.Kinds = map[string]int{}
		}
		ld.ds.Kinds[kind]++
	}
	switch sev {
	case Error:
		ld.ds.Errors++
		if ld.listedE >= ld.opt.MaxProblems {
			return
		}
		ld.listedE++
	default:
		ld.ds.Warnings++
		if ld.listedW >= ld.opt.MaxProblems {
			return
		}
		ld.listedW++
	}
	ld.ds.Problems = append(ld.ds.Problems, p)
}

// note records how the file was read.
func (ld *loader) note(line int, msg string) {
	ld.ds.Notes = append(ld.ds.Notes, Problem{Pos: Pos{File: ld.name, Line: line}, Severity: Note, Msg: msg})
}

// fail records a file-level error that stops the reading.
func (ld *loader) fail(line int, msg, hint string) {
	ld.fatal = true
	ld.problem(line, 0, Error, msg, hint)
}

func (ld *loader) loadError() *LoadError {
	e := &LoadError{File: ld.name, Errors: ld.ds.Errors, Fatal: ld.fatal}
	for _, p := range ld.ds.Problems {
		if p.Severity == Error {
			e.Problems = append(e.Problems, p)
		}
	}
	return e
}

// run reads the whole input. It returns only I/O errors; problems with the
// content are recorded.
func (ld *loader) run(br *bufio.Reader) error {
	ld.br = br
	cr, jsonStart, err := ld.open(br)
	switch {
	case err != nil:
		return err
	case jsonStart != 0:
		return ld.runJSON(br, jsonStart)
	case cr == nil:
		return nil
	}
	return ld.runCSV(cr)
}

// open checks that the input is text, skips a byte-order mark and returns a
// CSV reader for the separator of the header line; or, when the input is
// JSON, its first character. With neither, the reason is recorded.
func (ld *loader) open(br *bufio.Reader) (cr *csv.Reader, jsonStart byte, err error) {
	head, err := br.Peek(readBufferBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, 0, err
	}
	atEOF := err == io.EOF
	if msg, hint := notText(head); msg != "" {
		ld.fail(0, msg, hint)
		return nil, 0, nil
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
		ld.bom = int64(len(utf8BOM))
		head = head[len(utf8BOM):]
	}
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	switch {
	case len(trimmed) == 0:
		ld.fail(0, "empty file", "expected a header line naming the columns, or a JSON array")
		return nil, 0, nil
	case trimmed[0] == '[' || trimmed[0] == '{':
		return nil, trimmed[0], nil
	}
	comma, sep := sepLine(head)
	if !ld.opt.MonthFirst {
		ld.order.sniffed, ld.order.mixed = sniffOrders(head)
	}
	ld.gate = &lineGate{br: br}
	var in io.Reader = ld.gate
	if crOnly(head) {
		ld.gate = nil
		// Excel's "CSV (Macintosh)": lines end with a carriage return alone
		in = &crReader{r: br}
		head = bytes.ReplaceAll(head, []byte{'\r'}, []byte{'\n'})
		ld.note(0, "the lines end with a carriage return alone (an old Mac format): read as line ends")
	}
	if sep {
		// Excel's "sep=;" names the separator on a line of its own
		ld.sepLine, ld.headerLine = true, 2
		ld.note(1, fmt.Sprintf("the first line names the separator (%s): the header is line 2", head[:bytes.IndexAny(head, "\r\n")]))
	} else {
		var ok bool
		if comma, ok = sniffComma(head, atEOF); !ok {
			ld.fail(1, fmt.Sprintf("header line longer than %d KiB", readBufferBytes>>10), "is this a CSV file?")
			return nil, 0, nil
		}
	}
	cr = csv.NewReader(in)
	cr.Comma = comma
	if comma < utf8.RuneSelf {
		ld.dups.sep = byte(comma)
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr, 0, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// sepLine reads Excel's separator line, "sep=;" (also quoted, "sep=;"),
// when head starts with one: the separator it names, one of , ; tab |.
func sepLine(head []byte) (comma rune, ok bool) {
	end := bytes.IndexAny(head, "\r\n")
	if end < 0 {
		return 0, false
	}
	line := string(bytes.TrimSpace(head[:end]))
	if len(line) >= 2 && line[0] == '"' && line[len(line)-1] == '"' {
		line = line[1 : len(line)-1]
	}
	if len(line) != 5 || !strings.EqualFold(line[:4], "sep=") {
		return 0, false
	}
	switch c := rune(line[4]); c {
	case ',', ';', '\t', '|':
		return c, true
	}
	return 0, false
}

// crOnly reports whether the first line of head ends with a carriage
// return alone, as old Mac files do: the file then has no line feed at
// all, and encoding/csv would read it as one line.
func crOnly(head []byte) bool {
	i := bytes.IndexAny(head, "\r\n")
	return i >= 0 && head[i] == '\r' && (i+1 == len(head) || head[i+1] != '\n') && bytes.IndexByte(head, '\n') < 0
}

// crReader turns carriage returns into line feeds.
type crReader struct{ r io.Reader }

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// notText says why the start of a file shows it is not a text file in UTF-8.
// A file that is text but for a stray NUL byte or two passes: the NUL is
// reported at its line and field.
func notText(head []byte) (msg, hint string) {
	for _, m := range magics {
		if bytes.HasPrefix(head, m.prefix) {
			return m.msg, m.hint
		}
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}) || bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		return "the file is in UTF-32", "save it as CSV (UTF-8)"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "the file is in UTF-16", "save it as CSV (UTF-8)"
	case bytes.IndexByte(head, 0) < 0:
		return "", ""
	}
	var ctrl, nulEven, nulOdd int
	var nul4 [4]int // zero bytes at each offset modulo 4
	for i, c := range head {
		switch {
		case c == 0 && i%2 == 0:
			nulEven++
		case c == 0:
			nulOdd++
		}
		if c == 0 {
			nul4[i%4]++
		}
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			ctrl++
		}
	}
	quarter := len(head) / 4
	zeros3 := 0 // offsets modulo 4 that are nearly always zero
	for _, n := range nul4 {
		if quarter > 0 && 8*n >= 7*quarter {
			zeros3++
		}
	}
	switch {
	case zeros3 == 3:
		return "the file looks like UTF-32 (three bytes in four are zero)", "save it as CSV (UTF-8)"
	case 4*max(nulEven, nulOdd) > len(head) && 8*min(nulEven, nulOdd) < max(nulEven, nulOdd):
		return "the file looks like UTF-16 (every other byte is zero)", "save it as CSV (UTF-8)"
	case ctrl > 16 || 32*ctrl > len(head):
		return "not a CSV file: it contains NUL bytes, so it is binary", "expected text in UTF-8"
	}
	return "", ""
}

// magics are the starts of binary files someone may name .csv.
var magics = []struct {
	prefix    []byte
	msg, hint string
}{
	{[]byte("PK\x03\x04"), "not a CSV file: this is a ZIP archive (an .xlsx or .ods workbook?)", "save the sheet as CSV (UTF-8)"},
	{[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "not a CSV file: this is an old Excel (.xls) workbook", "save the sheet as CSV (UTF-8)"},
	{[]byte{0x1F, 0x8B}, "this is a gzip-compressed file, not CSV", "decompress it first: gunzip"},
	{[]byte{0xFD, '7', 'z', 'X', 'Z', 0x00}, "this is an xz-compressed file, not CSV", "decompress it first: unxz"},
	{[]byte{0x28, 0xB5, 0x2F, 0xFD}, "this is a zstd-compressed file, not CSV", "decompress it first: unzstd"},
	{[]byte("\x89PNG\r\n\x1a\n"), "this is a PNG image, not a CSV file", ""},
	{[]byte{0xFF, 0xD8, 0xFF}, "this is a JPEG image, not a CSV file", ""},
	{[]byte("%PDF-"), "this is a PDF document, not a CSV file", "export the table as CSV (UTF-8) from where it was made"},
}

// sniffComma picks the separator of the header line: whichever of comma,
// semicolon and tab occurs most often outside quotes (comma on a tie). ok
// is false when no line end is found in head and more input follows.
func sniffComma(head []byte, atEOF bool) (comma rune, ok bool) {
	var commas, semis, tabs int
	quoted := false
	end := -1
	for i, c := range head {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			end = i
			break
		}
		switch c {
		case ',':
			commas++
		case ';':
			semis++
		case '\t':
			tabs++
		}
	}
	if end < 0 && !atEOF {
		return 0, false
	}
	switch {
	case semis > commas && semis >= tabs:
		return ';', true
	case tabs > commas && tabs > semis:
		return '\t', true
	}
	return ',', true
}

// readHeader reads the header line into ld.header; false when it cannot
// (the reason recorded, or an I/O error returned).
func (ld *loader) readHeader(cr *csv.Reader) (bool, error) {
	if ld.sepLine {
		if _, err := cr.Read(); err != nil && err != io.EOF {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return false, err
			}
		}
	}
	rec, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe) && !errors.Is(pe.Err, errRecordTooLong):
			line, col, msg, hint := ld.csvSyntax(pe, cr, len(rec))
			ld.fatal = true
			ld.problem(line, col, Error, "in the header: "+msg, hint)
			return false, nil
		case errors.Is(err, errRecordTooLong):
			ld.fail(ld.headerLine, "header line too long", "is this a CSV file?")
			return false, nil
		case err == io.EOF:
			ld.fail(ld.headerLine, "no header after the separator line", "expected a header line naming the columns")
			return false, nil
		}
		return false, err
	}
	ld.header = append([]string(nil), rec...)
	for i, h := range ld.header {
		if !utf8.ValidString(h) {
			ld.fail(ld.headerLine, fmt.Sprintf("column %d of the header is not valid UTF-8", i+1), "save the file as CSV (UTF-8)")
			return false, nil
		}
	}
	return true, nil
}

// runCSV reads the header and the records.
func (ld *loader) runCSV(cr *csv.Reader) error {
	if ok, err := ld.readHeader(cr); !ok {
		return err
	}
	if !ld.detect() {
		return nil
	}
	return ld.readRows(cr)
}

// A readBatch carries records from the reading goroutine to the loader:
// their fields in one slice, and what each item is.
type readBatch struct {
	items  []readItem
	fields []string
}

type readItem struct {
	syntax    bool   // a CSV syntax error, already worded, instead of a record
	clean     bool   // split without the parser, and found clean (splitter.clean)
	joined    string // a line without quotes: its fields joined by the separator, as read
	start, n  int    // the record's fields: fields[start : start+n]
	line      int
	lines     []int // each field's line, for a record over several lines; else nil
	l, col    int
	msg, hint string
}

const readBatchItems = 256

// readBatches is how many batches a rowReader makes at most: up to four
// waiting in full, one being checked, one being filled, and room to spare,
// so that the batches and their fields' slices are made once and reused.
const readBatches = 8

// readRows reads the data rows: one goroutine reads and splits the CSV
// while this one checks the rows and keeps or hands them on, so a large
// file is read on two cores. Problems are recorded here only, in the order
// of the file.
func (ld *loader) readRows(cr *csv.Reader) error {
	rr := &rowReader{
		full: make(chan *readBatch, 4),
		free: make(chan *readBatch, readBatches),
		stop: make(chan struct{}),
		made: 1,
	}
	go rr.read(ld, cr)
	if err := ld.checkBatches(rr); err != nil {
		return err
	}
	// the reader has finished: cr is this goroutine's again
	ld.fieldLines, ld.clean, ld.joined = nil, false, ""
	if rr.longRec != nil {
		ld.ds.Read++
		ld.ds.Skipped++
		ld.csvBase = rr.longBase
		ld.tooLong(rr.longLine, rr.longRec, cr)
		return nil
	}
	if rr.err != nil {
		return rr.err
	}
	switch {
	case ld.ds.Read == 0:
		ld.problem(ld.headerLine, 0, Warning, "no data rows, only a header", "")
	case ld.ds.Read == ld.ds.Blank:
		ld.problem(ld.headerLine, 0, Warning, fmt.Sprintf("no data rows, only a header and %s every field of which is empty", countOf(ld.ds.Blank, "row")), "")
	}
	return nil
}

// A rowReader is readRows' reading goroutine: it sends batches of records
// on full, takes spent ones back from free, and gives up once stop is
// closed. What ended the reading is kept for readRows to see after full is
// closed.
type rowReader struct {
	full, free chan *readBatch
	stop       chan struct{}
	made       int // batches made, the first included

	err      error    // an I/O error
	longRec  []string // the record that ran over MaxRecordBytes
	longLine int
	longBase int // the splitter's base then
}

// read reads and splits the records of cr into batches until the input
// ends, a record is too long or an I/O error stops it, and closes full.
func (rr *rowReader) read(ld *loader, cr *csv.Reader) {
	defer close(rr.full)
	b := &readBatch{}
	sp := ld.newSplitter(cr.Comma)
	line := 1
	for {
		if sp != nil {
			var eof bool
			if b, eof = sp.split(b, rr.send); b == nil {
				return
			}
			line = max(line, sp.last)
			if eof {
				break
			}
		}
		ld.lim.mark()
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		base := sp.base()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && !errors.Is(pe.Err, errRecordTooLong) {
				moved := *pe
				moved.StartLine += base
				moved.Line += base
				l, col, msg, hint := ld.csvSyntax(&moved, cr, len(rec))
				line = moved.Line
				b.items = append(b.items, readItem{syntax: true, l: l, col: col, msg: msg, hint: hint})
			} else {
				if errors.Is(err, errRecordTooLong) {
					rr.longRec, rr.longLine, rr.longBase = rec, line+1, base
				} else {
					rr.err = err
				}
				break
			}
		} else {
			b.items = append(b.items, parsedItem(cr, rec, len(b.fields), base))
			b.fields = append(b.fields, rec...)
			line = b.items[len(b.items)-1].line
		}
		if len(b.items) == readBatchItems {
			if b = rr.send(b); b == nil {
				return
			}
		}
	}
	if len(b.items) > 0 {
		select {
		case rr.full <- b:
		case <-rr.stop:
		}
	}
}

// parsedItem is the item of a record the parser read, its fields to be
// at fields[start:]; base is added to the parser's line numbers.
func parsedItem(cr *csv.Reader, rec []string, start, base int) readItem {
	line, _ := cr.FieldPos(0)
	it := readItem{start: start, n: len(rec), line: line + base}
	if last, _ := cr.FieldPos(len(rec) - 1); last != line {
		it.lines = make([]int, len(rec))
		for i := range rec {
			it.lines[i], _ = cr.FieldPos(i)
			it.lines[i] += base
		}
	}
	return it
}

// send hands b on and returns an empty batch to fill next, a spent one
// when there is one; nil when the loader has stopped.
func (rr *rowReader) send(b *readBatch) *readBatch {
	select {
	case rr.full <- b:
	case <-rr.stop:
		return nil
	}
	select {
	case b = <-rr.free:
	default:
		if rr.made < readBatches {
			rr.made++
			return &readBatch{}
		}
		// every batch is in use: wait for the loader to give one back
		select {
		case b = <-rr.free:
		case <-rr.stop:
			return nil
		}
	}
	b.items, b.fields = b.items[:0], b.fields[:0]
	return b
}

// checkBatches checks the records of each batch rr sends, in order, and
// hands the batch back to be refilled. It returns ld.stop when a record
// stops the loading, once the reader has finished.
func (ld *loader) checkBatches(rr *rowReader) error {
	for b := range rr.full {
		for _, it := range b.items {
			ld.ds.Read++
			if it.syntax {
				ld.ds.Skipped++
				ld.problem(it.l, it.col, Error, it.msg, it.hint)
				continue
			}
			ld.fieldLines, ld.clean, ld.joined = it.lines, it.clean, it.joined
			ld.record(b.fields[it.start:it.start+it.n], it.line, nil)
			if ld.stop != nil {
				close(rr.stop)
				for range rr.full { // let the reader finish
				}
				return ld.stop
			}
		}
		select {
		case rr.free <- b:
		default:
		}
	}
	return nil
}

// csvSyntax turns a CSV syntax error into a problem's line, column, message
// and hint; n fields of the record were read before it.
func (ld *loader) csvSyntax(pe *csv.ParseError, cr *csv.Reader, n int) (line, col int, msg, hint string) {
	sep := separatorName(cr.Comma)
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return pe.Line, n + 1, "a double quote inside an unquoted field",
			`put the field in double quotes and double the quote: "Antonio ""Toni"" Rüdiger"`
	case errors.Is(pe.Err, csv.ErrQuote) && (pe.Line > pe.StartLine || ld.inputDone()):
		return pe.StartLine, n + 1, "a quoted field is never closed", `add the closing " before the next ` + sep
	case errors.Is(pe.Err, csv.ErrQuote):
		return pe.Line, n + 1, "a double quote inside a quoted field, or text after its closing quote",
			`double the quotes inside a quoted field: "Antonio ""Toni"" Rüdiger"; put nothing but a ` + sep + ` after the closing one`
	}
	return pe.Line, 0, fmt.Sprintf("the CSV cannot be read at byte %d of the line: %v", pe.Column, pe.Err), ""
}

// inputDone reports whether every byte of the input has been read.
func (ld *loader) inputDone() bool {
	return ld.lim.eof && (ld.br == nil || ld.br.Buffered() == 0)
}

func separatorName(c rune) string {
	switch c {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// tooLong records the record that overran MaxRecordBytes, which stops the
// reading; rec holds the fields read of it, line is where it should start.
func (ld *loader) tooLong(line int, rec []string, cr *csv.Reader) {
	msg := "a line over " + byteSize(ld.opt.MaxRecordBytes)
	hint := "a closing quote missing earlier? bosman stops reading there"
	col, sum := 0, 0
	for _, f := range rec {
		sum += len(f)
	}
	switch {
	case len(rec) > 0 && strings.Contains(rec[len(rec)-1], "\r"):
		hint = "the lines end with a carriage return alone: save the file with ordinary line ends; bosman stops reading there"
	case len(rec) > 0 && 2*len(rec[len(rec)-1]) >= ld.opt.MaxRecordBytes:
		// an unquoted field runs on
		col = len(rec)
		line, _ = cr.FieldPos(col - 1)
		line += ld.csvBase
	case 2*sum < ld.opt.MaxRecordBytes:
		// a quoted field runs on: the bytes read are in none of the fields
		col = len(rec) + 1
		if col > 1 {
			line, _ = cr.FieldPos(col - 2)
			line += ld.csvBase
		}
		msg += " inside a quoted field"
		hint = "is its closing quote missing? bosman stops reading there"
	}
	if col > 0 && col <= len(ld.header) {
		msg += ", in column " + strings.TrimSpace(ld.header[col-1])
	}
	ld.fatal = true
	ld.problem(line, col, Error, msg, hint)
}

// byteSize writes n bytes as MiB or KiB when it is a whole number of them.
func byteSize(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + " KiB"
	}
	return strconv.Itoa(n) + " bytes"
}

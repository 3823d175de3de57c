package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pelletier/go-toml/v2"
)

//go:embed data/*.toml
var embedded embed.FS

// Book is a loaded collection of rule sets: the FIFA baseline, one set per
// association, and league sets on top of their associations.
//
// The embedded sets are built when first asked for, so a question about
// one player builds two or three sets, not twenty, and from their decoded
// form in sets_gen.go rather than their TOML; rule files given by the user
// are parsed at once, so their mistakes are reported at once.
type Book struct {
	entries  map[string]*entry // by code; not changed after loading
	byLeague map[string]string // competition id → code of its league set
	fifa     *Set
	length   *Rule // FIFA art. 18.2, the contract length note
}

// entry is one rule file of a book.
type entry struct {
	name string // as shown in messages: rules/data/eng.toml
	raw  []byte // nil for an embedded file not yet read (see file)
	file string // the embedded file, read when its set is first asked for
	meta meta

	once sync.Once
	set  *Set
	err  error
}

// meta is what a book must know of a file before parsing it.
type meta struct {
	code, extends string
	extendsLine   int
	leagues       []string
}

// Embedded returns the rule sets built into bosman, named by their paths
// in the source tree (rules/data/eng.toml).
//
// What a book must know of each file before parsing it comes from
// embeddedMetas, generated from the files (see TestEmbeddedMetas), so that
// a question reads only the files it parses.
func Embedded() (*Book, error) {
	b := &Book{entries: make(map[string]*entry, len(embeddedMetas))}
	for _, em := range embeddedMetas {
		en := &entry{name: path.Join("rules/data", path.Base(em.file)), file: em.file, meta: em.meta}
		b.entries[en.meta.code] = en
	}
	return b, b.link()
}

// embeddedFileMeta is the meta of one embedded rule file, as
// embeddedMetas lists them.
type embeddedFileMeta struct {
	file string // data/eng.toml
	meta meta
}

// parse parses en's file: an embedded one from its decoded form in
// sets_gen.go, without reading the TOML (see TestGeneratedSets).
func (en *entry) parse() (*Set, error) {
	if en.raw == nil && en.file != "" {
		if s, lines := generatedSet(en.file); s != nil {
			s.File = en.name
			if err := s.compile(lines); err != nil {
				return nil, err
			}
			return s, nil
		}
	}
	raw, err := en.source()
	if err != nil {
		return nil, err
	}
	return Parse(raw, en.name)
}

// source is the text of en's file.
func (en *entry) source() ([]byte, error) {
	if en.raw != nil || en.file == "" {
		return en.raw, nil
	}
	return fs.ReadFile(embedded, en.file)
}

// Load reads and checks every *.toml file in dir of fsys. Messages and
// Rule.File name the files as display/NAME.toml.
func Load(fsys fs.FS, dir, display string) (*Book, error) {
	b := &Book{entries: map[string]*entry{}}
	if err := b.addDir(fsys, dir, display, false); err != nil {
		return nil, err
	}
	return b, b.link()
}

// WithDir returns a copy of b with the rule sets of dir added; a set whose
// code is already in b replaces it whole, also as the parent of the sets
// that extend it. display names dir in messages.
func (b *Book) WithDir(fsys fs.FS, dir, display string) (*Book, error) {
	nb := &Book{entries: map[string]*entry{}}
	for code, en := range b.entries {
		// a fresh entry: its set is parsed anew in nb, against nb's parents
		nb.entries[code] = &entry{name: en.name, raw: en.raw, file: en.file, meta: en.meta}
	}
	if err := nb.addDir(fsys, dir, display, true); err != nil {
		return nil, err
	}
	return nb, nb.link()
}

func (b *Book) addDir(fsys fs.FS, dir, display string, override bool) error {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("%s: no *.toml rule files", display)
	}
	// Parse the files side by side, then add them in name order.
	parsed := make([]*Set, len(names))
	raws := make([][]byte, len(names))
	perr := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			data, err := readRuleFile(fsys, name, path.Join(display, path.Base(name)))
			if err != nil {
				perr[i] = err
				return
			}
			raws[i] = data
			parsed[i], perr[i] = Parse(data, path.Join(display, path.Base(name)))
		}()
	}
	wg.Wait()
	var errs []error
	seen := map[string]string{}
	for i := range names {
		s, err := parsed[i], perr[i]
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if prev, ok := seen[s.Code]; ok {
			errs = append(errs, fmt.Errorf("%s:1:1: code %s is defined again (first in %s)", s.File, s.Code, prev))
			continue
		}
		seen[s.Code] = s.File
		if _, ok := b.entries[s.Code]; ok && !override {
			errs = append(errs, fmt.Errorf("%s:1:1: code %s is defined twice", s.File, s.Code))
			continue
		}
		en := &entry{name: s.File, raw: raws[i], set: s,
			meta: meta{code: s.Code, extends: s.Extends, extendsLine: s.extendsLine, leagues: s.Leagues}}
		en.once.Do(func() {}) // parsed already; its parent is linked in link
		b.entries[s.Code] = en
	}
	return errors.Join(errs...)
}

// readRuleFile reads one rule file, refusing what is not a regular file
// (a device, a pipe, a directory, also behind a symlink: reading /dev/zero
// or a FIFO would never end) and what is larger than maxRuleFileBytes.
func readRuleFile(fsys fs.FS, name, display string) ([]byte, error) {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", display, plainPathError(err))
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s): a rule file is a TOML text file", display, fileKind(st.Mode()))
	}
	if st.Size() > maxRuleFileBytes {
		return nil, fmt.Errorf("%s: %d bytes: a rule file may be at most 1 MiB (the largest embedded one is a few KiB)", display, st.Size())
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", display, plainPathError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRuleFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", display, plainPathError(err))
	}
	if len(data) > maxRuleFileBytes {
		return nil, fmt.Errorf("%s: more than 1 MiB: a rule file may be at most 1 MiB", display)
	}
	return data, nil
}

// plainPathError drops the operation and path Go puts before the reason.
func plainPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a plain file"
}

// link checks extends (refusing cycles), indexes league sets, and links
// the sets parsed already to their parents.
func (b *Book) link() error {
	codes := b.codes()
	for _, code := range codes {
		m := b.entries[code].meta
		seen := []string{code}
		for p := m; p.extends != ""; {
			next, ok := b.entries[p.extends]
			if !ok {
				return fmt.Errorf("%s:%d:1: extends %q, which no rule file defines", b.entries[p.code].name, p.extendsLine, p.extends)
			}
			for _, c := range seen {
				if c == next.meta.code {
					return fmt.Errorf("%s:%d:1: extends makes a cycle: %s → %s", b.entries[code].name, m.extendsLine, strings.Join(seen, " → "), c)
				}
			}
			seen = append(seen, next.meta.code)
			p = next.meta
		}
	}
	b.byLeague = map[string]string{}
	for _, code := range codes {
		if m := b.entries[code].meta; m.extends != "" {
			for _, l := range m.leagues {
				b.byLeague[l] = code
			}
		}
	}
	for _, code := range codes {
		if en := b.entries[code]; en.set != nil && en.set.Extends != "" && en.set.parent == nil {
			en.set.parent = b.get(en.set.Extends)
			inherit(en.set)
		}
	}
	b.fifa = b.get("FIFA")
	if b.fifa == nil || b.fifa.Foreign == nil {
		return errors.New("rules: no FIFA baseline (a set with code FIFA and a [foreign] rule)")
	}
	for i := range b.fifa.Notes {
		if b.fifa.Notes[i].ID == "fifa-rstp-18.2" {
			b.length = &b.fifa.Notes[i]
		}
	}
	return nil
}

// get returns the set with the given code, parsing it on first use; nil
// when the book has none.
func (b *Book) get(code string) *Set {
	en := b.entries[code]
	if en == nil {
		return nil
	}
	en.once.Do(func() {
		s, err := en.parse()
		if err != nil {
			en.err = err
			return
		}
		if s.Extends != "" {
			s.parent = b.get(s.Extends)
			inherit(s)
		}
		en.set = s
	})
	if en.err != nil {
		// Only embedded files are parsed late, and the tests parse them
		// all: this is a broken build, not bad input.
		panic("rules: embedded rule file: " + en.err.Error())
	}
	return en.set
}

func (b *Book) codes() []string {
	codes := make([]string, 0, len(b.entries))
	for c := range b.entries {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// scanMeta reads code, extends and leagues from the top of a rule file
// (the lines before its first table), without parsing it. The tests check
// it against the parser for every embedded file.
func scanMeta(raw []byte) meta {
	var m meta
	for n, line := range strings.Split(string(raw), "\n") {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "[") {
			break
		}
		key, val, ok := strings.Cut(l, "=")
		if !ok || strings.HasPrefix(l, "#") {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "code":
			m.code = strings.Trim(val, `"`)
		case "extends":
			m.extends, m.extendsLine = strings.Trim(val, `"`), n+1
		case "leagues":
			for _, l := range strings.Split(strings.Trim(val, "[]"), ",") {
				if l = strings.Trim(strings.TrimSpace(l), `"`); l != "" {
					m.leagues = append(m.leagues, l)
				}
			}
		}
	}
	return m
}

func inherit(s *Set) {
	p := s.parent
	if p == nil {
		return
	}
	if s.Calendar == nil {
		s.Calendar = p.Calendar
	}
	if s.Registration == nil {
		s.Registration = p.Registration
	}
	if s.Domestic == nil {
		s.Domestic = p.Domestic
	}
	if s.Compensation == nil {
		s.Compensation = p.Compensation
	}
	if s.UsualExpiry == nil {
		s.UsualExpiry = p.UsualExpiry
	}
}

// Set returns the rule set with the given code, or nil.
func (b *Book) Set(code string) *Set { return b.get(strings.ToUpper(code)) }

// FIFA returns the FIFA baseline.
func (b *Book) FIFA() *Set { return b.fifa }

// Sets returns every set but the FIFA baseline, sorted by code.
func (b *Book) Sets() []*Set {
	var out []*Set
	for _, code := range b.codes() {
		if code != "FIFA" {
			out = append(out, b.get(code))
		}
	}
	return out
}

// LeagueSet returns the league set that covers the competition league
// (GB2 → EFL, MLS1 → MLS), or nil when none does: an association's own
// set is not a league set.
func (b *Book) LeagueSet(league string) *Set {
	if code, ok := b.byLeague[strings.ToUpper(strings.TrimSpace(league))]; ok {
		return b.get(code)
	}
	return nil
}

// setFor returns the set for a contract: the league set when the league has
// one, else the association's; nil when neither is known.
func (b *Book) setFor(assoc, league string) *Set {
	if league != "" {
		if code, ok := b.byLeague[league]; ok {
			return b.get(code)
		}
	}
	if assoc == "" || assoc == "FIFA" {
		return nil
	}
	return b.get(assoc)
}

// Parse reads one rule file. Errors name the file and line.
func Parse(data []byte, name string) (*Set, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark, as editors on Windows write
	s, err := decode(data, name)
	if err != nil {
		return nil, err
	}
	s.File = name
	if err := s.compile(indexLines(data)); err != nil {
		return nil, err
	}
	return s, nil
}

// decode is Parse's first half: the TOML read into a Set, not yet checked
// or prepared (compile).
func decode(data []byte, name string) (*Set, error) {
	var s Set
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var de *toml.DecodeError
		var sm *toml.StrictMissingError
		switch {
		case errors.As(err, &sm):
			var msgs []string
			for _, e := range sm.Errors {
				row, col := e.Position()
				msgs = append(msgs, fmt.Sprintf("%s:%d:%d: unknown key %s (check the spelling against README's rule file format)", name, row, col, strings.Join(e.Key(), ".")))
			}
			return nil, errors.New(strings.Join(msgs, "\n"))
		case errors.As(err, &de):
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: %s", name, row, col, plainTOML(de.Error()))
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return &s, nil
}

// Limits on the values of a rule file, so that no value, however large,
// makes a window vanish or a period last a season.
const (
	maxYears         = 60  // ages and service years
	maxPeriodDays    = 183 // a registration period (FIFA: 12 weeks at most; with room)
	maxRenewalMonths = 60  // an automatic renewal (five years, FIFA art. 18.2's longest contract)
	maxRuleFileBytes = 1 << 20
)

// setCheck collects the problems of one rule file, each with its line.
type setCheck struct {
	s     *Set
	lines lineIndex
	errs  []error
}

// bad records a problem of the value at key.
func (k *setCheck) bad(key, format string, args ...any) {
	k.errs = append(k.errs, fmt.Errorf("%s:%d:1: %s: %s", k.s.File, k.lines.locate(key), displayKey(key), fmt.Sprintf(format, args...)))
}

// rule ties r to its set, file and line, and checks what every rule needs.
func (k *setCheck) rule(key string, r *Rule) {
	r.Set, r.File, r.Line = k.s, k.s.File, k.lines.locate(key)
	if strings.TrimSpace(r.Text) == "" {
		k.bad(key, "a rule needs a text saying what it says")
	}
	if len(r.Sources) == 0 {
		k.bad(key, "a rule needs at least one source")
	}
	if r.Confidence == Unknown {
		k.bad(key, "a rule needs a confidence: high, medium or low")
	}
	if !r.InForce.From.IsZero() && !r.InForce.Until.IsZero() && r.InForce.Until.Before(r.InForce.From) {
		k.bad(key+".in_force", "until %s is before from %s", r.InForce.Until, r.InForce.From)
	}
}

// spec compiles the recurring day d at key, which may be absent unless
// required.
func (k *setCheck) spec(key string, d *DaySpec, required bool) {
	if d == nil {
		if required {
			k.bad(key, "missing")
		}
		return
	}
	if err := d.compile(); err != nil {
		k.bad(key, "%v", err)
	}
}

// compile checks a decoded set and prepares it for use; lines are the
// lines of its keys in its file (indexLines).
func (s *Set) compile(lines lineIndex) error {
	k := &setCheck{s: s, lines: lines}
	if s.Code == "" || strings.ToUpper(s.Code) != s.Code {
		k.bad("code", "want an upper-case code (ENG, MLS), got %q", s.Code)
	}
	if s.Name == "" {
		k.bad("name", "missing")
	}
	s.extendsLine = k.lines.locate("extends")
	k.spec("usual_expiry", s.UsualExpiry, false)
	if s.Foreign != nil {
		k.rule("foreign", &s.Foreign.Rule)
	}
	for i := range s.Domestic {
		k.domestic(i)
	}
	if s.Calendar != nil {
		k.calendar(s.Calendar)
	}
	if r := s.Registration; r != nil {
		k.registration(r)
	}
	for i := range s.Compensation {
		k.compensation(fmt.Sprintf("compensation[%d]", i), &s.Compensation[i])
	}
	for i := range s.Deadlines {
		d := &s.Deadlines[i]
		key := fmt.Sprintf("deadline[%d]", i)
		k.rule(key, &d.Rule)
		k.spec(key+".day", d.Day, true)
		k.spec(key+".free_on", d.FreeOn, false)
	}
	if r := s.Renewal; r != nil {
		k.rule("renewal", &r.Rule)
		k.spec("renewal.club_notice", r.ClubNotice, true)
		k.spec("renewal.player_notice", r.PlayerNotice, false)
		k.spec("renewal.free_on", r.FreeOn, false)
		if r.Months <= 0 || r.Months > maxRenewalMonths {
			k.bad("renewal.months", "%d: want 1 to %d months", r.Months, maxRenewalMonths)
		}
	}
	for i := range s.Notes {
		k.rule(fmt.Sprintf("note[%d]", i), &s.Notes[i])
	}
	return errors.Join(k.errs...)
}

// domestic checks the set's domestic rule number i.
func (k *setCheck) domestic(i int) {
	d := &k.s.Domestic[i]
	key := fmt.Sprintf("domestic[%d]", i)
	k.rule(key, &d.Rule)
	switch d.Kind {
	case KindSixMonths:
		k.spec(key+".not_before", d.NotBefore, false)
	case KindApproachAfter:
		k.spec(key+".opens", d.Opens, true)
		k.spec(key+".free_on", d.FreeOn, false)
		if d.Otherwise == "" {
			k.bad(key+".otherwise", "say what applies when the rule does not")
		}
	case KindLeagueFreeAgency:
		if d.FreeAgencyAge == 0 || d.FreeAgencyService == 0 {
			k.bad(key, "league-free-agency needs free_agency_age and free_agency_service_years")
		}
		for _, v := range []struct {
			key string
			n   int
		}{{"free_agency_age", d.FreeAgencyAge}, {"free_agency_service_years", d.FreeAgencyService}, {"re_entry_age", d.ReEntryAge}, {"re_entry_service_years", d.ReEntryServiceYear}} {
			if v.n < 0 || v.n > maxYears {
				k.bad(key+"."+v.key, "%d: want 0 to %d", v.n, maxYears)
			}
		}
	default:
		k.bad(key+".kind", "%q: want %s, %s or %s", d.Kind, KindSixMonths, KindApproachAfter, KindLeagueFreeAgency)
	}
	for j := 0; j < i; j++ {
		if k.s.Domestic[j].InForce == d.InForce {
			k.bad(key+".in_force", "is in force for the same contracts as [[domestic]] #%d, which always wins: give one of them other in_force dates", j+1)
		}
	}
}

// calendar checks the set's working-day calendar and makes its workdays.
func (k *setCheck) calendar(c *Calendar) {
	k.rule("calendar", &c.Rule)
	for i, h := range c.Extra {
		if h.Name == "" || h.Month < 1 || h.Month > 12 || h.Day < 1 || h.Day > DaysIn(2023, time.Month(h.Month)) {
			k.bad(fmt.Sprintf("calendar.extra[%d]", i), "want a name and a day that exists every year, e.g. { name = \"Independence Day\", month = 7, day = 20 }")
		}
	}
	w, err := newWorkdays(c.Holidays, c.Weekend, c.Extra)
	if err != nil {
		k.bad("calendar", "%v", err)
	}
	c.work = w
}

// registration checks the set's periods, patterns and free-agent
// exception.
func (k *setCheck) registration(r *Registrations) {
	for i, p := range r.Periods {
		key := fmt.Sprintf("registration.period[%d]", i)
		k.rule(key, &p.Rule)
		if p.Name == "" {
			k.bad(key+".name", "missing")
		}
		if p.Opens.IsZero() || p.Closes.IsZero() {
			k.bad(key, "a period needs opens and closes")
		} else if p.Closes.Before(p.Opens) {
			k.bad(key+".closes", "%s is before opens %s (swap opens and closes, or fix the year)", p.Closes, p.Opens)
		} else if n := p.Closes.Sub(p.Opens) + 1; n > maxPeriodDays {
			k.bad(key+".closes", "the period lasts %d days (%s to %s): a registration period lasts at most %d; check the dates", n, p.Opens, p.Closes, maxPeriodDays)
		}
		for j := 0; j < i; j++ {
			q := r.Periods[j]
			if !p.Opens.IsZero() && !q.Opens.IsZero() && !p.Opens.After(q.Closes) && !q.Opens.After(p.Closes) {
				k.bad(key, "%s %s (%s to %s) overlaps %s %s (%s to %s)", p.Name, p.Season, p.Opens, p.Closes, q.Name, q.Season, q.Opens, q.Closes)
			}
		}
	}
	for i, p := range r.Patterns {
		k.pattern(fmt.Sprintf("registration.pattern[%d]", i), p)
	}
	if len(r.Patterns) == 0 {
		k.bad("registration", "needs at least one [[registration.pattern]] so seasons without published dates can be estimated")
	}
	if fa := r.FreeAgents; fa != nil {
		k.rule("registration.free_agents", &fa.Rule)
		k.spec("registration.free_agents.until", fa.Until, false)
		if fa.DaysAfterClose < 0 || fa.DaysAfterClose > maxPeriodDays {
			k.bad("registration.free_agents.days_after_close", "%d: want 1 to %d days", fa.DaysAfterClose, maxPeriodDays)
		}
		if fa.DaysAfterClose > 0 && fa.Until.isSet() {
			k.bad("registration.free_agents.days_after_close", "give until or days_after_close, not both")
		}
	}
}

// pattern checks a recurring registration period, at key.
func (k *setCheck) pattern(key string, p *Pattern) {
	k.rule(key, &p.Rule)
	k.spec(key+".opens", p.Opens, true)
	k.spec(key+".closes", p.Closes, true)
	if p.Roll != "" && p.Roll != "next-workday" {
		k.bad(key+".roll", "%q: want next-workday or nothing", p.Roll)
	}
	if p.Opens.isSet() && p.Closes.isSet() && p.Opens.h != nil && p.Closes.h != nil {
		// the period of a sample year, as periodsOpening makes it
		o, c := p.Opens.In(2026), p.Closes.In(2026)
		if c.Before(o) {
			c = p.Closes.In(2027)
		}
		if n := c.Sub(o) + 1; n > maxPeriodDays {
			k.bad(key+".closes", "the period would last %d days (%s to %s in 2026): a registration period lasts at most %d; check opens, closes and their offsets", n, o, c, maxPeriodDays)
		}
	}
}

// compensation checks a compensation rule, at key.
func (k *setCheck) compensation(key string, c *Compensation) {
	k.rule(key, &c.Rule)
	if c.Scope != "domestic" && c.Scope != "international" {
		k.bad(key+".scope", "%q: want domestic or international", c.Scope)
	}
	if c.UnderAge == 0 && c.UntilYearOfBirthday == 0 {
		k.bad(key, "needs under_age or until_year_of_birthday")
	}
	if c.UnderAge < 0 || c.UnderAge > maxYears || c.UntilYearOfBirthday < 0 || c.UntilYearOfBirthday > maxYears {
		k.bad(key, "under_age and until_year_of_birthday are ages: want 0 to %d", maxYears)
	}
}

// displayKey writes a key path the way the rule file shows it, counting
// tables from 1: "domestic[0].opens" is "[[domestic]] #1, opens".
func displayKey(key string) string {
	i := strings.LastIndexByte(key, ']')
	if i < 0 {
		return key
	}
	j := strings.LastIndexByte(key[:i], '[')
	n, err := strconv.Atoi(key[j+1 : i])
	if j < 0 || err != nil {
		return key
	}
	out := fmt.Sprintf("[[%s]] #%d", key[:j], n+1)
	if rest := strings.TrimPrefix(key[i+1:], "."); rest != "" {
		out += ", " + rest
	}
	return out
}

// tomlMessages are go-toml's syntax errors in plain words.
var tomlMessages = map[string]string{
	"basic strings cannot have new lines":              `a string is not closed: add " before the end of the line`,
	"unterminated basic string":                        `a string is not closed: add " at its end`,
	"literal strings cannot have new lines":            `a string is not closed: add ' before the end of the line`,
	"unterminated literal string":                      `a string is not closed: add ' at its end`,
	"expected '=' after key":                           `expected = after the key, as in text = "…"`,
	"expected ']' to close table name":                 "a table name is not closed: add ] after it",
	"expected ']]' to close array table name":          "a table name is not closed: add ]] after it",
	"expected ',' or ']' after array value":            "expected , between the values of a list, or ] at its end",
	"expected ',' or '}' after inline table key-value": "expected , between the keys of { … }, or } at its end",
	"expected value, not end of input":                 "the file ends where a value should be",
	"strings must be quoted":                           `a string must be in quotes: "…"`,
	"inline table is incomplete":                       "a { … } table is not closed: add }",
	"unexpected comma in inline table":                 "a comma too many in { … }",
	"impossible date":                                  "not a real date (expected YYYY-MM-DD)",
	"integers cannot have leading zeroes":              "a number cannot start with 0 (write 6, not 06)",
}

var tomlTypeMismatch = regexp.MustCompile(`cannot decode TOML (\w+) into (?:struct field )?\S*?(\w+)? of type (\S+)`)

// plainTOML rewrites a go-toml error message in plain words; messages it
// does not know are kept, without the "toml: " prefix.
func plainTOML(msg string) string {
	msg = strings.TrimPrefix(msg, "toml: ")
	if m, ok := tomlMessages[msg]; ok {
		return m
	}
	if m := tomlTypeMismatch.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s where %s is expected", tomlKind(m[1]), goKind(m[3]))
	}
	return msg
}

func tomlKind(k string) string {
	switch k = strings.ToLower(k); k {
	case "localdate", "localdatetime", "localtime", "datetime":
		return "a date"
	case "integer":
		return "a whole number"
	case "float":
		return "a number"
	case "bool", "boolean":
		return "true or false"
	case "array":
		return "a list [ … ]"
	case "inlinetable", "inline", "table":
		return "a table"
	}
	return "a " + k
}

func goKind(t string) string {
	switch {
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return `a string in quotes`
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list [ … ]"
	}
	return "something else"
}

// lineIndex maps the key paths of a rule file to their lines:
// "domestic[1].opens" is the opens key of the second [[domestic]] table,
// "calendar" the [calendar] header. It reads the simple one-key-a-line
// layout the rule files use.
type lineIndex map[string]int

func indexLines(doc []byte) lineIndex {
	idx := lineIndex{}
	count := map[string]int{}
	table := ""
	n := 0
	for rest := string(doc); rest != ""; {
		n++
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		l := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(l, "[["):
			name := strings.TrimSpace(strings.Trim(l, "[] "))
			table = fmt.Sprintf("%s[%d]", name, count[name])
			count[name]++
		case strings.HasPrefix(l, "["):
			table = strings.TrimSpace(strings.Trim(l, "[] "))
		default:
			key, _, ok := strings.Cut(l, "=")
			if !ok || strings.HasPrefix(l, "#") {
				continue
			}
			key = strings.TrimSpace(key)
			if table != "" {
				key = table + "." + key
			}
			if _, seen := idx[key]; !seen {
				idx[key] = n
			}
			continue
		}
		if _, seen := idx[table]; !seen {
			idx[table] = n
		}
	}
	return idx
}

// locate returns the line of a key path, or of the nearest table that
// holds it, or 1 when the file does not show it.
func (idx lineIndex) locate(key string) int {
	for {
		if n, ok := idx[key]; ok {
			return n
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 1
		}
		key = key[:i]
	}
}

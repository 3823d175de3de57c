package report

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bosmanhq/bosman/rules"
)

// jsonWriter writes an array of objects with the keys of Columns, one a
// line, or a single object.
type jsonWriter struct {
	w      io.Writer
	single bool
	n      int
	b      []byte
}

func (jw *jsonWriter) Write(en *Entry) error {
	b := jw.b[:0]
	switch {
	case jw.single:
	case jw.n == 0:
		b = append(b, "[\n"...)
	default:
		b = append(b, ",\n"...)
	}
	jw.n++
	if !jw.single {
		b = append(b, "  "...)
	}
	b = append(b, '{')
	b = appendRow(b, jsonCells{}, en)
	if jw.single {
		b = appendExtras(b, en) // one player: the card's reasoning, as fields
	}
	b = append(b, '}')
	jw.b = b
	_, err := jw.w.Write(b)
	return err
}

// jsonCells writes the members of a row's JSON object (see cellEncoder):
// the numeric columns as JSON numbers, an empty cell as null.
type jsonCells struct{}

// jsonKeys are what comes before each member: `"player_id": `, then
// `, "player": ` and so on.
var jsonKeys = func() []string {
	keys := make([]string, len(Columns))
	for i, col := range Columns {
		if i > 0 {
			keys[i] = ", "
		}
		keys[i] += strconv.Quote(col) + ": "
	}
	return keys
}()

func (jsonCells) text(b []byte, i int, s string, _ bool) []byte {
	b = append(b, jsonKeys[i]...)
	if s == "" {
		return append(b, "null"...)
	}
	return appendJSONString(b, s)
}

func (e jsonCells) word(b []byte, i int, s string) []byte { return e.text(b, i, s, false) }

func (jsonCells) date(b []byte, i int, d rules.Date) []byte {
	b = append(b, jsonKeys[i]...)
	if d.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	return append(d.AppendText(b), '"')
}

func (jsonCells) number(b []byte, i int, n int64, ok bool) []byte {
	b = append(b, jsonKeys[i]...)
	if !ok {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, n, 10)
}

// appendJSONString appends s as json.Marshal writes it. A string with
// nothing to escape is copied between quotes; json.Marshal escapes quotes,
// backslashes, control characters, < > & (for HTML), U+2028 and U+2029,
// and replaces bytes that are not UTF-8, so anything else is left to it.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !jsonPlain[c] {
				return appendMarshalled(b, s)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			return appendMarshalled(b, s)
		}
		i += size
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonPlain marks the ASCII bytes json.Marshal writes as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, c)
	}
	return
}()

// appendMarshalled appends s as json.Marshal writes it.
func appendMarshalled(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	return append(b, q...)
}

func (jw *jsonWriter) Close() error {
	var err error
	switch {
	case jw.single:
		_, err = io.WriteString(jw.w, "\n")
	case jw.n == 0:
		_, err = io.WriteString(jw.w, "[]\n")
	default:
		_, err = io.WriteString(jw.w, "\n]\n")
	}
	return err
}

// The structured extras of one player's JSON (player --format json), after
// the columns: what the card says in words, as fields.
type playerExtras struct {
	RuleSet      jsonRuleSet       `json:"rule_set"`
	Conditions   jsonConditions    `json:"conditions"`
	Registration *jsonRegistration `json:"registration"`
	Scenarios    []jsonScenario    `json:"scenarios"`
	Notes        []jsonNote        `json:"notes"`
	Rules        []jsonRule        `json:"rules"`
	DatasetNote  *string           `json:"dataset_note"`
	Record       *jsonRecord       `json:"record"`
}

type jsonRuleSet struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Fallback bool   `json:"fallback"` // no rule set for the association: FIFA's baseline
}

type jsonConditions struct {
	Foreign  *string `json:"foreign_precontract"`
	Domestic *string `json:"domestic_precontract"`
}

type jsonRegistration struct {
	Association string      `json:"association"`
	From        rules.Date  `json:"from"`
	Until       *rules.Date `json:"until"`
	Basis       string      `json:"basis"` // "period", or "exception" (FIFA art. 6)
	Period      *jsonPeriod `json:"period"`
	Rule        *string     `json:"rule"`
	Confidence  string      `json:"confidence"`
}

type jsonPeriod struct {
	Name      string     `json:"name"`
	Season    *string    `json:"season"` // null for an estimated period
	Opens     rules.Date `json:"opens"`
	Closes    rules.Date `json:"closes"`
	Estimated bool       `json:"estimated"`
}

type jsonScenario struct {
	Name     string      `json:"name"` // option-exercised, renewed
	Rule     *string     `json:"rule"`
	Expires  rules.Date  `json:"contract_expires"`
	Free     rules.Date  `json:"free_agent_from"`
	Foreign  *rules.Date `json:"foreign_precontract_from"`
	Domestic *rules.Date `json:"domestic_precontract_from"`
}

type jsonNote struct {
	Kind string      `json:"kind"`
	Rule *string     `json:"rule"`
	Date *rules.Date `json:"date"`
	Text string      `json:"text"`
}

type jsonRule struct {
	ID         string   `json:"id"`
	Set        string   `json:"set"`
	Confidence string   `json:"confidence"`
	Text       string   `json:"text"`
	Disputed   *string  `json:"disputed"`
	Sources    []string `json:"sources"`
	File       string   `json:"file"`
	Line       int      `json:"line"`
}

type jsonRecord struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func dateOrNil(d rules.Date) *rules.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func ruleID(r *rules.Rule) *string {
	if r == nil {
		return nil
	}
	return strOrNil(ruleName(r))
}

// extras are en's structured extras.
func extras(en *Entry) playerExtras {
	c, w := &en.Contract, en.Windows
	x := playerExtras{
		RuleSet:    jsonRuleSet{Code: w.Set.Code, Name: w.Set.Name, Fallback: w.Fallback},
		Conditions: jsonConditions{Foreign: strOrNil(w.Foreign.Text), Domestic: strOrNil(w.Domestic.Text)},
		Scenarios:  []jsonScenario{},
		Notes:      []jsonNote{},
		Rules:      []jsonRule{},
	}
	if r := w.Registration; r != nil {
		reg := &jsonRegistration{Association: r.To.Code, From: r.From, Until: dateOrNil(r.Until), Basis: "period", Rule: ruleID(r.Rule)}
		if r.Exception {
			reg.Basis = "exception"
		}
		if r.Rule != nil {
			conf := r.Rule.Confidence
			if r.Period != nil && r.Period.Estimated {
				conf = rules.Low
			}
			reg.Confidence = conf.String()
		}
		if p := r.Period; p != nil {
			reg.Period = &jsonPeriod{Name: p.Name, Season: strOrNil(p.Season), Opens: p.Opens, Closes: p.Closes, Estimated: p.Estimated}
		}
		x.Registration = reg
	}
	for _, s := range w.Scenarios {
		sw := s.Windows
		x.Scenarios = append(x.Scenarios, jsonScenario{Name: s.Name, Rule: ruleID(s.Rule), Expires: sw.Expires, Free: sw.FreeAgent.Date,
			Foreign: dateOrNil(sw.Foreign.Date), Domestic: dateOrNil(sw.Domestic.Date)})
	}
	for _, n := range w.Notes {
		if t := noteText(n, w, c, true); t != "" {
			x.Notes = append(x.Notes, jsonNote{Kind: n.Kind, Rule: ruleID(n.Rule), Date: dateOrNil(n.Date), Text: t})
		}
	}
	for _, r := range usedRules(w) {
		set := ""
		if r.Set != nil {
			set = r.Set.Code
		}
		x.Rules = append(x.Rules, jsonRule{ID: ruleName(r), Set: set, Confidence: r.Confidence.String(), Text: r.Text,
			Disputed: strOrNil(r.Disputed), Sources: r.Sources, File: r.File, Line: r.Line})
	}
	x.DatasetNote = strOrNil(c.Note)
	if c.Pos.File != "" {
		x.Record = &jsonRecord{File: c.Pos.File, Line: c.Pos.Line}
	}
	return x
}

// appendExtras appends en's extras to the object in b, whose closing brace
// is yet to come.
func appendExtras(b []byte, en *Entry) []byte {
	q, err := json.Marshal(extras(en))
	if err != nil || len(q) < 2 {
		return b
	}
	b = append(b, ", "...)
	return append(b, q[1:len(q)-1]...)
}

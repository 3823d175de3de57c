package snapbuild

import (
	_ "embed"
	"strings"
	"sync"
)

// shortnames.tsv is the hand table of short names: Transfermarkt club id,
// the name shown. See its header for the sources.
//
//go:embed shortnames.tsv
var shortnamesTSV string

// handNames is the hand table, parsed when a build first needs it (bosman
// links this package for 'data update': its start-up must not pay).
var handNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(shortnamesTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, name, ok := strings.Cut(line, "\t")
		if !ok {
			panic("shortnames.tsv: line without a tab: " + line)
		}
		name, _, _ = strings.Cut(name, "\t") // a third column is a comment
		if _, dup := m[id]; dup {
			panic("shortnames.tsv: club " + id + " twice")
		}
		m[id] = name
	}
	return m
})

// companyForms end official names and say what kind of company owns the
// club (Spanish S.A.D., Italian S.p.A., Polish Spółka Akcyjna, Czech a.s.,
// Mexican S.A. de C.V., Swiss and German AG …): the short name drops them.
// Longer forms first.
var companyForms = []string{
	"Sportowa Spółka Akcyjna", "Sportowa Spólka Akcyjna", "Spółka Akcyjna",
	"S. A. de C. V.", "S.A. de C.V.", "S. A. D.", "S.A.D.", "SAD", "S.p.A.", "S.p.a.", "SpA",
	"S.A.", "S. A.", "SA", "a. s.", "a.s.", "s.d.d.", "AG", "A.Ş.", "A.C.", "A. C.",
	"GmbH & Co. KGaA", "GmbH", "e.V.", "Ltd", "PLC",
}

// clubWords are the words for "football club" and the like that official
// names spell out and short names abbreviate, as the clubs themselves do.
var clubWords = []struct{ long, short string }{
	{"Association Football Club", "AFC"}, {"Football Club", "FC"}, {"Futbol Club", "FC"}, {"Fútbol Club", "FC"},
	{"Futebol Clube", "FC"}, {"Fodbold Club", "FC"}, {"Fußball-Club", "FC"}, {"Fußballclub", "FC"},
	{"Fussballclub", "FC"}, {"Fußballklub", "FK"}, {"Fotballklubben", "FK"}, {"Fotballklubb", "FK"},
	{"Fotbollförening", "FF"}, {"Fudbalski klub", "FK"}, {"Fudbalski Klub", "FK"}, {"Futbolniy Klub", "FK"},
	{"Soccer Club", "SC"}, {"Sportklub", "SK"}, {"Sportsklubben", "SK"}, {"Sportsklubb", "SK"},
	{"Ballklubb", "BK"}, {"Ballklub", "BK"}, {"Klub Sportowy", "KS"}, {"Idrottsförening", "IF"},
	{"Idrettslag", "IL"}, {"Idrætsforening", "IF"},
}

// shortName returns the name a club is shown by, and how it was made: from
// the hand table, by the rule (company forms dropped from the end, the
// words for "football club" abbreviated where they begin or end the name),
// or the official name itself when the rule changes nothing.
func shortName(id, official string) (name, how string) {
	if n, ok := handNames()[id]; ok {
		return n, "hand table"
	}
	n := strings.TrimSpace(official)
	for changed := true; changed; {
		changed = false
		for _, f := range companyForms {
			if s, ok := strings.CutSuffix(n, " "+f); ok && strings.TrimSpace(s) != "" {
				n, changed = strings.TrimRight(strings.TrimSpace(s), ","), true
			}
		}
	}
	for _, w := range clubWords {
		if s, ok := strings.CutPrefix(n, w.long+" "); ok {
			n = w.short + " " + s
		}
		if s, ok := strings.CutSuffix(n, " "+w.long); ok {
			n = s + " " + w.short
		}
	}
	n = strings.Join(strings.Fields(n), " ")
	if n == official {
		return n, "official"
	}
	return n, "rule"
}

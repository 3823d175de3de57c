package contracts

import "strings"

// The position groups, as Transfermarkt names them.
const (
	Goalkeeper = "Goalkeeper"
	Defender   = "Defender"
	Midfield   = "Midfield"
	Attack     = "Attack"
)

// SubPosition is a position within a group, with its usual short form.
type SubPosition struct {
	Short string // CB, LW …
	Name  string // Transfermarkt's name: Centre-Back, Left Winger …
	Group string // Goalkeeper, Defender, Midfield or Attack
}

// Positions lists Transfermarkt's sub-positions, goalkeeper to centre-forward.
// Short forms are the usual English abbreviations; Sweeper only appears for
// players of the past.
var Positions = []SubPosition{
	{"GK", "Goalkeeper", Goalkeeper},
	{"SW", "Sweeper", Defender},
	{"CB", "Centre-Back", Defender},
	{"LB", "Left-Back", Defender},
	{"RB", "Right-Back", Defender},
	{"DM", "Defensive Midfield", Midfield},
	{"CM", "Central Midfield", Midfield},
	{"RM", "Right Midfield", Midfield},
	{"LM", "Left Midfield", Midfield},
	{"AM", "Attacking Midfield", Midfield},
	{"LW", "Left Winger", Attack},
	{"RW", "Right Winger", Attack},
	{"SS", "Second Striker", Attack},
	{"CF", "Centre-Forward", Attack},
}

// groupShort are the short forms of the groups, used where a source gives
// the group only (and in the embedded snapshot's position column).
var groupShort = map[string]string{Goalkeeper: "G", Defender: "D", Midfield: "M", Attack: "A"}

// positionNames maps the normalised spellings of every group and
// sub-position (see normPosition) to its group and sub-position.
var positionNames = func() map[string][2]string {
	m := map[string][2]string{}
	for g := range groupShort {
		m[normPosition(g)] = [2]string{g, ""}
	}
	for _, w := range []struct{ name, group string }{
		{"defence", Defender}, {"defense", Defender}, {"midfielder", Midfield}, {"forward", Attack},
		{"striker", Attack}, {"att", Attack}, {"def", Defender}, {"mid", Midfield},
	} {
		m[w.name] = [2]string{w.group, ""}
	}
	for _, p := range Positions {
		v := [2]string{p.Group, p.Name}
		m[normPosition(p.Name)] = v
		m[strings.ToLower(p.Short)] = v
		m[strings.ReplaceAll(normPosition(p.Name), "centre", "center")] = v
		if strings.HasSuffix(p.Name, "Midfield") {
			m[normPosition(p.Name)+"er"] = v // Defensive Midfielder
		}
	}
	m["cdm"] = m["dm"]
	m["cam"] = m["am"]
	m["st"] = m["cf"]
	return m
}()

// normPosition lower-cases s and keeps only its ASCII letters.
func normPosition(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'a' <= c && c <= 'z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// PositionOf reads a position as sources write it: a group (Defender,
// Midfield, "Defence"), a sub-position (Centre-Back, "Center Back",
// "Defensive Midfielder") or a short form (CB, DM, CDM, ST …), ignoring case,
// spaces and hyphens. It returns the group and, when s names one, the
// sub-position, spelt as in Positions; ok is false when s is none of those.
// Transfermarkt's "Missing" reads as nothing known: ok, both empty.
func PositionOf(s string) (group, sub string, ok bool) {
	n := normPosition(s)
	if n == "missing" || strings.TrimSpace(s) == "" {
		return "", "", true
	}
	v, ok := positionNames[n]
	return v[0], v[1], ok
}

// positionFromCode reads a positionCode.
func positionFromCode(code string) (group, sub string) {
	for _, p := range Positions {
		if p.Short == code {
			return p.Group, p.Name
		}
	}
	for g, s := range groupShort {
		if s == code {
			return g, ""
		}
	}
	return "", ""
}

// positionCode is the short form of a group and sub-position, as the
// embedded snapshot stores it: the sub-position's (CB), else the group's (D).
func positionCode(group, sub string) string {
	for _, p := range Positions {
		if p.Name == sub {
			return p.Short
		}
	}
	return groupShort[group]
}

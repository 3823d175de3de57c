package contracts

import (
	"sort"
	"strings"
	"sync"
)

// associations maps each FIFA code bosman knows to the country's English
// name. A club's association is the country whose FA it plays under (Welsh
// clubs in the English league still belong to the Football Association of
// Wales, but datasets file them under the league, which is what they show).
var associations = map[string]string{
	// UEFA
	"ENG": "England", "SCO": "Scotland", "WAL": "Wales", "NIR": "Northern Ireland",
	"IRL": "Republic of Ireland", "ESP": "Spain", "GER": "Germany", "FRA": "France",
	"ITA": "Italy", "NED": "Netherlands", "POR": "Portugal", "BEL": "Belgium",
	"TUR": "Turkey", "NOR": "Norway", "SWE": "Sweden", "DEN": "Denmark",
	"AUT": "Austria", "SUI": "Switzerland", "GRE": "Greece", "RUS": "Russia",
	"UKR": "Ukraine", "POL": "Poland", "CZE": "Czech Republic", "SVK": "Slovakia",
	"HUN": "Hungary", "ROU": "Romania", "BUL": "Bulgaria", "SRB": "Serbia",
	"CRO": "Croatia", "SVN": "Slovenia", "BIH": "Bosnia-Herzegovina", "MNE": "Montenegro",
	"MKD": "North Macedonia", "ALB": "Albania", "KVX": "Kosovo", "GEO": "Georgia",
	"ARM": "Armenia", "AZE": "Azerbaijan", "KAZ": "Kazakhstan", "ISR": "Israel",
	"CYP": "Cyprus", "MLT": "Malta", "ISL": "Iceland", "FIN": "Finland",
	"EST": "Estonia", "LVA": "Latvia", "LTU": "Lithuania", "BLR": "Belarus",
	"MDA": "Moldova", "LUX": "Luxembourg", "LIE": "Liechtenstein", "AND": "Andorra",
	"SMR": "San Marino", "FRO": "Faroe Islands", "GIB": "Gibraltar",
	// CONCACAF, CONMEBOL
	"USA": "United States", "CAN": "Canada", "MEX": "Mexico", "CRC": "Costa Rica",
	"BRA": "Brazil", "ARG": "Argentina", "URU": "Uruguay", "CHI": "Chile",
	"COL": "Colombia", "PER": "Peru", "ECU": "Ecuador", "PAR": "Paraguay",
	"VEN": "Venezuela", "BOL": "Bolivia",
	// AFC, CAF, OFC
	"JPN": "Japan", "KOR": "Korea, South", "CHN": "China", "KSA": "Saudi Arabia",
	"QAT": "Qatar", "UAE": "United Arab Emirates", "IRN": "Iran", "AUS": "Australia",
	"IND": "India", "THA": "Thailand", "MAR": "Morocco", "EGY": "Egypt",
	"TUN": "Tunisia", "ALG": "Algeria", "RSA": "South Africa", "NGA": "Nigeria",
	"GHA": "Ghana", "CIV": "Cote d'Ivoire", "SEN": "Senegal", "CMR": "Cameroon",
	"NZL": "New Zealand",
}

// leagueAssociations maps Transfermarkt competition ids (as used by
// transfermarkt-datasets and FootyDex) to the association of the league.
var leagueAssociations = map[string]string{
	"GB1": "ENG", "GB2": "ENG", "GB3": "ENG", "GB4": "ENG",
	"ES1": "ESP", "ES2": "ESP", "L1": "GER", "L2": "GER", "L3": "GER",
	"IT1": "ITA", "IT2": "ITA", "FR1": "FRA", "FR2": "FRA",
	"NL1": "NED", "NL2": "NED", "PO1": "POR", "PO2": "POR",
	"SC1": "SCO", "SC2": "SCO", "BE1": "BEL", "BE2": "BEL", "TR1": "TUR", "TR2": "TUR",
	"MLS1": "USA", "BRA1": "BRA", "AR1N": "ARG", "ARG1": "ARG", "JAP1": "JPN", "NO1": "NOR",
	"SE1": "SWE", "DK1": "DEN", "SA1": "KSA", "GR1": "GRE", "RU1": "RUS",
	"UKR1": "UKR", "A1": "AUT", "C1": "SUI", "PL1": "POL", "TS1": "CZE",
	"KR1": "CRO", "SER1": "SRB", "RO1": "ROU", "MEX1": "MEX", "QSL": "QAT",
	"COL1": "COL", "RSK1": "KOR", "AUS1": "AUS", "CDN1": "CAN", "CLPD": "CHI",
	"EC1N": "ECU", "URU1": "URU", "PAR1": "PAR", "CSL": "CHN", "UAE1": "UAE",
	"EGY1": "EGY", "MAR1": "MAR", "SFA1": "RSA", "UNG1": "HUN",
}

// canadianMLSClubs are the clubs of Canada Soccer (CAN) that play in Major
// League Soccer (MLS1, otherwise U.S. Soccer's): their rows get association
// CAN and keep league MLS1, whose league rule set applies by the league id.
// Keys are ClubKeys; Transfermarkt's club ids are beside them.
var canadianMLSClubs = map[string]bool{"toronto": true, "montreal": true, "vancouver whitecaps": true}
var canadianMLSClubIDs = map[string]bool{"11141": true, "4078": true, "6321": true}

// leagueAssociation is LeagueAssociation for a row: a Canadian club in MLS
// is CAN.
func leagueAssociation(league, club, clubID string) (string, bool) {
	code, ok := LeagueAssociation(league)
	if ok && code == "USA" && (canadianMLSClubIDs[clubID] || club != "" && canadianMLSClubs[ClubKey(club)]) {
		return "CAN", true
	}
	return code, ok
}

// shortCodes maps FIFA codes to themselves and competition ids to their
// association, so Association can look both up without allocating.
var shortCodes = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(associations)+len(leagueAssociations))
	for code := range associations {
		m[code] = code
	}
	for id, code := range leagueAssociations {
		m[id] = code
	}
	return m
})

// countryAssociations maps country names (lower case, as datasets write them)
// to FIFA codes. Filled from associations plus the usual variants.
var countryAssociations = sync.OnceValue(func() map[string]string {
	m := map[string]string{
		"united kingdom": "", // ambiguous: four associations
		"holland":        "NED", "the netherlands": "NED", "türkiye": "TUR", "turkiye": "TUR",
		"usa": "USA", "united states of america": "USA", "ireland": "IRL",
		"czechia": "CZE", "bosnia and herzegovina": "BIH", "macedonia": "MKD",
		"south korea": "KOR", "korea republic": "KOR", "republic of korea": "KOR", "korea": "KOR",
		"ivory coast": "CIV", "china pr": "CHN", "uae": "UAE", "schweiz/suisse": "SUI",
		"serbia and montenegro": "", "czech republic": "CZE", "türkei": "TUR",
		"côte d'ivoire": "CIV", "deutschland": "GER", "españa": "ESP", "espana": "ESP",
		"italia": "ITA", "schweiz": "SUI", "österreich": "AUT", "oesterreich": "AUT",
	}
	for code, name := range associations {
		m[strings.ToLower(name)] = code
	}
	for k, v := range m {
		if v == "" {
			delete(m, k) // ambiguous
		}
	}
	return m
})

// Association returns the FIFA code of the association s names. s may be a
// FIFA code (ENG, esp), a Transfermarkt competition id (GB1, L1, MLS1) or a
// country name (England, spain); surrounding spaces are ignored. ok is false
// when s is none of those; Suggest then offers the closest known spelling.
func Association(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if len(s) <= 4 {
		var buf [4]byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			buf[i] = c
		}
		if c, ok := shortCodes()[string(buf[:len(s)])]; ok { // no copy for the lookup
			return c, true
		}
	}
	if c, ok := countryAssociations()[strings.ToLower(s)]; ok {
		return c, true
	}
	return "", false
}

// associationHint is the hint for an unknown association v.
func associationHint(v string) string {
	if s := Suggest(v); s != "" {
		return "did you mean " + s + "?"
	}
	return "expected a FIFA code such as ENG, a competition id such as GB1, or a country name"
}

// LeagueAssociation returns the association of a Transfermarkt competition
// id (GB1 → ENG), or false when the id is not in bosman's table.
func LeagueAssociation(id string) (string, bool) {
	c, ok := leagueAssociations[strings.ToUpper(strings.TrimSpace(id))]
	return c, ok
}

// Suggest returns the known association code, competition id or country name
// closest to s by edit distance (case-insensitive), or "" when nothing is
// close: at most one edit for inputs of up to four letters, two beyond.
func Suggest(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	limit := 1
	if len([]rune(s)) > 4 {
		limit = 2
	}
	best, bestD := "", limit+1
	try := func(cand, show string) {
		if d := EditDistance(s, strings.ToLower(cand)); d < bestD || (d == bestD && show < best) {
			best, bestD = show, d
		}
	}
	for _, keys := range [][]string{sortedKeys(associations), sortedKeys(leagueAssociations)} {
		for _, k := range keys {
			try(k, k)
		}
	}
	for _, code := range sortedKeys(associations) {
		try(associations[code], associations[code])
	}
	return best
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// EditDistance is the Levenshtein distance between a and b, in runes: how
// suggestions ("did you mean ENG?") pick the nearest name.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

package contracts

import (
	"strings"
	"sync"
)

// ClubKey returns the key under which the club name is compared: folded
// (see Fold), legal forms stripped from either end ("FC", "AFC", "CF",
// "Football Club", "Club de Fútbol", "S.p.A." …, see legalForms) and common
// short names mapped to the club's canonical key (see clubAliases). Two
// names with the same ClubKey are one club:
//
//	ClubKey("Liverpool FC") == ClubKey("Liverpool Football Club") == "liverpool"
//	ClubKey("Real Madrid Club de Fútbol") == ClubKey("Real Madrid") == "real madrid"
//	ClubKey("Man Utd") == ClubKey("Manchester United FC") == "manchester united"
//	ClubKey("AC Milan") == ClubKey("Milan") == "milan"
//
// Stripping never leaves a name empty: ClubKey("AC") == "ac".
func ClubKey(name string) string {
	ks := clubKeys(name)
	if len(ks) == 0 {
		return ""
	}
	return ks[0]
}

// clubKeys returns the distinct keys of a club name: one per fold variant
// (see foldVariants), each stripped of legal forms and mapped through the
// aliases. The key of the plain fold comes first.
func clubKeys(name string) []string {
	vs := foldVariants(name)
	out := vs[:0]
	for _, v := range vs {
		k := stripLegal(v)
		if c, ok := aliasOf()[k]; ok {
			k = c
		}
		if !inList(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// legalForms are the words and phrases, folded, that say what kind of body
// a club is rather than which club; stripLegal removes them from either end
// of a name. "AC" is one: "AC Milan" and "Milan" are one club, while
// "Inter Milan" keeps its key "inter milan" (an alias of Internazionale).
var legalForms = [][]string{
	{"football", "club"}, {"futbol", "club"}, {"club", "de", "futbol"},
	{"futebol", "clube"}, {"fussball", "club"}, {"calcio"},
	{"a", "f", "c"}, {"f", "c"}, {"c", "f"}, {"s", "p", "a"}, {"s", "a", "d"}, {"s", "a"}, {"e", "v"}, {"a", "s"},
	{"1", "fc"}, {"1", "fsv"},
	{"fc"}, {"cf"}, {"afc"}, {"sc"}, {"sv"}, {"ssc"}, {"as"}, {"ac"}, {"acf"},
	{"fk"}, {"sk"}, {"cd"}, {"rcd"}, {"ogc"}, {"sfc"}, {"bk"}, {"ev"},
	{"spa"}, {"sad"}, {"sa"}, {"plc"}, {"ltd"}, {"the"}, {"club"},
}

// stripLegal removes legal forms from both ends of the folded name k, as
// long as a word remains; longer forms first ("football club" before
// "club").
func stripLegal(k string) string {
	if !strings.Contains(k, " ") {
		return k // one word: nothing can go
	}
	ws := strings.Fields(k)
	for again := true; again; {
		again = false
		for _, f := range legalForms {
			if len(ws) <= len(f) {
				continue
			}
			if equalWords(ws[:len(f)], f) {
				ws, again = ws[len(f):], true
				break
			}
			if equalWords(ws[len(ws)-len(f):], f) {
				ws, again = ws[:len(ws)-len(f)], true
				break
			}
		}
	}
	return strings.Join(ws, " ")
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// clubAliases lists clubs by other names: the first name of each line
// gives the canonical key, the others are aliases. Names are written as
// people write them; they are folded and stripped like any club name.
// A bare "Inter" is an alias of Internazionale, so that data calling the
// club "Inter" is Internazionale; but as a query it is ambiguous (see
// ambiguousClubQueries).
var clubAliases = [][]string{
	{"Manchester United", "Man Utd", "Man United", "Manchester Utd", "MUFC"},
	{"Manchester City", "Man City", "MCFC"},
	{"Tottenham Hotspur", "Spurs", "Tottenham", "THFC"},
	{"Wolverhampton Wanderers", "Wolves", "Wolverhampton"},
	{"Newcastle United", "Newcastle", "Newcastle Utd", "NUFC"},
	{"Aston Villa", "Villa"},
	{"West Ham United", "West Ham"},
	{"Brighton & Hove Albion", "Brighton", "Brighton and Hove Albion"},
	{"Nottingham Forest", "Nottm Forest"},
	{"Leicester City", "Leicester"},
	{"Celtic", "Celtic Glasgow"},
	{"Rangers", "Glasgow Rangers"},
	{"Barcelona", "Barca", "Barça", "Futbol Club Barcelona"},
	{"Real Madrid", "Los Blancos"},
	{"Atlético de Madrid", "Atletico Madrid", "Atleti", "Club Atlético de Madrid"},
	{"Athletic Club", "Athletic Bilbao"},
	{"Bayern München", "Bayern", "Bayern Munich", "Bayern Munchen", "FC Bayern"},
	{"Borussia Dortmund", "BVB", "Dortmund", "BV Borussia 09 Dortmund", "Borussia Dortmund GmbH & Co. KGaA"},
	{"Borussia Mönchengladbach", "Gladbach", "Mönchengladbach", "Borussia M'gladbach", "Borussia M.Gladbach", "BMG"},
	{"Bayer 04 Leverkusen", "Bayer Leverkusen", "Leverkusen"},
	{"RB Leipzig", "RasenBallsport Leipzig", "Leipzig"},
	{"Paris Saint-Germain", "PSG", "Paris SG", "Paris St-Germain", "Paris St Germain"},
	{"Olympique de Marseille", "Marseille", "OM", "Olympique Marseille"},
	{"Olympique Lyonnais", "Lyon", "OL"},
	{"Internazionale Milano", "Inter", "Inter Milan", "Internazionale", "Inter Milano", "FC Internazionale"},
	{"Milan", "Associazione Calcio Milan", "AC Milan"},
	{"Juventus", "Juve", "Juventus Turin"},
	{"Napoli", "Società Sportiva Calcio Napoli"},
	{"Roma", "Associazione Sportiva Roma"},
	{"Ajax", "Ajax Amsterdam", "Amsterdamsche Football Club Ajax"},
	{"PSV Eindhoven", "PSV", "Philips Sport Vereniging"},
	{"Feyenoord", "Feyenoord Rotterdam"},
	{"Benfica", "SL Benfica", "Sport Lisboa e Benfica"},
	{"Porto", "Futebol Clube do Porto", "FC Porto"},
	{"Sporting CP", "Sporting Lisbon", "Sporting Clube de Portugal", "Sporting Lisboa"},
	{"Galatasaray", "Galatasaray SK", "Galatasaray Spor Kulübü", "Galatasaray A.Ş."},
	{"Fenerbahçe", "Fenerbahce SK", "Fenerbahçe Spor Kulübü", "Fener"},
	{"Beşiktaş", "Besiktas JK", "Beşiktaş Jimnastik Kulübü"},
	{"Al-Hilal", "Al Hilal SFC", "Al-Hilal Saudi", "Al Hilal Saudi FC"},
	{"Al-Nassr", "Al Nassr FC", "Al-Nassr Saudi"},
	{"Al-Ittihad", "Al Ittihad Club", "Al-Ittihad Jeddah", "Ittihad"},
	{"Inter Miami", "Inter Miami CF", "Club Internacional de Fútbol Miami"},
	{"LA Galaxy", "Los Angeles Galaxy", "L.A. Galaxy"},
	{"Los Angeles FC", "LAFC"},
	{"CF Montréal", "Club de Foot Montréal", "Montreal Impact", "Impact de Montréal"},
	{"Vancouver Whitecaps", "Whitecaps"},
	{"Flamengo", "CR Flamengo", "Clube de Regatas do Flamengo"},
	{"Palmeiras", "SE Palmeiras", "Sociedade Esportiva Palmeiras"},
	{"Boca Juniors", "Boca", "CA Boca Juniors", "Club Atlético Boca Juniors"},
	{"River Plate", "CA River Plate", "Club Atlético River Plate"},
}

// ambiguousClubQueries are keys of queries that name more than one club
// in common use although the data may use them for one: Index.Clubs
// matches them as words only, never as an exact name or an alias, so that
// "Inter" lists Internazionale and Inter Miami alike.
var ambiguousClubQueries = map[string]bool{"inter": true}

// aliasOf maps the key of each alias, and of each fold variant of it, to
// the canonical key of its club.
var aliasOf = sync.OnceValue(func() map[string]string {
	m := make(map[string]string)
	for _, line := range clubAliases {
		canon := stripLegal(Fold(line[0]))
		for _, name := range line {
			for _, v := range foldVariants(name) {
				if k := stripLegal(v); k != canon {
					m[k] = canon
				}
			}
		}
	}
	return m
})

// aliasesOf maps a canonical key to the keys of its aliases.
var aliasesOf = sync.OnceValue(func() map[string][]string {
	m := make(map[string][]string)
	for k, c := range aliasOf() {
		m[c] = append(m[c], k)
	}
	return m
})

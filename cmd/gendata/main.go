// Command gendata writes a synthetic contracts dataset that looks like the
// real ones, for benchmarks and load tests.
//
// Usage:
//
//	gendata -rows 1000000 -format tmdatasets -seed 1 > players.csv
//	gendata -rows 50000 -format bosman > contracts.csv
//
// -format tmdatasets writes the 26-column players.csv of
// transfermarkt-datasets (dates as "YYYY-MM-DD 00:00:00", CRLF line ends,
// about 15% of expiries empty); -format bosman writes bosman's own CSV. The
// expiry dates follow the real files: mostly 30 June of 2025–2030, 31 May in
// Turkey, 31 December in calendar-year leagues (MLS, Brazil), a few in
// mid-month. The same seed gives the same file.
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

func main() {
	rows := flag.Int("rows", 1000, "number of `ROWS` to write")
	format := flag.String("format", "tmdatasets", "tmdatasets (players.csv, 26 columns) or bosman (bosman's own CSV)")
	seed := flag.Uint64("seed", 1, "random `SEED`: the same seed gives the same file")
	out := flag.String("o", "", "write to `FILE` instead of stdout")
	flag.Parse()
	if flag.NArg() > 0 || *rows < 0 {
		fmt.Fprintln(os.Stderr, "usage: gendata [-rows N] [-format tmdatasets|bosman] [-seed N] [-o FILE]")
		os.Exit(2)
	}
	w := io.Writer(os.Stdout)
	var f *os.File
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, "gendata:", err)
			os.Exit(1)
		}
		w = f
	}
	if err := Generate(w, *format, *rows, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "gendata:", err)
			os.Exit(1)
		}
	}
}

// TMHeader is the 26-column header of transfermarkt-datasets players.csv
// since March 2026.
var TMHeader = []string{"player_id", "first_name", "last_name", "name", "last_season", "current_club_id",
	"player_code", "country_of_birth", "city_of_birth", "country_of_citizenship", "date_of_birth",
	"sub_position", "position", "foot", "height_in_cm", "contract_expiration_date", "agent_name",
	"image_url", "international_caps", "international_goals", "current_national_team_id", "url",
	"current_club_domestic_competition_id", "current_club_name", "market_value_in_eur",
	"highest_market_value_in_eur"}

// BosmanHeader is the header of bosman's own CSV.
var BosmanHeader = []string{"player_id", "player", "date_of_birth", "nationality", "position", "club",
	"association", "league", "contract_signed", "contract_start", "contract_expires", "option_until",
	"option_holder", "loan_club", "loan_until", "source", "confirmed", "note"}

// league is a competition, its weight in the real files and its association.
type league struct {
	id, assoc string
	weight    int
	calendar  bool   // contracts run to 31 December
	country   string // for birthplaces and citizenship
	clubs     []club
}

type club struct {
	id   int
	name string
}

// leagues are weighted like current_club_domestic_competition_id in the
// 2026 build of players.csv, with MLS and Brazil added at a small weight.
var leagues = []*league{
	{id: "GB1", assoc: "ENG", weight: 132, country: "England"},
	{id: "L1", assoc: "GER", weight: 122, country: "Germany"},
	{id: "TR1", assoc: "TUR", weight: 119, country: "Turkey"},
	{id: "IT1", assoc: "ITA", weight: 106, country: "Italy"},
	{id: "FR1", assoc: "FRA", weight: 105, country: "France"},
	{id: "SC1", assoc: "SCO", weight: 96, country: "Scotland"},
	{id: "ES1", assoc: "ESP", weight: 75, country: "Spain"},
	{id: "NL1", assoc: "NED", weight: 68, country: "Netherlands"},
	{id: "GR1", assoc: "GRE", weight: 64, country: "Greece"},
	{id: "BE1", assoc: "BEL", weight: 34, country: "Belgium"},
	{id: "RU1", assoc: "RUS", weight: 25, country: "Russia"},
	{id: "DK1", assoc: "DEN", weight: 22, country: "Denmark"},
	{id: "PO1", assoc: "POR", weight: 18, country: "Portugal"},
	{id: "UKR1", assoc: "UKR", weight: 12, country: "Ukraine"},
	{id: "MLS1", assoc: "USA", weight: 10, calendar: true, country: "United States"},
	{id: "BRA1", assoc: "BRA", weight: 8, calendar: true, country: "Brazil"},
}

var (
	firstNames = []string{"Ibrahima", "Antonio", "David", "William", "Dean", "Kylian", "Dušan", "José Ignacio",
		"Luka", "Jan", "Mohamed", "João", "Łukasz", "Thiago", "Sergej", "Mikkel", "Kenan", "Yusuf",
		"Arda", "Hakan", "Callum", "Kieran", "Rúben", "Nuno", "Frenkie", "Matthijs", "Youri", "Kévin",
		"Ousmane", "Aurélien", "Theo", "Federico", "Nicolò", "Sandro", "Álvaro", "Pedro", "Pablo",
		"Florian", "Jamal", "Leroy", "Joško", "Giorgos", "Anastasios", "Aleksandr", "Mykhailo", "Christian",
		"Lionel", "Gabriel", "Vinícius", "Rodrygo", "Endrick", "Thomas", "Søren", "Björn", "Ángel", "Ciro"}
	lastNames = []string{"Konaté", "Rüdiger", "Alaba", "Saliba", "Huijsen", "Mbappé", "Vlahović", "Fernández",
		"Modrić", "Oblak", "Salah", "Cancelo", "Fabiański", "Silva", "Milinković-Savić", "Damsgaard",
		"Yıldız", "Yazıcı", "Güler", "Çalhanoğlu", "McGregor", "Tierney", "Dias", "Mendes", "de Jong",
		"de Ligt", "Tielemans", "De Bruyne", "Dembélé", "Tchouaméni", "Hernández", "Chiesa", "Barella",
		"Tonali", "Morata", "González", "Sarabia", "Wirtz", "Musiala", "Sané", "Gvardiol", "Giakoumakis",
		"Bakasetas", "Golovin", "Mudryk", "Eriksen", "Messi", "Jesus", "Júnior", "Goes", "Müller",
		"Højbjerg", "O'Brien", "Di María", "Immobile", "van Dijk", "N'Golo", "Şahin", "Ødegaard"}
	cities = []string{"Paris", "Madrid", "London", "Berlin", "Rome", "Lisbon", "Istanbul", "Glasgow",
		"Amsterdam", "Athens", "Brussels", "Copenhagen", "Kyiv", "Moscow", "São Paulo", "Los Angeles",
		"Zagreb", "Belgrade", "Dakar", "Abidjan", "Bamako", "Buenos Aires", "Ljubljana", "Kraków"}
	nations = []string{"France", "Spain", "England", "Germany", "Italy", "Portugal", "Turkey", "Scotland",
		"Netherlands", "Greece", "Belgium", "Denmark", "Ukraine", "Russia", "United States", "Brazil",
		"Croatia", "Serbia", "Senegal", "Cote d'Ivoire", "Mali", "Argentina", "Slovenia", "Poland"}
	positions = [][2]string{{"Goalkeeper", "Goalkeeper"}, {"Defender", "Centre-Back"}, {"Defender", "Left-Back"},
		{"Defender", "Right-Back"}, {"Midfield", "Defensive Midfield"}, {"Midfield", "Central Midfield"},
		{"Midfield", "Attacking Midfield"}, {"Attack", "Left Winger"}, {"Attack", "Right Winger"},
		{"Attack", "Centre-Forward"}}
	clubStems = []string{"Athletic", "Sporting", "Racing", "Union", "United", "City", "Rovers", "Olympic",
		"Dynamo", "Real", "Inter", "Academica", "Royal", "Spartak", "Atlético", "Borussia", "Fortuna", "Stella"}
	towns = []string{"Aldmouth", "Brenford", "Castellón", "Dorwick", "Estrela", "Fenby", "Gärtnerstadt",
		"Hollum", "Izmirli", "Jarrow", "Kastri", "Lorenzo", "Münsterberg", "Norrvik", "Oporto Nova",
		"Pescara Alta", "Quinta", "Ribeira", "Sankt Veit", "Torrelavega", "Uxbridge", "Valdés", "Westerlo",
		"Ypres", "Zaandijk"}
	agents = []string{"", "", "", "Stellar Group", "CAA Base", "Gestifute", "Wasserman", "ASBW Sport Marketing",
		"ROOF", "Lian Sports", "Relatives", "Neubauer 13 GmbH", "Unique Sports Group"}
	// mid-month and other odd expiry days seen in the real files
	oddDays = [][2]int{{1, 31}, {11, 30}, {7, 31}, {6, 15}, {6, 10}, {9, 30}, {8, 31}, {10, 31}, {4, 30}, {10, 16}}
)

func init() {
	id := 100
	for li, l := range leagues {
		n := 18
		if l.id == "GB1" || l.id == "ES1" || l.id == "IT1" || l.id == "FR1" || l.id == "TR1" || l.id == "BRA1" {
			n = 20
		}
		for i := 0; i < n; i++ {
			// the stem is the league's own, the town unique in the league: no
			// two clubs share a name
			stem, town := clubStems[li%len(clubStems)], towns[(li+i)%len(towns)]
			name := stem + " " + town
			switch i % 9 {
			case 0:
				name = stem + " FC " + town
			case 4:
				name += " Football Club"
			case 7:
				name = "Società Sportiva " + town + " " + stem + ", S.p.A." // a quoted comma
			}
			l.clubs = append(l.clubs, club{id: id, name: name})
			id += 1 + (li+i)%13
		}
	}
}

// gen draws the rows of one dataset.
type gen struct {
	r       *rand.Rand
	total   int
	cum     []int
	recs    []string
	slugBuf []byte
}

func newGen(seed uint64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, l := range leagues {
		g.total += l.weight
		g.cum = append(g.cum, g.total)
	}
	return g
}

func (g *gen) league() *league {
	n := g.r.IntN(g.total)
	for i, c := range g.cum {
		if n < c {
			return leagues[i]
		}
	}
	return leagues[len(leagues)-1]
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

type date struct{ y, m, d int }

func (d date) iso() string {
	if d.y == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// expiry draws a contract expiry for a player of l: the zero date for an
// unknown one (about 15%).
func (g *gen) expiry(l *league) date {
	if g.r.IntN(100) < 15 {
		return date{}
	}
	var y int
	switch p := g.r.IntN(100); {
	case p < 5:
		y = 2025
	case p < 35:
		y = 2026
	case p < 63:
		y = 2027
	case p < 83:
		y = 2028
	case p < 95:
		y = 2029
	default:
		y = 2030
	}
	p := g.r.IntN(100)
	switch {
	case l.calendar && p < 85, !l.calendar && p < 3:
		return date{y, 12, 31}
	case l.id == "TR1" && p < 60:
		return date{y, 5, 31}
	case p < 5:
		od := pick(g.r, oddDays)
		return date{y, od[0], od[1]}
	}
	return date{y, 6, 30}
}

func (g *gen) birth() date {
	y := 1986 + g.r.IntN(23)
	m := 1 + g.r.IntN(12)
	d := 1 + g.r.IntN(28)
	return date{y, m, d}
}

func (g *gen) slug(name string) string {
	b := g.slugBuf[:0]
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r == ' ' || r == '-' || r == '\'':
			b = append(b, '-')
		case r < 0x80:
		default:
			b = append(b, 'x') // the real slugs drop accents; a letter keeps them unique enough
		}
	}
	g.slugBuf = b
	return string(b)
}

// Generate writes rows rows of the format to w.
func Generate(w io.Writer, format string, rows int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	g := newGen(seed)
	var row func(i int) []string
	switch format {
	case "tmdatasets":
		cw.UseCRLF = true
		if err := cw.Write(TMHeader); err != nil {
			return err
		}
		row = g.tmRow
	case "bosman":
		if err := cw.Write(BosmanHeader); err != nil {
			return err
		}
		row = g.bosmanRow
	default:
		return fmt.Errorf("unknown format %q: want tmdatasets or bosman", format)
	}
	for i := 0; i < rows; i++ {
		if err := cw.Write(row(i)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

func (g *gen) tmRow(i int) []string {
	r := g.r
	l := g.league()
	cl := pick(r, l.clubs)
	first, last := pick(r, firstNames), pick(r, lastNames)
	name := first + " " + last
	id := strconv.Itoa(1000 + i*7 + r.IntN(7))
	slug := g.slug(name)
	pos := pick(r, positions)
	citizen := l.country
	if r.IntN(100) < 45 {
		citizen = pick(r, nations)
	}
	exp := g.expiry(l)
	expS := ""
	if exp.y != 0 {
		expS = exp.iso() + " 00:00:00"
	}
	mv := (1 + r.IntN(400)) * 25000
	caps, goals, team := "", "", ""
	if r.IntN(4) == 0 {
		c := r.IntN(90)
		caps, goals, team = strconv.Itoa(c), strconv.Itoa(r.IntN(c/3+1)), strconv.Itoa(3000+r.IntN(500))
	}
	foot := pick(r, []string{"right", "right", "right", "left", "both", ""})
	height := ""
	if r.IntN(20) != 0 {
		height = strconv.Itoa(165 + r.IntN(36))
	}
	season := 2025
	if r.IntN(10) == 0 {
		season = 2023 + r.IntN(2) // stale rows, as in the real files
	}
	recs := g.recs[:0]
	recs = append(recs, id, first, last, name, strconv.Itoa(season), strconv.Itoa(cl.id), slug,
		citizen, pick(r, cities), citizen, g.birth().iso()+" 00:00:00", pos[1], pos[0], foot, height,
		expS, pick(r, agents),
		"https://img.a.transfermarkt.technology/portrait/header/"+id+"-1690000000.jpg?lm=1",
		caps, goals, team, "https://www.transfermarkt.co.uk/"+slug+"/profil/spieler/"+id,
		l.id, cl.name, strconv.Itoa(mv), strconv.Itoa(mv*(1+r.IntN(3))))
	g.recs = recs
	return recs
}

func (g *gen) bosmanRow(i int) []string {
	r := g.r
	l := g.league()
	cl := pick(r, l.clubs)
	name := pick(r, firstNames) + " " + pick(r, lastNames)
	id := strconv.Itoa(1000 + i*7 + r.IntN(7))
	pos := pick(r, positions)
	exp := g.expiry(l)
	var signed, start, optUntil date
	holder, loanClub, loanUntil := "", "", ""
	if exp.y != 0 {
		years := 1 + r.IntN(5)
		if exp.m == 12 {
			start = date{exp.y - years + 1, 1, 1}
		} else {
			start = date{exp.y - years, 7, 1}
		}
		if r.IntN(3) == 0 {
			signed = date{start.y, 1 + r.IntN(6), 1 + r.IntN(28)}
		} else if r.IntN(2) == 0 {
			start = date{}
		}
		if r.IntN(20) == 0 {
			optUntil = date{exp.y + 1, exp.m, exp.d}
			holder = pick(r, []string{"club", "club", "player", "mutual"})
		}
		if r.IntN(30) == 0 {
			lc := pick(r, pick(r, leagues).clubs)
			if lc.name != cl.name {
				lu := date{2027, 6, 30}
				if exp.y < 2027 || exp.y == 2027 && (exp.m < 6 || exp.m == 6 && exp.d < 30) {
					lu = exp
				}
				loanClub, loanUntil = lc.name, lu.iso()
			}
		}
	}
	slug := g.slug(name)
	recs := g.recs[:0]
	recs = append(recs, id, name, g.birth().iso(), pick(r, nations), pos[1], cl.name, l.assoc, l.id,
		signed.iso(), start.iso(), exp.iso(), optUntil.iso(), holder, loanClub, loanUntil,
		"https://www.transfermarkt.co.uk/"+slug+"/profil/spieler/"+id, "2026-07-01", "")
	g.recs = recs
	return recs
}

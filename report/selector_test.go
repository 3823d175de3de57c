package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// marketAsOf is the day the market tests ask on: 7 Oct 2025. The default
// horizon then runs to 30 Jun 2026 (7 Apr 2026 is six months on; the
// first 30 June after it).
var marketAsOf = rules.D(2025, 10, 7)

// market is a small market of chosen players, the same as
// cmd/bosman/testdata/data/market.csv. Ages on 7 Oct 2025 are worked out
// in the comments; statuses are those of FIFA RSTP art. 18.3 (abroad six
// months before he is free) unless said otherwise.
func market() []contracts.Contract {
	row := func(id, name string, born rules.Date, nat, sub, club, assoc, league string, expires rules.Date, value int64) contracts.Contract {
		group, sub, _ := contracts.PositionOf(sub)
		return contracts.Contract{PlayerID: id, Player: name, Birth: born, Nationality: nat, Position: group, SubPosition: sub,
			Club: club, Association: assoc, League: league, Expires: expires, MarketValue: value,
			Source: "https://example.org/" + id, Confirmed: rules.D(2025, 9, 1)}
	}
	jun26 := rules.D(2026, 6, 30)
	renewed := row("8", "Hugo Renewed", rules.D(2001, 3, 24), "France", "CB", "Arsenal FC", "ENG", "GB1", rules.D(2030, 6, 30), 80_000_000)
	renewed.Signed = rules.D(2025, 9, 30)
	old := renewed
	old.Signed, old.Expires = rules.D(2023, 7, 7), rules.D(2027, 6, 30)
	return []contracts.Contract{
		row("1", "Alan Centre", rules.D(1999, 5, 25), "France", "CB", "Riverside FC", "ENG", "GB1", jun26, 40_000_000),       // 26
		row("2", "Bruno Back", rules.D(1993, 3, 3), "Germany", "CB", "Madrid Norte", "ESP", "ES1", jun26, 20_000_000),        // 32
		row("3", "Carlos Left", rules.D(2001, 10, 8), "Spain", "LB", "Madrid Norte", "ESP", "ES1", jun26, 12_000_000),        // 23, 24 the next day
		row("4", "Dario Mid", rules.D(2000, 10, 7), "Italy", "DM", "Torino Nord", "ITA", "IT1", jun26, 8_000_000),            // 25 that day
		row("5", "Emil Wing", rules.D(2004, 2, 29), "Denmark", "LW", "Elbe SV", "GER", "L1", rules.D(2026, 12, 31), 500_000), // 21
		// free on 1 Jun 2026: abroad from 1 Dec 2025; at home (EFL, on
		// England) only with consent: he is not free on 1 July
		row("6", "Felix Keeper", rules.D(1990, 1, 1), "England", "GK", "Northtown AFC", "ENG", "GB2", rules.D(2026, 5, 31), 1_500_000), // 35
		// free on 1 Jan 2026: abroad from 1 Jul 2025, so open on 7 Oct
		// 2025; at home (MLS) no pre-contract at all
		row("7", "Gus Forward", rules.D(1998, 3, 1), "United States", "CF", "Lakeside SC", "USA", "MLS1", rules.D(2025, 12, 31), 3_000_000), // 27
		old, renewed, // renewed on 30 Sep 2025 to 2030
		row("9", "Ivan Unknown", rules.D(1996, 1, 1), "Croatia", "CM", "Madrid Norte", "ESP", "ES1", rules.Date{}, 2_000_000),
		row("10", "Jon Gone", rules.D(1991, 1, 1), "Wales", "AM", "Riverside FC", "ENG", "GB1", rules.D(2025, 6, 30), 1_000_000), // ended
		row("11", "Kai Nobody", rules.Date{}, "", "RW", "Madrid Norte", "ESP", "ES1", jun26, 0),                                  // no birth, no value
	}
}

// selectNames runs a selection over market() and returns the names listed.
func selectNames(t *testing.T, to string, f Filter, order []SortKey, limit int) ([]string, *Selection) {
	t.Helper()
	q := testQuery(t, marketAsOf, to)
	s := NewSelector(q, f, order, limit)
	s.AddInForce(market())
	sel := s.Done()
	var names []string
	if err := sel.Each(func(en *Entry) error {
		names = append(names, strings.Fields(en.Contract.Player)[0])
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return names, sel
}

// testSelection is the selection of rows within h, as the club command
// makes it (by expiry), titled title.
func testSelection(q *Query, title string, h Horizon, rows ...contracts.Contract) *Selection {
	s := NewSelector(q, Filter{Horizon: h}, []SortKey{SortExpiry}, 0)
	for i := range rows {
		s.Add(&rows[i])
	}
	sel := s.Done()
	sel.Title = title
	return sel
}

func wantNames(t *testing.T, got []string, want string) {
	t.Helper()
	if strings.Join(got, " ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " "), want)
	}
}

func TestDefaultHorizon(t *testing.T) {
	for _, tc := range []struct{ asOf, until rules.Date }{
		{rules.D(2026, 12, 2), rules.D(2027, 6, 30)},  // DESIGN's example: 2 Jun 2027 is six months on
		{rules.D(2027, 2, 15), rules.D(2028, 6, 30)},  // 15 Aug 2027 is past 30 Jun 2027
		{rules.D(2025, 10, 7), rules.D(2026, 6, 30)},  // 7 Apr 2026
		{rules.D(2025, 12, 31), rules.D(2026, 6, 30)}, // six months on is 30 Jun 2026 itself (month-end clamp)
		{rules.D(2026, 1, 1), rules.D(2027, 6, 30)},   // 1 Jul 2026 is past it
	} {
		if h := DefaultHorizon(tc.asOf); h.From != tc.asOf || h.Until != tc.until {
			t.Errorf("as of %s: %s to %s, want to %s", tc.asOf, h.From, h.Until, tc.until)
		}
	}
}

// TestSelectionOrders: every order over the default horizon, which keeps
// the seven contracts expiring 7 Oct 2025 to 30 Jun 2026 (not Emil, 31 Dec
// 2026; not Hugo, renewed to 2030; not Jon, ended; not Ivan, no expiry).
func TestSelectionOrders(t *testing.T) {
	h := Filter{Horizon: DefaultHorizon(marketAsOf)}
	for _, tc := range []struct {
		to    string
		order []SortKey
		want  string
	}{
		// €40m, 20m, 12m, 8m, 3m, 1.5m, unknown last
		{"", nil, "Alan Bruno Carlos Dario Gus Felix Kai"},
		// 31 Dec 2025, 31 May 2026, then the 30 June ones by value
		{"", []SortKey{SortExpiry}, "Gus Felix Alan Bruno Carlos Dario Kai"},
		// born 8 Oct 2001, 7 Oct 2000, 25 May 1999, 1 Mar 1998, 1993, 1990; unknown last
		{"", []SortKey{SortAge}, "Carlos Dario Alan Gus Bruno Felix Kai"},
		{"", []SortKey{SortName}, "Alan Bruno Carlos Dario Felix Gus Kai"},
		// for a Spanish club: Gus 1 Jul 2025, Felix 1 Dec 2025, the rest
		// 1 Jan 2026 (abroad, and Spain's six months at home), by value
		{"ESP", []SortKey{SortCanSign}, "Gus Felix Alan Bruno Carlos Dario Kai"},
		// for an English club: Alan at home 17 May 2026 (after the third
		// Saturday in May), Felix only with consent (last)
		{"ENG", []SortKey{SortCanSign}, "Gus Bruno Carlos Dario Kai Alan Felix"},
	} {
		t.Run(fmt.Sprint(tc.to, tc.order), func(t *testing.T) {
			got, sel := selectNames(t, tc.to, h, tc.order, 0)
			wantNames(t, got, tc.want)
			if sel.Matched != 7 || sel.Expired != 1 || sel.Unknown != 1 {
				t.Errorf("matched %d, expired %d, unknown %d; want 7, 1 (Jon), 1 (Ivan)", sel.Matched, sel.Expired, sel.Unknown)
			}
		})
	}
}

// TestSelectionFilters: each filter, over the default horizon unless it
// sets its own.
func TestSelectionFilters(t *testing.T) {
	def := DefaultHorizon(marketAsOf)
	ages := func(lo, hi int) Filter { return Filter{Horizon: def, MinAge: lo, MaxAge: hi} }
	pos := func(p ...string) Filter {
		ps, err := ParsePositions(p)
		if err != nil {
			t.Fatal(err)
		}
		return Filter{Horizon: def, Positions: ps}
	}
	status := func(s ...rules.Status) Filter { return Filter{Horizon: def, Statuses: s} }
	for _, tc := range []struct {
		name string
		to   string
		f    Filter
		want string
	}{
		{"CB", "", pos("CB"), "Alan Bruno"},
		{"Centre-Back", "", pos("Centre-Back"), "Alan Bruno"},
		{"Defender", "", pos("Defender"), "Alan Bruno Carlos"},
		{"CB and LB", "", pos("CB", "LB"), "Alan Bruno Carlos"},
		{"GK", "", pos("GK"), "Felix"},
		{"Attack", "", pos("Attack"), "Gus Kai"},
		// ages on 7 Oct 2025: Alan 26, Bruno 32, Carlos 23, Dario 25, Gus 27, Felix 35, Kai unknown
		{"age 21-28", "", ages(21, 28), "Alan Carlos Dario Gus"},
		{"max age 25 (Dario's 25th birthday is the as-of date)", "", ages(0, 25), "Carlos Dario"},
		{"age 24 (Carlos turns 24 the day after)", "", ages(24, 24), ""},
		{"age 30 or older", "", ages(30, 0), "Bruno Felix"},
		{"nationality", "", Filter{Horizon: def, Nationalities: []string{"FRANCE", "united states"}}, "Alan Gus"},
		{"min value €10m", "", Filter{Horizon: def, MinValue: 10_000_000}, "Alan Bruno Carlos"},
		{"min value €1.5m (at least)", "", Filter{Horizon: def, MinValue: 1_500_000}, "Alan Bruno Carlos Dario Gus Felix"},
		{"league GB1", "", Filter{Horizon: def, League: &contracts.Code{Kind: contracts.CodeCompetition, Leagues: []string{"GB1"}}}, "Alan"},
		{"league GB2", "", Filter{Horizon: def, League: &contracts.Code{Kind: contracts.CodeCompetition, Leagues: []string{"GB2"}}}, "Felix"},
		{"association ENG", "", Filter{Horizon: def, Association: "ENG"}, "Alan Felix"},
		{"club", "", Filter{Horizon: def, Clubs: map[string]bool{"Madrid Norte": true}}, "Bruno Carlos Kai"},
		{"expiring before 1 Jun 2026", "", Filter{Horizon: def, ExpiringBefore: rules.D(2026, 6, 1)}, "Gus Felix"},
		{"status foreign-precontract-open", "", status(rules.ForeignOpen), "Gus"},
		{"status under-contract", "", status(rules.UnderContract), "Alan Bruno Carlos Dario Felix Kai"},
		// an ended contract and one without an expiry are outside every
		// horizon, but the statuses that name them let them through
		{"status free-agent", "", status(rules.FreeAgent), "Jon"},
		{"status unknown-expiry", "", status(rules.UnknownExpiry), "Ivan"},
		{"within 18 months (to 7 Apr 2027)", "", Filter{Horizon: Within(marketAsOf, 18, 'm')}, "Alan Bruno Carlos Dario Gus Felix Emil Kai"},
		{"season 2026/27", "", Filter{Horizon: Season(2026, false)}, "Emil"},
		{"season 2026", "", Filter{Horizon: Season(2026, true)}, "Alan Bruno Carlos Dario Felix Emil Kai"},
		// all: Hugo with his 2030 contract, the one in force on 7 Oct 2025
		{"all", "", Filter{Horizon: Horizon{All: true}}, "Hugo Alan Bruno Carlos Dario Gus Ivan Felix Jon Emil Kai"},
		// open on 1 Jan 2026 for a Spanish club: from his CanSign day to
		// his expiry. Not Gus (free from 1 Jan 2026: no pre-contract any
		// more), Emil (from 1 Jul 2026), Hugo (2030).
		{"open on 1 Jan 2026 for ESP", "ESP", Filter{OpenOn: rules.D(2026, 1, 1)}, "Alan Bruno Carlos Dario Felix Kai"},
		// for an English club: Alan at home only from 17 May 2026, Felix
		// only with consent
		{"open on 1 Jan 2026 for ENG", "ENG", Filter{OpenOn: rules.D(2026, 1, 1)}, "Bruno Carlos Dario Kai"},
		{"open on 20 May 2026 for ENG", "ENG", Filter{OpenOn: rules.D(2026, 5, 20)}, "Alan Bruno Carlos Dario Kai"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := selectNames(t, tc.to, tc.f, nil, 0)
			wantNames(t, got, tc.want)
		})
	}
}

// TestSelectionLeftOut: what the horizon alone left out is counted only
// when it passes the rest of the filter: Jon (ended, 34 on 7 Oct 2025)
// and Ivan (no expiry, 29).
func TestSelectionLeftOut(t *testing.T) {
	def := DefaultHorizon(marketAsOf)
	for _, tc := range []struct {
		name             string
		f                Filter
		expired, unknown int
	}{
		{"no filter", Filter{Horizon: def}, 1, 1},
		{"aged 30 or more", Filter{Horizon: def, MinAge: 30}, 1, 0},
		{"aged 28 or less", Filter{Horizon: def, MaxAge: 28}, 0, 0},
		{"midfielders", Filter{Horizon: def, Positions: []Position{{Group: contracts.Midfield}}}, 1, 1},
		{"under contract", Filter{Horizon: def, Statuses: []rules.Status{rules.UnderContract}}, 0, 0},
	} {
		_, sel := selectNames(t, "", tc.f, nil, 0)
		if sel.Expired != tc.expired || sel.Unknown != tc.unknown {
			t.Errorf("%s: expired %d, unknown %d; want %d, %d", tc.name, sel.Expired, sel.Unknown, tc.expired, tc.unknown)
		}
	}
}

// TestSelectionLimit: the first N in order, and how many more matched; a
// limit small enough to prune while adding gives the same first rows.
func TestSelectionLimit(t *testing.T) {
	f := Filter{Horizon: DefaultHorizon(marketAsOf)}
	got, sel := selectNames(t, "", f, nil, 2)
	wantNames(t, got, "Alan Bruno")
	if sel.Matched != 7 || sel.More() != 5 {
		t.Errorf("matched %d, more %d; want 7 and 5", sel.Matched, sel.More())
	}
	// 3,000 rows with a limit of 10 prune on the way (every 1,044 held)
	q := testQuery(t, marketAsOf, "")
	s := NewSelector(q, Filter{}, []SortKey{SortValue}, 10)
	var all []contracts.Contract
	for i := range 3000 {
		c := contracts.Contract{PlayerID: fmt.Sprint(i), Player: fmt.Sprintf("P%04d", i), Association: "ENG",
			Expires: rules.D(2026, 6, 30), MarketValue: int64((i*7919)%3000) * 1000}
		all = append(all, c)
		s.Add(&c)
	}
	sel = s.Done()
	slices.SortFunc(all, func(a, b contracts.Contract) int { return cmp.Compare(b.MarketValue, a.MarketValue) })
	var names, want []string
	for _, en := range sel.Entries() {
		names = append(names, en.Contract.Player)
	}
	for _, c := range all[:10] {
		want = append(want, c.Player)
	}
	if strings.Join(names, " ") != strings.Join(want, " ") || sel.More() != 2990 {
		t.Errorf("got %v (%d more)\nwant %v (2990 more)", names, sel.More(), want)
	}
}

// TestSelectionKeepsTheRow: what a selection holds comes back as it was
// given, for every column.
func TestSelectionKeepsTheRow(t *testing.T) {
	q := testQuery(t, marketAsOf, "ENG")
	c := market()[0]
	c.Signed, c.Start, c.Option = rules.D(2021, 7, 1), rules.D(2021, 7, 1), contracts.Option{Until: rules.D(2027, 6, 30), Holder: "club"}
	c.LastSeason, c.Listing, c.AssociationInferred, c.Pos = 2025, true, true, contracts.Pos{File: "players.csv", Line: 7}
	s := NewSelector(q, Filter{}, nil, 0)
	s.Add(&c)
	sel := s.Done()
	want := q.Answer(c)
	got := sel.Entries()
	if len(got) != 1 || !slices.Equal(got[0].Fields(nil), want.Fields(nil)) {
		t.Fatalf("got %q\nwant %q", got[0].Fields(nil), want.Fields(nil))
	}
	if g := got[0].Contract; !g.Listing || !g.AssociationInferred || g.Pos != c.Pos {
		t.Errorf("listing %v, inferred %v, pos %v: want true, true, %v", g.Listing, g.AssociationInferred, g.Pos, c.Pos)
	}
}

func TestParseAges(t *testing.T) {
	for _, tc := range []struct {
		in     string
		lo, hi int
		bad    bool
	}{
		{"21-28", 21, 28, false}, {"21-", 21, 0, false}, {"-28", 0, 28, false}, {"24", 24, 24, false},
		{" 21 - 28 ", 21, 28, false}, {"28-21", 0, 0, true}, {"-", 0, 0, true}, {"young", 0, 0, true}, {"0-200", 0, 0, true},
	} {
		lo, hi, err := ParseAges(tc.in)
		if (err != nil) != tc.bad || lo != tc.lo || hi != tc.hi {
			t.Errorf("%q: %d-%d, %v", tc.in, lo, hi, err)
		}
	}
}

// TestSortData: the contracts the data answers for on the day come
// first, then a club last seen in an older season, then facts later than
// the as-of date (more than 30 days: before-data), whatever the values.
func TestSortData(t *testing.T) {
	rows := market()[:3]                     // Alan €40m, Bruno €20m, Carlos €12m, confirmed 1 Sep 2025
	rows[0].Confirmed = rules.D(2026, 6, 12) // Alan: known only from later data
	rows[1].LastSeason = 2023                // Bruno: last seen at his club in 2023/24
	q := testQuery(t, marketAsOf, "")
	for _, tc := range []struct {
		order []SortKey
		want  string
	}{
		{nil, "Alan Bruno Carlos"},
		{[]SortKey{SortData, SortValue}, "Carlos Bruno Alan"},
	} {
		s := NewSelector(q, Filter{}, tc.order, 0)
		s.AddAll(rows)
		var got []string
		for _, en := range s.Done().Entries() {
			got = append(got, strings.Fields(en.Contract.Player)[0])
		}
		wantNames(t, got, tc.want)
	}
}

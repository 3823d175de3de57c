package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

func konate() contracts.Contract {
	return contracts.Contract{
		PlayerID: "357119", Player: "Ibrahima Konaté", Birth: rules.D(1999, 5, 25),
		Club: "Liverpool FC", Association: "ENG", League: "GB1", Expires: rules.D(2026, 6, 30),
		Confirmed: rules.D(2025, 10, 1),
	}
}

// TestCard: Konaté, asked on 7 Oct 2025 for a Spanish club. Abroad from
// 1 Jan 2026 (six months before he is free on 1 Jul 2026, FIFA RSTP art.
// 18.3), at home from 17 May 2026 (the day after the third Saturday in May:
// 1 May 2026 is a Friday, so the Saturdays are 2, 9 and 16 May); he is 26.
func TestCard(t *testing.T) {
	q := testQuery(t, rules.D(2025, 10, 7), "ESP")
	en := q.Answer(konate())
	if en.DataAsOf != rules.D(2025, 10, 1) {
		t.Errorf("DataAsOf %s, want the row's confirmed date 2025-10-01", en.DataAsOf)
	}
	var b bytes.Buffer
	if err := Card(&b, &en, nil, Style{AsOf: q.AsOf}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Ibrahima Konaté, born 25 May 1999 (26 on 7 Oct 2025)\n",
		"Liverpool FC · ENG (",
		"Contract expires 30 Jun 2026\n",
		"Status on 7 Oct 2025: under contract\n",
		"Pre-contract abroad from   1 Jan 2026",
		"Pre-contract at home from  17 May 2026",
		"Free agent from            1 Jul 2026",
		"Registration in ESP from",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("card lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("colour without Style.Color")
	}
}

// TestHorizons: 12 months from 7 Oct 2025 end on 7 Oct 2026; the season
// 2026/27 runs 1 Jul 2026 to 30 Jun 2027, the season 2026 is the year.
func TestHorizons(t *testing.T) {
	asOf := rules.D(2025, 10, 7)
	for _, tc := range []struct {
		h           Horizon
		from, until rules.Date
	}{
		{Within(asOf, 12, 'm'), asOf, rules.D(2026, 10, 7)},
		{Within(asOf, 2, 'y'), asOf, rules.D(2027, 10, 7)},
		{Within(asOf, 90, 'd'), asOf, rules.D(2026, 1, 5)},
		{Season(2026, false), rules.D(2026, 7, 1), rules.D(2027, 6, 30)},
		{Season(2026, true), rules.D(2026, 1, 1), rules.D(2026, 12, 31)},
	} {
		if tc.h.From != tc.from || tc.h.Until != tc.until {
			t.Errorf("%s to %s, want %s to %s", tc.h.From, tc.h.Until, tc.from, tc.until)
		}
	}
}

// TestFilterAndInForce: Saliba renewed on 29 Sep 2025 (to 2029); asked on
// 1 Sep 2025 the 2027 contract is in force, on 7 Oct the 2029 one.
func TestFilterAndInForce(t *testing.T) {
	old := contracts.Contract{PlayerID: "1", Player: "William Saliba", Club: "Arsenal FC", Association: "FRA",
		Signed: rules.D(2023, 7, 1), Expires: rules.D(2027, 6, 30)}
	renewed := old
	renewed.Signed, renewed.Expires = rules.D(2025, 9, 29), rules.D(2029, 6, 30)
	k := konate()
	all := []contracts.Contract{old, k, renewed}
	if got := InForce(all, rules.D(2025, 9, 1)); len(got) != 2 || got[0].Expires != old.Expires {
		t.Errorf("on 1 Sep 2025: %v", got)
	}
	got := InForce(all, rules.D(2025, 10, 7))
	if len(got) != 2 || got[0].Expires != renewed.Expires || got[1].Player != k.Player {
		t.Errorf("on 7 Oct 2025: %v", got)
	}
	f := Filter{Association: "ENG", ExpiringBefore: rules.D(2026, 7, 1)}
	if !f.Keep(&k) || f.Keep(&renewed) {
		t.Errorf("ENG before 1 Jul 2026 keeps Konaté (30 Jun 2026) only")
	}
	f.ExpiringBefore = rules.D(2026, 6, 30) // before: the day itself is out
	if f.Keep(&k) {
		t.Errorf("expiring before 30 Jun 2026 keeps a 30 Jun 2026 expiry")
	}
}

// A download's progress line: half of 4 MiB is 12 of the bar's 24 cells.
func TestProgressLine(t *testing.T) {
	if got, want := ProgressLine("players.csv.gz", 2<<20, 4<<20), "bosman: players.csv.gz  [============>           ]  2.0 MiB of 4.0 MiB  50%"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got, want := ProgressLine("clubs.csv.gz", 512, -1), "bosman: clubs.csv.gz  512 bytes"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

package release

import (
	"compress/gzip"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// names lists the headline rows of a group as "id name".
func names(g Group) []string {
	var s []string
	for _, c := range g.Top {
		s = append(s, c.PlayerID+" "+c.Name)
	}
	return s
}

// The two fixtures differ as testdata/README.md says; each figure below was
// read off the rows of the two files (old 06-02, new 06-12), matched by
// player_id. Headlines are ordered by the new market value, then id.
func TestDiff(t *testing.T) {
	old, err := os.Open(old0602)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	// The new file uncompressed: Diff reads plain CSV as well as gzip.
	f, err := os.Open(new0612)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Diff(old, zr, 10)
	if err != nil {
		t.Fatal(err)
	}
	if c.OldRows != 211 || c.NewRows != 213 {
		t.Errorf("rows %d → %d, want 211 → 213", c.OldRows, c.NewRows)
	}
	for _, tc := range []struct {
		kind  string
		g     Group
		count int
		top   []string
	}{
		// Five ids new in the 06-12 build, none with a market value yet: by id.
		{"added", c.Added, 5, []string{"1119457 Louka Gautier", "1283997 Diego León", "1298427 Yazan Madani",
			"1413326 Georgio Hassarati", "1473866 Ibrahima Cissé"}},
		// Left out of the new fixture: Haller €2m, Kargas €600k, Macheda €175k.
		{"removed", c.Removed, 3, []string{"181375 Sébastien Haller", "242758 Giannis Kargas", "61887 Federico Macheda"}},
		// Scamacca 2027→2028 (€35m), Mykolenko 2027→2029 (€25m), Ben Davies
		// 2026→2027 (€10m), Giroud 2026→2027 (€3m), Méndez 2026→2027-12-31 (no value).
		{"extended", c.Extended, 5, []string{"315867 Gianluca Scamacca", "404842 Vitaliy Mykolenko", "192765 Ben Davies",
			"82442 Olivier Giroud", "675468 Mauro Méndez"}},
		// Woltemade 2031-07-01→2031-06-30, one day earlier (€70m); Kiese Thelin 2027→2026.
		{"shortened", c.Shortened, 2, []string{"455661 Nick Woltemade", "201311 Isaac Kiese Thelin"}},
		{"expiry set", c.ExpirySet, 3, []string{"223029 Fábio Martins", "1082832 Ryan Carlos", "911424 Tyler Fredricson"}},
		{"expiry cleared", c.ExpiryCleared, 3, []string{"1111663 Kingstone Mutandwa", "659648 Gioele Zacchi", "1088535 Alexandru Stan"}},
		// Ryan Carlos and Alexandru Stan changed club and expiry, Méndez club
		// and (extended) expiry: they count in both.
		{"club changed", c.ClubChanged, 4, []string{"873981 Diego González", "1082832 Ryan Carlos", "675468 Mauro Méndez",
			"1088535 Alexandru Stan"}},
	} {
		if tc.g.Count != tc.count || !reflect.DeepEqual(names(tc.g), tc.top) {
			t.Errorf("%s: %d %v\nwant %d %v", tc.kind, tc.g.Count, names(tc.g), tc.count, tc.top)
		}
	}
	if n := c.ExpiryChanged(); n != 13 {
		t.Errorf("%d expiries changed, want 5+2+3+3 = 13", n)
	}

	davies := c.Extended.Top[2]
	if want := (Change{PlayerID: "192765", Name: "Ben Davies", Value: 10000000, OldExpires: rules.D(2026, 6, 30),
		Expires: rules.D(2027, 6, 30), OldClubID: "148", ClubID: "148", OldClub: "Tottenham Hotspur Football Club",
		Club: "Tottenham Hotspur Football Club"}); davies != want {
		t.Errorf("Ben Davies: %+v\nwant %+v", davies, want)
	}
	giroud := c.Extended.Top[3]
	if giroud.OldExpires != rules.D(2026, 6, 30) || giroud.Expires != rules.D(2027, 6, 30) || giroud.Club != "Lille Olympique Sporting Club" {
		t.Errorf("Giroud: %+v", giroud)
	}
	stan := c.ClubChanged.Top[3]
	if stan.OldClub != "ASFC Buzau (2016-2025)" || stan.Club != "Fotbal Club Rapid 1923 SA" ||
		stan.OldExpires != rules.D(2026, 6, 30) || !stan.Expires.IsZero() {
		t.Errorf("Alexandru Stan: %+v", stan)
	}
	removed := c.Removed.Top[0]
	if removed.Value != 2000000 || removed.OldClub != "Football Club Utrecht" || removed.OldExpires != rules.D(2026, 6, 30) || removed.Club != "" {
		t.Errorf("Haller: %+v", removed)
	}
}

// top limits the headlines, not the counts.
func TestDiffTop(t *testing.T) {
	c, err := diffFiles(old0602, new0612, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Extended.Count != 5 || !reflect.DeepEqual(names(c.Extended), []string{"315867 Gianluca Scamacca"}) {
		t.Errorf("extended %d %v", c.Extended.Count, names(c.Extended))
	}
	c, err = diffFiles(old0602, old0602, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*c, Changes{OldRows: 211, NewRows: 211}) {
		t.Errorf("a file against itself: %+v", c)
	}
}

func TestDiffBadInput(t *testing.T) {
	header := "player_id,name,current_club_id,contract_expiration_date\n"
	for _, tc := range []struct{ old, new, want string }{
		{"", header, "old players file is empty"},
		{"player_id,name\n1,A\n", header, "old players file is not a transfermarkt-datasets players table: no column contract_expiration_date"},
		{header, header + "1,A,5\n", "new players file: record on line 2: wrong number of fields"},
		{header, header + "1,\"" + strings.Repeat("x", 2<<20) + "\",5,\n", "new players file:2: a record longer than 1048576 bytes"},
		{header, "\x1f\x8bnot really gzip", "new players file: gzip: invalid header"},
	} {
		_, err := Diff(strings.NewReader(tc.old), strings.NewReader(tc.new), 3)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Diff(%.40q, %.40q): %v\nwant %q", tc.old, tc.new, err, tc.want)
		}
	}
}

// An expiry that is not a date gives no expiry change, in either file.
func TestDiffBadDate(t *testing.T) {
	header := "player_id,name,current_club_id,contract_expiration_date\n"
	old := header + "1,A,5,2026-06-31 00:00:00\n2,B,5,2026-06-30\n"
	new := header + "1,A,6,2027-06-30\n2,B,5,2026-13-01\n"
	c, err := Diff(strings.NewReader(old), strings.NewReader(new), 3)
	if err != nil {
		t.Fatal(err)
	}
	if c.ExpiryChanged() != 0 || c.ClubChanged.Count != 1 || c.Added.Count+c.Removed.Count != 0 {
		t.Errorf("%+v", c)
	}
}

// A repeated id counts once, for its first row.
func TestDiffRepeatedID(t *testing.T) {
	header := "player_id,name,current_club_id,contract_expiration_date,market_value_in_eur\n"
	old := header + "7,A,1,2026-06-30,5\n7,A,2,2030-06-30,5\n"
	new := header + "7,A,1,2027-06-30,5\n7,A,1,2026-06-30,5\n8,B,1,,\n"
	c, err := Diff(strings.NewReader(old), strings.NewReader(new), 3)
	if err != nil {
		t.Fatal(err)
	}
	if c.Extended.Count != 1 || c.Added.Count != 1 || c.Removed.Count != 0 || c.ClubChanged.Count != 0 || c.OldRows != 2 || c.NewRows != 3 {
		t.Errorf("%+v", c)
	}
}

package snapbuild

import (
	"testing"

	"github.com/bosmanhq/bosman/contracts"
)

func TestShortNameRule(t *testing.T) {
	for official, want := range map[string]string{
		"Melbourne City Football Club":                        "Melbourne City FC",
		"Legia Warszawa Spółka Akcyjna":                       "Legia Warszawa",
		"AC Sparta Praha, a. s.":                              "AC Sparta Praha",
		"FC Basel 1893 AG":                                    "FC Basel 1893",
		"Fotballklubben Bodø/Glimt":                           "FK Bodø/Glimt",
		"Getafe Club de Fútbol S. A. D. Team Dubai":           "Getafe Club de Fútbol S. A. D. Team Dubai", // the form is not at the end
		"Club Santos Laguna S. A. de C. V.":                   "Club Santos Laguna",
		"Klub Sportowy Górnik Zabrze Sportowa Spółka Akcyjna": "KS Górnik Zabrze",
		"SA": "SA", // never empty
	} {
		if got, _ := shortName("-1", official); got != want {
			t.Errorf("shortName(%q) = %q, want %q", official, got, want)
		}
	}
}

// A club the clubs.csv last saw in its competition before the snapshot's
// season has left it: the upstream keeps a relegated club's last top-flight
// id (Wigan Athletic, GB1 with last_season 2012), so its players get no
// league but keep the association; a club seen this season keeps both.
func TestLeftLeague(t *testing.T) {
	clubs := []byte("club_id,club_code,name,domestic_competition_id,last_season\n" +
		"1071,wigan-athletic,Wigan Athletic,GB1,2012\n11,fc-arsenal,Arsenal Football Club,GB1,2025\n")
	_, seasons, err := clubCodes(clubs, false)
	if err != nil {
		t.Fatal(err)
	}
	rows := []contracts.Contract{
		{Player: "James Carragher", ClubID: "1071", League: "GB1", Association: "ENG"},
		{Player: "Bukayo Saka", ClubID: "11", League: "GB1", Association: "ENG"},
		{Player: "No Table", ClubID: "99", League: "GB1", Association: "ENG"},
	}
	var st Stats
	leftLeague(rows, seasons, 2025, &st)
	want := []string{"", "GB1", "GB1"}
	for i, c := range rows {
		if c.League != want[i] || c.Association != "ENG" {
			t.Errorf("%s: league %q association %q, want %q ENG", c.Player, c.League, c.Association, want[i])
		}
	}
	if st.LeftLeague != 1 || st.LeftLeagueRows != 1 {
		t.Errorf("counted %d clubs, %d players; want 1, 1", st.LeftLeague, st.LeftLeagueRows)
	}
}

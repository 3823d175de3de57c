package main

import (
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
)

// marketCSV is a small market of chosen players (see testdata/README.md);
// the values below are worked out by hand as of 7 Oct 2025, whose default
// horizon runs to 30 Jun 2026 (the first 30 June at least six months on).
// Ages on that day: Alan 26, Bruno 32, Carlos 23 (24 the next day), Dario
// 25 (his birthday), Emil 21, Felix 35, Gus 27, Kai unknown. Values: Hugo
// €80m, Alan 40m, Bruno 20m, Carlos 12m, Dario 8m, Gus 3m, Ivan 2m, Felix
// 1.5m, Jon 1m, Emil 500k, Kai unknown.
const marketCSV = "testdata/data/market.csv"

// expiringNames runs expiring over marketCSV as of 7 Oct 2025 with args,
// in CSV, and returns the first names listed.
func expiringNames(t *testing.T, args ...string) []string {
	t.Helper()
	all := append([]string{"expiring", "--data", marketCSV, "--as-of", "2025-10-07", "--format", "csv"}, args...)
	stdout, stderr, code := run(t, nil, all...)
	if code != 0 {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(recs) == 0 || recs[0][1] != "player" {
		t.Fatalf("%v: %v\n%s", args, err, stdout)
	}
	var names []string
	for _, r := range recs[1:] {
		names = append(names, strings.Fields(r[1])[0])
	}
	return names
}

// TestExpiringFilters: every filter and order of expiring, through the
// flags, over marketCSV.
func TestExpiringFilters(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		// the default horizon leaves out Emil (31 Dec 2026), Hugo (renewed
		// on 30 Sep 2025 to 2030), Jon (ended) and Ivan (no expiry); by value
		{nil, "Alan Bruno Carlos Dario Gus Felix Kai"},
		{[]string{"--sort", "expiry"}, "Gus Felix Alan Bruno Carlos Dario Kai"},
		{[]string{"--sort", "age"}, "Carlos Dario Alan Gus Bruno Felix Kai"},
		{[]string{"--sort", "name"}, "Alan Bruno Carlos Dario Felix Gus Kai"},
		// for a Spanish club: Gus from 1 Jul 2025 (free 1 Jan 2026), Felix
		// 1 Dec 2025 (free 1 Jun 2026), the rest 1 Jan 2026 (FIFA art. 18.3
		// abroad; Spain's six months at home)
		{[]string{"--sort", "can-sign", "--to", "ESP"}, "Gus Felix Alan Bruno Carlos Dario Kai"},
		// for an English club: Alan at home from 17 May 2026, Felix at home
		// only with consent (he is not free on 1 July), last
		{[]string{"--sort", "can-sign", "--to", "ENG"}, "Gus Bruno Carlos Dario Kai Alan Felix"},
		{[]string{"--limit", "2"}, "Alan Bruno"},
		{[]string{"--position", "CB"}, "Alan Bruno"},
		{[]string{"--position", "cb,LB"}, "Alan Bruno Carlos"},
		{[]string{"--position", "Defender"}, "Alan Bruno Carlos"},
		{[]string{"--position", "Centre-Back"}, "Alan Bruno"},
		{[]string{"--position", "GK", "--position", "DM"}, "Dario Felix"},
		{[]string{"--position", "Attack"}, "Gus Kai"},
		{[]string{"--age", "21-28"}, "Alan Carlos Dario Gus"},
		{[]string{"--max-age", "25"}, "Carlos Dario"},
		{[]string{"--age", "24"}, ""},
		{[]string{"--age", "24", "--as-of", "2025-10-08"}, "Carlos"},
		{[]string{"--age", "30-"}, "Bruno Felix"},
		{[]string{"--nationality", "france"}, "Alan"},
		{[]string{"--nationality", "United States", "--nationality", "Germany"}, "Bruno Gus"},
		{[]string{"--min-value", "10m"}, "Alan Bruno Carlos"},
		{[]string{"--min-value", "1.5m"}, "Alan Bruno Carlos Dario Gus Felix"},
		{[]string{"--min-value", "8000000"}, "Alan Bruno Carlos Dario"},
		{[]string{"--min-value", "500k", "--within", "18m"}, "Alan Bruno Carlos Dario Gus Felix Emil"},
		{[]string{"--league", "GB1"}, "Alan"},
		{[]string{"--league", "gb2"}, "Felix"},
		{[]string{"--league", "EFL"}, "Felix"},     // the league set: GB2 to GB4
		{[]string{"--association", "GB1"}, "Alan"}, // a competition: the Premier League alone
		{[]string{"--association", "England"}, "Alan Felix"},
		{[]string{"--association", "ENG"}, "Alan Felix"},
		{[]string{"--club", "Madrid Norte"}, "Bruno Carlos Kai"},
		{[]string{"--status", "foreign-precontract-open"}, "Gus"},
		{[]string{"--status", "under-contract"}, "Alan Bruno Carlos Dario Felix Kai"},
		{[]string{"--status", "free-agent"}, "Jon"},
		{[]string{"--status", "unknown-expiry"}, "Ivan"},
		{[]string{"--expiring-before", "2026-06-01"}, "Gus Felix"},
		// the date flags take --as-of's forms: 1 Jun 2026 either way
		{[]string{"--expiring-before", "1 Jun 2026"}, "Gus Felix"},
		{[]string{"--expiring-before", "1/6/2026"}, "Gus Felix"},
		{[]string{"--within", "18m"}, "Alan Bruno Carlos Dario Gus Felix Emil Kai"},
		{[]string{"--season", "2026/27"}, "Emil"},
		{[]string{"--season", "2026-27"}, "Emil"},
		{[]string{"--season", "2026/2027"}, "Emil"},
		{[]string{"--season", "2026"}, "Alan Bruno Carlos Dario Felix Emil Kai"},
		{[]string{"--all"}, "Hugo Alan Bruno Carlos Dario Gus Ivan Felix Jon Emil Kai"},
		// --open-on: from the day a club of --to may sign him to his
		// expiry; no horizon but the day's. Not Gus (free from 1 Jan 2026),
		// Emil (from 1 Jul 2026), Hugo (2030).
		{[]string{"--open-on", "2026-01-01", "--to", "ESP"}, "Alan Bruno Carlos Dario Felix Kai"},
		{[]string{"--open-on", "2026-01-01", "--to", "ENG"}, "Bruno Carlos Dario Kai"},
		{[]string{"--open-on", "2026-05-20", "--to", "ENG"}, "Alan Bruno Carlos Dario Kai"},
		{[]string{"--open-on", "20 May 2026", "--to", "ENG"}, "Alan Bruno Carlos Dario Kai"},
		{[]string{"--open-on", "5/20/2026", "--to", "ENG"}, "Alan Bruno Carlos Dario Kai"}, // reads month first only
		{[]string{"--open-on", "2026-07-01", "--to", "GER", "--sort", "name"}, "Emil"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			if got := strings.Join(expiringNames(t, tc.args...), " "); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestExpiringColumns: the export's 17 columns, then DESIGN's 18 to 26:
// Alan for an English club may sign from 17 May 2026 (the day after the
// third Saturday in May) on England's condition; for a Spanish one from
// 1 Jan 2026, with none.
func TestExpiringColumns(t *testing.T) {
	for _, tc := range []struct{ to, tail string }{
		{"ENG", ",https://example.org/1,2025-09-01,current,Defender,Centre-Back,France,26,40000000,2026-05-17,\"only if he had no offer of re-engagement from his club, or declined it\"\n"},
		{"ESP", ",https://example.org/1,2025-09-01,current,Defender,Centre-Back,France,26,40000000,2026-01-01,\n"},
	} {
		stdout, stderr, code := run(t, nil, "expiring", "--data", marketCSV, "--as-of", "2025-10-07", "--format", "csv", "--to", tc.to, "--position", "CB", "--limit", "1")
		lines := strings.SplitAfter(stdout, "\n")
		if code != 0 || len(lines) != 3 || !strings.HasPrefix(lines[0], "player_id,player,date_of_birth,club,") ||
			!strings.HasSuffix(lines[0], ",source,data_as_of,data_status,position,sub_position,nationality,age,market_value_eur,can_sign_from,can_sign_condition\n") ||
			!strings.HasPrefix(lines[1], "1,Alan Centre,1999-05-25,Riverside FC,ENG,,2026-06-30,") || !strings.HasSuffix(lines[1], tc.tail) {
			t.Errorf("--to %s: exit %d\n%s%s", tc.to, code, stdout, stderr)
		}
	}
}

// TestExpiringDoneWhen is issue 11's example over the embedded data: as
// of 7 Oct 2025, the centre-backs whose contracts end before 1 Jul 2026,
// for a Spanish club. Konaté (Liverpool, England) may sign from 1 Jan
// 2026 under FIFA art. 18.3, six months before he is free on 1 Jul 2026;
// Rüdiger and Alaba (Real Madrid) from 1 Jan 2026 under Spain's domestic
// six months. Saliba renewed on 30 Sep 2025 to 2030: not listed. For an
// English club, Konaté is at home: from 17 May 2026, the day after the
// third Saturday in May, only if Liverpool made him no offer.
func TestExpiringDoneWhen(t *testing.T) {
	args := []string{"expiring", "--position", "CB", "--expiring-before", "2026-07-01", "--as-of", "2025-10-07", "--format", "csv"}
	rows := func(to string) map[string][]string {
		stdout, stderr, code := run(t, nil, append(args, "--to", to)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]string{}
		for _, r := range recs[1:] {
			m[r[1]] = r
		}
		return m
	}
	esp := rows("ESP")
	for _, name := range []string{"Ibrahima Konaté", "Antonio Rüdiger", "David Alaba"} {
		if r, ok := esp[name]; !ok || r[24] != "2026-01-01" || r[25] != "" {
			t.Errorf("--to ESP: %s: %q, want can_sign_from 2026-01-01 and no condition", name, r)
		}
	}
	if _, ok := esp["William Saliba"]; ok {
		t.Errorf("--to ESP lists Saliba, renewed to 2030 on 30 Sep 2025")
	}
	if r := rows("ENG")["Ibrahima Konaté"]; len(r) < 26 || r[24] != "2026-05-17" || !strings.Contains(r[25], "no offer of re-engagement") {
		t.Errorf("--to ENG: Konaté %q, want 2026-05-17 on England's condition", r)
	}
	// the table, as typed (its first 50), at 100 columns: the three, and
	// for an English club Konaté's date marked with England's condition
	for to, konate := range map[string]string{"ESP": `2026-01-01 `, "ENG": `2026-05-17\* `} {
		stdout, _, _ := run(t, map[string]string{"COLUMNS": "100"}, append(args[:len(args)-2], "--to", to)...)
		for _, want := range []string{`(?m)^ Ibrahima Konaté +CB +26 .*Liverpool FC +2026-06-30 +` + konate,
			`(?m)^ Antonio Rüdiger +CB +32 .*Real Madrid +2026-06-30 +2026-01-01 `, `(?m)^ David Alaba +CB +33 .*Real Madrid +2026-06-30 +2026-01-01 `} {
			if !regexp.MustCompile(want).MatchString(stdout) {
				t.Errorf("--to %s table lacks %q:\n%s", to, want, stdout)
			}
		}
		if strings.Contains(stdout, "Saliba") || (to == "ENG") != strings.Contains(stdout, "* At home (ENG) only if he had no offer") {
			t.Errorf("--to %s table:\n%s", to, stdout)
		}
	}
}

// TestExpiringUsage: a bad value is a usage error (exit 2) with a hint.
func TestExpiringUsage(t *testing.T) {
	for _, tc := range []struct {
		args      []string
		msg, hint string
	}{
		{[]string{"--position", "CBB"}, `--position: "CBB" is not a position`, "did you mean --position CB?"},
		{[]string{"--status", "under-contrct"}, `--status: "under-contrct" is not a status`, "did you mean --status under-contract?"},
		{[]string{"--sort", "expiri"}, `--sort "expiri": bosman sorts by value, expiry, age, name, can-sign`, "did you mean --sort expiry?"},
		{[]string{"--sort", "price"}, `--sort "price": bosman sorts by`, "e.g. --sort expiry"},
		{[]string{"--age", "28-21"}, `--age: "28-21": the first age is above the second`, "e.g. --age 21-28"},
		{[]string{"--age", "young"}, `--age: "young" is not an age range`, "e.g. --age 21-28"},
		{[]string{"--max-age", "0"}, "--max-age 0: want an age from 1 to 99", "e.g. --max-age 28"},
		{[]string{"--min-value", "£10m"}, `--min-value: "£10m" is not in euros`, "in euros: --min-value 10m"},
		{[]string{"--min-value", "lots"}, `--min-value: "lots" is not a market value`, "in euros"},
		{[]string{"--limit", "-1"}, "--limit -1: want 0 (all) or more", "e.g. --limit 20"},
		{[]string{"--open-on", "2026-01-01"}, "--open-on needs --to", "e.g. --open-on 2026-01-01 --to ESP"},
		{[]string{"--open-on", "31/31/2026", "--to", "ESP"}, `--open-on: "31/31/2026" is not a real date`, "e.g. --open-on 2025-10-07, --open-on 7 Oct 2025 or --open-on today"},
		{[]string{"--league", "XX9"}, `--league "XX9" is neither an association (ENG, England), a league rule set (EFL, MLS) nor a competition (GB1, MLS1)`, "'bosman rules' lists"},
		{[]string{"--league", "GB"}, `--league "GB" is neither`, "did you mean --league GB1?"},
		{[]string{"--league", "England"}, `--league "England" is an association, not a competition`, "--association England for every club of it"},
		{[]string{"--season", "2026/28"}, "--season", "2026/27"},
		{[]string{"--within", "soon"}, `--within "soon"`, "--within 18m"},
		{[]string{"--expiring-before", "July"}, "--expiring-before", "or --expiring-before today"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, stderr, code := run(t, nil, append([]string{"expiring", "--data", marketCSV, "--as-of", "2025-10-07"}, tc.args...)...)
			if code != 2 || stdout != "" || !strings.Contains(stderr, "bosman: error: "+tc.msg) || !strings.Contains(stderr, "bosman: hint: ") || !strings.Contains(stderr, tc.hint) {
				t.Errorf("exit %d, stdout %q\nstderr:\n%s\nwant exit 2, %q and a hint with %q", code, stdout, stderr, tc.msg, tc.hint)
			}
		})
	}
}

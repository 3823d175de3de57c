package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/report"
)

// FuzzExport feeds arbitrary bytes to 'bosman export --data FILE --format
// csv': it must never panic, must exit 0 or 1, and on success write a CSV
// whose every row has the documented columns (report.Columns).
func FuzzExport(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "bad", "*"))
	for _, file := range files {
		if st, err := os.Stat(file); err != nil || st.IsDir() || st.Size() > 64<<10 || strings.HasSuffix(file, ".golden") {
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, strings.HasSuffix(file, ".json"))
	}
	for _, s := range []string{
		fuzzBosmanHeader + "1,Ibrahima Konaté,1999-05-25,France,Centre-Back,Liverpool FC,ENG,GB1,,2021-07-01,2026-06-30,,,,,https://example.org,2025-10-07,\n",
		fuzzTMHeader + "1006,Jamal,Modrić,Jamal Modrić,2025,603,jamal-modric,France,Madrid,France,1999-07-22 00:00:00,Centre-Back,Defender,both,189,2029-06-30 00:00:00,,,,,,,FR1,\"FC Uxbridge, S.A.\",100000,200000\r\n",
		"player;contract_expires\r\n\"a\"\"b\";1.2.2026\r\n",
		"Name,Club,Contract End Date\nA,B,\"Jun 30, 2025\"\n",
		"",
	} {
		f.Add([]byte(s), false)
	}
	f.Add([]byte(`[{"player":"a","club":"Liverpool FC","association":"ENG","contract_expires":"2026-06-30"}]`), true)
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "data.csv"
		if isJSON {
			name = "data.json"
		}
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := Main([]string{"bosman", "export", "--data", path, "--format", "csv", "--as-of", "2026-11-28"},
			strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
		if strings.Contains(stderr.String(), "internal error") {
			t.Fatalf("internal error:\n%s", stderr.String())
		}
		if code != 0 && code != 1 {
			t.Fatalf("exit %d, want 0 or 1; stderr:\n%s", code, stderr.String())
		}
		if code != 0 {
			if stderr.Len() == 0 {
				t.Fatal("exit 1 with nothing on stderr")
			}
			return
		}
		r := csv.NewReader(&stdout)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("export wrote bad CSV: %v", err)
		}
		if len(recs) == 0 {
			t.Fatal("no header")
		}
		for i, rec := range recs {
			if len(rec) != len(report.Columns) {
				t.Fatalf("row %d has %d columns, want %d: %q", i+1, len(rec), len(report.Columns), rec)
			}
		}
	})
}

const (
	fuzzBosmanHeader = "player_id,player,date_of_birth,nationality,position,club,association,league,contract_signed,contract_start,contract_expires,option_until,option_holder,loan_club,loan_until,source,confirmed,note\n"
	fuzzTMHeader     = "player_id,first_name,last_name,name,last_season,current_club_id,player_code,country_of_birth,city_of_birth,country_of_citizenship,date_of_birth,sub_position,position,foot,height_in_cm,contract_expiration_date,agent_name,image_url,international_caps,international_goals,current_national_team_id,url,current_club_domestic_competition_id,current_club_name,market_value_in_eur,highest_market_value_in_eur\r\n"
)

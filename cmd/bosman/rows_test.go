package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// exportNoteRe is export's note on the rows it did not write.
var exportNoteRe = regexp.MustCompile(`(?m)^bosman: note: export: (\d+) rows? read, (\d+) written; (.*)$`)

// Rows in = rows out + rows reported, for every input format (issue 12
// #13): export writes each row of its --data files, or says on stderr
// what became of it, and the counts add up to what validate read.
func TestExportAccountsForEveryRow(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	real := func(name string) string { return filepath.Join("..", "..", "testdata", "contracts", name) }
	history := "player_id,player,club,association,contract_signed,contract_expires\n" +
		"1,Ann Able,Riverside FC,ENG,2024-07-01,2026-06-30\n" + // superseded by her renewal
		"1,Ann Able,Riverside FC,ENG,2025-09-01,2029-06-30\n" +
		"2,Bob Bell,Riverside FC,ENG,2026-03-01,2028-06-30\n" + // signed after the as-of date
		"3,Cid Cole,Riverside FC,ENG,2023-01-01,2027-06-30\n" +
		"3,Cid Cole,Riverside FC,ENG,2023-01-01,2027-06-30\n" + // a repeat
		"4,Dan Dale,Riverside FC,ENG,2023-01-01,2027-02-30\n" + // invalid
		"5,Eve Earl,Riverside FC,ENG,2023-01-01,2027-06-30\n" +
		"5,Eve Earl,Riverside FC,ENG,2023-01-01,2028-06-30\n" // contradicts the row before
	tests := []struct {
		name  string
		files []string
		args  []string
	}{
		{"bosman CSV with history", []string{write("history.csv", history)}, nil},
		{"bosman JSON", []string{write("history.json", `[
{"player_id": "1", "player": "Ann Able", "club": "Riverside FC", "association": "ENG", "contract_signed": "2024-07-01", "contract_expires": "2026-06-30"},
{"player_id": "1", "player": "Ann Able", "club": "Riverside FC", "association": "ENG", "contract_signed": "2025-09-01", "contract_expires": "2029-06-30"},
{"player_id": "2", "player": "Bob Bell", "club": "Riverside FC", "association": "ENG", "contract_signed": "2026-03-01", "contract_expires": "2028-06-30"},
{"player_id": "3", "player": "Cid Cole", "club": "Riverside FC", "association": "ENG", "contract_expires": "2027-02-30"}
]`)}, nil},
		{"transfermarkt-datasets players.csv", []string{real("tmdatasets_players_2026-03-29_first1000.csv")}, nil},
		{"FootyDex", []string{real("footydex_big5_players_2026-07.csv")}, []string{"--association", "ESP"}},
		{"Transfermarkt scrape", []string{real("tm_expiring_contracts_jun2025_scraped_2024-09.csv")}, nil},
		{"spreadsheet", []string{write("sheet.csv", "sep=;\nName;Club;Country;Contract until\nAnn Able;Riverside FC;ENG;6/30/2027\n;;;\nBob Bell;Riverside FC;ENG;1/7/2027\n")}, nil},
		{"two files", []string{write("a.csv", history), write("b.csv", "player_id,player,club,association,contract_expires\n3,Cid Cole,Riverside FC,ENG,2030-06-30\n6,Fay Fox,Riverside FC,ENG,2027-06-30\n")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"export", "--format", "csv", "--skip-invalid", "--as-of", "2025-10-01"}
			read := 0
			for _, f := range tt.files {
				args = append(args, "--data", f)
				out, _, _ := run(t, nil, "validate", f)
				m := regexp.MustCompile(`; (\d+) rows? read`).FindStringSubmatch(out)
				if m == nil {
					t.Fatalf("validate %s: no count in\n%s", f, out)
				}
				n, _ := strconv.Atoi(m[1])
				read += n
			}
			stdout, stderr, code := run(t, nil, append(args, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			written := len(recs) - 1
			m := exportNoteRe.FindStringSubmatch(stderr)
			if m == nil {
				if written != read {
					t.Fatalf("%d rows read, %d written, and no note says why:\n%s", read, written, stderr)
				}
				return
			}
			noteRead, _ := strconv.Atoi(m[1])
			noteWritten, _ := strconv.Atoi(m[2])
			reported := 0
			for _, part := range strings.Split(m[3], "; ") {
				n, err := strconv.Atoi(strings.Fields(part)[0])
				if err != nil {
					t.Fatalf("part %q of the note: %v", part, err)
				}
				reported += n
			}
			if noteRead != read || noteWritten != written || read != written+reported {
				t.Errorf("validate read %d, export wrote %d; the note says %d read, %d written, %d reported:\n%s",
					read, written, noteRead, noteWritten, reported, m[0])
			}
			t.Log(m[0])
		})
	}
}

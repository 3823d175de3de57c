package contracts

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Streaming (LoadOptions.Each) gives the same rows, counts and problems as
// loading into memory, for every real file and for files with repeated,
// conflicting and bad rows.
func TestStreamingMatchesLoading(t *testing.T) {
	files := []string{
		"tmdatasets_players_2026-03-29_first1000.csv",
		"tmdatasets_players_named_extract_2026-02.csv",
		"footydex_big5_players_2026-07.csv",
		"tm_expiring_contracts_jun2025_scraped_2024-09.csv",
	}
	inputs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(testdataDir, f))
		if err != nil {
			t.Fatal(err)
		}
		inputs[f] = string(b)
	}
	inputs["conflicting.csv"] = "player_id,player,club,association,contract_signed,contract_expires\n" +
		"1,A,X,ENG,2024-07-01,2026-06-30\n" +
		"1,A,X,ENG,2024-07-01,2027-06-30\n" +
		"2,B,X,ENG,,2026-06-30\n" +
		"2,B,X,ENG,,2026-06-30\n" +
		"3,C,X,ENX,,2026-06-30\n" +
		"4,D,X,ENG,,2026-02-30\n" +
		"1,A,X,ENG,2024-07-01,2028-06-30\n"
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			opt := LoadOptions{SkipInvalid: true}
			want, err1 := Load(strings.NewReader(in), name, opt)
			var got []Contract
			opt.Each = func(ds *Dataset, c *Contract) error {
				got = append(got, *c)
				return nil
			}
			ds, err2 := Load(strings.NewReader(in), name, opt)
			checkAccounted(t, ds)
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("errors differ: %v, %v", err1, err2)
			}
			if len(ds.Contracts) != 0 || ds.Given != len(want.Contracts) {
				t.Fatalf("streamed %d rows and kept %d, want %d streamed, none kept", ds.Given, len(ds.Contracts), len(want.Contracts))
			}
			if !reflect.DeepEqual(got, want.Contracts) {
				t.Fatalf("streamed rows differ from loaded rows")
			}
			if !reflect.DeepEqual(ds.Problems, want.Problems) || ds.Merged != want.Merged || ds.Conflicts != want.Conflicts || ds.Skipped != want.Skipped || ds.History != want.History {
				t.Fatalf("problems or counts differ:\nstreamed %v\nloaded   %v", ds.Problems, want.Problems)
			}
		})
	}
}

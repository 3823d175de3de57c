// Command mksnapshot writes the snapshot bosman embeds, from a
// transfermarkt-datasets players.csv (CC0).
//
// Usage:
//
//	go run ./cmd/mksnapshot [-clubs clubs.csv] [-o contracts/data] [-source URL] players.csv.gz
//
// It keeps every player of the current season (the file's newest
// last_season), with and without an expiry, and writes three files to the
// output directory: snapshot-players.tsv and snapshot-clubs.tsv (the format
// is described in contracts/snapshot.go) and SNAPSHOT.md, the provenance:
// the upstream URL and sha256, the scrape day and how it was found (the
// newest timestamp in the portraits' file names), row counts per competition,
// and what was left out. The input may be gzip-compressed or plain. With
// -clubs, a transfermarkt-datasets clubs.csv adds each club's code
// (psv-eindhoven) as a name to find it by. The same input gives the same
// bytes.
//
// Club names in the June 2026 builds are long official names ("Arsenal
// Football Club"): the official name stays searchable, and the name shown
// is Transfermarkt's short name from a hand table
// (contracts/snapbuild/shortnames.tsv) for the top leagues' clubs, or else
// the official name with its legal form abbreviated or stripped; see
// package snapbuild, which makes the snapshot of a cached release the same
// way.
//
// -compare FILES lists the rows of bosman CSVs (the curated default.csv;
// several comma-separated) that the snapshot
// contradicts, instead of writing anything.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/contracts/snapbuild"
)

// DefaultSource is where the project's transfermarkt-datasets release is
// published.
const DefaultSource = "https://pub-e682421888d945d684bcae8890b0ec20.r2.dev/data/players.csv.gz"

func main() {
	clubsFile := flag.String("clubs", "", "a transfermarkt-datasets clubs.csv `FILE`, for the clubs' codes")
	out := flag.String("o", "contracts/data", "write the snapshot to `DIR`")
	source := flag.String("source", DefaultSource, "the upstream `URL` the file was downloaded from")
	compare := flag.String("compare", "", "list the rows of the bosman CSV `FILES` (comma-separated) the snapshot contradicts, and write nothing")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: mksnapshot [-clubs clubs.csv] [-o DIR] [-source URL] [-compare default.csv] players.csv[.gz]")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *clubsFile, *out, *source, *compare, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mksnapshot:", err)
		os.Exit(1)
	}
}

func run(playersFile, clubsFile, out, source, compare string, stdout io.Writer) error {
	raw, err := os.ReadFile(playersFile)
	if err != nil {
		return err
	}
	var clubsCSV []byte
	if clubsFile != "" {
		if clubsCSV, err = os.ReadFile(clubsFile); err != nil {
			return err
		}
	}
	snap, err := Build(raw, clubsCSV, source)
	if err != nil {
		return fmt.Errorf("%s: %v", playersFile, err)
	}
	if compare != "" {
		var rows []contracts.Contract
		for _, f := range strings.Split(compare, ",") {
			ds, err := contracts.LoadFile(f, contracts.LoadOptions{})
			if err != nil {
				return err
			}
			rows = append(rows, ds.Contracts...)
		}
		return Compare(stdout, rows, snap)
	}
	for name, b := range map[string][]byte{"snapshot-players.tsv": snap.Players, "snapshot-clubs.tsv": snap.Clubs, "SNAPSHOT.md": snap.Report} {
		if err := writeFile(filepath.Join(out, name), b); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "mksnapshot: %d players of %d clubs, scraped %s, written to %s\n", snap.Meta.Rows, len(snap.ClubList), snap.Meta.Scraped, out)
	return nil
}

// writeFile replaces path with b through a temporary file.
func writeFile(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mksnapshot-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Snapshot is what Build makes: the encoded files and their provenance.
type Snapshot struct {
	*snapbuild.Snapshot
	Report []byte // SNAPSHOT.md
}

// Build reads an upstream players.csv (gzip-compressed or not) and makes
// the snapshot of its current season, with its SNAPSHOT.md.
func Build(raw, clubsCSV []byte, source string) (*Snapshot, error) {
	b, err := snapbuild.Build(raw, clubsCSV, source)
	if err != nil {
		return nil, err
	}
	s := &Snapshot{Snapshot: b}
	s.Report = report(s, &b.Stats)
	return s, nil
}

package contracts

import (
	"bytes"
	_ "embed"
)

//go:embed data/default.csv
var defaultCSV []byte

// additionsCSV holds curated rows sourced after default.csv was fixed for
// the command line's tests (renewals and transfers whose answers those
// tests pin): Embedded reads them on top of default.csv; Default does not.
//
//go:embed data/default-additions.csv
var additionsCSV []byte

// The embedded snapshot (see snapshot.go, data/SNAPSHOT.md): strings, so
// that the rows parsed from it point into the binary's read-only data and
// a question reads only the pages it touches.
var (
	//go:embed data/snapshot-players.tsv
	snapshotPlayers string
	//go:embed data/snapshot-clubs.tsv
	snapshotClubs string
)

// DefaultName is how problems and Contract.Pos name the built-in dataset.
const DefaultName = "default.csv (embedded)"

// AdditionsName is how Contract.Pos names the embedded additions to it.
const AdditionsName = "default-additions.csv (embedded)"

// Default parses the curated dataset built into bosman (bosman's own CSV
// format, data/default.csv): the hand-sourced rows alone, without the
// snapshot (for which see Embedded). Each call parses afresh, so callers
// may change what they get.
func Default() (*Dataset, error) {
	return Load(bytes.NewReader(defaultCSV), DefaultName, LoadOptions{})
}

// curated returns the rows of default.csv and of its additions.
func curated() ([]Contract, error) {
	ds, err := Default()
	if err != nil {
		return nil, err
	}
	add, err := Load(bytes.NewReader(additionsCSV), AdditionsName, LoadOptions{})
	if err != nil {
		return nil, err
	}
	return append(ds.Contracts, add.Contracts...), nil
}

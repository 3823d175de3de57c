package contracts

import (
	"bytes"
	_ "embed"
)

//go:embed data/default.csv
var defaultCSV []byte

// The embedded snapshot (see snapshot.go, data/SNAPSHOT.md): strings, so
// that the rows parsed from it point into the binary's read-only data and
// a question reads only the pages it touches.
var (
	//go:embed data/snapshot-players.tsv
	snapshotPlayers string
	//go:embed data/snapshot-clubs.tsv
	snapshotClubs string
	// the word index of snapshotPlayers' keys block (see snapwords.go)
	//go:embed data/snapshot-players.words
	snapshotWords string
)

// DefaultName is how problems and Contract.Pos name the built-in dataset.
const DefaultName = "default.csv (embedded)"

// Default parses the curated dataset built into bosman (bosman's own CSV
// format, data/default.csv): the hand-sourced rows alone, without the
// snapshot (for which see Embedded). Each call parses afresh, so callers
// may change what they get.
func Default() (*Dataset, error) {
	return Load(bytes.NewReader(defaultCSV), DefaultName, LoadOptions{})
}

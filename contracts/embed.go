package contracts

import (
	"bytes"
	_ "embed"
)

//go:embed data/default.csv
var defaultCSV []byte

// DefaultName is how problems and Contract.Pos name the built-in dataset.
const DefaultName = "default.csv (embedded)"

// Default parses the dataset built into bosman (bosman's own CSV format).
// Each call parses afresh, so callers may change what they get.
func Default() (*Dataset, error) {
	return Load(bytes.NewReader(defaultCSV), DefaultName, LoadOptions{})
}

package rules

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseRules feeds arbitrary bytes to Parse: it must never panic, and
// must return either a rule set or an error naming the file.
func FuzzParseRules(f *testing.F) {
	for _, glob := range []string{"data/*.toml", "../testdata/bad/rules/*/*.toml"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("association = \"XXX\"\nextends = \"XXX\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data, "fuzz.toml")
		if err == nil && s == nil {
			t.Fatal("nil set and nil error")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}

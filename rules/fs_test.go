package rules

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

type fstestMap map[string]string

func (m fstestMap) FS() fs.FS {
	f := fstest.MapFS{}
	for k, v := range m {
		f[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return f
}

func embeddedFile(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(embedded, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

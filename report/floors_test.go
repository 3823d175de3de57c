package report

import (
	"go/build"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/bosmanhq/bosman"

// floors ranks the module's top-level directories: a package may import
// the module's packages on its own floor or below, never above.
var floors = map[string]int{
	"rules":     0, // the law
	"contracts": 1, // the facts
	"report":    2, // the answers and how they look
	"cmd":       3, // the command lines
	"bench":     3,
}

// TestNothingImportsUpward reads the imports of every package of the
// module, tests included, and fails on one that imports a floor above its
// own, or on a directory that has no floor yet.
func TestNothingImportsUpward(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if _, none := err.(*build.NoGoError); none || path == root {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		n++
		checkFloor(t, filepath.ToSlash(rel), pkg)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 6 {
		t.Errorf("read %d packages, want at least rules, contracts, report and the three commands", n)
	}
}

// checkFloor fails for each import of pkg, in directory rel, from a floor
// above rel's.
func checkFloor(t *testing.T, rel string, pkg *build.Package) {
	t.Helper()
	own, ok := floorOf(rel)
	if !ok {
		t.Errorf("%s: no floor: add its top-level directory to floors", rel)
		return
	}
	imports := append(append(append([]string(nil), pkg.Imports...), pkg.TestImports...), pkg.XTestImports...)
	for _, imp := range imports {
		dep, inModule := strings.CutPrefix(imp, module+"/")
		if !inModule {
			continue
		}
		if f, ok := floorOf(dep); !ok || f > own {
			t.Errorf("%s imports %s, a floor above it", rel, imp)
		}
	}
}

// floorOf is the floor of the package in directory rel of the module.
func floorOf(rel string) (int, bool) {
	top, _, _ := strings.Cut(rel, "/")
	f, ok := floors[top]
	return f, ok
}

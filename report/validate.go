package report

import (
	"fmt"
	"io"

	"github.com/bosmanhq/bosman/contracts"
)

// Validation writes what validating the file at path found: every problem
// as 'file:line:column: …', then a line of counts.
func Validation(out io.Writer, path string, ds *contracts.Dataset) {
	path = Clean(path)
	for _, n := range ds.Notes {
		fmt.Fprintf(out, "note: %s\n", Clean(n.Error()))
	}
	for _, p := range ds.Problems {
		sev := "error: "
		if p.Severity == contracts.Warning {
			sev, p.Severity = "warning: ", contracts.Error // the word once, first
		}
		fmt.Fprintf(out, "%s%s\n", sev, Clean(p.Error()))
	}
	if more := ds.Errors + ds.Warnings - len(ds.Problems); more > 0 {
		fmt.Fprintf(out, "%s: and %d more problems not listed\n", path, more)
	}
	format := ds.Format
	if format == "" {
		format = "not read as contracts"
	}
	blank := ""
	if ds.Conflicts > 0 {
		blank = fmt.Sprintf(", %d left out as contradicting an earlier row", ds.Conflicts)
	}
	if ds.Blank > 0 {
		blank += fmt.Sprintf(", %d blank", ds.Blank)
	}
	fmt.Fprintf(out, "%s: %s; %s read, %d loaded, %d invalid, %d merged as duplicates%s; %s, %s\n",
		path, format, Count(ds.Read, "row"), len(ds.Contracts), ds.Skipped, ds.Merged, blank, Count(ds.Errors, "error"), Count(ds.Warnings, "warning"))
}

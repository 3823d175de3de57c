package report

import "io"

// WriteSelection writes the contracts of a selection, in its order, in a
// machine format (csv, tsv or json, the columns of Columns) or as
// iCalendar events (ics: each window's opening and the free-agency day).
func WriteSelection(w io.Writer, format string, sel *Selection) error {
	var rw RowWriter
	if format == "ics" {
		rw = NewICSWriter(w, sel.Query, Calendar{Name: "bosman: " + listHeading(sel)[0]})
	} else {
		var err error
		if rw, err = NewRowWriter(w, format, false); err != nil {
			return err
		}
	}
	if err := sel.Each(rw.Write); err != nil {
		return err
	}
	return rw.Close()
}

package report

import "io"

// WriteSelection writes the contracts of a selection, in its order, in a
// machine format (csv, tsv or json, the columns of Columns) or as
// iCalendar events (ics: each window's opening and the free-agency day).
func WriteSelection(w io.Writer, format string, sel *Selection) error {
	return WriteSelectionCalendar(w, format, sel, Calendar{})
}

// WriteSelectionCalendar is WriteSelection with the calendar's settings
// for ics: the events before cal.From are left out, and the calendar is
// named after the selection's heading unless cal names it.
func WriteSelectionCalendar(w io.Writer, format string, sel *Selection, cal Calendar) error {
	var rw RowWriter
	if format == "ics" {
		if cal.Name == "" {
			cal.Name = "bosman: " + listHeading(sel)[0]
		}
		rw = NewICSWriter(w, sel.Query, cal)
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

package report

import "io"

// markdownWriter writes the rows as one Markdown table, when closed.
type markdownWriter struct {
	w    io.Writer
	rows [][]string
}

func (mw *markdownWriter) Write(en *Entry) error {
	mw.rows = append(mw.rows, append([]string(nil), en.Fields(nil)...))
	return nil
}

func (mw *markdownWriter) Close() error {
	return renderTable(mw.w, Columns, mw.rows, true, nil)
}

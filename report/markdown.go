package report

import "io"

// markdownWriter writes the rows as one GFM table, a line per row as it
// comes, so an export of any size is written in bounded memory; the
// columns are not padded.
type markdownWriter struct {
	w   io.Writer
	n   int
	buf []string
	b   []byte
}

func (mw *markdownWriter) header() {
	mw.b = mw.row(mw.b[:0], Columns)
	mw.b = append(mw.b, '|')
	for range Columns {
		mw.b = append(mw.b, " --- |"...)
	}
	mw.b = append(mw.b, '\n')
}

// row appends cells as a table row.
func (mw *markdownWriter) row(b []byte, cells []string) []byte {
	b = append(b, '|')
	for _, c := range cells {
		b = append(b, ' ')
		b = append(b, MarkdownCell(c)...)
		b = append(b, " |"...)
	}
	return append(b, '\n')
}

func (mw *markdownWriter) Write(en *Entry) error {
	if mw.n == 0 {
		mw.header()
	}
	mw.n++
	mw.buf = en.Fields(mw.buf)
	mw.b = mw.row(mw.b, mw.buf)
	if len(mw.b) < 32<<10 {
		return nil
	}
	_, err := mw.w.Write(mw.b)
	mw.b = mw.b[:0]
	return err
}

func (mw *markdownWriter) Close() error {
	if mw.n == 0 {
		mw.header()
	}
	_, err := mw.w.Write(mw.b)
	mw.b = mw.b[:0]
	return err
}

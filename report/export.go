package report

import (
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// Export writes one row per contract that passes a filter, answered by a
// query, in a machine format: csv, tsv, json, markdown or ics.
type Export struct {
	q  *Query
	f  Filter
	rw RowWriter
	en Entry // reused: each row is written before the next
	n  ExportCounts
}

// ExportCounts is what an export did with the rows it was given: each
// was written, left out by the filter, or left out as InForceDropped says.
type ExportCounts struct {
	Written, Filtered int
	Dropped
}

// Counts says what the export did with the rows it was given so far.
func (x *Export) Counts() ExportCounts { return x.n }

// NewExport starts an export to w in format.
func NewExport(w io.Writer, format string, q *Query, f Filter) (*Export, error) {
	x := &Export{q: q, f: f, en: Entry{Windows: new(rules.Windows)}}
	if format == "ics" {
		x.rw = NewICSWriter(w, q, Calendar{})
		return x, nil
	}
	rw, err := NewRowWriter(w, format, false)
	x.rw = rw
	return x, err
}

// SetCalendar names an iCalendar export and sets which events it keeps;
// call it before the first row. Other formats ignore it.
func (x *Export) SetCalendar(cal Calendar) {
	if iw, ok := x.rw.(*icsWriter); ok {
		iw.cal = cal
	}
}

// Warnings are what the export left out and why, for the command to say
// once the export is closed.
func (x *Export) Warnings() []string {
	if iw, ok := x.rw.(*icsWriter); ok && iw.skipped > 0 {
		return []string{fmt.Sprintf("%s left out of the calendar: %s after 31 Dec 9999, which iCalendar cannot write", Count(iw.skipped, "event"), plural(iw.skipped, "it falls", "they fall"))}
	}
	return nil
}

// Write answers c and writes its row, if the filter keeps it.
func (x *Export) Write(c *contracts.Contract) error {
	if !x.f.Keep(c) {
		x.n.Filtered++
		return nil
	}
	x.q.AnswerInto(&x.en, c)
	if !x.f.KeepAnswer(&x.en) {
		return nil
	}
	x.n.Written++
	return x.rw.Write(&x.en)
}

// WriteInForce writes each player's contract in force and known on the
// as-of date, in the order of all.
func (x *Export) WriteInForce(all []contracts.Contract) error {
	rows, dr := InForceDropped(all, x.q.AsOf)
	x.n.Superseded += dr.Superseded
	if x.n.NotYet == 0 {
		x.n.First = dr.First
	}
	x.n.NotYet += dr.NotYet
	for _, ct := range rows {
		if err := x.Write(&ct); err != nil {
			return err
		}
	}
	return nil
}

// Close ends the output.
func (x *Export) Close() error { return x.rw.Close() }

// Stream is an export or a selection fed row by row as files are read:
// one goroutine reads, another answers and writes (or keeps), and rows
// keep their order.
type Stream struct {
	p       *pipeline
	held    []contracts.Contract
	inForce func([]contracts.Contract) error // takes the held rows, for the contracts in force
	end     func() error
}

// Stream starts the goroutine that answers and writes streamed rows.
func (x *Export) Stream() *Stream {
	return &Stream{p: newPipeline(x.Write), inForce: x.WriteInForce, end: x.Close}
}

// Stream starts the goroutine that answers and keeps streamed rows; once
// the Stream is closed, Done gives the selection.
func (s *Selector) Stream() *Stream {
	return &Stream{p: newPipeline(s.Add), inForce: func(all []contracts.Contract) error {
		s.AddInForce(all)
		return nil
	}, end: func() error { return nil }}
}

// Add takes a row as it is read; it is a contracts.LoadOptions.Each. A file
// that carries signing dates may hold several contracts of one player: its
// rows are held, and the contract in force is written at Close. Add fails
// once writing has failed.
func (s *Stream) Add(ds *contracts.Dataset, c *contracts.Contract) error {
	if ds.History {
		s.held = append(s.held, *c)
		return nil
	}
	return s.p.add(c)
}

// Stop waits until the rows added so far are written, and returns the
// first error of writing: for a read that failed.
func (s *Stream) Stop() error { return s.p.close() }

// Close writes (or keeps) the rows added, then the held contracts in
// force, and ends the output.
func (s *Stream) Close() error {
	if err := s.p.close(); err != nil {
		return err
	}
	if err := s.inForce(s.held); err != nil {
		return err
	}
	return s.end()
}

// pipeline hands streamed rows, in batches, to a goroutine that computes
// and writes them, so reading and writing use both cores of a small
// machine; rows keep their order.
type pipeline struct {
	batch  []contracts.Contract
	full   chan []contracts.Contract
	free   chan []contracts.Contract
	done   chan error
	failed atomic.Bool
	closed bool
}

const batchRows = 512

var errStopped = errors.New("output failed")

func newPipeline(emit func(*contracts.Contract) error) *pipeline {
	p := &pipeline{full: make(chan []contracts.Contract, 4), free: make(chan []contracts.Contract, 6), done: make(chan error, 1)}
	go func() {
		var err error
		for b := range p.full {
			for i := 0; err == nil && i < len(b); i++ {
				if err = emit(&b[i]); err != nil {
					p.failed.Store(true)
				}
			}
			select {
			case p.free <- b[:0]:
			default:
			}
		}
		p.done <- err
	}()
	return p
}

// add queues a copy of c; it fails once writing has failed.
func (p *pipeline) add(c *contracts.Contract) error {
	if p.batch == nil {
		select {
		case p.batch = <-p.free:
		default:
			p.batch = make([]contracts.Contract, 0, batchRows)
		}
	}
	p.batch = append(p.batch, *c)
	if len(p.batch) == batchRows {
		if p.failed.Load() {
			return errStopped
		}
		p.full <- p.batch
		p.batch = nil
	}
	return nil
}

// close writes what is queued and returns the first error of writing.
func (p *pipeline) close() error {
	if p.closed {
		return nil
	}
	p.closed = true
	if len(p.batch) > 0 {
		p.full <- p.batch
	}
	close(p.full)
	return <-p.done
}

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/urfave/cli/v2"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

func (e *env) exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "every contract's windows as CSV, JSON, TSV, Markdown or iCalendar",
		UsageText: "bosman export [flags]",
		Description: "One row per player: the contract in force and known on the as-of date. The columns are\n" +
			"documented in README and kept stable. --format ics writes an event for each window opening\n" +
			"and each free-agency day. --output writes the file whole or not at all.\n\n" +
			"Examples:\n" +
			"   bosman export > windows.csv\n" +
			"   bosman export --club Liverpool --format json\n" +
			"   bosman export --association ESP --expiring-before 2027-01-01 --format ics --output esp.ics",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "club", Usage: "only the contracts of `CLUB`"},
			&cli.StringFlag{Name: "association", Usage: "only clubs of `ASSOC` (ENG, ESP …)"},
			&cli.StringFlag{Name: "expiring-before", Usage: "only contracts expiring before `DATE`"},
			&cli.StringFlag{Name: "to", Usage: "registration by a club of `ASSOC` or of a club"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (whole or not at all) instead of stdout"},
		},
		Action: e.export,
	}
}

func (e *env) export(c *cli.Context) error {
	if err := e.setup(c); err != nil {
		return err
	}
	var before rules.Date
	if s := c.String("expiring-before"); s != "" {
		d, err := rules.ParseISO(s)
		if err != nil {
			return usageErr("--expiring-before: %v", err)
		}
		before = d
	}
	assoc := ""
	if s := c.String("association"); s != "" {
		code, ok := contracts.Association(s)
		if !ok {
			ee := usageErr("--association %q is not an association code", s)
			if sug := contracts.Suggest(s); sug != "" {
				ee.hint("did you mean %s?", sug)
			}
			return ee.hint("FIFA codes such as ENG, ESP, GER; 'bosman rules' lists those with rule sets")
		}
		assoc = code
	}
	out := c.String("output")
	files := c.StringSlice("data")
	if out != "" {
		var inputs []string
		for _, f := range files {
			if abs, err := filepath.Abs(f); err == nil {
				inputs = append(inputs, abs)
			}
		}
		if err := refuseInput(out, inputs); err != nil {
			return err
		}
	}
	// Files are streamed, row by row, in bounded memory, unless a filter
	// needs the whole data first (a club name to match, or --to CLUB).
	_, toIsCode := contracts.Association(c.String("to"))
	stream := len(files) > 0 && c.String("club") == "" && (c.String("to") == "" || toIsCode)
	var d *data
	var to string
	var isClub map[string]bool
	if !stream {
		var err error
		if d, err = e.load(c); err != nil {
			return err
		}
		if s := c.String("club"); s != "" {
			names, err := oneClub(d, s)
			if err != nil {
				return err
			}
			isClub = nameSet(names)
		}
	}
	to, err := e.target(c, d)
	if err != nil {
		return err
	}
	opt, err := loadOptions(c)
	if err != nil {
		return err
	}
	write := func(w io.Writer) error {
		var rw rowWriter
		if e.format == "ics" {
			rw = newICSWriter(w, e.asOf)
		} else {
			rw = newRowWriter(w, e.format, false)
		}
		en := &entry{w: new(rules.Windows)} // reused: each row is written before the next
		emit := func(ct *contracts.Contract) error {
			if isClub != nil && !isClub[ct.Club] || assoc != "" && ct.Association != assoc ||
				!before.IsZero() && (ct.Expires.IsZero() || !ct.Expires.Before(before)) {
				return nil
			}
			e.computeInto(en, ct, to)
			return rw.write(en)
		}
		if !stream {
			for _, ct := range e.inForce(d) {
				if err := emit(&ct); err != nil {
					return err
				}
			}
			return rw.close()
		}
		// A file that carries signing dates may hold several contracts of
		// one player: its rows are held, and the contract in force is
		// written after the streamed files.
		var held []contracts.Contract
		p := newPipeline(emit)
		for _, f := range files {
			o := opt
			o.Each = func(ds *contracts.Dataset, ct *contracts.Contract) error {
				if ds.History {
					held = append(held, *ct)
					return nil
				}
				return p.add(ct)
			}
			if _, err := e.loadFile(f, o); err != nil {
				if perr := p.close(); perr != nil {
					return perr
				}
				return err
			}
		}
		if err := p.close(); err != nil {
			return err
		}
		for _, ct := range e.inForce(&data{all: held}) {
			if err := emit(&ct); err != nil {
				return err
			}
		}
		return rw.close()
	}
	if out != "" {
		return writeFileAtomic(out, write)
	}
	if !stream {
		return write(e.out)
	}
	// Streamed rows go to a spool file first, so that a bad row found late
	// leaves nothing on stdout.
	return spool(e.out, write)
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

// spool runs write into a temporary file and copies it to w only when
// write succeeds.
func spool(w io.Writer, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp("", "bosman-export-*.tmp")
	if err != nil {
		return dataErr("temporary file: %v", err).hint("set TMPDIR to a writable directory, or use --output FILE")
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return dataErr("temporary file: %v", err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return dataErr("temporary file: %v", err)
	}
	if _, err := io.Copy(w, tmp); err != nil {
		return dataErr("writing output: %v", err)
	}
	return nil
}

// refuseInput refuses to write over one of the files read.
func refuseInput(out string, inputs []string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return dataErr("--output %s: %v", out, err)
	}
	st, statErr := os.Stat(abs)
	if statErr == nil && st.IsDir() {
		return dataErr("--output %s is a directory", out).hint("give a file name, e.g. --output %s", filepath.Join(out, "windows.csv"))
	}
	if dst, err := os.Stat(filepath.Dir(abs)); err != nil || !dst.IsDir() {
		return dataErr("--output %s: no directory %s to write it in", out, filepath.Dir(out)).hint("create the directory first, or write elsewhere")
	}
	for _, in := range inputs {
		same := in == abs
		if statErr == nil {
			if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
				same = true
			}
		}
		if same {
			return usageErr("--output %s is one of the --data files: bosman will not write over its input", out).hint("write to another file")
		}
	}
	return nil
}

// writeFileAtomic writes through a temporary file in the same directory and
// renames it over path, so a failure leaves any old file as it was and no
// partial new one.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return dataErr("--output %s: %v", path, err).hint("check that the directory exists and is writable")
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return dataErr("writing %s: %v", path, err)
	}
	if err := bw.Flush(); err != nil {
		return dataErr("writing %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return dataErr("writing %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return dataErr("writing %s: %v", path, err)
	}
	if st, err := os.Stat(path); err == nil {
		os.Chmod(tmp.Name(), st.Mode().Perm())
	} else {
		os.Chmod(tmp.Name(), 0o644)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return dataErr("writing %s: %v", path, err)
	}
	return nil
}

// icsWriter writes iCalendar (RFC 5545) all-day events: the window openings
// and the free-agency day of each contract.
type icsWriter struct {
	w     *bufio.Writer
	stamp string
	err   error
}

func newICSWriter(w io.Writer, asOf rules.Date) *icsWriter {
	iw := &icsWriter{w: bufio.NewWriter(w), stamp: compact(asOf) + "T000000Z"}
	iw.line("BEGIN:VCALENDAR")
	iw.line("VERSION:2.0")
	iw.line("PRODID:-//bosman//contract windows//EN")
	iw.line("CALSCALE:GREGORIAN")
	iw.line("X-WR-CALNAME:bosman contract windows")
	return iw
}

func (iw *icsWriter) write(en *entry) error {
	w, c := en.w, &en.c
	if w.Status == rules.UnknownExpiry {
		return iw.err
	}
	id := c.PlayerID
	if id == "" {
		id = contracts.Fold(c.Player)
	}
	ev := func(kind string, d rules.Date, summary string, r *rules.Rule) {
		if d.IsZero() {
			return
		}
		iw.line("BEGIN:VEVENT")
		iw.line("UID:" + strings.ReplaceAll(id, " ", "-") + "-" + kind + "-" + compact(d) + "@bosman")
		iw.line("DTSTAMP:" + iw.stamp)
		iw.line("DTSTART;VALUE=DATE:" + compact(d))
		iw.line("DTEND;VALUE=DATE:" + compact(d.AddDays(1)))
		iw.line("SUMMARY:" + escapeICS(c.Player+" ("+c.Club+"): "+summary))
		desc := fmt.Sprintf("Contract expires %s.", c.Expires)
		if r != nil {
			desc += fmt.Sprintf(" Rule: %s (%s confidence). %s", ruleName(r), r.Confidence, r.Text)
		} else {
			desc += " Free from the day after the contract's last day."
		}
		if w.Stale {
			desc += " The contract has ended: check the data is current."
		}
		if c.Source != "" {
			desc += " Source: " + c.Source
		}
		iw.line("DESCRIPTION:" + escapeICS(desc))
		iw.line("TRANSP:TRANSPARENT")
		iw.line("END:VEVENT")
	}
	ev("foreign", w.Foreign.Date, "pre-contract window abroad opens", w.Foreign.Rule)
	if w.Domestic.Date != w.Foreign.Date {
		ev("domestic", w.Domestic.Date, "pre-contract window at home opens", w.Domestic.Rule)
	}
	ev("free", w.FreeAgent.Date, "free agent", nil)
	return iw.err
}

func (iw *icsWriter) close() error {
	iw.line("END:VCALENDAR")
	if iw.err != nil {
		return iw.err
	}
	return iw.w.Flush()
}

// line writes a content line folded at 75 octets, ending in CRLF.
func (iw *icsWriter) line(s string) {
	if iw.err != nil {
		return
	}
	for limit := 75; len(s) > limit; limit = 74 { // a continuation line starts with a space
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
			cut--
		}
		if _, iw.err = iw.w.WriteString(s[:cut] + "\r\n "); iw.err != nil {
			return
		}
		s = s[cut:]
	}
	_, iw.err = iw.w.WriteString(s + "\r\n")
}

func escapeICS(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", "").Replace(s)
}

func compact(d rules.Date) string { return strings.ReplaceAll(d.String(), "-", "") }

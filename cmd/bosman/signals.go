package main

import (
	"errors"
	"io"
	"os"
	"sync"
)

// errInterrupted: a signal is ending the run.
var errInterrupted = errors.New("interrupted")

// What a signal must undo before bosman ends: the temporary files being
// written beside --output files, and stdout files to cut back to where the
// run began. Main registers and releases them; the handler, installed only
// when bosman runs as a process (handleSignals) and before there is first
// something to undo (guardSignals), undoes what is left.
var pending struct {
	sync.Mutex
	temps map[string]bool
	cuts  map[*os.File]int64
	dying bool
}

func addTemp(name string) {
	pending.Lock()
	defer pending.Unlock()
	if pending.temps == nil {
		pending.temps = map[string]bool{}
	}
	pending.temps[name] = true
}

func dropTemp(name string) {
	pending.Lock()
	defer pending.Unlock()
	delete(pending.temps, name)
}

// renameTemp renames tmp over path, unless a signal is ending the run: the
// rename and the handler's clean-up never interleave.
func renameTemp(tmp, path string) error {
	pending.Lock()
	defer pending.Unlock()
	if pending.dying {
		return errInterrupted
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	delete(pending.temps, tmp)
	return nil
}

// stdoutFile is stdout when it is a regular file (a shell redirection):
// where the run began writing, so a failed run can cut it back, and
// whether it may (nothing of the file's comes after that point).
type stdoutFile struct {
	f     *os.File
	start int64
}

// regularStdout returns stdout as a stdoutFile when it is a regular file
// that the run writes at its end (> or >>), else nil.
func regularStdout(w io.Writer) *stdoutFile {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	start, err := f.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil
	}
	if appending(f) {
		start = st.Size() // >>: every write goes to the end
	}
	if start != st.Size() {
		return nil // 1<>file: what follows is the file's, and cannot be restored
	}
	sf := &stdoutFile{f: f, start: start}
	guardSignals()
	pending.Lock()
	if pending.cuts == nil {
		pending.cuts = map[*os.File]int64{}
	}
	pending.cuts[f] = start
	pending.Unlock()
	return sf
}

// done releases the file; failed cuts it back to where the run began, so
// that a failed run leaves nothing half written in it.
func (sf *stdoutFile) done(failed bool) {
	pending.Lock()
	defer pending.Unlock()
	delete(pending.cuts, sf.f)
	if failed && !pending.dying {
		cut(sf.f, sf.start)
	}
}

func cut(f *os.File, at int64) {
	if f.Truncate(at) == nil {
		f.Seek(at, io.SeekStart)
	}
}

package main

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/urfave/cli/v2"
)

// An output is where --output writes: what the path is decides how.
//
//   - a regular file, or a symbolic link to one: replaced whole through a
//     temporary file beside the file the link points to, renamed over it,
//     so a failure leaves the old contents and the link stays a link;
//   - a path that does not exist yet, in a directory that does: created the
//     same way;
//   - a character device (/dev/null, a terminal), a FIFO or a Unix socket:
//     written through, as a shell redirection would: no temporary file, no
//     rename, and what a failed run wrote stays written;
//   - anything else (a directory, a block device, a link that cannot be
//     followed to a file): refused before anything is read.
type output struct {
	path   string      // as the user wrote it
	target string      // the file written or replaced, links resolved
	info   os.FileInfo // of the target; nil for a new file
	direct bool        // written through, not replaced
	socket bool
}

// openOutput looks at path and says how it will be written, or why not.
func openOutput(path string) (*output, error) {
	o := &output{path: path, target: path}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if lst, lerr := os.Lstat(path); lerr == nil && lst.Mode()&fs.ModeSymlink != 0 {
			to, _ := os.Readlink(path)
			return nil, dataErr("--output %s is a symbolic link to %s, which does not exist", path, to).
				hint("bosman replaces the file a link points to, never the link: create %s first, or write to another path", to)
		}
		dir := filepath.Dir(path)
		if dst, err := os.Stat(dir); err != nil || !dst.IsDir() {
			return nil, dataErr("--output %s: no directory %s to write it in", path, dir).hint("create the directory first, or write elsewhere")
		}
		return o, nil
	case errors.Is(err, syscall.ELOOP):
		return nil, dataErr("--output %s: a loop of symbolic links", path).hint("write to a file, not to a link that leads back to itself")
	case err != nil:
		return nil, dataErr("--output %s: %v", path, unwrapPath(err)).hint("check the path")
	}
	o.info = st
	mode := st.Mode()
	switch {
	case mode.IsRegular():
		real, err := filepath.EvalSymlinks(path)
		if err == nil {
			var rst os.FileInfo
			if rst, err = os.Stat(real); err == nil && !os.SameFile(st, rst) {
				err = errors.New("the link does not lead to a path of its own")
			}
		}
		if err != nil {
			return nil, dataErr("--output %s: cannot follow its links to the file (%v)", path, unwrapPath(err)).
				hint("name the file itself, or redirect stdout: > %s", path)
		}
		o.target = real
		// replacing needs only the directory's permission: ask the file's
		// too, as a shell redirection would
		f, err := os.OpenFile(real, os.O_WRONLY, 0)
		if err != nil {
			return nil, dataErr("--output %s: %v", path, unwrapPath(err)).hint("bosman replaces a file only where it may write it")
		}
		f.Close()
	case mode.IsDir():
		return nil, dataErr("--output %s is a directory", path).hint("give a file name, e.g. --output %s", filepath.Join(path, "windows.csv"))
	case mode&fs.ModeCharDevice != 0, mode&fs.ModeNamedPipe != 0:
		o.direct = true
	case mode&fs.ModeSocket != 0:
		o.direct, o.socket = true, true
	case mode&fs.ModeDevice != 0:
		return nil, dataErr("--output %s is a block device: bosman will not write to it", path).hint("write to a file")
	default:
		return nil, dataErr("--output %s is neither a file nor a device bosman can write to (%s)", path, mode.Type()).hint("write to a file")
	}
	return o, nil
}

// unwrapPath is the cause of a *fs.PathError, without the path repeated.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// input is a file a run reads: --output must never be one of them.
type input struct {
	name string
	info os.FileInfo
}

// inputFiles are the files a run reads: the --data files, the lookup
// tables beside them, and the --rules files, each that exists.
func inputFiles(data []string, rulesDir string, stdin io.Reader) []input {
	var ins []input
	add := func(p string) {
		if st, err := os.Stat(p); err == nil {
			ins = append(ins, input{p, st})
		}
	}
	for _, d := range data {
		if d == "-" {
			if f, ok := stdin.(*os.File); ok {
				if st, err := f.Stat(); err == nil {
					ins = append(ins, input{"standard input", st})
				}
			}
			continue
		}
		add(d)
		for _, t := range lookupPaths(d) {
			add(t)
		}
	}
	if rulesDir != "" {
		files, _ := filepath.Glob(filepath.Join(rulesDir, "*.toml"))
		for _, f := range files {
			add(f)
		}
	}
	return ins
}

// cacheFiles are the files of the cached release, which a run without
// --data may read: no output may be written over them.
func cacheFiles(dir string) []input {
	if dir == "" {
		return nil
	}
	var ins []input
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if st, err := os.Stat(p); err == nil {
				ins = append(ins, input{p, st})
			}
		}
		return nil
	})
	return ins
}

// refuseInput refuses an output that is one of the run's inputs, however
// its path is spelt (links and hard links included).
func (o *output) refuseInput(ins []input) error {
	if o.info == nil {
		return nil // a new file is no input
	}
	for _, in := range ins {
		if os.SameFile(o.info, in.info) {
			return usageErr("--output %s is %s, which this run reads: bosman will not write over its input", o.path, in.name).hint("write to another file")
		}
	}
	return nil
}

// refuseStdout refuses a run whose stdout is a file it reads
// (bosman export --data a.csv >> a.csv would read its own rows back).
func refuseStdout(stdout io.Writer, ins []input) error {
	f, ok := stdout.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil
	}
	for _, in := range ins {
		if os.SameFile(st, in.info) {
			return usageErr("stdout is %s, which this run reads: bosman will not write over its input", in.name).hint("redirect to another file, or use --output FILE")
		}
	}
	return nil
}

// write writes what write produces to the output: a file whole or not at
// all, a device, FIFO or socket as it comes.
func (o *output) write(write func(io.Writer) error) error {
	if o.direct {
		return o.writeThrough(write)
	}
	return writeFileAtomic(o.target, o.info, write)
}

// writeThrough writes to a device, FIFO or socket: opened as it is (a
// FIFO waits for its reader, as a shell redirection does), never created,
// truncated or replaced.
func (o *output) writeThrough(write func(io.Writer) error) (err error) {
	var w io.WriteCloser
	if o.socket {
		c, err := net.Dial("unix", o.path)
		if err != nil {
			return dataErr("--output %s: %v", o.path, err).hint("a socket needs a program listening on it")
		}
		w = c
	} else {
		f, err := os.OpenFile(o.path, os.O_WRONLY, 0)
		if err != nil {
			return dataErr("--output %s: %v", o.path, unwrapPath(err))
		}
		if st, err := f.Stat(); err != nil || st.Mode().IsRegular() || st.IsDir() {
			f.Close() // it changed since it was looked at
			return dataErr("--output %s changed while bosman was starting", o.path).hint("run the command again")
		}
		w = f
	}
	defer func() {
		if cerr := w.Close(); err == nil && cerr != nil {
			err = dataErr("writing %s: %v", o.path, unwrapPath(cerr))
		}
	}()
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw); err != nil {
		return writeError(o.path, err)
	}
	if err := bw.Flush(); err != nil {
		return writeError(o.path, err)
	}
	return nil
}

// writeError is err of writing path, unless it is already a message.
func writeError(path string, err error) error {
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return dataErr("writing %s: %v", path, unwrapPath(err))
}

// writeFileAtomic writes through a temporary file in path's directory and
// renames it over path, so a failure or a signal leaves any old file as it
// was and no partial new one. old is path's file info (nil: a new file),
// whose permissions (and owner, where bosman may set it) the new file
// keeps.
func writeFileAtomic(path string, old os.FileInfo, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	guardSignals() // before the file it must remove exists
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return dataErr("--output %s: %v", path, unwrapPath(err)).hint("bosman writes a temporary file beside %s and renames it: the directory %s must be writable", filepath.Base(path), dir)
	}
	name := tmp.Name()
	addTemp(name)
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
		dropTemp(name)
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return writeError(path, err)
	}
	if err := bw.Flush(); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return writeError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	perm := fs.FileMode(0o644)
	if old != nil {
		perm = old.Mode().Perm()
		keepOwner(name, old)
	}
	if err := os.Chmod(name, perm); err != nil {
		return writeError(path, err)
	}
	if err := renameTemp(name, path); err != nil {
		return writeError(path, err)
	}
	return nil
}

// outputPath is --output, or "" for stdout ("-" is stdout too).
func outputPath(v string) string {
	if strings.TrimSpace(v) == "-" {
		return ""
	}
	return v
}

// prepareOutput looks at --output (nil: stdout) and refuses it, or a
// stdout redirected to a file, when it is one of the files the run reads.
func prepareOutput(s *streams, c *cli.Context) (*output, error) {
	ins := inputFiles(c.StringSlice("data"), c.String("rules"), s.stdin)
	if len(c.StringSlice("data")) == 0 {
		ins = append(ins, cacheFiles(cacheDir(s.getenv))...)
	}
	path := outputPath(c.String("output"))
	if path == "" {
		return nil, refuseStdout(s.rawStdout, ins)
	}
	o, err := openOutput(path)
	if err != nil {
		return nil, err
	}
	return o, o.refuseInput(ins)
}

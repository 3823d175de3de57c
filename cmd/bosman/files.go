package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
)

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

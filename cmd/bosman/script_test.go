package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts run bosman as a command of its own.
// With BOSMAN_TEST_PROCESS=1 the test binary is bosman itself, for the
// tests that send it signals or close its pipe.
func TestMain(m *testing.M) {
	releaseMinRows = 10 // the scripts' releases have a few rows
	if os.Getenv("BOSMAN_TEST_PROCESS") == "1" {
		main()
	}
	testscript.Main(m, map[string]func(){
		"bosman": main,
	})
}

// TestScripts runs the command-line scripts of testdata/script: each
// command's happy path, errors and exit statuses. 'go test -update'
// rewrites the files the scripts compare with; read the diff before
// committing.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"exits": exits, "serve": serve, "gz": gz},
	})
}

// exits N CMD [ARGS...] runs CMD and checks that it exits with status N,
// keeping its stdout and stderr for the next commands.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// serve DIR serves the files of DIR over HTTP, as the release's bucket
// does (Last-Modified, and 304 to a request that has it), until the
// script ends, and sets $SERVER to its address.
func serve(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: serve DIR")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(ts.MkAbs(args[0]))))
	ts.Defer(srv.Close)
	ts.Setenv("SERVER", srv.URL)
}

// gz SRC DST writes SRC gzip-compressed to DST.
func gz(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gz SRC DST")
	}
	b, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(b)
	ts.Check(w.Close())
	ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[1])), 0o755))
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), z.Bytes(), 0o644))
}

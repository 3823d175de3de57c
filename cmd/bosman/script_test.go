package main

import (
	"errors"
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
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"exits": exits},
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

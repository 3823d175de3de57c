package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const exportHeader = "player_id,player,date_of_birth,club,association,contract_signed,contract_expires"

// TestOutputDevices: a character device, a FIFO and a socket are written
// through and stay what they are (issue: --output /dev/full became a
// regular file, a FIFO was replaced and its reader got nothing).
func TestOutputDevices(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", roundtripData(50, 0, 0))

	code, _, stderr := runBounded(t, "export", "--data", "in.csv", "--output", "/dev/null")
	if st, err := os.Stat("/dev/null"); code != 0 || err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("--output /dev/null: exit %d, /dev/null now %v\n%s", code, st.Mode(), stderr)
	}

	// a FIFO, with its reader
	if err := syscall.Mkfifo("fifo", 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open("fifo")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	code, _, stderr = runBounded(t, "export", "--data", "in.csv", "--output", "fifo")
	if code != 0 {
		t.Errorf("--output fifo: exit %d\n%s", code, stderr)
	}
	if out := <-got; !strings.HasPrefix(out, exportHeader) || strings.Count(out, "\n") != 51 {
		t.Errorf("the FIFO's reader got %d lines:\n%.200s", strings.Count(out, "\n"), out)
	}
	if st, err := os.Lstat("fifo"); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is now %v", st.Mode())
	}

	// a Unix socket, with a program listening
	ln, err := net.Listen("unix", filepath.Join(dir, "sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(c)
		c.Close()
		got <- string(b)
	}()
	code, _, stderr = runBounded(t, "export", "--data", "in.csv", "--output", "sock", "--format", "csv")
	if out := <-got; code != 0 || !strings.HasPrefix(out, exportHeader) {
		t.Errorf("--output sock: exit %d, the listener got %.100q\n%s", code, out, stderr)
	}

	// a character device made here: the mknod x/null c 1 3
	if err := syscall.Mknod("null", syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Logf("mknod: %v: the device node case needs root, skipped", err)
	} else {
		code, _, stderr = runBounded(t, "export", "--data", "in.csv", "--output", "null")
		if st, err := os.Lstat("null"); code != 0 || err != nil || st.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("--output null (c 1 3): exit %d, now %v\n%s", code, st.Mode(), stderr)
		}
	}
	if extra := leftovers(t, dir, "in.csv", "fifo", "sock", "null"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

// TestOutputLinks: a link to a file has the file replaced and stays a
// link; the file keeps its permissions; a link that leads nowhere or round
// in a loop, a directory and a block device are refused, and nothing is
// written.
func TestOutputLinks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", roundtripData(20, 0, 0))
	if err := os.Mkdir("real", 0o755); err != nil {
		t.Fatal(err)
	}
	writeTemp(t, dir, "real/out.csv", "old contents\n")
	os.Chmod("real/out.csv", 0o600)
	must(t, os.Symlink("real/out.csv", "link.csv"))
	must(t, os.Symlink("link.csv", "link2.csv")) // a link to a link, as /dev/stdout is
	for _, out := range []string{"link.csv", "link2.csv"} {
		code, _, stderr := runBounded(t, "export", "--data", "in.csv", "--output", out)
		if code != 0 {
			t.Fatalf("--output %s: exit %d\n%s", out, code, stderr)
		}
		if st, err := os.Lstat(out); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", out)
		}
		b, _ := os.ReadFile("real/out.csv")
		if !strings.HasPrefix(string(b), exportHeader) {
			t.Errorf("--output %s: the file it links to has %.50q", out, b)
		}
		if st, _ := os.Stat("real/out.csv"); st.Mode().Perm() != 0o600 {
			t.Errorf("--output %s: the file's permissions are now %v, were 0600", out, st.Mode().Perm())
		}
		os.WriteFile("real/out.csv", []byte("old contents\n"), 0o600)
	}
	if extra := leftovers(t, filepath.Join(dir, "real"), "out.csv"); len(extra) > 0 {
		t.Errorf("left %v beside the file", extra)
	}

	must(t, os.Symlink("nowhere/x.csv", "dangling.csv"))
	must(t, os.Symlink("loop2.csv", "loop1.csv"))
	must(t, os.Symlink("loop1.csv", "loop2.csv"))
	for out, want := range map[string]string{
		"dangling.csv": "is a symbolic link to nowhere/x.csv, which does not exist",
		"loop1.csv":    "a loop of symbolic links",
		"real":         "is a directory",
	} {
		code, stdout, stderr := runBounded(t, "export", "--data", "in.csv", "--output", out)
		if code != 1 || stdout != "" || !strings.Contains(stderr, want) || !strings.Contains(stderr, "bosman: hint: ") {
			t.Errorf("--output %s: exit %d, stderr:\n%s", out, code, stderr)
		}
	}
	if err := syscall.Mknod("blk", syscall.S_IFBLK|0o600, 7<<8|250); err != nil {
		t.Logf("mknod: %v: the block device case needs root, skipped", err)
	} else {
		code, _, stderr := runBounded(t, "export", "--data", "in.csv", "--output", "blk")
		if code != 1 || !strings.Contains(stderr, "is a block device") {
			t.Errorf("--output blk: exit %d, stderr:\n%s", code, stderr)
		}
	}
	if extra := leftovers(t, dir, "in.csv", "real", "link.csv", "link2.csv", "dangling.csv", "loop1.csv", "loop2.csv", "blk"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestOutputNeverAnInput: the lookup tables beside a players file, the
// --rules files and a stdout appended to the data file are inputs too
// (issue: --rules rr --output rr/eng.toml removed the rule file).
func TestOutputNeverAnInput(t *testing.T) {
	rule, err := os.ReadFile(filepath.Join("..", "..", "rules", "data", "sco.toml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "players.csv", fuzzTMHeader+"1006,Jamal,Modrić,Jamal Modrić,2025,603,jamal-modric,France,Madrid,France,1999-07-22 00:00:00,Centre-Back,Defender,both,189,2029-06-30 00:00:00,,,,,,,FR1,Club,100000,200000\r\n")
	clubs := "club_id,club_code,name,domestic_competition_id\n603,x,Club X,FR1\n"
	writeTemp(t, dir, "clubs.csv", clubs)
	must(t, os.Mkdir("rr", 0o755))
	eng := string(rule)
	writeTemp(t, dir, "rr/aaa.toml", eng)
	for _, args := range [][]string{
		{"export", "--data", "players.csv", "--output", "clubs.csv"},
		{"export", "--data", "players.csv", "--rules", "rr", "--output", "rr/aaa.toml", "--format", "csv"},
		{"timeline", "--player", "Modric", "--data", "players.csv", "--output", "clubs.csv", "--format", "svg"},
	} {
		code, _, stderr := runBounded(t, args...)
		if code != 2 || !strings.Contains(stderr, "which this run reads: bosman will not write over its input") {
			t.Errorf("%v: exit %d, stderr:\n%s", args, code, stderr)
		}
	}
	if b, _ := os.ReadFile("clubs.csv"); string(b) != clubs {
		t.Errorf("clubs.csv changed")
	}
	if b, _ := os.ReadFile("rr/aaa.toml"); string(b) != eng {
		t.Errorf("rr/aaa.toml changed")
	}

	// stdout appended to the data file: the export would read its own rows
	f, err := os.OpenFile("players.csv", os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errb bytes.Buffer
	code := Main([]string{"bosman", "export", "--data", "players.csv"}, strings.NewReader(""), f, &errb, func(string) string { return "" })
	if code != 2 || !strings.Contains(errb.String(), "stdout is players.csv, which this run reads") {
		t.Errorf("stdout >> players.csv: exit %d\n%s", code, errb.String())
	}
}

// TestLookupTableWarning: a clubs.csv beside a players file that cannot
// be read is said, with why, not skipped silently.
func TestLookupTableWarning(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "players.csv", fuzzTMHeader+"1006,Jamal,Modrić,Jamal Modrić,2025,603,jamal-modric,France,Madrid,France,1999-07-22 00:00:00,Centre-Back,Defender,both,189,2029-06-30 00:00:00,,,,,,,FR1,Club,100000,200000\r\n")
	writeTemp(t, dir, "clubs.csv", "club_id,name\n603,Club X\n603,Club Y\n")
	code, _, stderr := runBounded(t, "export", "--data", "players.csv")
	if code != 0 || !strings.Contains(stderr, "bosman: warning: clubs.csv not used for players.csv: ") || !strings.Contains(stderr, "club 603 appears twice") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestStdoutFileCutBack: export streams to stdout; when stdout is a
// regular file (a shell redirection) and the run fails after writing began,
// the file is cut back to where the run began: what was there before stays,
// nothing half written follows. On a pipe or a terminal what was written
// stays, and the exit status says the run failed.
func TestStdoutFileCutBack(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	// 20,000 rows without signing dates stream as they are read; the bad
	// row comes after hundreds of KB were written
	writeTemp(t, dir, "in.csv", streamedRows(20000, "99999,Late,Club,ENG,2026-02-30\n"))
	for _, flag := range []int{0, os.O_APPEND} {
		writeTemp(t, dir, "out.csv", "kept line\n")
		f, err := os.OpenFile("out.csv", os.O_WRONLY|flag, 0)
		if err != nil {
			t.Fatal(err)
		}
		if flag == 0 {
			f.Seek(0, io.SeekEnd) // as a shell leaves a file it writes after others: at its end
		}
		var errb bytes.Buffer
		code := Main([]string{"bosman", "export", "--data", "in.csv"}, strings.NewReader(""), f, &errb, func(string) string { return "" })
		f.Close()
		if code != 1 || !strings.Contains(errb.String(), "in.csv:20002:5: ") {
			t.Errorf("exit %d, stderr:\n%s", code, errb.String())
		}
		if got, _ := os.ReadFile("out.csv"); string(got) != "kept line\n" {
			t.Errorf("stdout file (flag %#x) is %d bytes, want the line it had", flag, len(got))
		}
	}
	// a pipe (here a buffer): the rows written stay, the status says it failed
	code, stdout, stderr := runBounded(t, "export", "--data", "in.csv")
	if code != 1 || !strings.HasPrefix(stdout, "player_id,") || !strings.Contains(stderr, "in.csv:20002:5: ") {
		t.Errorf("to a pipe: exit %d, %d bytes written, stderr:\n%s", code, len(stdout), stderr)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// bosmanProcess starts the test binary as bosman (TestMain), in dir.
func bosmanProcess(t *testing.T, dir string, stdout io.Writer, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BOSMAN_TEST_PROCESS=1", "TMPDIR="+filepath.Join(dir, "tmp"), "BOSMAN_TODAY=2026-11-28")
	must(t, os.MkdirAll(filepath.Join(dir, "tmp"), 0o755))
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &errb
}

// waitBounded waits for cmd, killing it after badTimeout: a signal that
// does not end bosman fails the test instead of hanging it.
func waitBounded(t *testing.T, cmd *exec.Cmd) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(badTimeout):
		cmd.Process.Kill()
		t.Errorf("bosman still running %v after the signal", badTimeout)
		return <-done
	}
}

// TestSignalsLeaveNothing: SIGINT, SIGTERM or SIGHUP while bosman writes
// --output out.csv leaves out.csv as it was and no temporary file, and
// bosman ends by that signal (issue: .out.csv.*.tmp was left behind).
// The data is a FIFO fed by the test, so the signal comes while the
// temporary file is open and rows are being written.
func TestSignalsLeaveNothing(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			if signal.Ignored(sig) {
				// started under nohup: bosman inherits the ignored signal
				// and, rightly, keeps it ignored
				t.Skipf("%v is ignored in this process, so in bosman too", sig)
			}
			dir := t.TempDir()
			writeTemp(t, dir, "out.csv", "old contents\n")
			must(t, syscall.Mkfifo(filepath.Join(dir, "in.csv"), 0o644))
			for _, redirect := range []bool{false, true} {
				args := []string{"export", "--data", "in.csv", "--output", "out.csv"}
				var stdout io.Writer = io.Discard
				if redirect { // > out.csv: cut back to its old contents
					args = args[:3]
					f, err := os.OpenFile(filepath.Join(dir, "out.csv"), os.O_WRONLY|os.O_APPEND, 0)
					if err != nil {
						t.Fatal(err)
					}
					defer f.Close()
					stdout = f
				}
				cmd, errb := bosmanProcess(t, dir, stdout, args...)
				feed, err := os.OpenFile(filepath.Join(dir, "in.csv"), os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				w := bufio.NewWriter(feed)
				w.WriteString("player_id,player,club,association,contract_expires\n")
				for i := 0; i < 5000; i++ {
					w.WriteString("1" + itoa(i) + ",Player " + itoa(i) + ",Club,ENG,2026-06-30\n")
				}
				w.Flush()
				// wait until bosman writes: a temporary file, or the redirected file grows
				deadline := time.Now().Add(10 * time.Second)
				for time.Now().Before(deadline) {
					if redirect {
						if st, _ := os.Stat(filepath.Join(dir, "out.csv")); st.Size() > int64(len("old contents\n")) {
							break
						}
					} else if m, _ := filepath.Glob(filepath.Join(dir, ".out.csv.*.tmp")); len(m) > 0 {
						break
					}
					time.Sleep(5 * time.Millisecond)
				}
				must(t, cmd.Process.Signal(sig))
				err = waitBounded(t, cmd)
				feed.Close()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != sig {
					t.Errorf("redirect %v: bosman ended with %v, want killed by %v; stderr:\n%s", redirect, err, sig, errb)
				}
				if b, _ := os.ReadFile(filepath.Join(dir, "out.csv")); string(b) != "old contents\n" {
					t.Errorf("redirect %v: out.csv is now %d bytes", redirect, len(b))
				}
				if extra := leftovers(t, dir, "in.csv", "out.csv", "tmp"); len(extra) > 0 {
					t.Errorf("redirect %v: left %v behind", redirect, extra)
				}
				if extra := leftovers(t, filepath.Join(dir, "tmp")); len(extra) > 0 {
					t.Errorf("redirect %v: left %v in TMPDIR", redirect, extra)
				}
			}
		})
	}
}

// TestBrokenPipe: 'bosman export --data big.csv | head -1' ends quietly
// with status 1 and leaves no temporary file (issue: an output-sized
// $TMPDIR/bosman-export-*.tmp every time).
func TestBrokenPipe(t *testing.T) {
	dir := t.TempDir()
	writeTemp(t, dir, "big.csv", roundtripData(20000, 0, 0))
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd, errb := bosmanProcess(t, dir, w, "export", "--data", "big.csv")
	w.Close()
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close() // head -1 has what it wants
	if err != nil || !strings.HasPrefix(line, "player_id,") {
		t.Errorf("first line %q, %v", line, err)
	}
	err = waitBounded(t, cmd)
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 || errb.Len() > 0 {
		t.Errorf("bosman ended with %v, want exit 1 and nothing on stderr:\n%s", err, errb)
	}
	if extra := leftovers(t, filepath.Join(dir, "tmp")); len(extra) > 0 {
		t.Errorf("left %v in TMPDIR", extra)
	}
	if extra := leftovers(t, dir, "big.csv", "tmp"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

// TestOutputExtension: the extension of --output names the format; one
// that names none the command writes is refused as --format xlsx is
// (issue: windows.xlsx and windows.txt held CSV); no extension gives the
// command's default.
func TestOutputExtension(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, c := range []struct {
		args  []string
		code  int
		start string // of the file written
	}{
		{[]string{"export", "--club", "Liverpool", "--output", "windows.xlsx"}, 2, ""},
		{[]string{"export", "--club", "Liverpool", "--output", "windows.txt"}, 2, ""},
		{[]string{"export", "--club", "Liverpool", "--output", "windows"}, 0, "player_id,"},
		{[]string{"export", "--club", "Liverpool", "--output", "windows.2025-10-07"}, 0, "player_id,"},
		{[]string{"export", "--club", "Liverpool", "--output", "windows.MD"}, 0, "| player_id |"},
		{[]string{"export", "--club", "Liverpool", "--output", "windows.xlsx", "--format", "csv"}, 0, "player_id,"},
		{[]string{"timeline", "Liverpool", "--output", "timeline.txt"}, 0, "Liverpool FC: "},
		{[]string{"timeline", "Liverpool", "--output", "timeline.csv"}, 2, ""},
	} {
		out := c.args[len(c.args)-1]
		if c.args[len(c.args)-2] == "--format" {
			out = c.args[len(c.args)-3]
		}
		os.Remove(out)
		code, _, stderr := runBounded(t, append(c.args, "--as-of", "2025-10-07")...)
		b, _ := os.ReadFile(out)
		if code != c.code || !strings.HasPrefix(string(b), c.start) || c.start == "" && len(b) > 0 {
			t.Errorf("%v: exit %d, file %.40q\n%s", c.args, code, b, stderr)
		}
		if c.code == 2 && !strings.Contains(stderr, "names no format") {
			t.Errorf("%v: stderr:\n%s", c.args, stderr)
		}
	}
}

// TestPanicExitsOne: a panic inside a run is an internal error, exit 1
// (the runtime error's status), never the usage status 2; the Go runtime's
// own fatal errors cannot be caught and exit 2 (README).
func TestPanicExitsOne(t *testing.T) {
	var errb bytes.Buffer
	s := &streams{stderr: &errb}
	code := func() (code int) {
		defer s.internalError(&code)
		panic(errors.New("boom"))
	}()
	if code != 1 || !strings.HasPrefix(errb.String(), "bosman: internal error: boom\n") {
		t.Errorf("exit %d, stderr:\n%.200s", code, errb.String())
	}
}

// TestOutputDevStdout: --output /dev/stdout, a link to the process's
// stdout, writes to whatever stdout is: the pipe's reader gets the rows,
// a redirected file gets them and /dev/stdout stays a link (issue: as root
// /dev/stdout became a file; as a user, permission denied on
// /dev/.stdout.*.tmp).
func TestOutputDevStdout(t *testing.T) {
	if st, err := os.Lstat("/dev/stdout"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Skip("no /dev/stdout link here")
	}
	dir := t.TempDir()
	writeTemp(t, dir, "in.csv", roundtripData(30, 0, 0))
	var pipe bytes.Buffer // exec copies it through a pipe
	cmd, errb := bosmanProcess(t, dir, &pipe, "export", "--data", "in.csv", "--output", "/dev/stdout", "--format", "csv")
	if err := cmd.Wait(); err != nil || !strings.HasPrefix(pipe.String(), exportHeader) {
		t.Errorf("to a pipe: %v, got %.60q\n%s", err, pipe.String(), errb)
	}
	f, err := os.Create(filepath.Join(dir, "out.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cmd, errb = bosmanProcess(t, dir, f, "export", "--data", "in.csv", "--output", "/dev/stdout", "--format", "csv")
	err = cmd.Wait()
	f.Close()
	b, _ := os.ReadFile(filepath.Join(dir, "out.csv"))
	if err != nil || !strings.HasPrefix(string(b), exportHeader) {
		t.Errorf("to a file: %v, file has %.60q\n%s", err, b, errb)
	}
	if st, err := os.Lstat("/dev/stdout"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("/dev/stdout is no longer a link")
	}
	if extra := leftovers(t, dir, "in.csv", "out.csv", "tmp"); len(extra) > 0 {
		t.Errorf("left %v behind", extra)
	}
}

// TestOutputNeverTheCache: a run without --data may read the cached
// release, so --output may not write over any of its files.
func TestOutputNeverTheCache(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	must(t, os.MkdirAll(filepath.Join("cache", "bosman", "release-1"), 0o755))
	cached := filepath.Join("cache", "bosman", "release-1", "players.csv.gz")
	writeTemp(t, dir, cached, "not really gzip")
	getenv := func(k string) string {
		if k == "XDG_CACHE_HOME" {
			return filepath.Join(dir, "cache")
		}
		return ""
	}
	var out, errb bytes.Buffer
	code := Main([]string{"bosman", "export", "--output", cached, "--format", "csv"}, strings.NewReader(""), &out, &errb, getenv)
	if code != 2 || !strings.Contains(errb.String(), "bosman will not write over its input") {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
	if b, _ := os.ReadFile(cached); string(b) != "not really gzip" {
		t.Errorf("the cached file changed")
	}
}

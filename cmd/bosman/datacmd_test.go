package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Ctrl-C during a download: the update stops at once, says so, and leaves
// the cache as it was (here: a cached release stays the one in use).
func TestDataUpdateInterrupted(t *testing.T) {
	cache := t.TempDir()
	env := map[string]string{"XDG_CACHE_HOME": cache, "BOSMAN_TODAY": "2026-07-20"}
	// a first release, from a directory
	dir := t.TempDir()
	july, err := os.ReadFile(filepath.Join("testdata", "script", "data.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	_, csv, _ := strings.Cut(string(july), "-- july.csv --\n")
	writeGz(t, filepath.Join(dir, "players.csv.gz"), csv)
	if _, errs, code := run(t, env, "data", "update", "--from", dir); code != 0 {
		t.Fatalf("first update: exit %d: %s", code, errs)
	}
	before, _ := os.ReadFile(filepath.Join(cache, "bosman", "release.json"))

	reached := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000000")
		w.Write([]byte("\x1f\x8b"))
		w.(http.Flusher).Flush()
		close(reached)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-reached:
		case <-time.After(10 * time.Second):
		}
		cancel()
	}()
	var out, errb bytes.Buffer
	s := &streams{stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }, now: time.Now}
	s.out = bufio.NewWriter(&out)
	err = dataUpdate(ctx, s, srv.URL+"/data/", 5*time.Second)
	if err == nil || !strings.Contains(err.Error(), "interrupted while downloading players.csv.gz") ||
		!strings.Contains(err.Error(), "the cached release of 2026-07-09 is unchanged") {
		t.Fatalf("error %v", err)
	}
	if ee, ok := err.(*exitError); !ok || ee.code != 1 || len(ee.hints) == 0 || !strings.Contains(ee.hints[0], "bosman data update") {
		t.Errorf("exit error %+v", err)
	}
	after, _ := os.ReadFile(filepath.Join(cache, "bosman", "release.json"))
	if !bytes.Equal(before, after) {
		t.Error("release.json changed")
	}
	entries, _ := os.ReadDir(filepath.Join(cache, "bosman"))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") || e.Name() == "update.lock" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if stdout, _, code := run(t, env, "data", "status"); code != 0 || !strings.Contains(stdout, "Cached release (in use)") {
		t.Errorf("status after the interrupt: exit %d\n%s", code, stdout)
	}
}

// writeGz writes content gzip-compressed to path.
func writeGz(t *testing.T, path, content string) {
	t.Helper()
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write([]byte(content))
	w.Close()
	if err := os.WriteFile(path, z.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// From the 06-02 to the 06-12 build (contracts/release/testdata: rows of
// both, with five of the fifteen added players and three removed on
// purpose): the second update lists the changes, Ben Davies's and
// Giroud's contracts extended from 2026 to 2027 among them. Both builds
// are no newer than the embedded snapshot, which stays in use.
func TestDataUpdateChanges(t *testing.T) {
	env := map[string]string{"XDG_CACHE_HOME": t.TempDir(), "BOSMAN_TODAY": "2026-06-20"}
	fixture := filepath.Join("..", "..", "contracts", "release", "testdata")
	for i, players := range []string{"players_2026-06-02.csv.gz", "players_2026-06-12.csv.gz"} {
		dir := t.TempDir()
		for from, to := range map[string]string{players: "players.csv.gz", "clubs.csv.gz": "clubs.csv.gz", "competitions.csv.gz": "competitions.csv.gz"} {
			b, err := os.ReadFile(filepath.Join(fixture, from))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, to), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		stdout, errs, code := run(t, env, "data", "update", "--from", dir)
		if code != 0 {
			t.Fatalf("update %d: exit %d: %s", i+1, code, errs)
		}
		if !strings.Contains(stdout, "Commands keep reading the embedded snapshot (scraped 12 Jun 2026), which is as new.") {
			t.Errorf("update %d:\n%s", i+1, stdout)
		}
		if i == 0 {
			continue
		}
		for _, want := range []string{
			"Changes since the release scraped 2 Jun 2026 (211 players, now 213):",
			"  added         5\n", "  removed       3\n", "  extended      5\n", "  club changed  4\n",
			"    Ben Davies (Tottenham Hotspur Football Club): 30 Jun 2026 → 30 Jun 2027\n",
			"    Olivier Giroud (", "): 30 Jun 2026 → 30 Jun 2027\n",
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("second update lacks %q:\n%s", want, stdout)
			}
		}
	}
}

package main

import (
	"strings"
	"testing"
)

// TestICSNamedAfterQuery: the calendar is named after the query (issue:
// always "bosman contract windows").
func TestICSNamedAfterQuery(t *testing.T) {
	code, stdout, stderr := runBounded(t, "export", "--club", "Liverpool", "--format", "ics", "--as-of", "2025-10-07")
	if code != 0 || !strings.Contains(stdout, "\r\nX-WR-CALNAME:bosman: Liverpool FC contract windows\\, as of 7 Oct 2025\r\n") {
		t.Errorf("exit %d, stderr %s, calendar:\n%.400s", code, stderr, stdout)
	}
}

// TestICSYear10000: a contract ending 31 Dec 9999 makes him free on
// 1 Jan 10000, which iCalendar cannot write: the event is left out and
// stderr says so; the calendar stays valid.
func TestICSYear10000(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", "player_id,player,club,association,contract_expires\n1,Long Contract,Club,GER,9999-12-31\n")
	code, stdout, stderr := runBounded(t, "export", "--data", "in.csv", "--format", "ics")
	if code != 0 || strings.Contains(stdout, "DATE:1000") || !strings.Contains(stdout, "DTSTART;VALUE=DATE:99990701\r\n") {
		t.Errorf("exit %d, calendar:\n%s", code, stdout)
	}
	if !strings.Contains(stderr, "bosman: warning: 1 event left out of the calendar: it falls after 31 Dec 9999") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

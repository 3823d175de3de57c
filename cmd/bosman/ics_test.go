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

// TestICSYear10000: a contract ending 31 Dec 9999 would make him free on
// 1 Jan 10000, which iCalendar cannot write; a dataset cannot give one, as
// dates outside 1900 to 2199 are refused when read (issue 12 #15). The
// writer's own guard is report's TestICSYearLimit.
func TestICSYear10000(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeTemp(t, dir, "in.csv", "player_id,player,club,association,contract_expires\n1,Long Contract,Club,GER,9999-12-31\n")
	code, stdout, stderr := runBounded(t, "export", "--data", "in.csv", "--format", "ics")
	if code != 1 || stdout != "" || !strings.Contains(stderr, `in.csv:2:5: contract_expires: "9999-12-31" is out of range: bosman reads dates from 1900-01-01 to 2199-12-31`) {
		t.Errorf("exit %d, stderr:\n%s\ncalendar:\n%s", code, stderr, stdout)
	}
}

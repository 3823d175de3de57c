package release

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bosmanhq/bosman/contracts"
	"github.com/bosmanhq/bosman/rules"
)

// An update writes the release's snapshot form, which opens as a Market
// with the curated rows on top: Giroud's 06-12 row (to 2027-06-30) is
// found without reading players.csv.gz, as a listing of the scrape day.
func TestUpdateWritesSnapshotForm(t *testing.T) {
	b := newBucket(t, release(t, new0612))
	dir := t.TempDir()
	res, err := Update(context.Background(), options(dir, b.from()))
	if err != nil {
		t.Fatal(err)
	}
	r := res.Release
	if len(r.Snapshot) != 2 || r.Snapshot[0].Name != SnapshotPlayers || r.Snapshot[1].Name != SnapshotClubs {
		t.Fatalf("snapshot files %+v", r.Snapshot)
	}
	// The 06-12 fixture has 87 players of season 2025 (its counts above).
	if r.Snapshot[0].Rows != r.Players.Current || r.Players.Current != 87 {
		t.Errorf("snapshot rows %d, current players %d; want 87", r.Snapshot[0].Rows, r.Players.Current)
	}
	cur, err := Current(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	m, err := cur.Market()
	if err != nil {
		t.Fatal(err)
	}
	if s := m.Snapshot(); s.Scraped != rules.D(2026, 6, 12) || s.Rows != 87 || !strings.HasSuffix(s.Source, "/data/players.csv.gz") {
		t.Errorf("snapshot meta %+v", s)
	}
	ms := m.Players("Olivier Giroud")
	if len(ms) != 1 {
		t.Fatalf("Giroud: %d matches", len(ms))
	}
	c, ok := contracts.Overlay(ms[0].Rows, rules.D(2026, 6, 12))
	if !ok || c.Expires != rules.D(2027, 6, 30) || !c.Listing || c.Confirmed != rules.D(2026, 6, 12) ||
		!strings.HasPrefix(c.Pos.File, "release-1/snapshot-players.tsv") {
		t.Errorf("Giroud: %+v", c)
	}
	// the curated rows sit on top: Konaté is one of them, not in the fixture
	if ms := m.Players("Ibrahima Konate"); len(ms) != 1 {
		t.Errorf("Konaté: %d matches", len(ms))
	}
}

// A release whose snapshot form is missing (cached by an older bosman,
// or deleted) is written again by the next update, though the source has
// nothing new: nothing is downloaded.
func TestUpdateRewritesMissingSnapshot(t *testing.T) {
	b := newBucket(t, release(t, new0612))
	dir := t.TempDir()
	if _, err := Update(context.Background(), options(dir, b.from())); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "release-1", SnapshotPlayers))
	st, err := Status(Options{Dir: dir})
	if err != nil || !strings.Contains(strings.Join(st.Warnings, "\n"), "snapshot form is missing") {
		t.Errorf("status warnings %q (%v)", st.Warnings, err)
	}
	if cur, _ := Current(Options{Dir: dir}); cur != nil {
		if _, err := cur.Market(); err == nil {
			t.Error("a release without its snapshot file opened")
		}
	}
	served := b.served.Load()
	res, err := Update(context.Background(), options(dir, b.from()))
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged || b.served.Load() != served {
		t.Errorf("unchanged %v, %d bytes served; want a new release and none", res.Unchanged, b.served.Load()-served)
	}
	if _, err := res.Release.Market(); err != nil {
		t.Error(err)
	}
}

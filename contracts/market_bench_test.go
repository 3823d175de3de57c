package contracts

import (
	"testing"

	"github.com/bosmanhq/bosman/rules"
)

// One player: the embedded data opened afresh (curated rows parsed, the
// snapshot's header read), then the name resolved, as 'bosman player
// Konate' does.
func BenchmarkEmbeddedPlayer(b *testing.B) {
	benchEmbedded(b, func(m *Market) {
		if r := m.Resolve("Konate"); !r.OK || r.Match.PlayerID != "357119" {
			b.Fatalf("%+v", r)
		}
	})
}

// One player on an open Market: the snapshot search alone.
func BenchmarkEmbeddedPlayerSearch(b *testing.B) {
	m, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	m.Players("Konate")
	b.ReportAllocs()
	for b.Loop() {
		if ms := m.Players("Konate"); len(ms) != 8 {
			b.Fatalf("%d matches", len(ms))
		}
	}
}

// benchEmbedded runs fn on the embedded data opened afresh each time.
func benchEmbedded(b *testing.B, fn func(m *Market)) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := Embedded()
		if err != nil {
			b.Fatal(err)
		}
		fn(m)
	}
}

// One club, as 'bosman club Arsenal' does: the club found by name, and the
// contracts in force at it.
func BenchmarkEmbeddedClub(b *testing.B) {
	asOf := rules.D(2026, 6, 12)
	benchEmbedded(b, func(m *Market) {
		names := m.Clubs("Arsenal")
		if len(names) == 0 {
			b.Fatal("no club")
		}
		if rows := m.ClubRows(names[0], asOf); len(rows) < 20 {
			b.Fatalf("%d rows", len(rows))
		}
	})
}

// The whole market: every row parsed and each player's contract in force
// picked, as a market-wide query needs.
func BenchmarkEmbeddedAll(b *testing.B) {
	asOf := rules.D(2026, 6, 12)
	benchEmbedded(b, func(m *Market) {
		rows, err := m.InForce(asOf)
		if err != nil || len(rows) < 18000 {
			b.Fatalf("%v, %d rows", err, len(rows))
		}
	})
}

// The whole market parsed and indexed by name (NewIndex), the cost of
// answering name questions from a full load instead.
func BenchmarkEmbeddedAllIndexed(b *testing.B) {
	benchEmbedded(b, func(m *Market) {
		all, err := m.All()
		if err != nil {
			b.Fatal(err)
		}
		if ix := NewIndex(all); len(ix.Players("Konate")) != 8 {
			b.Fatal("Konaté")
		}
	})
}

package contracts

import "testing"

// hugeSpan: the whole 2 MiB pages inside a span, none when it holds none.
func TestHugeSpan(t *testing.T) {
	const M = 1 << 20
	for _, tc := range []struct {
		start, size, from, to uintptr
	}{
		{start: 0, size: 4 * M, from: 0, to: 4 * M},             // aligned at both ends: all of it
		{start: 1 * M, size: 6 * M, from: 2 * M, to: 6 * M},     // 1-7 MiB: the pages at 2 and 4 MiB
		{start: 2*M + 8, size: 36 * M, from: 4 * M, to: 38 * M}, // 36 MiB a little past a boundary: 17 pages
		{start: 3 * M, size: 2 * M, from: 3 * M, to: 3 * M},     // 3-5 MiB holds no whole page
		{start: 1 * M, size: 3 * M, from: 2 * M, to: 4 * M},     // 1-4 MiB: one page, at 2 MiB
		{start: 4 * M, size: 2*M - 1, from: 4 * M, to: 4 * M},   // one byte short of a page
		{start: 4*M + 1, size: 0, from: 4*M + 1, to: 4*M + 1},   // empty
	} {
		from, to := hugeSpan(tc.start, tc.size)
		if from != tc.from || to != tc.to {
			t.Errorf("hugeSpan(%#x, %#x) = %#x, %#x; want %#x, %#x", tc.start, tc.size, from, to, tc.from, tc.to)
		}
	}
}

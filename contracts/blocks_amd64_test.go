package contracts

import "testing"

// withoutAVX2 makes plain take sepBlocksGo until t ends, as on a processor
// without AVX2, so the tests run both forms here.
func withoutAVX2(t *testing.T) {
	old := haveAVX2
	haveAVX2 = false
	t.Cleanup(func() { haveAVX2 = old })
}

//go:build amd64 || arm64

package contracts

// prefetch asks the processor to bring the memory at p into its cache,
// without waiting for it: a hint, with no effect on what any code reads.
//
//go:noescape
func prefetch(p *dealSlot)

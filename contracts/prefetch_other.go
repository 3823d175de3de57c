//go:build !amd64 && !arm64

package contracts

// prefetch does nothing where bosman has no instruction for it.
func prefetch(*dealSlot) {}

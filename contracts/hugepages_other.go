//go:build !linux

package contracts

// adviseHuge does nothing where bosman does not ask for huge pages.
func adviseHuge([]dealSlot) {}

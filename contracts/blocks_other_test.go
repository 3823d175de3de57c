//go:build !amd64

package contracts

import "testing"

// withoutAVX2 does nothing: there is only the Go form here.
func withoutAVX2(*testing.T) {}

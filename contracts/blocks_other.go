//go:build !amd64

package contracts

// haveAVX2 is false: there is no vector form here.
const haveAVX2 = false

// sepBlocks writes for each 64-byte block k of line a mask of where its
// separators are (bit j: a separator at k*64+j), for len(masks) blocks, and
// says whether those blocks hold a byte that is not ASCII or a NUL byte.
func sepBlocks(line []byte, sep byte, masks []uint64) (high, nul bool) {
	return sepBlocksGo(line, sep, masks)
}

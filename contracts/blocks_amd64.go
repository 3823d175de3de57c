package contracts

import "golang.org/x/sys/cpu"

// haveAVX2 says that this processor (and its operating system) has the
// 256-bit vector instructions sepBlocksAVX2 uses.
var haveAVX2 = cpu.X86.HasAVX2

// sepBlocks writes for each 64-byte block k of line a mask of where its
// separators are (bit j: a separator at k*64+j), for len(masks) blocks, and
// says whether those blocks hold a byte that is not ASCII or a NUL byte.
func sepBlocks(line []byte, sep byte, masks []uint64) (high, nul bool) {
	if !haveAVX2 || len(masks) == 0 {
		return sepBlocksGo(line, sep, masks)
	}
	_ = line[len(masks)*64-1]
	h, z := sepBlocksAVX2(&line[0], len(masks), sep, &masks[0])
	return h != 0, z != 0
}

// sepBlocksAVX2 is sepBlocks over n blocks from p, 32 bytes an
// instruction: high is non-zero when a byte has its top bit set, nul when
// a byte is zero.
//
//go:noescape
func sepBlocksAVX2(p *byte, n int, sep byte, masks *uint64) (high, nul uint64)

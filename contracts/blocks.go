package contracts

import "encoding/binary"

// sepBlocksGo is sepBlocks in Go, eight bytes at a time: the form used
// where there is no vector instruction for it, and the one the tests hold
// the other to.
func sepBlocksGo(line []byte, sep byte, masks []uint64) (high, nul bool) {
	seps := ones * uint64(sep)
	var all, zeros uint64
	for k := range masks {
		block := line[k*64 : k*64+64]
		var at uint64 // bit j: a separator at j
		for j := 0; j < 64; j += 8 {
			w := binary.LittleEndian.Uint64(block[j:])
			all |= w
			zeros |= ^((w&lows + lows) | w) & highs
			x := w ^ seps
			at |= gather(^((x&lows+lows)|x)&highs) << j
		}
		masks[k] = at
	}
	return all&highs != 0, zeros != 0
}

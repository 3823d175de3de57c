package contracts

// hugePage is the size of the large pages the duplicate table asks for
// (2 MiB on amd64 Linux, and on arm64 Linux with 4 KiB pages).
const hugePage = 2 << 20

// hugeSpan is the part of the memory from start, size bytes long, that
// whole huge pages cover: from the first huge-page boundary at or after
// start to the last at or before its end; from == to when there is none.
func hugeSpan(start, size uintptr) (from, to uintptr) {
	from = (start + hugePage - 1) &^ (hugePage - 1)
	to = (start + size) &^ (hugePage - 1)
	if to <= from {
		return start, start
	}
	return from, to
}

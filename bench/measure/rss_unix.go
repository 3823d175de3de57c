//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is the peak resident memory of a finished process, in KiB (what
// Linux reports; the BSDs and macOS differ), 0 when unknown.
func peakRSS(st *os.ProcessState) int64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) // int32 on 32-bit systems
	}
	return 0
}

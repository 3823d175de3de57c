//go:build !unix

package main

import "os"

// peakRSS is 0 where measure does not read it.
func peakRSS(*os.ProcessState) int64 { return 0 }

//go:build !unix

package main

import "os"

// terminalColumns is 0 where bosman does not ask the terminal: COLUMNS or
// 80 is used.
func terminalColumns(*os.File) int { return 0 }

//go:build !unix

package main

import "os"

// handleSignals: outside Unix, the Go runtime's default handling stays.
func handleSignals() {}

// guardSignals: nothing to install outside Unix.
func guardSignals() {}

func appending(*os.File) bool { return false }

func keepOwner(string, os.FileInfo) {}

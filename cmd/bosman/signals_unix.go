//go:build unix

package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// handleSignals, called by main when bosman runs as a process, ignores
// SIGPIPE, so a write to a closed pipe fails as an error (EPIPE: the run
// then ends quietly with status 1) instead of killing bosman before it
// cleans up, and lets guardSignals install the handler of the others.
func handleSignals() {
	signal.Ignore(syscall.SIGPIPE)
	signals.asProcess = true
}

// signals: whether bosman runs as a process (handleSignals was called) and
// the handler is installed once, when guardSignals is first called.
var signals struct {
	asProcess bool
	once      sync.Once
}

// guardSignals makes SIGINT, SIGTERM and SIGHUP remove the temporary
// files and cut stdout back, then end bosman by the same signal, as a
// shell expects (exit status 130, 143, 129). It is called before there is
// first something to undo (a temporary file made, stdout a file to cut
// back), not at start: until then the runtime's default, ending by the
// signal, is the same, and a handler costs a run a goroutine and a thread
// of its own (0.3 ms of the 4.5-5 ms that 'bosman player Konate' took).
func guardSignals() {
	if !signals.asProcess {
		return
	}
	signals.once.Do(func() {
		ch := make(chan os.Signal, 1)
		for _, sig := range []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
			if !signal.Ignored(sig) { // nohup bosman ...: SIGHUP stays ignored
				signal.Notify(ch, sig)
			}
		}
		go func() {
			for sig := range ch {
				pending.Lock()
				pending.dying = true
				for name := range pending.temps {
					os.Remove(name)
				}
				for f, at := range pending.cuts {
					cut(f, at)
				}
				signal.Reset(sig)
				n := sig.(syscall.Signal)
				syscall.Kill(syscall.Getpid(), n)
				time.Sleep(time.Second) // the signal ends the process; if it does not:
				os.Exit(128 + int(n))
			}
		}()
	})
}

// appending says whether f was opened to append (>>).
func appending(f *os.File) bool {
	fl, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	return err == nil && fl&unix.O_APPEND != 0
}

// keepOwner gives name the owner and group of old, where bosman may
// (as root, or as the owner): a file replaced keeps who owns it.
func keepOwner(name string, old os.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		os.Lchown(name, int(st.Uid), int(st.Gid))
	}
}

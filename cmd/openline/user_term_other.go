//go:build !linux

package main

import "os"

// terminalNoEcho reports whether f is a terminal (a character device).
// Outside Linux the echo stays on: restore does nothing.
func terminalNoEcho(f *os.File) (restore func(), tty bool) {
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil, false
	}
	return func() {}, true
}

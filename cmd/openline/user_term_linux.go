//go:build linux

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// terminalNoEcho reports whether f is a terminal and, when it is, turns
// its echo off so that a password typed is not shown; restore turns it
// back on. When the echo cannot be turned off, restore does nothing.
func terminalNoEcho(f *os.File) (restore func(), tty bool) {
	fd := int(f.Fd())
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, false
	}
	t := *old
	t.Lflag &^= unix.ECHO
	t.Lflag |= unix.ICANON | unix.ISIG
	t.Iflag |= unix.ICRNL
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &t); err != nil {
		return func() {}, true
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }, true
}

package pgtest

import "syscall"

// procAttr runs a child as cred (nil: as this process) and kills it when
// the test binary dies, so that no server outlives its tests.
func procAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL, Setpgid: true}
}

// Package pgtest gives tests a PostgreSQL: the one named by
// OPENLINE_TEST_DATABASE_URL, or else a throwaway server from Debian's
// postgresql package, started once per test binary (Main, from TestMain)
// in a temporary directory and removed after. Each test gets its own empty
// schema on it (URL), so tests do not see each other's rows.
//
// The throwaway server listens on a unix socket in its directory only (no
// TCP), runs as an unprivileged user (the postgres account when the tests
// run as root, since PostgreSQL refuses to run as root) and with fsync off:
// it is thrown away anyway. When it cannot be started, the tests fail with
// the reason; they are never skipped.
package pgtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names a database to test on instead of a throwaway server. Its
// user must be allowed to create schemas.
const EnvURL = "OPENLINE_TEST_DATABASE_URL"

// maxSocketDir is the longest parent folder whose temporary folder can
// still hold the server's socket (.s.PGSQL.PORT; a unix socket path has
// at most 107 bytes).
const maxSocketDir = 60

// startTimeout bounds initdb and the server's start.
const startTimeout = 60 * time.Second

// baseURL is the database of this test binary, set by Main.
var baseURL string

// Main runs the tests m on a PostgreSQL and returns the exit code: use it
// as os.Exit(pgtest.Main(m)) in TestMain. When no server can be had it
// prints why and returns 1 without running the tests.
func Main(m *testing.M) int {
	if u := os.Getenv(EnvURL); u != "" {
		baseURL = u
		return m.Run()
	}
	srv, err := start()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: cannot start a throwaway PostgreSQL for the tests: %v\n"+
			"pgtest: install Debian's postgresql package (make test does), or set %s to a database the tests may use\n", err, EnvURL)
		return 1
	}
	baseURL = srv.url
	code := m.Run()
	if err := srv.stop(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: stop PostgreSQL: %v\n", err)
	}
	return code
}

// URL returns the URL of a new, empty schema on the test database, which
// is dropped when t ends. Only in a binary whose TestMain calls Main.
func URL(t testing.TB) string {
	t.Helper()
	if baseURL == "" {
		t.Fatal("pgtest.URL: no test database; call pgtest.Main from TestMain")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, baseURL)
	if err != nil {
		t.Fatalf("pgtest: connect: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 8)
	rand.Read(b)
	name := "test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+name); err != nil {
		t.Fatalf("pgtest: create schema: %v", err)
	}
	t.Cleanup(func() {
		conn, err := pgx.Connect(ctx, baseURL)
		if err != nil {
			t.Errorf("pgtest: connect: %v", err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA `+name+` CASCADE`); err != nil {
			t.Errorf("pgtest: drop schema %s: %v", name, err)
		}
	})
	return WithParam(baseURL, "search_path", name)
}

// WithParam returns the connection URL u with the parameter key set.
func WithParam(u, key, value string) string {
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme == "" {
		// A key=value connection string.
		return u + " " + key + "=" + value
	}
	q := pu.Query()
	q.Set(key, value)
	pu.RawQuery = q.Encode()
	return pu.String()
}

// server is a throwaway PostgreSQL.
type server struct {
	dir    string // data in dir/data, the socket in dir
	cmd    *exec.Cmd
	exited chan error // Wait's result
	url    string
	log    *bytes.Buffer
}

// start initialises and starts a server.
func start() (*server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	cred, err := unprivileged()
	if err != nil {
		return nil, err
	}
	parent := ""
	if (cred != nil && !reachable(os.TempDir())) || len(os.TempDir()) > maxSocketDir {
		// The server's user could not reach a folder under $TMPDIR, or
		// the socket's path would be too long for a unix socket.
		parent = "/tmp"
	}
	dir, err := os.MkdirTemp(parent, "openline-pg-")
	if err != nil {
		return nil, err
	}
	srv := &server{dir: dir, log: new(bytes.Buffer)}
	if err := srv.init(bin, cred); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return srv, nil
}

func (srv *server) init(bin string, cred *syscall.Credential) error {
	if cred != nil {
		if err := os.Chown(srv.dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	data := filepath.Join(srv.dir, "data")
	initdb := exec.CommandContext(ctx, filepath.Join(bin, "initdb"), "-D", data, "-U", "openline",
		"--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync")
	initdb.Dir = srv.dir
	initdb.SysProcAttr = procAttr(cred)
	if out, err := initdb.CombinedOutput(); err != nil {
		return fmt.Errorf("initdb: %v\n%s", err, out)
	}
	port, err := freePort()
	if err != nil {
		return err
	}
	srv.cmd = exec.Command(filepath.Join(bin, "postgres"), "-D", data, "-p", strconv.Itoa(port),
		"-k", srv.dir, "-c", "listen_addresses=", "-F",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
	srv.cmd.Dir = srv.dir
	srv.cmd.Stdout, srv.cmd.Stderr = srv.log, srv.log
	srv.cmd.SysProcAttr = procAttr(cred)
	if err := srv.cmd.Start(); err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	exited := make(chan error, 1)
	srv.exited = exited
	go func() { exited <- srv.cmd.Wait() }()
	srv.url = fmt.Sprintf("postgres://openline@/postgres?host=%s&port=%d&sslmode=disable", url.QueryEscape(srv.dir), port)
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("postgres exited: %v\n%s", err, srv.log)
		case <-ctx.Done():
			srv.cmd.Process.Kill()
			<-exited
			return fmt.Errorf("postgres did not accept connections within %v\n%s", startTimeout, srv.log)
		case <-time.After(50 * time.Millisecond):
		}
		conn, err := pgx.Connect(ctx, srv.url)
		if err == nil {
			conn.Close(ctx)
			return nil
		}
	}
}

// stop shuts the server down (fast shutdown, then a kill after ten
// seconds) and removes its directory.
func (srv *server) stop() error {
	srv.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-srv.exited:
	case <-time.After(10 * time.Second):
		srv.cmd.Process.Kill()
		<-srv.exited
	}
	return os.RemoveAll(srv.dir)
}

// reachable reports whether every user may enter dir and each folder
// above it (their mode lets others search them).
func reachable(dir string) bool {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		fi, err := os.Stat(d)
		if err != nil || fi.Mode().Perm()&0o001 == 0 {
			return false
		}
		if d == filepath.Dir(d) {
			return true
		}
	}
}

// binDir finds the newest PostgreSQL under /usr/lib/postgresql/*/bin
// (Debian's layout), or else the one whose initdb is on PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "postgres")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("no PostgreSQL found under /usr/lib/postgresql/*/bin or on PATH")
}

// version is the major version in a path /usr/lib/postgresql/N/bin.
func version(dir string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return v
}

// unprivileged is the user to run PostgreSQL as: nil (this process's
// user) when not root; as root, the postgres account, or else nobody.
func unprivileged() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
		gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), NoSetGroups: true}, nil
	}
	return nil, errors.New("running as root and found neither a postgres nor a nobody account to run PostgreSQL as")
}

// freePort is a TCP port free now; the server uses it only to name its
// socket, so a race with another process is harmless.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

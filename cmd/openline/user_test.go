package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store/sqlite"
)

// runUser runs `openline user add args…` in-process with stdin and the
// environment given, and returns its exit code (0, 1, 2) and output.
func runUser(t *testing.T, stdin string, getenv map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runMain(t, stdin, getenv, append([]string{"user", "add"}, args...)...)
}

func TestUserAdd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	tests := []struct {
		name       string
		stdin      string
		env        map[string]string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string // a part of stderr
	}{
		{
			name: "trainer", stdin: "geheimes Passwort\n", args: []string{"anna", "--role", "trainer", "--data", dir},
			wantStdout: "created trainer \"anna\"\n",
		},
		{
			name: "trainee, flags first, CRLF, no password rules on spaces", stdin: "  pass word  \r\n",
			args:       []string{"--role=trainee", "--data", dir, "Jürgen Müller"},
			wantStdout: "created trainee \"Jürgen Müller\"\n",
		},
		{
			name: "no final newline, more lines ignored", stdin: "password-1\nsecond line\n",
			args: []string{"bert", "--role", "trainee", "--data", dir}, wantStdout: "created trainee \"bert\"\n",
		},
		{
			name: "name taken", stdin: "another password\n", args: []string{"anna", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: `the name "anna" is taken`,
		},
		{
			name: "empty password", stdin: "\n", args: []string{"carla", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "no password on stdin",
		},
		{
			name: "no stdin", stdin: "", args: []string{"carla", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "no password on stdin",
		},
		{
			name: "short password", stdin: "1234567\n", args: []string{"carla", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "shorter than 8 characters",
		},
		{
			name: "long password", stdin: strings.Repeat("x", 257) + "\n", args: []string{"carla", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "longer than 256 bytes",
		},
		{
			name: "very long password", stdin: strings.Repeat("x", 1<<20), args: []string{"carla", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "longer than 256 bytes",
		},
		{
			name: "bad name", stdin: "password123\n", args: []string{"carla@example.org", "--role", "trainee", "--data", dir},
			wantCode: 1, wantStderr: "invalid account name",
		},
		{
			name: "no role", stdin: "password123\n", args: []string{"carla", "--data", dir},
			wantCode: 2, wantStderr: "--role must be trainee or trainer",
		},
		{
			name: "unknown role", stdin: "password123\n", args: []string{"carla", "--role", "admin", "--data", dir},
			wantCode: 2, wantStderr: `not "admin"`,
		},
		{
			name: "no name", stdin: "password123\n", args: []string{"--role", "trainee", "--data", dir},
			wantCode: 2, wantStderr: "want exactly one NAME",
		},
		{
			name: "two names", stdin: "password123\n", args: []string{"carla", "dora", "--role", "trainee", "--data", dir},
			wantCode: 2, wantStderr: "want exactly one NAME",
		},
		{
			name: "unknown flag", stdin: "password123\n", args: []string{"carla", "--rolle", "trainee"},
			wantCode: 2, wantStderr: "flag provided but not defined",
		},
		{
			name: "postgres unreachable, before reading stdin", stdin: "", env: map[string]string{"OPENLINE_DATABASE_URL": "postgres://u@127.0.0.1:1/openline?sslmode=disable&connect_timeout=2"},
			args: []string{"carla", "--role", "trainee", "--data", dir}, wantCode: 2, wantStderr: "connect",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runUser(t, tt.stdin, tt.env, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.wantCode, stderr)
			}
			if stdout != tt.wantStdout {
				t.Errorf("stdout %q, want %q", stdout, tt.wantStdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.wantStderr)
			}
			if tt.wantCode == 0 && stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
		})
	}

	// The accounts are there, with hashes of exactly the passwords given.
	ctx := context.Background()
	st, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	users, err := st.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 3 {
		t.Fatalf("%d accounts, want 3: %+v", len(users), users)
	}
	for _, c := range []struct {
		name, pw string
		role     openline.Role
	}{
		{"anna", "geheimes Passwort", openline.RoleTrainer},
		{"Jürgen Müller", "  pass word  ", openline.RoleTrainee},
		{"bert", "password-1", openline.RoleTrainee},
	} {
		u, err := st.UserByName(ctx, c.name)
		if err != nil {
			t.Fatalf("UserByName(%q): %v", c.name, err)
		}
		if u.Role != c.role {
			t.Errorf("%s has role %s, want %s", c.name, u.Role, c.role)
		}
		if ok, err := auth.CheckPassword(u.PasswordHash, c.pw); !ok || err != nil {
			t.Errorf("CheckPassword(%s, %q) = %v, %v; want true", c.name, c.pw, ok, err)
		}
	}
}

// TestUserAddWhileServing adds accounts while another Store (the server)
// has the database open and writes to it.
func TestUserAddWhileServing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	server, err := sqlite.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	owner := &openline.User{Name: "owner", Role: openline.RoleTrainer, PasswordHash: "x", CreatedAt: time.Unix(1, 0)}
	if err := server.CreateUser(ctx, owner); err != nil {
		t.Fatal(err)
	}
	if err := server.CreateCall(ctx, &openline.Call{ID: "c1", UserID: owner.ID, ScenarioID: "herr-b", StartedAt: time.Unix(1, 0)}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := server.AppendTurn(ctx, openline.StoredTurn{At: time.Unix(1, 0), CallID: "c1", Index: i,
				Turn: openline.Turn{Speaker: openline.Trainee, Text: "hallo"}}); err != nil {
				t.Errorf("AppendTurn(%d): %v", i, err)
				return
			}
		}
	})
	for _, name := range []string{"trainee1", "trainee2"} {
		code, stdout, stderr := runUser(t, "password123\n", nil, name, "--role", "trainee", "--data", dir)
		if code != 0 || stdout != "created trainee \""+name+"\"\n" {
			t.Errorf("user add %s: exit %d, stdout %q, stderr %q", name, code, stdout, stderr)
		}
	}
	close(stop)
	wg.Wait()
	if n, err := server.CountUsers(ctx); err != nil || n != 3 {
		t.Errorf("the server counts %d accounts, %v; want 3", n, err)
	}
}

// stalledReader is a stdin on which nobody types: Read signals that it was
// reached and then blocks until released.
type stalledReader struct {
	reached chan struct{}
	release chan struct{}
}

func (r *stalledReader) Read([]byte) (int, error) {
	close(r.reached)
	<-r.release
	return 0, io.EOF
}

// TestUserAddInterrupted: Ctrl-C (ctx cancelled) while the command waits
// for the password ends it without an account.
func TestUserAddInterrupted(t *testing.T) {
	dir := t.TempDir()
	stdin := &stalledReader{reached: make(chan struct{}), release: make(chan struct{})}
	defer close(stdin.release)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	var out, errOut bytes.Buffer
	go func() {
		errc <- run(ctx, []string{"user", "add", "anna", "--role", "trainee", "--data", dir},
			func(string) string { return "" }, stdin, &out, &errOut)
	}()
	<-stdin.reached
	cancel()
	err := <-errc
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("run = %v, want an error saying interrupted", err)
	}
	if out.Len() != 0 {
		t.Errorf("stdout %q, want nothing", out.String())
	}
	st, err := sqlite.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.CountUsers(context.Background()); err != nil || n != 0 {
		t.Errorf("CountUsers = %d, %v; want 0", n, err)
	}
}

func FuzzReadPassword(f *testing.F) {
	for _, s := range []string{"secret password\n", "pw\r\n", "", "\n", "a\nb\n", strings.Repeat("x", 300), "\r\n\r\n", "ä\xff\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		pw, err := readPassword(strings.NewReader(in))
		if err != nil {
			if pw != "" {
				t.Fatalf("readPassword(%q) = %q with error %v", in, pw, err)
			}
			return
		}
		// The password is the first line of the input, without its line
		// break, not empty and within the byte limit.
		if pw == "" || len(pw) > auth.MaxPasswordBytes || strings.Contains(pw, "\n") {
			t.Fatalf("readPassword(%q) = %q", in, pw)
		}
		line, _, _ := strings.Cut(in, "\n")
		if line != pw && line != pw+"\r" {
			t.Fatalf("readPassword(%q) = %q, want the first line %q", in, pw, line)
		}
	})
}

package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/openline/openline/internal/auth"
	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/internal/store"
)

const userAddUsage = `usage: openline user add NAME --role trainee|trainer [--data DIR]

Creates an account. The password is read from stdin as one line (the line
break is not part of it): at least 8 characters, at most 256 bytes.
  echo 'secret password' | openline user add anna --role trainer
A name is 1 to 64 letters, digits, '.', '_', '-' and single inner spaces.
Works while a server runs on the same --data directory.
OPENLINE_DATABASE_URL=postgres://... selects PostgreSQL instead (--data is
then not used).
`

// runUserAdd is `openline user add`. Usage errors exit 2; a taken name or
// a name or password against the rules exit 1.
func runUserAdd(ctx context.Context, e env, args []string) error {
	fl := newFlags(e, "user add", userAddUsage, true)
	role := fl.String("role", "", "trainee or trainer (required)")
	dataDir := fl.String("data", "./data", "folder of the SQLite database")
	names, done, err := parseArgs(fl, args)
	if done {
		return err
	}
	if len(names) != 1 {
		fmt.Fprintln(e.stderr, "openline user add: want exactly one NAME")
		fl.Usage()
		return exitCode(2)
	}
	name := names[0]
	r := openline.Role(*role)
	if !r.Valid() {
		fmt.Fprintf(e.stderr, "openline user add: --role must be trainee or trainer, not %q\n", *role)
		return exitCode(2)
	}
	failf := func(format string, a ...any) error {
		fmt.Fprintf(e.stderr, "openline user add: "+format+"\n", a...)
		return exitCode(1)
	}
	if err := auth.ValidName(name); err != nil {
		return failf("%v", err)
	}
	st, err := store.Open(ctx, *dataDir, e.getenv(store.EnvDatabaseURL))
	if err != nil {
		return err
	}
	defer st.Close()
	pw, err := promptPassword(ctx, e, name)
	if errors.Is(err, context.Canceled) {
		return errors.New("user add: interrupted; no account created")
	}
	if err != nil {
		return failf("%v", err)
	}
	if err := auth.ValidPassword(pw); err != nil {
		return failf("%v", err)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	u := &openline.User{Name: name, Role: r, PasswordHash: hash, CreatedAt: time.Now()}
	if err := st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, openline.ErrConflict) {
			return failf("the name %q is taken; choose another", name)
		}
		return fmt.Errorf("user add: %w", err)
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	fmt.Fprintf(e.stdout, "created %s %q\n", r, name)
	return nil
}

// readPassword reads one line from r: the password without its line break
// ("\n" or "\r\n"). It reads at most auth.MaxPasswordBytes+3 bytes. An
// empty line, no input or a line longer than auth.MaxPasswordBytes is an
// error.
func readPassword(r io.Reader) (string, error) {
	// Read a little more than the longest password, to tell it apart from a
	// longer one without reading unbounded input.
	br := bufio.NewReader(io.LimitReader(r, auth.MaxPasswordBytes+3))
	line, err := br.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from stdin: %w", err)
	}
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	switch {
	case line == "":
		return "", errors.New("no password on stdin: give it as one line, e.g. echo 'secret password' | openline user add NAME --role trainee")
	case len(line) > auth.MaxPasswordBytes:
		return "", fmt.Errorf("%w: longer than %d bytes", auth.ErrInvalidPassword, auth.MaxPasswordBytes)
	}
	return line, nil
}

// promptPassword reads the password from e.stdin. When stdin is a terminal
// it prompts on stderr, reads with the echo off (on Linux) and asks a
// second time to catch a typo. It returns ctx.Err() when ctx ends first
// (Ctrl-C), leaving the terminal as it was.
func promptPassword(ctx context.Context, e env, name string) (string, error) {
	f, ok := e.stdin.(*os.File)
	if !ok {
		return readPasswordCtx(ctx, e.stdin)
	}
	restore, tty := terminalNoEcho(f)
	if !tty {
		return readPasswordCtx(ctx, e.stdin)
	}
	defer restore()
	fmt.Fprintf(e.stderr, "Password for %q (at least %d characters): ", name, auth.MinPasswordChars)
	pw, err := readPasswordCtx(ctx, f)
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", err
	}
	fmt.Fprint(e.stderr, "The same again: ")
	again, err := readPasswordCtx(ctx, f)
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", err
	}
	if again != pw {
		return "", errors.New("the two passwords differ")
	}
	return pw, nil
}

// readPasswordCtx is readPassword that gives up when ctx ends.
func readPasswordCtx(ctx context.Context, r io.Reader) (string, error) {
	type result struct {
		pw  string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		pw, err := readPassword(r)
		ch <- result{pw, err}
	}()
	select {
	case res := <-ch:
		return res.pw, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Command openline is the telephone-training simulator: the server, the
// scenario tools and the scorer. See README.md and docs/.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/openline/openline/internal/acts"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		var ec exitCode
		if !errors.As(err, &ec) {
			fmt.Fprintln(os.Stderr, "openline:", err)
			os.Exit(2)
		}
		os.Exit(int(ec))
	}
}

// exitCode is returned by a command that has already said what went wrong
// and only needs the process to exit with this code.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit status %d", int(c)) }

// readingModel loads the learned layer of the reading (acts.DefaultModel);
// a variable so that a test can break it.
var readingModel = acts.DefaultModel

// env is what every command gets from its process.
type env struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

const usage = `usage: openline <command> [arguments]

commands:
  serve                 run the server (openline serve -h)
  scenario check PATH…  validate scenario files or folders
  scenario test PATH…   run the scenarios' own test conversations
  score TRANSCRIPT.json score a transcript ("-" reads stdin)
  user add NAME         create an account; the password is read from stdin
  loadgen               drive concurrent calls and measure them (openline loadgen -h)
`

// run is the whole program; main is a shim around it so that tests can run
// every command in-process.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitCode(2)
	}
	switch args[0] {
	case "help", "-h", "--help":
	default:
		// Every command reads turns (scoring, the scripted prospect, the
		// scenarios' tests): a binary whose learned layer does not load
		// would read with the rules alone and score otherwise than the
		// scorecards say; it refuses to start instead.
		if _, err := readingModel(); err != nil {
			return fmt.Errorf("%w (this binary's internal/acts/reading.model is broken: rebuild it from a clean checkout, or retrain it with go run ./cmd/train-reading)", err)
		}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return runServe(ctx, e, rest)
	case "scenario":
		if len(rest) == 0 {
			fmt.Fprint(stderr, usage)
			return exitCode(2)
		}
		switch rest[0] {
		case "check":
			return runScenarioCheck(ctx, e, rest[1:])
		case "test":
			return runScenarioTest(ctx, e, rest[1:])
		}
		return fmt.Errorf("unknown scenario command %q (want check or test)", rest[0])
	case "score":
		return runScore(ctx, e, rest)
	case "user":
		if len(rest) == 0 || rest[0] != "add" {
			fmt.Fprint(stderr, usage)
			return exitCode(2)
		}
		return runUserAdd(ctx, e, rest[1:])
	case "loadgen":
		return runLoadgen(ctx, e, rest)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

package main

import (
	"errors"
	"flag"
	"fmt"
)

// newFlags returns the flag set of a command: errors and -h go to the
// command's stderr, and -h prints usage (then the flags' defaults when
// defaults is set).
func newFlags(e env, name, usage string, defaults bool) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	fl.Usage = func() {
		fmt.Fprint(e.stderr, usage)
		if defaults {
			fl.PrintDefaults()
		}
	}
	return fl
}

// parseArgs parses args with fl and returns the operands; flags may come
// before, between or after them. done is true when the command must return
// err right away: nil after -h (the usage is printed), exitCode(2) after a
// bad flag (the flag package has said why).
func parseArgs(fl *flag.FlagSet, args []string) (operands []string, done bool, err error) {
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, true, nil
			}
			return nil, true, exitCode(2)
		}
		if fl.NArg() == 0 {
			return operands, false, nil
		}
		operands = append(operands, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// parsePaths is parseArgs for a command that needs at least one PATH
// operand: without one it prints the usage and is done with exitCode(2).
func parsePaths(fl *flag.FlagSet, args []string) (paths []string, done bool, err error) {
	paths, done, err = parseArgs(fl, args)
	if !done && len(paths) == 0 {
		fl.Usage()
		return nil, true, exitCode(2)
	}
	return paths, done, err
}

// noOperands is for a command that takes only flags: an operand is named on
// stderr before the usage, and the command is done with exitCode(2).
func noOperands(e env, fl *flag.FlagSet, operands []string) error {
	if len(operands) == 0 {
		return nil
	}
	fmt.Fprintf(e.stderr, "openline %s: unexpected argument %q (it takes only flags)\n", fl.Name(), operands[0])
	fl.Usage()
	return exitCode(2)
}

package scenario

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/openline/openline/internal/openline"
)

// LoadPaths loads the scenario files at paths: each a file, or a folder
// whose *.yaml and *.yml files (not those of its subfolders) are loaded in
// name order. A scenario id used by two files is an error in the later one.
//
// It returns every scenario whose file has no problem, in load order, and,
// when any file has one, an ErrorList of all problems of all files; a file
// with a problem contributes none of its content.
func LoadPaths(paths ...string) ([]*openline.Scenario, error) {
	var files []string
	var errs ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, Error{File: p, Msg: pathError(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			errs = append(errs, Error{File: p, Msg: pathError(err)})
			continue
		}
		n := len(files)
		for _, e := range entries {
			if isScenarioFile(e) {
				files = append(files, filepath.Join(p, e.Name()))
			}
		}
		if len(files) == n {
			errs = append(errs, Error{File: p, Msg: "folder holds no scenario files (*.yaml, *.yml)"})
		}
	}
	return load(files, errs, openRegular)
}

// errNotRegular marks a path that is not a regular file (a FIFO, a device,
// a socket).
var errNotRegular = errors.New("not a regular file")

// openRegular opens name for reading only when it is a regular file
// (symlinks followed). It opens without blocking, since opening a FIFO
// that no one writes to waits for ever (and reading a device may never
// end), and checks the file it opened, so a file swapped between listing
// and opening is caught too.
func openRegular(name string) (fs.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() {
		f.Close()
		return nil, errNotRegular
	}
	return f, nil
}

// LoadPathsContext is LoadPaths that gives up when ctx is done (a signal,
// or a deadline) and returns ctx's error then. Reading files that never
// end or never answer (a hung network share) cannot keep a command from
// stopping.
func LoadPathsContext(ctx context.Context, paths ...string) ([]*openline.Scenario, error) {
	return untilDone(ctx, func() ([]*openline.Scenario, error) { return LoadPaths(paths...) })
}

// untilDone runs load and returns what it returns, or ctx's error as soon
// as ctx is done.
func untilDone(ctx context.Context, load func() ([]*openline.Scenario, error)) ([]*openline.Scenario, error) {
	type result struct {
		scs []*openline.Scenario
		err error
	}
	done := make(chan result, 1) // the loader may finish after we gave up
	go func() {
		scs, err := load()
		done <- result{scs, err}
	}()
	select {
	case r := <-done:
		return r.scs, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("read scenario files: %w", context.Cause(ctx))
	}
}

// LoadFS loads every *.yaml and *.yml file at the root of fsys, in name
// order, as LoadPaths does; errors name the files by their path in fsys.
// It is meant for the scenarios embedded in the binary.
func LoadFS(fsys fs.FS) ([]*openline.Scenario, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, ErrorList{{File: ".", Msg: pathError(err)}}
	}
	var files []string
	for _, e := range entries {
		if isScenarioFile(e) {
			files = append(files, e.Name())
		}
	}
	return load(files, nil, fsys.Open)
}

// isScenarioFile reports whether a folder entry is a scenario file by its
// name. Hidden files (editor backups, ".#x.yaml") are skipped.
func isScenarioFile(e fs.DirEntry) bool {
	name := e.Name()
	ext := path.Ext(name)
	return !e.IsDir() && !strings.HasPrefix(name, ".") && (ext == ".yaml" || ext == ".yml")
}

// errTooLarge marks a file over MaxFileSize.
var errTooLarge = errors.New("too large")

// readFile reads the file name, opened with open, by readLimited.
func readFile(open func(string) (fs.File, error), name string) ([]byte, error) {
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(f)
}

// readLimited reads at most MaxFileSize bytes of r, and fails with
// errTooLarge when there is more.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, errTooLarge
	}
	return data, nil
}

// pathError says in plain words why a path could not be read.
func pathError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	case errors.Is(err, errNotRegular):
		return "not a regular file (a FIFO, device or socket is never read)"
	case errors.Is(err, errTooLarge):
		return fmt.Sprintf("file is larger than %d bytes (1 MiB), the limit for a scenario file", MaxFileSize)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

// load reads (with open) and parses files in order, adds their problems and
// those of duplicate ids across files to errs, and returns the scenarios of
// the files without problems.
func load(files []string, errs ErrorList, open func(string) (fs.File, error)) ([]*openline.Scenario, error) {
	type place struct {
		file      string
		line, col int
	}
	var out []*openline.Scenario
	firstID := map[string]place{}
	for _, name := range files {
		data, err := readFile(open, name)
		if err != nil {
			errs = append(errs, Error{File: name, Msg: pathError(err)})
			continue
		}
		sc, idNode, err := parseFile(name, data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) {
				list = ErrorList{{File: name, Msg: err.Error()}}
			}
			errs = append(errs, list...)
			continue
		}
		line, col := 1, 1
		if idNode != nil { // always set for a valid file
			line, col = idNode.Line, idNode.Column
		}
		if first, ok := firstID[sc.ID]; ok {
			errs = append(errs, Error{File: name, Line: line, Col: col,
				Msg: fmt.Sprintf("duplicate scenario id %q: also in %s:%d:%d", sc.ID, first.file, first.line, first.col)})
			continue
		}
		firstID[sc.ID] = place{name, line, col}
		out = append(out, sc)
	}
	return out, errs.err()
}

// ByID loads the scenarios of fsys as LoadFS does, keyed by id: for the
// commands and tests that look a labelled call's scenario up.
func ByID(fsys fs.FS) (map[string]*openline.Scenario, error) {
	list, err := LoadFS(fsys)
	if err != nil {
		return nil, err
	}
	m := make(map[string]*openline.Scenario, len(list))
	for _, sc := range list {
		m[sc.ID] = sc
	}
	return m, nil
}

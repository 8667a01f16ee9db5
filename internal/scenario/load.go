package scenario

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

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
	return load(files, errs, func(name string) (fs.File, error) { return os.Open(name) })
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

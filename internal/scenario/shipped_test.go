package scenario

import (
	"os"
	"path/filepath"
	"testing"
)

// TestShippedScenarios loads every scenario in the repository's scenarios/
// folder, as `openline scenario check scenarios/` does: a broken trainer
// file fails the build.
func TestShippedScenarios(t *testing.T) {
	const dir = "../../scenarios"
	files, err := filepath.Glob(filepath.Join(dir, "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no scenario files in %s; the shipped scenarios belong there", dir)
	}
	scs, err := LoadPaths(dir)
	if err != nil {
		t.Fatalf("shipped scenarios are invalid:\n%v", err)
	}
	if len(scs) != len(files) {
		t.Errorf("loaded %d scenarios from %d files", len(scs), len(files))
	}
	for i, sc := range scs {
		checkInvariants(t, sc, files[i])
	}
}

// TestShippedScenariosFS loads the same folder through LoadFS, the way the
// server loads the embedded copy, and expects the same scenarios.
func TestShippedScenariosFS(t *testing.T) {
	const dir = "../../scenarios"
	fromPaths, err := LoadPaths(dir)
	if err != nil {
		t.Fatalf("LoadPaths:\n%v", err)
	}
	fromFS, err := LoadFS(os.DirFS(dir))
	if err != nil {
		t.Fatalf("LoadFS:\n%v", err)
	}
	if len(fromFS) != len(fromPaths) {
		t.Fatalf("LoadFS loaded %d scenarios, LoadPaths %d", len(fromFS), len(fromPaths))
	}
	for i := range fromFS {
		a, b := fromFS[i], fromPaths[i]
		if a.ID != b.ID || a.Version != b.Version || a.Source != filepath.Base(b.Source) {
			t.Errorf("scenario %d: LoadFS %s %s %s, LoadPaths %s %s %s", i, a.ID, a.Version, a.Source, b.ID, b.Version, b.Source)
		}
	}
}

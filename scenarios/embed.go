// Package scenarios holds the scenarios shipped with openline: one YAML file
// per scenario, written against scenarios/schema.json and documented for
// trainers in docs/scenarios.md.
package scenarios

import "embed"

// FS is the shipped scenarios, embedded into the binary: every *.yaml file of
// this folder, at the root of the file system. Load it with
// scenario.LoadFS(scenarios.FS).
//
//go:embed *.yaml
var FS embed.FS

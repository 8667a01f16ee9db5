// Package web holds the browser UI's files: the html/template pages, the
// static assets (CSS, ES modules, icons) and the message catalogs, embedded
// in the binary so that the server needs no files at run time and no build
// step. Package internal/ui serves them.
package web

import "embed"

// FS holds templates/*.html (parsed once by package ui) and static/ (served
// under /static/ with a content-hash version in the URL).
//
//go:embed templates static
var FS embed.FS

// Messages holds the message catalogs i18n/de.json and i18n/en.json: flat
// JSON objects from message key to text, with the same keys in both.
// Placeholders are written {name}; plural forms are two keys ending in
// ".one" and ".other".
//
//go:embed i18n/*.json
var Messages embed.FS

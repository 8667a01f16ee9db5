package ui

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"
	"time"
)

// assets are the static files, read once. They are served under
// /static/<version>/<name>, where version is a hash of all of them: a URL
// names exactly one content and may be cached for a year, and the ES modules'
// relative imports stay inside the same version.
type assets struct {
	version string
	files   map[string]asset // by name relative to static/, e.g. "js/call.js"
}

type asset struct {
	data        []byte
	contentType string
	etag        string
}

// versionLen is how many hex digits of the hash a URL carries.
const versionLen = 12

// contentTypes are the types of the file extensions the UI ships; other
// files are not served. Set explicitly so that the answer does not depend on
// the host's MIME tables.
var contentTypes = map[string]string{
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".woff2": "font/woff2",
}

func loadAssets(fsys fs.FS) (*assets, error) {
	as := &assets{files: map[string]asset{}}
	var names []string
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ct, ok := contentTypes[path.Ext(name)]
		if !ok {
			return fmt.Errorf("static file %s: no content type for its extension", name)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		as.files[name] = asset{data: data, contentType: ct, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		names = append(names, name)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%s\x00", n, as.files[n].etag)
	}
	as.version = hex.EncodeToString(h.Sum(nil))[:versionLen]
	return as, nil
}

// url returns the versioned URL of a static file.
func (as *assets) url(name string) string { return "/static/" + as.version + "/" + name }

// handler serves GET /static/<version>/<name>. The current version is cached
// for a year as immutable; an old or unknown version still gets the current
// file (a page cached across a deploy keeps working) but is not cached.
func (as *assets) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, "/static/")
		version, name, ok := strings.Cut(rest, "/")
		a, found := as.files[name]
		if !ok || !found {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", a.contentType)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("ETag", a.etag)
		if version == as.version {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.data))
	})
}

package ui

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/openline/openline/internal/openline"
	"github.com/openline/openline/web"
)

func mustCatalogs(t *testing.T) map[openline.Language]catalog {
	t.Helper()
	cats, err := loadCatalogs(web.Messages)
	if err != nil {
		t.Fatal(err)
	}
	return cats
}

var placeholder = regexp.MustCompile(`\{[a-z]+\}`)

// TestCatalogsComplete checks that both catalogs have the same keys, no
// empty text, and the same placeholders for each key.
func TestCatalogsComplete(t *testing.T) {
	cats := mustCatalogs(t)
	de, en := cats[openline.German], cats[openline.English]
	if len(de.msgs) < 100 {
		t.Errorf("German catalog has only %d messages", len(de.msgs))
	}
	for _, pair := range [][2]catalog{{de, en}, {en, de}} {
		for _, k := range pair[0].keys() {
			if _, ok := pair[1].msgs[k]; !ok {
				t.Errorf("key %q is in %s.json but not in %s.json", k, pair[0].lang, pair[1].lang)
			}
		}
	}
	for _, k := range de.keys() {
		d, e := de.msgs[k], en.msgs[k]
		if strings.TrimSpace(d) == "" || strings.TrimSpace(en.msgs[k]) == "" {
			t.Errorf("key %q has an empty text", k)
		}
		pd, pe := placeholder.FindAllString(d, -1), placeholder.FindAllString(e, -1)
		slices.Sort(pd)
		slices.Sort(pe)
		if !slices.Equal(pd, pe) {
			t.Errorf("key %q: placeholders differ: de %v, en %v", k, pd, pe)
		}
	}
}

// TestCatalogPlurals checks that every plural family has its "one" and
// "other" forms.
// TestCatalogsArePlainLanguage: a user reads every message as it is, so
// none may carry markup a terminal user would write (backticks read as
// raw punctuation on a page).
func TestCatalogsArePlainLanguage(t *testing.T) {
	for lang, cat := range mustCatalogs(t) {
		for _, k := range cat.keys() {
			if strings.Contains(cat.msgs[k], "`") {
				t.Errorf("%s %q has a backtick: %s", lang, k, cat.msgs[k])
			}
		}
	}
}

func TestCatalogPlurals(t *testing.T) {
	cat := mustCatalogs(t)[openline.English]
	for _, k := range cat.keys() {
		for _, form := range []string{".zero", ".one", ".other"} {
			if base, ok := strings.CutSuffix(k, form); ok {
				for _, need := range []string{".one", ".other"} {
					if _, ok := cat.msgs[base+need]; !ok {
						t.Errorf("plural %q lacks %s", base, need)
					}
				}
			}
		}
	}
}

// TestUsedKeysExist reads the templates, the modules and this package's Go
// code for the message keys they use and checks that each is in the
// catalog. Keys built at run time are checked as families below.
func TestUsedKeysExist(t *testing.T) {
	cat := mustCatalogs(t)[openline.German]
	has := func(k string) bool {
		_, ok := cat.msgs[k]
		_, plural := cat.msgs[k+".other"]
		return ok || plural
	}
	uses := map[string]string{} // key → where
	scan := func(fsys fs.FS, glob string, re *regexp.Regexp) {
		names, err := fs.Glob(fsys, glob)
		if err != nil || len(names) == 0 {
			t.Fatalf("glob %s: %v (%d files)", glob, err, len(names))
		}
		for _, name := range names {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllStringSubmatch(string(data), -1) {
				uses[m[1]] = name
			}
		}
	}
	scan(web.FS, "templates/*.html", regexp.MustCompile(`\.Tf? "([a-z0-9_.]+)"`))
	scan(web.FS, "static/js/*.js", regexp.MustCompile(`\bt\('([a-z0-9_.]+)'\s*[,)]`))
	scan(os.DirFS("."), "ui.go", regexp.MustCompile(`(?:Title|Data): "([a-z0-9_.]+)"|title :?= "([a-z0-9_.]+)"`))
	if len(uses) < 60 {
		t.Errorf("found only %d message keys in use; is the scan broken?", len(uses))
	}
	for k, where := range uses {
		if k == "" {
			continue
		}
		if !has(k) {
			t.Errorf("%s uses key %q, which is not in the catalog", where, k)
		}
	}

	// Keys built from values at run time.
	families := map[string][]string{
		"difficulty.":   {string(openline.Easy), string(openline.Medium), string(openline.Hard)},
		"direction.":    {string(openline.Outbound), string(openline.Inbound)},
		"lang.":         {string(openline.German), string(openline.English)},
		"picker.group.": {string(openline.German), string(openline.English)},
		"role.":         {string(openline.RoleTrainee), string(openline.RoleTrainer)},
		"engine.":       {string(openline.EngineScripted), string(openline.EngineLLM)},
		"outcome.":      {string(openline.OutcomeHungUp), string(openline.OutcomeNextStep), string(openline.OutcomePoliteEnd), string(openline.OutcomeInterrupted), "open"},
		"nextstep.":     {"meeting", "send_info", "invitation", "referral", "callback"},
		"score.":        {string(openline.DimensionOpenness), string(openline.DimensionCuriosity), string(openline.DimensionOpenness) + ".help", string(openline.DimensionCuriosity) + ".help"},
	}
	for prefix, values := range families {
		for _, v := range values {
			if !has(prefix + v) {
				t.Errorf("key %q is missing", prefix+v)
			}
		}
	}
}

func TestCatalogFormat(t *testing.T) {
	cat := mustCatalogs(t)[openline.German]
	if got, want := cat.format("call.hungup.prospect", "name", "Herr B."), "Herr B. hat aufgelegt."; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	if got := cat.text("no.such.key"); got != "no.such.key" {
		t.Errorf("missing key renders as %q, want the key", got)
	}
}

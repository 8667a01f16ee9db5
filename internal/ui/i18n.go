package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/openline/openline/internal/openline"
)

const (
	// langCookie remembers the language chosen with the switch (?lang=).
	langCookie = "openline_lang"
	// langCookieAge is how long the choice is kept, in seconds (one year).
	langCookieAge = 365 * 24 * 60 * 60
	// defaultLanguage is used when neither the switch nor the browser names a
	// supported language.
	defaultLanguage = openline.English
)

// catalog is one language's messages: flat keys to texts.
type catalog struct {
	lang openline.Language
	msgs map[string]string
}

// loadCatalogs reads i18n/<lang>.json for every supported language.
func loadCatalogs(fsys fs.FS) (map[openline.Language]catalog, error) {
	cats := make(map[openline.Language]catalog, len(openline.Languages))
	for _, l := range openline.Languages {
		name := "i18n/" + string(l) + ".json"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read catalog: %w", err)
		}
		var msgs map[string]string
		if err := json.Unmarshal(data, &msgs); err != nil {
			return nil, fmt.Errorf("parse catalog %s: %w", name, err)
		}
		cats[l] = catalog{lang: l, msgs: msgs}
	}
	return cats, nil
}

// text returns the message for key; a missing key shows as the key itself
// (the catalog test keeps that from shipping).
func (c catalog) text(key string) string {
	if m, ok := c.msgs[key]; ok {
		return m
	}
	return key
}

// format returns the message for key with {name} placeholders replaced from
// alternating name, value arguments.
func (c catalog) format(key string, args ...any) string {
	m := c.text(key)
	for i := 0; i+1 < len(args); i += 2 {
		m = strings.ReplaceAll(m, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return m
}

// keys returns the catalog's keys, sorted.
func (c catalog) keys() []string {
	ks := make([]string, 0, len(c.msgs))
	for k := range c.msgs {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// language picks the page language (RequestLanguage).
func (u *UI) language(r *http.Request) openline.Language { return RequestLanguage(r) }

// RequestLanguage picks the language of a page or of an API answer's
// words: the switch (?lang=), then the cookie it set, then the browser's
// Accept-Language, then defaultLanguage.
func RequestLanguage(r *http.Request) openline.Language {
	if l := openline.Language(r.URL.Query().Get("lang")); l.Valid() {
		return l
	}
	if c, err := r.Cookie(langCookie); err == nil {
		if l := openline.Language(c.Value); l.Valid() {
			return l
		}
	}
	if l, ok := acceptLanguage(r.Header.Get("Accept-Language")); ok {
		return l
	}
	return defaultLanguage
}

// acceptLanguage returns the supported language the Accept-Language header
// value prefers (RFC 9110 §12.5.4): the highest q wins, the earlier entry on
// a tie; "de-AT" counts as "de"; q=0 excludes. A "*" is ignored. ok is false
// when no supported language is named.
func acceptLanguage(header string) (lang openline.Language, ok bool) {
	bestQ := 0.0
	for part := range strings.SplitSeq(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		primary, _, _ := strings.Cut(tag, "-")
		l := openline.Language(primary)
		if !l.Valid() {
			continue
		}
		q := 1.0
		for p := range strings.SplitSeq(params, ";") {
			name, val, found := strings.Cut(strings.TrimSpace(p), "=")
			if !found || strings.ToLower(strings.TrimSpace(name)) != "q" {
				continue
			}
			v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
			if err != nil || v < 0 || v > 1 {
				v = 0
			}
			q = v
		}
		if q > bestQ {
			lang, bestQ, ok = l, q, true
		}
	}
	return lang, ok
}

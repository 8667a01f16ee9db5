package web

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"
)

// TestHostHeaderIsChecked: a request naming a host the server does not
// serve (a page of a rebound DNS name) gets 421 bad_host, pages, API and
// websocket alike; the loopback names a local user types work, and so do
// the configured names.
func TestHostHeaderIsChecked(t *testing.T) {
	tests := []struct {
		name    string
		allowed []string
		host    string
		want    bool
	}{
		{"loopback address", nil, "127.0.0.1:8181", true},
		{"other loopback address", nil, "127.0.0.2:8181", true},
		{"localhost", nil, "localhost:8181", true},
		{"localhost without port", nil, "localhost", true},
		{"IPv6 loopback", nil, "[::1]:8181", true},
		{"a sub-name of localhost", nil, "app.localhost:8181", true},
		{"a rebound name", nil, "evil.example:8181", false},
		{"another address", nil, "192.0.2.7:8181", false},
		{"empty", nil, "", false},
		{"configured name", []string{"openline.example.org"}, "openline.example.org", true},
		{"configured name, other case, trailing dot, port", []string{"openline.example.org"}, "OpenLine.Example.org.:443", true},
		{"configured address", []string{"192.0.2.7"}, "192.0.2.7:8181", true},
		{"not configured", []string{"openline.example.org"}, "evil.example", false},
		{"any", []string{AnyHost}, "evil.example", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newHostSet(tt.allowed).allows(tt.host); got != tt.want {
				t.Errorf("allows(%q) with %q = %v, want %v", tt.host, tt.allowed, got, tt.want)
			}
		})
	}

	a := mustApp(t)
	for _, path := range []string{"/login", "/api/me", "/healthz", "/api/calls/ws"} {
		req, err := http.NewRequest("GET", a.http.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "evil.example:8181"
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e errorBody
		if resp.StatusCode != http.StatusMisdirectedRequest || json.Unmarshal(b, &e) != nil || e.Error.Code != "bad_host" {
			t.Errorf("GET %s with Host evil.example: %d %s, want 421 bad_host", path, resp.StatusCode, b)
		}
	}
	if status, body, _ := a.do("GET", "/healthz", "", nil); status != http.StatusOK {
		t.Errorf("GET /healthz with Host 127.0.0.1: %d %s, want 200", status, body)
	}
}

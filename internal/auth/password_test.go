package auth

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// cheap are parameters that keep the tests fast.
var cheap = Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func mustHash(t *testing.T, p Params, pw string) string {
	t.Helper()
	h, err := p.Hash(pw)
	if err != nil {
		t.Fatalf("Hash(%q): %v", pw, err)
	}
	return h
}

func TestCheckPassword(t *testing.T) {
	encoded := mustHash(t, cheap, "Geheimnis 123 – ü")
	tests := []struct {
		name string
		pw   string
		want bool
	}{
		{"right", "Geheimnis 123 – ü", true},
		{"wrong", "Geheimnis 124 – ü", false},
		{"empty", "", false},
		{"prefix", "Geheimnis 123", false},
		{"longer", "Geheimnis 123 – ü ", false},
		{"other case", "geheimnis 123 – ü", false},
		{"too long to check", strings.Repeat("x", MaxPasswordBytes+1), false},
	}
	for _, tt := range tests {
		got, err := CheckPassword(encoded, tt.pw)
		if err != nil || got != tt.want {
			t.Errorf("CheckPassword(%s) = %v, %v; want %v", tt.name, got, err, tt.want)
		}
	}
}

func TestHashPasswordDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("64 MiB argon2id")
	}
	encoded, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if want := "$argon2id$v=19$m=65536,t=1,p=2$"; !strings.HasPrefix(encoded, want) {
		t.Errorf("HashPassword = %q, want the prefix %q", encoded, want)
	}
	if ok, err := CheckPassword(encoded, "correct horse"); !ok || err != nil {
		t.Errorf("CheckPassword(right) = %v, %v", ok, err)
	}
	if DefaultParams.NeedsRehash(encoded) {
		t.Error("NeedsRehash of a DefaultParams hash")
	}
	if !DefaultParams.NeedsRehash(mustHash(t, cheap, "x")) {
		t.Error("no NeedsRehash of a hash with other parameters")
	}
	if CheckPasswordNoUser("correct horse") {
		t.Error("CheckPasswordNoUser = true")
	}
}

func TestHashSalted(t *testing.T) {
	a, b := mustHash(t, cheap, "same password"), mustHash(t, cheap, "same password")
	if a == b {
		t.Errorf("two hashes of one password are equal: %q", a)
	}
	h, err := ParseHash(a)
	if err != nil {
		t.Fatal(err)
	}
	if h.Params != cheap || len(h.Salt) != 16 || len(h.Key) != 32 {
		t.Errorf("ParseHash = %+v, want the parameters %+v", h, cheap)
	}
	if got := h.String(); got != a {
		t.Errorf("String() = %q, want %q", got, a)
	}
}

func TestHashParams(t *testing.T) {
	tests := []struct {
		name string
		p    Params
	}{
		{"no memory", Params{Memory: 0, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}},
		{"too much memory", Params{Memory: maxMemory + 1, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}},
		{"no time", Params{Memory: 64, Time: 0, Threads: 1, SaltLen: 16, KeyLen: 32}},
		{"no threads", Params{Memory: 64, Time: 1, Threads: 0, SaltLen: 16, KeyLen: 32}},
		{"short salt", Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 4, KeyLen: 32}},
		{"short key", Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 8}},
	}
	for _, tt := range tests {
		if h, err := tt.p.Hash("password"); err == nil {
			t.Errorf("Hash with %s = %q, want an error", tt.name, h)
		}
	}
}

func TestCheckPasswordMalformed(t *testing.T) {
	good := mustHash(t, cheap, "password")
	parts := strings.Split(good, "$") // "", argon2id, v=19, params, salt, key
	join := func(p ...string) string { return strings.Join(p, "$") }
	tests := []struct {
		name    string
		encoded string
	}{
		{"empty", ""},
		{"bcrypt", "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},
		{"argon2i", join("", "argon2i", parts[2], parts[3], parts[4], parts[5])},
		{"version 16", join("", "argon2id", "v=16", parts[3], parts[4], parts[5])},
		{"no version", join("", "argon2id", parts[3], parts[4], parts[5])},
		{"params out of order", join("", "argon2id", "v=19", "t=1,m=64,p=1", parts[4], parts[5])},
		{"param not a number", join("", "argon2id", "v=19", "m=64,t=x,p=1", parts[4], parts[5])},
		{"param signed", join("", "argon2id", "v=19", "m=+64,t=1,p=1", parts[4], parts[5])},
		{"param leading zero", join("", "argon2id", "v=19", "m=064,t=1,p=1", parts[4], parts[5])},
		{"memory huge", join("", "argon2id", "v=19", "m=4294967295,t=1,p=1", parts[4], parts[5])},
		{"memory overflows", join("", "argon2id", "v=19", "m=99999999999,t=1,p=1", parts[4], parts[5])},
		{"time huge", join("", "argon2id", "v=19", "m=64,t=1000,p=1", parts[4], parts[5])},
		{"threads 256", join("", "argon2id", "v=19", "m=4096,t=1,p=256", parts[4], parts[5])},
		{"threads 0", join("", "argon2id", "v=19", "m=64,t=1,p=0", parts[4], parts[5])},
		{"salt not base64", join("", "argon2id", "v=19", parts[3], "!!!!", parts[5])},
		{"salt padded", join("", "argon2id", "v=19", parts[3], parts[4]+"==", parts[5])},
		{"key empty", join("", "argon2id", "v=19", parts[3], parts[4], "")},
		{"key too short", join("", "argon2id", "v=19", parts[3], parts[4], "AAAA")},
		{"extra part", good + "$x"},
		{"no leading $", strings.TrimPrefix(good, "$")},
		{"too long", good + strings.Repeat("A", 300)},
	}
	for _, tt := range tests {
		ok, err := CheckPassword(tt.encoded, "password")
		if ok || !errors.Is(err, ErrMalformedHash) {
			t.Errorf("CheckPassword(%s) = %v, %v; want false, ErrMalformedHash", tt.name, ok, err)
		}
	}
}

// TestConstantTimeCompare checks the source: the derived keys are compared
// with crypto/subtle, and nothing in the package compares secrets with
// bytes.Equal or ==/!= on strings of keys. Timing itself is not measured.
func TestConstantTimeCompare(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "password.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var check *ast.FuncDecl
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "CheckPassword" {
			check = fd
		}
	}
	if check == nil {
		t.Fatal("no func CheckPassword in password.go")
	}
	var calls []string
	ast.Inspect(check.Body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				calls = append(calls, id.Name+"."+sel.Sel.Name)
			}
		}
		return true
	})
	joined := strings.Join(calls, " ")
	if !strings.Contains(joined, "subtle.ConstantTimeCompare") {
		t.Errorf("CheckPassword does not call subtle.ConstantTimeCompare (calls: %s)", joined)
	}
	for _, banned := range []string{"bytes.Equal", "bytes.Compare", "reflect.DeepEqual"} {
		if strings.Contains(joined, banned) {
			t.Errorf("CheckPassword calls %s", banned)
		}
	}
}

func FuzzParseHash(f *testing.F) {
	f.Add("$argon2id$v=19$m=65536,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")
	f.Add("$argon2id$v=19$m=64,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
	f.Add("$argon2i$v=19$m=64,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")
	f.Add("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")
	f.Add("$argon2id$v=19$m=,t=,p=$$")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHash(s)
		if err != nil {
			if !errors.Is(err, ErrMalformedHash) {
				t.Fatalf("ParseHash(%q) = %v, not ErrMalformedHash", s, err)
			}
			return
		}
		// What parses is within bounds and prints back exactly.
		if err := h.Params.valid(); err != nil {
			t.Fatalf("ParseHash(%q) accepted invalid parameters: %v", s, err)
		}
		if got := h.String(); got != s {
			t.Fatalf("ParseHash(%q).String() = %q", s, got)
		}
	})
}

// BenchmarkHashPassword is the cost of one login's CheckPassword (the same
// work as a hash) with DefaultParams: time and, via -benchmem, memory.
func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("correct horse battery"); err != nil {
			b.Fatal(err)
		}
	}
}

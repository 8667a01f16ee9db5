package auth

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"testing"
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	for range 100 {
		tok, hash := NewToken()
		raw, err := base64.RawURLEncoding.DecodeString(tok)
		if err != nil || len(raw) != TokenBytes {
			t.Fatalf("token %q: %d bytes, %v; want %d bytes of base64url", tok, len(raw), err, TokenBytes)
		}
		if len(tok) != 43 {
			t.Errorf("token %q has %d characters, want 43", tok, len(tok))
		}
		if hash != HashToken(tok) {
			t.Errorf("NewToken hash %q != HashToken %q", hash, HashToken(tok))
		}
		if seen[tok] {
			t.Fatalf("token %q twice", tok)
		}
		seen[tok] = true
	}
}

func TestHashToken(t *testing.T) {
	// The hash is the hex SHA-256 of the token text, so another store or a
	// script can compute it.
	sum := sha256.Sum256([]byte("abc"))
	if got, want := HashToken("abc"), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("HashToken(abc) = %q, want %q", got, want)
	}
	if got, want := HashToken("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Errorf("HashToken(abc) = %q, want %q", got, want)
	}
	if HashToken("abc") == HashToken("abd") {
		t.Error("two tokens hash alike")
	}
}

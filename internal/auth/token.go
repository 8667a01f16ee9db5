package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"time"
)

// TokenBytes is the number of random bytes in a token.
const TokenBytes = 32

// Suggested lifetimes.
const (
	// SessionTTL is how long a login lasts.
	SessionTTL = 14 * 24 * time.Hour
	// SetupTokenTTL is how long the first-run setup link works.
	SetupTokenTTL = 24 * time.Hour
)

// NewToken returns a new random token, TokenBytes from crypto/rand in
// unpadded base64url (43 characters, safe in cookies and URLs), and its
// hash as HashToken computes it. Give the token to the browser, store only
// the hash.
func NewToken() (token, hash string) {
	b := make([]byte, TokenBytes)
	rand.Read(b) // never fails; see crypto/rand.Read
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken is the hash under which a token is stored: the hex SHA-256 of
// the token string. A token is high-entropy, so a fast hash suffices, and
// looking the hash up leaks nothing useful through timing.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

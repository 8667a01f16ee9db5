// Package auth holds the account rules and secrets of openline: argon2id
// password hashes, random session and setup tokens of which only a SHA-256
// hash is stored, and the rules for account names and passwords.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes over the memory
	Threads uint8  // lanes
	SaltLen uint32 // bytes
	KeyLen  uint32 // bytes of the derived hash
}

// DefaultParams are the parameters HashPassword uses: 64 MiB, one pass,
// two lanes (above OWASP's minimum of 46 MiB, t=1, p=1), a 16-byte salt and
// a 32-byte hash. One hash takes some tens of milliseconds and 64 MiB of
// memory while it runs.
var DefaultParams = Params{Memory: 64 * 1024, Time: 1, Threads: 2, SaltLen: 16, KeyLen: 32}

// Bounds on the parameters an encoded hash may carry, so that a corrupted
// or hostile stored hash cannot make CheckPassword allocate gigabytes or
// run for minutes.
const (
	maxMemory  = 1 << 20 // KiB: 1 GiB
	maxTime    = 16
	minSaltLen = 8
	maxSaltLen = 64
	minKeyLen  = 16
	maxKeyLen  = 64
	// maxEncodedLen bounds the PHC string parsed.
	maxEncodedLen = 256
)

// ErrMalformedHash is returned, wrapped, by CheckPassword and ParseHash for
// a string that is not an argon2id hash this package can check.
var ErrMalformedHash = errors.New("malformed password hash")

// HashPassword hashes pw with argon2id and DefaultParams, in the PHC string
// format: $argon2id$v=19$m=65536,t=1,p=2$<salt>$<hash>, salt and hash in
// unpadded standard base64. It enforces no password rules (ValidPassword
// does).
func HashPassword(pw string) (string, error) {
	return DefaultParams.Hash(pw)
}

// Hash hashes pw with argon2id and p in the PHC string format.
func (p Params) Hash(pw string) (string, error) {
	if err := p.valid(); err != nil {
		return "", err
	}
	salt := make([]byte, p.SaltLen)
	rand.Read(salt) // never fails; see crypto/rand.Read
	key := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return Hash{Params: p, Salt: salt, Key: key}.String(), nil
}

func (p Params) valid() error {
	switch {
	case p.Memory < 8*uint32(p.Threads) || p.Memory > maxMemory:
		return fmt.Errorf("argon2id memory %d KiB: want 8×threads to %d", p.Memory, maxMemory)
	case p.Time < 1 || p.Time > maxTime:
		return fmt.Errorf("argon2id time %d: want 1 to %d", p.Time, maxTime)
	case p.Threads < 1:
		return errors.New("argon2id threads 0: want at least 1")
	case p.SaltLen < minSaltLen || p.SaltLen > maxSaltLen:
		return fmt.Errorf("argon2id salt of %d bytes: want %d to %d", p.SaltLen, minSaltLen, maxSaltLen)
	case p.KeyLen < minKeyLen || p.KeyLen > maxKeyLen:
		return fmt.Errorf("argon2id key of %d bytes: want %d to %d", p.KeyLen, minKeyLen, maxKeyLen)
	}
	return nil
}

// Hash is a parsed argon2id hash.
type Hash struct {
	Params
	Salt []byte
	Key  []byte
}

// b64 is the PHC strings' base64: standard alphabet, no padding.
var b64 = base64.RawStdEncoding.Strict()

// String is h in the PHC string format.
func (h Hash) String() string {
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, h.Memory, h.Time, h.Threads, b64.EncodeToString(h.Salt), b64.EncodeToString(h.Key))
}

// ParseHash parses an argon2id PHC string as String writes it. It accepts
// only version 19 and parameters within the package's bounds, in the order
// m, t, p; anything else is ErrMalformedHash.
func ParseHash(encoded string) (Hash, error) {
	bad := func(why string) (Hash, error) {
		return Hash{}, fmt.Errorf("%w: %s", ErrMalformedHash, why)
	}
	if len(encoded) > maxEncodedLen {
		return bad("too long")
	}
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" {
		return bad("want $argon2id$v=19$m=…,t=…,p=…$salt$hash")
	}
	if parts[1] != "argon2id" {
		return bad(fmt.Sprintf("algorithm %q, want argon2id", parts[1]))
	}
	if parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return bad(fmt.Sprintf("version %q, want v=%d", parts[2], argon2.Version))
	}
	var h Hash
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return bad("want parameters m=…,t=…,p=…")
	}
	for i, name := range []string{"m", "t", "p"} {
		val, ok := strings.CutPrefix(params[i], name+"=")
		// Digits only, no sign, no leading zero: one number, one spelling.
		if !ok || val == "" || strings.TrimLeft(val, "0123456789") != "" || (len(val) > 1 && val[0] == '0') {
			return bad(fmt.Sprintf("parameter %q, want %s=<number>", params[i], name))
		}
		n, err := strconv.ParseUint(val, 10, 32)
		if err != nil {
			return bad(fmt.Sprintf("parameter %q: out of range", params[i]))
		}
		switch name {
		case "m":
			h.Memory = uint32(n)
		case "t":
			h.Time = uint32(n)
		case "p":
			if n > 255 {
				return bad(fmt.Sprintf("parameter %q: out of range", params[i]))
			}
			h.Threads = uint8(n)
		}
	}
	var err error
	if h.Salt, err = b64.DecodeString(parts[4]); err != nil {
		return bad("salt is not base64")
	}
	if h.Key, err = b64.DecodeString(parts[5]); err != nil {
		return bad("hash is not base64")
	}
	h.SaltLen, h.KeyLen = uint32(len(h.Salt)), uint32(len(h.Key))
	if err := h.Params.valid(); err != nil {
		return bad(err.Error())
	}
	return h, nil
}

// CheckPassword reports whether pw matches the encoded argon2id hash, with
// a constant-time comparison of the derived keys. A malformed hash is an
// error wrapping ErrMalformedHash; a password longer than MaxPasswordBytes
// never matches and is not hashed.
func CheckPassword(encoded, pw string) (bool, error) {
	h, err := ParseHash(encoded)
	if err != nil {
		return false, err
	}
	if len(pw) > MaxPasswordBytes {
		return false, nil
	}
	key := argon2.IDKey([]byte(pw), h.Salt, h.Time, h.Memory, h.Threads, h.KeyLen)
	return subtle.ConstantTimeCompare(key, h.Key) == 1, nil
}

// NeedsRehash reports whether an encoded hash was made with parameters
// other than p, so that a login may store a fresh hash. A malformed hash
// needs one too.
func (p Params) NeedsRehash(encoded string) bool {
	h, err := ParseHash(encoded)
	return err != nil || h.Memory != p.Memory || h.Time != p.Time || h.Threads != p.Threads ||
		h.SaltLen != p.SaltLen || h.KeyLen != p.KeyLen
}

// noUserHash is checked when a login names an unknown account: a hash with
// DefaultParams that no password matches but which costs the same to check.
var noUserHash = Hash{
	Params: DefaultParams,
	Salt:   make([]byte, DefaultParams.SaltLen),
	Key:    make([]byte, DefaultParams.KeyLen),
}.String()

// CheckPasswordNoUser costs what CheckPassword with a DefaultParams hash
// costs and reports false: a login for an unknown account calls it, so that
// the answer's timing does not tell which account names exist.
func CheckPasswordNoUser(pw string) bool {
	CheckPassword(noUserHash, pw)
	return false
}

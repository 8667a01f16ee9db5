package auth

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openline/openline/internal/openline"
)

// Account rules.
const (
	// MaxNameChars is the longest account name, in characters (runes).
	MaxNameChars = 64
	// MinPasswordChars is the shortest password, in characters (runes).
	MinPasswordChars = 8
	// MaxPasswordBytes is the longest password, in bytes of UTF-8.
	MaxPasswordBytes = 256
)

// Errors of the account rules, wrapped with the detail; the code lets a
// client say it in the user's language.
var (
	ErrInvalidName     = openline.Error{Kind: openline.KindInvalid, Code: "invalid_name", Message: "invalid account name"}
	ErrInvalidPassword = openline.Error{Kind: openline.KindInvalid, Code: "invalid_password", Message: "invalid password"}
)

// ValidName checks an account name: 1 to MaxNameChars characters of
// letters (any script, so "Jürgen" and "Zoë" work), digits, '.', '_', '-'
// and single spaces between them ("Anna Müller"); no space at either end,
// no two spaces in a row, nothing else (no control characters, no
// combining marks: write "ü" precomposed). Names are compared exactly, so
// "anna" and "Anna" are two accounts.
func ValidName(name string) error {
	bad := func(why string) error { return fmt.Errorf("%w %q: %s", ErrInvalidName, name, why) }
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name):
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalidName)
	case n == 0:
		return fmt.Errorf("%w: empty", ErrInvalidName)
	case n > MaxNameChars:
		return fmt.Errorf("%w: longer than %d characters", ErrInvalidName, MaxNameChars)
	}
	if strings.HasPrefix(name, " ") || strings.HasSuffix(name, " ") {
		return bad("starts or ends with a space")
	}
	if strings.Contains(name, "  ") {
		return bad("two spaces in a row")
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._- ", r) {
			return fmt.Errorf("%w: %q is not allowed (letters, digits, '.', '_', '-' and spaces are)", ErrInvalidName, r)
		}
	}
	return nil
}

// ValidPassword checks a password: valid UTF-8, at least MinPasswordChars
// characters and at most MaxPasswordBytes bytes. Any character is allowed,
// spaces at either end too; nothing is trimmed.
func ValidPassword(pw string) error {
	switch {
	case !utf8.ValidString(pw):
		return fmt.Errorf("%w: not valid UTF-8", ErrInvalidPassword)
	case utf8.RuneCountInString(pw) < MinPasswordChars:
		return fmt.Errorf("%w: shorter than %d characters", ErrInvalidPassword, MinPasswordChars)
	case len(pw) > MaxPasswordBytes:
		return fmt.Errorf("%w: longer than %d bytes", ErrInvalidPassword, MaxPasswordBytes)
	}
	return nil
}

package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Fingerprint is the SHA-256 digest of an agreement's canonical JSON
// form: the agreement's JSON encoding (MarshalJSON) put in RFC 8785 form
// by Canonical. Any change to any field, the title and contact details
// included, changes the fingerprint; the same terms always give the same
// one, whatever machine computes it. The zero Fingerprint is no digest.
type Fingerprint [sha256.Size]byte

// ErrFingerprint is matched (errors.Is) by every error from
// ParseFingerprint.
var ErrFingerprint = errors.New("invalid fingerprint")

const fingerprintPrefix = "sha256:"

// Fingerprint returns the fingerprint of the agreement.
func (a Agreement) Fingerprint() (Fingerprint, error) {
	b, err := a.MarshalJSON()
	if err != nil {
		return Fingerprint{}, err
	}
	// The agreement's own JSON nests a few levels and holds only integers,
	// so it needs none of the bounds Canonical puts on other input, and b
	// is ours to rewrite: the result is the same as Canonical's.
	v := jsontext.Value(b)
	if err := v.Canonicalize(); err != nil {
		return Fingerprint{}, canonicalError(err)
	}
	return sha256.Sum256(v), nil
}

// ParseFingerprint parses the form String returns: "sha256:" and 64
// lower-case hexadecimal digits.
func ParseFingerprint(s string) (Fingerprint, error) {
	var f Fingerprint
	hexPart, ok := strings.CutPrefix(s, fingerprintPrefix)
	if !ok {
		return f, fmt.Errorf("%w %s: want \"sha256:\" and 64 hexadecimal digits", ErrFingerprint, prose.Quote(s))
	}
	if len(hexPart) != 2*len(f) {
		return f, fmt.Errorf("%w %s: want 64 hexadecimal digits, got %d characters", ErrFingerprint, prose.Quote(s), len(hexPart))
	}
	for i := 0; i < len(hexPart); i++ {
		if c := hexPart[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return f, fmt.Errorf("%w %s: character %d is not a lower-case hexadecimal digit", ErrFingerprint, prose.Quote(s), len(fingerprintPrefix)+i+1)
		}
	}
	if _, err := hex.Decode(f[:], []byte(hexPart)); err != nil {
		return f, fmt.Errorf("%w %s: %v", ErrFingerprint, prose.Quote(s), err)
	}
	return f, nil
}

// MustParseFingerprint is ParseFingerprint for literals; it panics on
// error.
func MustParseFingerprint(s string) Fingerprint {
	f, err := ParseFingerprint(s)
	if err != nil {
		panic(err)
	}
	return f
}

// IsZero reports whether f is the zero Fingerprint.
func (f Fingerprint) IsZero() bool { return f == Fingerprint{} }

// String returns "sha256:" followed by the digest in lower-case
// hexadecimal.
func (f Fingerprint) String() string {
	return fingerprintPrefix + hex.EncodeToString(f[:])
}

// MarshalText returns the form String returns.
func (f Fingerprint) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText parses the form String returns.
func (f *Fingerprint) UnmarshalText(b []byte) error {
	v, err := ParseFingerprint(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

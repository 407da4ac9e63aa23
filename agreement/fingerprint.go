package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/internal/jsoncodec"
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
	c, err := Canonical(b)
	if err != nil {
		return Fingerprint{}, err
	}
	return sha256.Sum256(c), nil
}

// ParseFingerprint parses the form String returns: "sha256:" and 64
// lower-case hexadecimal digits.
func ParseFingerprint(s string) (Fingerprint, error) {
	var f Fingerprint
	hexPart, ok := strings.CutPrefix(s, fingerprintPrefix)
	if !ok {
		return f, fmt.Errorf("%w %q: want \"sha256:\" and 64 hexadecimal digits", ErrFingerprint, s)
	}
	if len(hexPart) != 2*len(f) {
		return f, fmt.Errorf("%w %q: want 64 hexadecimal digits, got %d characters", ErrFingerprint, s, len(hexPart))
	}
	for i := 0; i < len(hexPart); i++ {
		if c := hexPart[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return f, fmt.Errorf("%w %q: character %d is not a lower-case hexadecimal digit", ErrFingerprint, s, len(fingerprintPrefix)+i+1)
		}
	}
	if _, err := hex.Decode(f[:], []byte(hexPart)); err != nil {
		return f, fmt.Errorf("%w %q: %v", ErrFingerprint, s, err)
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

// An Acknowledgment records that a party read and accepted one version of
// an agreement: which agreement and version, its fingerprint, who signed,
// and when. Hosts store it beside the agreement; Verify tells whether it
// still matches. The zero Acknowledgment matches no agreement.
type Acknowledgment struct {
	Agreement   string      `json:"agreement"`
	Version     int         `json:"version"`
	Fingerprint Fingerprint `json:"fingerprint"`
	Signer      Party       `json:"signer"`
	At          time.Time   `json:"at"`
}

// MarshalJSON encodes the acknowledgment with the field names in its
// struct tags.
func (k Acknowledgment) MarshalJSON() ([]byte, error) {
	type plain Acknowledgment
	return jsoncodec.Marshal(plain(k))
}

// UnmarshalJSON decodes an acknowledgment strictly.
func (k *Acknowledgment) UnmarshalJSON(b []byte) error {
	type plain Acknowledgment
	return jsoncodec.Unmarshal(b, (*plain)(k), jsoncodec.Limits{})
}

// ErrMismatch is matched (errors.Is) by every *MismatchError.
var ErrMismatch = errors.New("acknowledgment does not match the agreement")

// A MismatchError says which part of an acknowledgment does not match the
// agreement it is verified against.
type MismatchError struct {
	// Field is "agreement", "version", "fingerprint", "signer" or "at".
	Field string
	// Want is the agreement's value, Got the acknowledgment's.
	Want, Got string
}

// Error describes the mismatch.
func (e *MismatchError) Error() string {
	return fmt.Sprintf("%v: %s is %q, the agreement has %q", ErrMismatch, e.Field, e.Got, e.Want)
}

// Is reports whether target is ErrMismatch.
func (e *MismatchError) Is(target error) bool { return target == ErrMismatch }

// Acknowledge returns the acknowledgment of agreement a by signer at
// instant at. The signer must be one of the agreement's parties (same role
// and name), and the agreement must pass Validate: nobody signs terms that
// contradict themselves.
func Acknowledge(a Agreement, signer Party, at time.Time) (Acknowledgment, error) {
	if err := a.Validate(); err != nil {
		return Acknowledgment{}, err
	}
	if !a.hasSigner(signer) {
		return Acknowledgment{}, &MismatchError{Field: "signer", Want: "a party of the agreement", Got: string(signer.Role) + " " + signer.Name}
	}
	if at.IsZero() {
		return Acknowledgment{}, fmt.Errorf("%w: an acknowledgment needs an instant", ErrInvalid)
	}
	f, err := a.Fingerprint()
	if err != nil {
		return Acknowledgment{}, err
	}
	return Acknowledgment{Agreement: a.ID, Version: a.Version, Fingerprint: f, Signer: signer, At: at}, nil
}

// hasSigner reports whether p is one of the parties, by role and name.
func (a Agreement) hasSigner(p Party) bool {
	for _, q := range a.Parties {
		if q.Role == p.Role && q.Name == p.Name {
			return true
		}
	}
	return false
}

// Verify returns nil when the acknowledgment was made for exactly agreement
// a: same ID, version and fingerprint, by one of its parties. Otherwise it
// returns a *MismatchError for the first part that differs, so a host can
// say "version 2 was signed, this is version 3" or "the terms changed after
// signing".
func (k Acknowledgment) Verify(a Agreement) error {
	if k.Agreement != a.ID {
		return &MismatchError{Field: "agreement", Want: a.ID, Got: k.Agreement}
	}
	if k.Version != a.Version {
		return &MismatchError{Field: "version", Want: itoa(a.Version), Got: itoa(k.Version)}
	}
	f, err := a.Fingerprint()
	if err != nil {
		return err
	}
	if k.Fingerprint != f {
		return &MismatchError{Field: "fingerprint", Want: f.String(), Got: k.Fingerprint.String()}
	}
	if !a.hasSigner(k.Signer) {
		return &MismatchError{Field: "signer", Want: "a party of the agreement", Got: string(k.Signer.Role) + " " + k.Signer.Name}
	}
	if k.At.IsZero() {
		return &MismatchError{Field: "at", Want: "an instant", Got: ""}
	}
	return nil
}

package agreement

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// An Acknowledgment records that a party read and accepted one version of
// an agreement: which agreement and version, its fingerprint, who signed,
// and when. Hosts store it beside the agreement; Verify tells whether it
// still matches. The zero Acknowledgment matches no agreement.
type Acknowledgment struct {
	Agreement   string      `json:"agreement,omitempty"`
	Version     int         `json:"version,omitzero"`
	Fingerprint Fingerprint `json:"fingerprint,omitzero"`
	Signer      Party       `json:"signer,omitzero"`
	At          time.Time   `json:"at,omitzero"`
}

// MarshalJSON encodes the acknowledgment with the field names in its
// struct tags.
func (k Acknowledgment) MarshalJSON() ([]byte, error) {
	type plain Acknowledgment
	return strictjson.Marshal(plain(k))
}

// UnmarshalJSON decodes an acknowledgment strictly.
func (k *Acknowledgment) UnmarshalJSON(b []byte) error {
	type plain Acknowledgment
	return strictjson.Unmarshal(b, (*plain)(k), strictjson.Limits{})
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
	return fmt.Sprintf("%v: %s is %s, the agreement has %s", ErrMismatch, e.Field, prose.Quote(e.Got), prose.Quote(e.Want))
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
		return Acknowledgment{}, fmt.Errorf("%w: an acknowledgment needs an instant", problem.ErrInvalid)
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
		return &MismatchError{Field: "version", Want: strconv.Itoa(a.Version), Got: strconv.Itoa(k.Version)}
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

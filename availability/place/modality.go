package place

import (
	"errors"
	"fmt"
	"strings"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Modality is a set of ways a session takes place: in person, by video,
// by phone. An agreement says which its sessions use, a provider which
// they offer, a client which they accept. Its text form lists them,
// "in_person,video", with "remote" for video and phone together. The zero
// Modality is the empty set.
type Modality uint8

// The modalities.
const (
	InPerson Modality = 1 << iota // at the provider's or the client's place
	Video                         // by video call
	Phone                         // by phone

	// Remote is video and phone: any way but in person.
	Remote = Video | Phone

	allModalities = InPerson | Remote
)

// ErrModality is matched (errors.Is) by every error from ParseModality.
var ErrModality = errors.New("invalid modality")

// ParseModality parses a comma-separated list of "in_person", "video",
// "phone" and "remote" (video and phone), in any order. The empty string
// is the empty set.
func ParseModality(s string) (Modality, error) {
	var m Modality
	if s == "" {
		return 0, nil
	}
	for part := range strings.SplitSeq(s, ",") {
		switch part {
		case "in_person":
			m |= InPerson
		case "video":
			m |= Video
		case "phone":
			m |= Phone
		case "remote":
			m |= Remote
		default:
			return 0, fmt.Errorf("%w %s: want in_person, video, phone or remote, separated by commas", ErrModality, prose.Quote(s))
		}
	}
	return m, nil
}

// Has reports whether every way in o is in m.
func (m Modality) Has(o Modality) bool { return m&o == o }

// Overlaps reports whether m and o share a way: a client who accepts
// remote sessions and a provider who offers video.
func (m Modality) Overlaps(o Modality) bool { return m&o != 0 }

// IsValid reports whether m holds only known modalities.
func (m Modality) IsValid() bool { return m&^allModalities == 0 }

// String returns the text form: "in_person", "video", "remote",
// "in_person,remote", …, or "" for the empty set.
func (m Modality) String() string {
	if !m.IsValid() {
		return fmt.Sprintf("Modality(%d)", uint8(m))
	}
	var parts []string
	if m.Has(InPerson) {
		parts = append(parts, "in_person")
	}
	switch m & Remote {
	case Remote:
		parts = append(parts, "remote")
	case Video:
		parts = append(parts, "video")
	case Phone:
		parts = append(parts, "phone")
	}
	return strings.Join(parts, ",")
}

// Words names the modalities for a sentence: "in person, by video".
func (m Modality) Words() string {
	var parts []string
	if m.Has(InPerson) {
		parts = append(parts, "in person")
	}
	switch m & Remote {
	case Remote:
		parts = append(parts, "remotely")
	case Video:
		parts = append(parts, "by video")
	case Phone:
		parts = append(parts, "by phone")
	}
	return strings.Join(parts, ", ")
}

// MarshalText returns the text form.
func (m Modality) MarshalText() ([]byte, error) {
	if !m.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrModality, uint8(m))
	}
	return []byte(m.String()), nil
}

// UnmarshalText parses the text form.
func (m *Modality) UnmarshalText(b []byte) error {
	v, err := ParseModality(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

package strictjson

import (
	"errors"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// ErrZone is matched (errors.Is) by errors for zone names that do not name
// an IANA time zone. The availability package exports it as its own.
var ErrZone = errors.New("unknown time zone")

// LoadZone returns the IANA time zone called name, refusing "" and "Local",
// which would make a model depend on the machine it runs on.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, &zoneErr{name: name, msg: "want an IANA name such as Europe/Berlin"}
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, &zoneErr{name: name}
	}
	return loc, nil
}

// A zoneErr is an error of LoadZone; it quotes at most a short prefix of
// the name.
type zoneErr struct{ name, msg string }

func (e *zoneErr) Error() string {
	s := ErrZone.Error() + " " + prose.Quote(e.name)
	if e.msg != "" {
		s += ": " + e.msg
	}
	return s
}

func (e *zoneErr) Is(target error) bool { return target == ErrZone }

// zoneName is the name a zone is written with; nil is UTC.
func zoneName(loc *time.Location) string {
	if loc == nil {
		return "UTC"
	}
	return loc.String()
}

package availability

import (
	"time"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// LoadZone returns the IANA time zone called name, such as "Europe/Berlin"
// or "UTC". It refuses "" and "Local", which would make a schedule depend
// on the machine it runs on. It reads the system's zone data (or the data
// embedded by importing time/tzdata), as time.LoadLocation does. Its
// errors match ErrZone.
func LoadZone(name string) (*time.Location, error) { return strictjson.LoadZone(name) }

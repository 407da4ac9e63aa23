package stories

import (
	"time"
)

// Layouts for instants in narratives, always written in the provider's zone.
const (
	dayTime = "Mon 2006-01-02 15:04 MST"
	dayOnly = "Mon 2006-01-02"
	hhmm    = "15:04"
)

// when writes t in loc as "Sat 2026-11-28 21:00 EST".
func when(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(dayTime)
}

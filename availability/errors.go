package availability

import (
	"errors"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// ErrRangeTooLong is returned by queries over an interval longer than
// MaxRange.
var ErrRangeTooLong = errors.New("query range too long")

// ErrTooLarge is returned by queries on a schedule with more rules than
// MaxWindows, MaxOverrides or MaxClosures allow; Validate reports the same
// as a problem.
var ErrTooLarge = errors.New("schedule too large")

// ErrNoOpenTime is returned by AddBusiness when the schedule has no open
// time for BusinessSearch after some instant, so the business duration can
// never be reached.
var ErrNoOpenTime = errors.New("no open time")

// ErrZone is matched (errors.Is) by errors for zone names that do not name
// an IANA time zone, from LoadZone and from decoding a model's zone.
var ErrZone = strictjson.ErrZone

package availability

import "errors"

// ErrRangeTooLong is returned by queries over an interval longer than
// MaxRange.
var ErrRangeTooLong = errors.New("query range too long")

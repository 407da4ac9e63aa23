package strictjson

import (
	"errors"
	"math"
	"math/bits"
	"strconv"
	"time"

	"github.com/practicekit/boundaries/internal/prose"
)

// ErrDuration is matched (errors.Is) by every error from ParseDuration.
var ErrDuration = errors.New("invalid duration")

// The units of a duration's text, largest first. A day is 24 hours and a
// week 7 days of elapsed time, not calendar days.
var units = [...]struct {
	name string
	d    time.Duration
}{
	{"w", 7 * 24 * time.Hour},
	{"d", 24 * time.Hour},
	{"h", time.Hour},
	{"m", time.Minute},
	{"s", time.Second},
	{"ms", time.Millisecond},
	{"us", time.Microsecond},
	{"µs", time.Microsecond},
	{"ns", time.Nanosecond},
}

// FormatDuration writes d in days when it is a whole number of days
// ("1d", "14d"), and otherwise with the units h, m, s, ms, us and ns,
// largest first and without zero units: "50m", "1h30m", "36h", "90s",
// "1s500ms", "-15m"; zero is "0s". ParseDuration reads it back exactly.
func FormatDuration(d time.Duration) string {
	var buf [40]byte
	return string(AppendDuration(buf[:0], d))
}

// AppendDuration appends FormatDuration(d) to b.
func AppendDuration(b []byte, d time.Duration) []byte {
	if d == 0 {
		return append(b, "0s"...)
	}
	u := uint64(d)
	if d < 0 {
		b = append(b, '-')
		u = -u // also right for math.MinInt64
	}
	if day := uint64(24 * time.Hour); u%day == 0 {
		b = strconv.AppendUint(b, u/day, 10)
		return append(b, 'd')
	}
	for _, unit := range units[2:] {
		if unit.name == "µs" {
			continue
		}
		if n := u / uint64(unit.d); n > 0 {
			b = strconv.AppendUint(b, n, 10)
			b = append(b, unit.name...)
			u -= n * uint64(unit.d)
		}
	}
	return b
}

// ParseDuration reads a duration written as FormatDuration writes it, and
// more: any sequence of decimal numbers, each with an optional fraction
// and a unit, with an optional sign first: "50m", "1h30m", "1.5h", "14d",
// "2w", "1w2d", "-15m", "50m0s". The units are w (7 days), d (24 hours),
// h, m, s, ms, us (or µs) and ns. "0" is zero; any other number needs a
// unit. Time.ParseDuration's text is read the same way.
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, durationError(orig, "want a number and a unit, such as 50m or 14d")
	}
	var total uint64
	for s != "" {
		// The number: digits, optionally a point and more digits.
		i := 0
		var whole uint64
		overflow := false
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			if whole > (math.MaxUint64-9)/10 {
				overflow = true
			}
			whole = whole*10 + uint64(s[i]-'0')
			i++
		}
		digits := i
		var frac, scale uint64 = 0, 1
		if i < len(s) && s[i] == '.' {
			i++
			for i < len(s) && '0' <= s[i] && s[i] <= '9' {
				if scale < 1e18 { // digits past nanoseconds of a week are dropped
					frac = frac*10 + uint64(s[i]-'0')
					scale *= 10
				}
				i++
				digits++
			}
		}
		if digits == 0 {
			return 0, durationError(orig, "want a number before each unit")
		}
		s = s[i:]
		// The unit.
		j := 0
		for j < len(s) && s[j] != '.' && (s[j] < '0' || s[j] > '9') {
			j++
		}
		if j == 0 {
			return 0, durationError(orig, "want a unit after each number: w, d, h, m, s, ms, us or ns")
		}
		unit, ok := unitOf(s[:j])
		if !ok {
			return 0, durationError(orig, "unknown unit "+prose.Quote(s[:j])+": want w, d, h, m, s, ms, us or ns")
		}
		s = s[j:]
		if overflow || whole > math.MaxUint64/unit {
			return 0, durationError(orig, "out of range")
		}
		v := whole * unit
		if frac > 0 {
			// frac/scale of a unit, rounded down to the nanosecond; the
			// quotient is below unit, so it fits.
			hi, lo := bits.Mul64(frac, unit)
			q, _ := bits.Div64(hi, lo, scale)
			v += q
		}
		if total += v; total < v || total > 1<<63 {
			return 0, durationError(orig, "out of range")
		}
	}
	if !neg && total > math.MaxInt64 {
		return 0, durationError(orig, "out of range")
	}
	if neg {
		return time.Duration(-total), nil
	}
	return time.Duration(total), nil
}

func unitOf(name string) (uint64, bool) {
	for _, u := range units {
		if u.name == name {
			return uint64(u.d), true
		}
	}
	return 0, false
}

func durationError(s, msg string) error {
	return &durationErr{text: s, msg: msg}
}

// A durationErr is an error of ParseDuration; it quotes at most a short
// prefix of the text.
type durationErr struct{ text, msg string }

func (e *durationErr) Error() string {
	return "invalid duration " + prose.Quote(e.text) + ": " + e.msg
}

func (e *durationErr) Is(target error) bool { return target == ErrDuration }

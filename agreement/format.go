package agreement

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// formatDuration writes a duration as people read terms: "48 hours",
// "15 minutes", "1 hour 30 minutes", "90 days". Whole days are written as
// days from two days up; anything finer than a minute uses
// time.Duration's own form.
func formatDuration(d time.Duration) string {
	if d < 0 {
		if d == math.MinInt64 {
			return d.String() // -d does not fit
		}
		return "-" + formatDuration(-d)
	}
	if d%time.Minute != 0 {
		return d.String()
	}
	if d == 0 {
		return "0 minutes"
	}
	const day = 24 * time.Hour
	if d >= 2*day && d%time.Hour == 0 {
		days, h := int64(d/day), int64(d%day/time.Hour)
		if h == 0 {
			return plural(days, "day")
		}
		return plural(days, "day") + " " + plural(h, "hour")
	}
	h, m := int64(d/time.Hour), int64(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return plural(m, "minute")
	case m == 0:
		return plural(h, "hour")
	default:
		return plural(h, "hour") + " " + plural(m, "minute")
	}
}

// plural writes "1 hour", "2 hours".
func plural(n int64, unit string) string {
	s := strconv.FormatInt(n, 10) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}

// formatShare writes basis points as a percentage: 10000 is "100%", 2550
// is "25.5%", 5 is "0.05%".
func formatShare(bp int) string {
	neg := bp < 0
	if neg {
		bp = -bp
	}
	s := strconv.Itoa(bp / 100)
	if frac := bp % 100; frac != 0 {
		f := strconv.Itoa(100 + frac)[1:] // two digits
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s + "%"
}

// capitalize upper-cases the first letter of an ASCII sentence.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }

// A Format is how sessions take place. Agreements may use formats of their
// own; the constants are the common ones.
type Format string

// Common formats.
const (
	InPerson Format = "in_person"
	Video    Format = "video"
	Phone    Format = "phone"
)

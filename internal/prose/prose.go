package prose

import (
	"math"
	"strconv"
	"time"
	"unicode/utf8"
)

// Duration writes a span of elapsed time as people read terms: "15
// minutes", "1 hour 30 minutes", "24 hours", "36 hours", "2 days", "3 days
// 1 hour", "45 seconds". From two days up, days and hours are used; below,
// hours, minutes and seconds. Zero is "0 minutes". A duration with a part
// finer than a second is written as time.Duration writes it ("1.5s").
func Duration(d time.Duration) string {
	var buf [48]byte
	return string(AppendDuration(buf[:0], d))
}

// AppendDuration appends Duration(d) to b without allocating.
func AppendDuration(b []byte, d time.Duration) []byte { return appendDuration(b, d, true) }

// Hours writes an amount of working time, which is counted in hours
// whatever its size: "80 hours", "1 hour 30 minutes", "0 minutes".
func Hours(d time.Duration) string {
	var buf [48]byte
	return string(appendDuration(buf[:0], d, false))
}

// appendDuration appends d in days (with days), hours, minutes and
// seconds.
func appendDuration(b []byte, d time.Duration, days bool) []byte {
	if d%time.Second != 0 || d == math.MinInt64 {
		return append(b, d.String()...)
	}
	if d < 0 {
		b = append(b, '-')
		d = -d
	}
	if d == 0 {
		return append(b, "0 minutes"...)
	}
	const day = 24 * time.Hour
	type part struct {
		n    int64
		unit string
	}
	var parts [4]part
	n := 0
	add := func(v int64, unit string) {
		if v > 0 {
			parts[n] = part{v, unit}
			n++
		}
	}
	rest := d
	if days && d >= 2*day {
		add(int64(rest/day), "day")
		rest %= day
	}
	add(int64(rest/time.Hour), "hour")
	rest %= time.Hour
	add(int64(rest/time.Minute), "minute")
	rest %= time.Minute
	add(int64(rest/time.Second), "second")
	for i := range n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendCount(b, parts[i].n, parts[i].unit, "")
	}
	return b
}

// Count writes n with its noun: Count(1, "session", "sessions") is
// "1 session", Count(3, …) is "3 sessions".
func Count(n int, one, many string) string {
	var buf [64]byte
	return string(appendCount(buf[:0], int64(n), one, many))
}

// appendCount appends n and its noun; an empty many is one plus "s".
func appendCount(b []byte, n int64, one, many string) []byte {
	b = strconv.AppendInt(b, n, 10)
	b = append(b, ' ')
	if n == 1 {
		return append(b, one...)
	}
	if many == "" {
		return append(append(b, one...), 's')
	}
	return append(b, many...)
}

// BasisPoints writes a share given in basis points as a percentage:
// 10000 is "100%", 2550 is "25.5%", 5 is "0.05%".
func BasisPoints(bp int64) string {
	neg := bp < 0
	u := uint64(bp)
	if neg {
		u = -u
	}
	b := make([]byte, 0, 24)
	if neg {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, u/100, 10)
	if frac := u % 100; frac != 0 {
		b = append(b, '.', byte('0'+frac/10))
		if frac%10 != 0 {
			b = append(b, byte('0'+frac%10))
		}
	}
	return string(append(b, '%'))
}

// Ratio writes a ratio as a percentage, whole when it is ("40%") and with
// one decimal otherwise ("12.5%").
func Ratio(r float64) string {
	p := r * 100
	if p == math.Trunc(p) {
		return strconv.FormatFloat(p, 'f', 0, 64) + "%"
	}
	return strconv.FormatFloat(p, 'f', 1, 64) + "%"
}

// maxQuote is how many bytes of untrusted text Quote shows.
const maxQuote = 64

// Quote quotes s as strconv.Quote does, cut to its first 64 bytes (at a
// character boundary) followed by "…" when it is longer, so that an error
// about a megabyte of input is not a megabyte long.
func Quote(s string) string {
	if len(s) <= maxQuote {
		return strconv.Quote(s)
	}
	cut := maxQuote
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "…"
}

// Capitalize upper-cases the first letter of an ASCII sentence.
func Capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// TimeLayout is how sentences write an instant: "Tue 2026-11-24 18:40
// EST", in the instant's own zone.
const TimeLayout = "Mon 2006-01-02 15:04 MST"

// Time writes t with TimeLayout.
func Time(t time.Time) string {
	var buf [32]byte
	return string(AppendTime(buf[:0], t))
}

// AppendTime appends t as t.AppendFormat(b, TimeLayout) does, without
// reading the layout on every call: hot paths write several instants per
// answer.
func AppendTime(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, TimeLayout)
	}
	h, mi, _ := t.Clock()
	name, off := t.Zone()
	b = append(b, t.Weekday().String()[:3]...)
	b = append(b, ' ', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10), ' ',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ' ')
	if name != "" {
		return append(b, name...)
	}
	// A zone without a name is written as its offset, -0330.
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	off /= 60
	return append(b, sign, byte('0'+off/600), byte('0'+off/60%10), byte('0'+off%60/10), byte('0'+off%10))
}

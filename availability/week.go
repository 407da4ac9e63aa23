package availability

import (
	"iter"
	"slices"
	"strings"
	"time"
)

// weekMinutes is the length of a week in minutes.
const weekMinutes = 7 * int(EndOfDay)

// A Week is a set of wall-clock times of the week, Monday 00:00 to Sunday
// 24:00, to the minute, with no zone and no dates: the usual weekly hours
// of a schedule, or the times of the week a client says suit them. Weeks
// compare wall clocks, not instants, so two weeks meet the same way in any
// zone; compare a provider's week with a client's only when both are read
// in one zone, or resolve them with Schedule.Open first and use WeekIn.
//
// A Week is an immutable value, safe for concurrent use. The zero Week is
// empty.
type Week struct {
	// spans are minutes after Monday 00:00, sorted, disjoint and not
	// touching; each is non-empty and within [0, weekMinutes).
	spans []weekSpan
}

// A weekSpan is the minutes [from, to) after Monday 00:00.
type weekSpan struct{ from, to int32 }

// WeekOf returns the week the windows cover. A window whose end is not
// after its start goes on into the next day, and Sunday's into Monday.
// Windows without valid days or clock times cover nothing.
func WeekOf(windows ...Window) Week {
	var spans []weekSpan
	for _, w := range windows {
		if !w.Start.IsValid() || !w.End.IsValid() || w.Start == EndOfDay {
			continue
		}
		length := int(w.End - w.Start)
		if length <= 0 {
			length += int(EndOfDay)
		}
		for d := range 7 {
			if !w.Days.Has(time.Weekday((d + 1) % 7)) {
				continue
			}
			from := d*int(EndOfDay) + int(w.Start)
			spans = appendWrapped(spans, from, from+length)
		}
	}
	return Week{spans: normalizeWeek(spans)}
}

// Week returns the schedule's usual week: its working windows minus its
// protected windows, as the weekly pattern repeats, without overrides,
// closures or the effective period.
func (s Schedule) Week() Week {
	return WeekOf(s.Hours...).Subtract(WeekOf(s.Protected...))
}

// WeekIn returns the wall-clock times of the week, read in loc, that the
// instants of set cover, in whole minutes. A set longer than a week folds
// onto one week, and each interval is read on both sides of a change of
// UTC offset, so a spring-forward night covers an hour of wall time less.
func WeekIn(set Set, loc *time.Location) Week {
	const minute = int64(time.Minute)
	var spans []weekSpan
	for iv := range set.All() {
		for t := iv.Start; t.Before(iv.End); {
			lt := t.In(loc)
			end := iv.End
			if _, next := lt.ZoneBounds(); !next.IsZero() && next.Before(end) {
				end = next
			}
			if end.Sub(t) >= 7*24*time.Hour {
				return Week{spans: []weekSpan{{0, int32(weekMinutes)}}}
			}
			day := int64(lt.Weekday()+6) % 7
			start := ((day*24+int64(lt.Hour()))*60+int64(lt.Minute()))*minute + int64(lt.Second())*int64(time.Second) + int64(lt.Nanosecond())
			from := (start + minute - 1) / minute // whole minutes only
			to := (start + int64(end.Sub(t))) / minute
			spans = appendWrapped(spans, int(from), int(to))
			t = end
		}
	}
	return Week{spans: normalizeWeek(spans)}
}

// appendWrapped appends the minutes [from, to) of the week, wrapping past
// Sunday 24:00 into Monday; from is within the week and to−from at most a
// week.
func appendWrapped(spans []weekSpan, from, to int) []weekSpan {
	if to <= from {
		return spans
	}
	if to > weekMinutes {
		spans = append(spans, weekSpan{0, int32(to - weekMinutes)})
		to = weekMinutes
	}
	return append(spans, weekSpan{int32(from), int32(to)})
}

// normalizeWeek sorts spans and merges those that overlap or touch.
func normalizeWeek(spans []weekSpan) []weekSpan {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b weekSpan) int { return int(a.from - b.from) })
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.from <= last.to {
			last.to = max(last.to, s.to)
			continue
		}
		out = append(out, s)
	}
	return out
}

// IsEmpty reports whether the week holds no time.
func (w Week) IsEmpty() bool { return len(w.spans) == 0 }

// Duration returns the time the week holds.
func (w Week) Duration() time.Duration {
	n := 0
	for _, s := range w.spans {
		n += int(s.to - s.from)
	}
	return time.Duration(n) * time.Minute
}

// Overlap returns the time w and v share: w.Intersect(v).Duration(),
// without making the intersection.
func (w Week) Overlap(v Week) time.Duration {
	n, i, j := 0, 0, 0
	for i < len(w.spans) && j < len(v.spans) {
		a, b := w.spans[i], v.spans[j]
		if lo, hi := max(a.from, b.from), min(a.to, b.to); lo < hi {
			n += int(hi - lo)
		}
		if a.to < b.to {
			i++
		} else {
			j++
		}
	}
	return time.Duration(n) * time.Minute
}

// Intersect returns the times in both w and v.
func (w Week) Intersect(v Week) Week {
	var out []weekSpan
	i, j := 0, 0
	for i < len(w.spans) && j < len(v.spans) {
		a, b := w.spans[i], v.spans[j]
		if lo, hi := max(a.from, b.from), min(a.to, b.to); lo < hi {
			out = append(out, weekSpan{lo, hi})
		}
		if a.to < b.to {
			i++
		} else {
			j++
		}
	}
	return Week{spans: out}
}

// Union returns the times in w or in v.
func (w Week) Union(v Week) Week {
	return Week{spans: normalizeWeek(slices.Concat(w.spans, v.spans))}
}

// Subtract returns the times in w that are not in v.
func (w Week) Subtract(v Week) Week {
	var out []weekSpan
	j := 0
	for _, a := range w.spans {
		for j < len(v.spans) && v.spans[j].to <= a.from {
			j++
		}
		cur := a
		for k := j; k < len(v.spans) && v.spans[k].from < cur.to; k++ {
			if v.spans[k].from > cur.from {
				out = append(out, weekSpan{cur.from, v.spans[k].from})
			}
			cur.from = max(cur.from, v.spans[k].to)
		}
		if cur.from < cur.to {
			out = append(out, cur)
		}
	}
	return Week{spans: out}
}

// Contains reports whether the minute that starts at clock c on day d is
// in the week; c must be before 24:00.
func (w Week) Contains(d time.Weekday, c Clock) bool {
	if !c.IsValid() || c == EndOfDay {
		return false
	}
	m := int32(((int(d)%7+7)%7+6)%7*int(EndOfDay) + int(c))
	i, _ := slices.BinarySearchFunc(w.spans, m, func(s weekSpan, m int32) int {
		if s.to <= m {
			return -1
		}
		return 1
	})
	return i < len(w.spans) && w.spans[i].from <= m
}

// Equal reports whether w and v hold the same times.
func (w Week) Equal(v Week) bool { return slices.Equal(w.spans, v.spans) }

// Windows returns the week as windows grouped by GroupWindows, so that
// "mon-fri 09:00–17:00" is one window. A stretch that crosses midnight is
// split there.
func (w Week) Windows() []Window { return GroupWindows(slices.Collect(w.All())) }

// All returns the week's stretches of time as windows, in order from
// Monday 00:00, each on one day and split at midnight.
func (w Week) All() iter.Seq[Window] {
	return func(yield func(Window) bool) {
		for _, s := range w.spans {
			for from := int(s.from); from < int(s.to); {
				day := from / int(EndOfDay)
				to := min(int(s.to), (day+1)*int(EndOfDay))
				if !yield(Window{Days: Days(time.Weekday((day + 1) % 7)), Start: Clock(from - day*int(EndOfDay)), End: Clock(to - day*int(EndOfDay))}) {
					return
				}
				from = to
			}
		}
	}
}

// String lists the week's windows: "mon-fri 09:00–17:00, sat 10:00–14:00",
// or "" for the empty week.
func (w Week) String() string {
	var b strings.Builder
	for i, win := range w.Windows() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(win.String())
	}
	return b.String()
}

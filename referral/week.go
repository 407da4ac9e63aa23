package referral

import (
	"math/bits"
	"time"

	"github.com/practicekit/boundaries/availability"
)

// Weekly times are compared on a grid of quarter hours of the wall-clock
// week, Monday 00:00 to Sunday 24:00, in one time zone.
const (
	slotSeconds = 15 * 60
	weekSlots   = 7 * 24 * 4
	weekWords   = (weekSlots + 63) / 64
	week        = 7 * 24 * time.Hour
)

// A weekMask has one bit per quarter hour of the wall-clock week.
type weekMask [weekWords]uint64

// setRange sets slots from through to-1, wrapping past the end of the week;
// a range of a week or more sets every slot.
func (m *weekMask) setRange(from, to int) {
	if to-from >= weekSlots {
		to = from + weekSlots
	}
	for s := from; s < to; s++ {
		i := s % weekSlots
		if i < 0 {
			i += weekSlots
		}
		m[i>>6] |= 1 << (uint(i) & 63)
	}
}

// clearRange clears slots from through to-1, wrapping like setRange.
func (m *weekMask) clearRange(from, to int) {
	if to-from >= weekSlots {
		to = from + weekSlots
	}
	for s := from; s < to; s++ {
		i := s % weekSlots
		if i < 0 {
			i += weekSlots
		}
		m[i>>6] &^= 1 << (uint(i) & 63)
	}
}

// count returns the number of slots set.
func (m *weekMask) count() int {
	n := 0
	for _, w := range m {
		n += bits.OnesCount64(w)
	}
	return n
}

// overlap returns the number of slots set in both m and o.
func (m *weekMask) overlap(o *weekMask) int {
	n := 0
	for i, w := range m {
		n += bits.OnesCount64(w & o[i])
	}
	return n
}

// mondayIndex numbers the days of the week from Monday (0) to Sunday (6).
func mondayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// ceilDiv and floorDiv divide with rounding up and down, for any sign.
func ceilDiv(a, b int) int { return -floorDiv(-a, b) }

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// regularSchedule reports whether a schedule's open time repeats every week:
// no overrides, no closures and no effective period. Such a schedule is
// indexed as a weekly mask; any other is resolved per request.
func regularSchedule(s *availability.Schedule) bool {
	return len(s.Overrides) == 0 && len(s.Closures) == 0 && s.Effective == (availability.DateRange{})
}

// usualWeek returns the slots of the wall-clock week a regular schedule is
// open: the quarter hours fully inside a working window, minus those that
// touch protected time.
func usualWeek(s *availability.Schedule) weekMask {
	var m weekMask
	for _, w := range s.Hours {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if !w.Days.Has(d) {
				continue
			}
			start, end := windowSeconds(d, w.Start, w.End)
			m.setRange(ceilDiv(start, slotSeconds), floorDiv(end, slotSeconds))
		}
	}
	for _, w := range s.Protected {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if !w.Days.Has(d) {
				continue
			}
			start, end := windowSeconds(d, w.Start, w.End)
			m.clearRange(floorDiv(start, slotSeconds), ceilDiv(end, slotSeconds))
		}
	}
	return m
}

// windowSeconds returns the span of a window starting on day d, in seconds
// after Monday 00:00; a window whose end is not after its start ends the
// next day.
func windowSeconds(d time.Weekday, start, end availability.Clock) (int, int) {
	length := int(end - start)
	if end <= start {
		length += int(availability.EndOfDay)
	}
	s := (mondayIndex(d)*int(availability.EndOfDay) + int(start)) * 60
	return s, s + length*60
}

// wallWeek returns the slots of the wall-clock week in loc that the
// instants of set fully cover. Set should span at most a week; each
// interval is split where loc changes its offset, so the slots are right
// across daylight-saving changes.
func wallWeek(set availability.Set, loc *time.Location) weekMask {
	var m weekMask
	for iv := range set.All() {
		t := iv.Start
		for t.Before(iv.End) {
			lt := t.In(loc)
			seg := iv.End
			if _, next := lt.ZoneBounds(); !next.IsZero() && next.Before(seg) {
				seg = next
			}
			start := (mondayIndex(lt.Weekday())*24+lt.Hour())*3600 + lt.Minute()*60 + lt.Second()
			end := start + int(seg.Sub(t)/time.Second)
			m.setRange(ceilDiv(start, slotSeconds), floorDiv(end, slotSeconds))
			t = seg
		}
	}
	return m
}

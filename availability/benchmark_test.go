package availability

import (
	"testing"
	"time"
)

// benchYear is one year of a New York practice: Mo–Fr 09:00–17:00 and
// Sa 10:00–13:00, with ten holidays.
func benchYear(b *testing.B) (Schedule, Interval) {
	loc := mustZone(b, "America/New_York")
	s := Schedule{
		Zone:  loc,
		Hours: []Window{window("mon-fri", "09:00", "17:00"), window("sat", "10:00", "13:00")},
	}
	for _, d := range []string{"2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-07-03", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25"} {
		s.Closures = append(s.Closures, Closure{From: MustParseDate(d), Through: MustParseDate(d)})
	}
	r := Interval{Start: At(MustParseDate("2026-01-01"), Midnight, loc), End: At(MustParseDate("2027-01-01"), Midnight, loc)}
	return s, r
}

// BenchmarkOpenYear materializes a year of open time.
func BenchmarkOpenYear(b *testing.B) {
	s, r := benchYear(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Open(r); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCalendar has 5 weekly windows, 2 protected windows, 50 overrides and
// 1,000 bookings, with 50-minute sessions and a 10-minute buffer.
func benchCalendar(b *testing.B) (Calendar, time.Time, Interval) {
	loc := mustZone(b, "Europe/Berlin")
	c := Calendar{
		Schedule: Schedule{
			Zone: loc,
			Hours: []Window{
				window("mon", "08:00", "12:00"), window("mon-thu", "13:00", "18:00"),
				window("fri", "09:00", "15:00"), window("sat", "10:00", "20:00"), window("wed", "18:00", "21:00"),
			},
			Protected: []Window{window("sat", "18:00", "24:00"), window("mon-fri", "12:00", "13:00")},
		},
		Policy: Policy{Session: 50 * time.Minute, Align: 15 * time.Minute, BufferAfter: 10 * time.Minute},
	}
	first := MustParseDate("2026-01-01")
	for i := range 50 {
		o := Override{Date: first.AddDays(i * 7)}
		if i%2 == 0 {
			o.Closed = true
		} else {
			o.Hours = []Span{{ClockOf(10, 0), ClockOf(14, 0)}}
		}
		c.Schedule.Overrides = append(c.Schedule.Overrides, o)
	}
	now := At(first, Midnight, loc)
	r := Interval{Start: now, End: At(first.AddDays(365), Midnight, loc)}
	open, err := c.Schedule.Open(r)
	if err != nil {
		b.Fatal(err)
	}
	var booked []Interval
	ivs := open.Intervals()
	for i := 0; len(booked) < 1000; i++ {
		iv := ivs[(i*7)%len(ivs)]
		start := iv.Start.Add(time.Duration(i%3) * time.Hour)
		if iv.Covers(IntervalOf(start, time.Hour)) {
			booked = append(booked, IntervalOf(start, 50*time.Minute))
		}
	}
	c.Booked = NewBookings(booked...)
	return c, now, r
}

// BenchmarkSlotsYear lists a year of free slots.
func BenchmarkSlotsYear(b *testing.B) {
	c, now, r := benchCalendar(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		slots, err := c.Slots(now, r)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		for range slots {
			n++
		}
	}
	b.ReportMetric(float64(n), "slots")
}

// BenchmarkCheck is the point query: is this session bookable?
func BenchmarkCheck(b *testing.B) {
	c, now, _ := benchCalendar(b)
	start := bookableStart(b, c, now)
	b.ReportAllocs()
	for b.Loop() {
		c.Check(now, start)
	}
}

func TestCheckAllocations(t *testing.T) {
	c, now, _ := benchCalendar(&testing.B{})
	start := bookableStart(t, c, now)
	if n := testing.AllocsPerRun(100, func() { c.Check(now, start) }); n != 0 {
		t.Fatalf("Check of a bookable session allocates %v times, want 0", n)
	}
}

// bookableStart returns the first bookable start after mid-June.
func bookableStart(tb testing.TB, c Calendar, now time.Time) time.Time {
	s, ok, err := c.Next(now, time.Date(2026, 6, 16, 0, 0, 0, 0, c.Schedule.Zone))
	if err != nil || !ok {
		tb.Fatalf("no bookable session: %v", err)
	}
	if v := c.Check(now, s.Start); !v.OK {
		tb.Fatalf("want bookable, got %v", v.Reasons)
	}
	return s.Start
}

// BenchmarkOpenYearFloor is the floor BenchmarkOpenYear is measured
// against: the same year of open time from a plain loop over the days,
// with the holidays in a map and time.Date for the wall times, knowing the
// schedule's shape in advance and handling no DST gap, override or
// protected time.
func BenchmarkOpenYearFloor(b *testing.B) {
	s, _ := benchYear(b)
	loc := s.Zone
	holidays := map[Date]bool{}
	for _, c := range s.Closures {
		holidays[c.From] = true
	}
	b.ReportAllocs()
	for b.Loop() {
		out := make([]Interval, 0, 320)
		d := MustParseDate("2026-01-01")
		wd := d.Weekday()
		for range 365 {
			if !holidays[d] {
				switch {
				case wd >= time.Monday && wd <= time.Friday:
					out = append(out, Interval{Start: time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, loc), End: time.Date(d.Year, d.Month, d.Day, 17, 0, 0, 0, loc)})
				case wd == time.Saturday:
					out = append(out, Interval{Start: time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, loc), End: time.Date(d.Year, d.Month, d.Day, 13, 0, 0, 0, loc)})
				}
			}
			d, wd = d.AddDays(1), (wd+1)%7
		}
		if len(out) < 300 {
			b.Fatal(len(out))
		}
		floorSink = out
	}
}

// floorSink keeps the floor's result on the heap, as Open's is.
var floorSink []Interval

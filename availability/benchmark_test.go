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

// BenchmarkCheckOpen checks a 50-minute session within working hours, the
// question every booking check asks first.
func BenchmarkCheckOpen(b *testing.B) {
	s, _ := benchYear(b)
	s.Protected = []Window{window("mon-fri", "12:00", "13:00")}
	session := IntervalOf(At(MustParseDate("2026-06-16"), ClockOf(10, 0), s.Zone), 50*time.Minute)
	if rs, err := s.CheckOpen(session); err != nil || len(rs) > 0 {
		b.Fatal(rs, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		s.CheckOpen(session)
	}
}

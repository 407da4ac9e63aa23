package booking

import (
	"fmt"
	"testing"
	"time"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
)

// benchPractice is a therapist's booking page: three services (a 90-minute
// intake on Tuesday and Thursday mornings, a 50-minute session, a
// 25-minute check-in), at most 6 sessions a day, 500 booked sessions and
// 200 busy blocks from a personal calendar, in Berlin.
func benchPractice(b *testing.B) (Calendar, time.Time) {
	loc := mustZone(b, "Europe/Berlin")
	c := Calendar{
		Schedule: availability.Schedule{
			Zone:      loc,
			Hours:     []availability.Window{window("mon-fri", "08:00", "18:00"), window("sat", "09:00", "13:00")},
			Protected: []availability.Window{window("mon-fri", "12:00", "13:00")},
		},
		Services: []Service{
			{ID: "intake", Name: "Intake", Length: 90 * time.Minute, MinNotice: 48 * time.Hour, Hours: []availability.Window{window("tue,thu", "08:00", "12:00")}, Caps: Caps{PerWeek: 2}, Price: money.MustParse("EUR 150.00")},
			{ID: "session", Name: "Session", Length: 50 * time.Minute, BufferAfter: 10 * time.Minute, Align: 15 * time.Minute, Price: money.MustParse("EUR 100.00")},
			{ID: "checkin", Name: "Check-in", Length: 25 * time.Minute, BufferAfter: 5 * time.Minute, Price: money.MustParse("EUR 50.00")},
		},
		Caps: Caps{PerDay: 6},
	}
	now := availability.At(availability.MustParseDate("2026-01-05"), availability.Midnight, loc)
	open, err := c.Schedule.Open(availability.IntervalOf(now, 365*24*time.Hour))
	if err != nil {
		b.Fatal(err)
	}
	ivs := open.Intervals()
	var list []Session
	for i := 0; len(list) < 500; i++ {
		iv := ivs[(i*7)%len(ivs)]
		start := iv.Start.Add(time.Duration(i%3) * time.Hour)
		svc := []string{"session", "checkin", "session"}[i%3]
		if iv.Covers(availability.IntervalOf(start, time.Hour)) {
			list = append(list, Session{ID: fmt.Sprintf("s%d", i), Service: svc, Client: "c", Interval: availability.IntervalOf(start, 50*time.Minute)})
		}
	}
	c.Booked, err = NewSessions(list...)
	if err != nil {
		b.Fatal(err)
	}
	var busy []availability.Interval
	for i := range 200 {
		busy = append(busy, availability.IntervalOf(now.Add(time.Duration(i*43)*time.Hour+7*time.Hour), 45*time.Minute))
	}
	c.Busy = []Busy{{Source: "personal calendar", Times: availability.NewSet(busy...)}}
	return c, now
}

// BenchmarkBookingPage lists four weeks of one service's slots.
func BenchmarkBookingPage(b *testing.B) {
	c, now := benchPractice(b)
	r := availability.IntervalOf(now.Add(14*24*time.Hour), 28*24*time.Hour)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		slots, err := c.Slots(now, "session", r)
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

// BenchmarkCheck is the point query: is this session bookable? On a
// practice's calendar with services and busy time, and on the calendar of
// one service that BenchmarkSlotsYear lists, from mid-June.
func BenchmarkCheck(b *testing.B) {
	b.Run("practice", func(b *testing.B) {
		c, now := benchPractice(b)
		benchCheck(b, c, now, now.Add(60*24*time.Hour))
	})
	b.Run("one-service", func(b *testing.B) {
		c, now, _ := benchYear(b)
		benchCheck(b, c, now, availability.At(availability.MustParseDate("2026-06-16"), availability.Midnight, c.Schedule.Zone))
	})
}

// benchCheck checks the first session bookable after the instant after.
func benchCheck(b *testing.B, c Calendar, now, after time.Time) {
	s, ok, err := c.Next(now, "session", after)
	if err != nil || !ok {
		b.Fatal("no bookable session", err)
	}
	if !c.Check(now, "session", s.Start).OK {
		b.Fatal("not bookable")
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Check(now, "session", s.Start)
	}
}

// BenchmarkSeries checks a 12-week weekly series with alternatives for
// the sessions it cannot book: one on a holiday, then also one in a week
// away, whose nearest alternative is a week off.
func BenchmarkSeries(b *testing.B) {
	holiday := availability.Closure{ID: "holiday", From: availability.MustParseDate("2026-03-17"), Through: availability.MustParseDate("2026-03-17")}
	away := availability.Closure{ID: "away", From: availability.MustParseDate("2026-04-11"), Through: availability.MustParseDate("2026-04-19"), Colleague: "Dr. Lee"}
	for _, tc := range []struct {
		name     string
		closures []availability.Closure
	}{
		{"holiday", []availability.Closure{holiday}},
		{"holiday-and-away", []availability.Closure{holiday, away}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			c, now := benchPractice(b)
			c.Schedule.Closures = tc.closures
			first := availability.At(availability.MustParseDate("2026-03-03"), availability.MustParseClock("16:00"), c.Schedule.Zone)
			s := Series{Service: "session", Client: "c-1", First: first, Count: 12}
			occ, err := c.CheckSeries(now, s)
			if err != nil {
				b.Fatal(err)
			}
			refused := 0
			for _, o := range occ {
				if !o.OK {
					refused++
					if o.Alternative == nil {
						b.Fatal("no alternative to", o.Session)
					}
				}
			}
			if refused != len(tc.closures) {
				b.Fatalf("%d sessions refused, want %d", refused, len(tc.closures))
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.CheckSeries(now, s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(refused), "refused")
		})
	}
}

// benchGroup returns a group of two providers, a supervisor and a room,
// and optional participants.
func benchGroup(b *testing.B, optional int) (Group, time.Time, availability.Interval) {
	c, now := benchPractice(b)
	second := c
	second.Booked = Sessions{}
	var list []Session
	for x := range c.Booked.All() {
		x.Interval = availability.IntervalOf(x.Start.Add(2*time.Hour), x.Duration())
		list = append(list, x)
	}
	second.Booked, _ = NewSessions(list...)
	second.Busy = nil
	room := Calendar{Schedule: availability.Schedule{Zone: c.Schedule.Zone, Hours: []availability.Window{window("mon-fri", "07:00", "20:00")}}, Booked: c.Booked}
	g := Group{Length: 50 * time.Minute, Limit: 10, Parties: []Party{
		{Name: "Dr. Kovač", Calendar: c, Service: "session"},
		{Name: "Dr. Lee", Calendar: second, Service: "session"},
		{Name: "Supervisor", Calendar: Calendar{Schedule: room.Schedule}},
		{Name: "Room 2", Calendar: room},
	}}
	for i := range optional {
		client := Calendar{Schedule: availability.Schedule{Zone: c.Schedule.Zone, Hours: []availability.Window{window([]string{"mon-wed", "wed-fri", "tue,thu"}[i%3], "09:00", "17:00")}}}
		g.Parties = append(g.Parties, Party{Name: fmt.Sprintf("client %d", i+1), Calendar: client, Optional: true})
	}
	return g, now, availability.IntervalOf(now.Add(14*24*time.Hour), 28*24*time.Hour)
}

// BenchmarkGroup searches four weeks for three required calendars and a
// room, and for the same with ten optional participants.
func BenchmarkGroup(b *testing.B) {
	for _, optional := range []int{0, 10} {
		b.Run(fmt.Sprintf("optional=%d", optional), func(b *testing.B) {
			g, now, r := benchGroup(b, optional)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				p, err := g.Find(now, r)
				if err != nil {
					b.Fatal(err)
				}
				n = len(p)
			}
			b.ReportMetric(float64(n), "proposals")
		})
	}
}

// benchYear is a year of a Berlin calendar with 5 weekly windows, 2
// protected windows, 50 overrides and 1,000 booked sessions of 50 minutes
// with a 10-minute buffer, on a 15-minute grid.
func benchYear(b *testing.B) (Calendar, time.Time, availability.Interval) {
	loc := mustZone(b, "Europe/Berlin")
	c := Calendar{
		Schedule: availability.Schedule{
			Zone: loc,
			Hours: []availability.Window{
				window("mon", "08:00", "12:00"), window("mon-thu", "13:00", "18:00"),
				window("fri", "09:00", "15:00"), window("sat", "10:00", "20:00"), window("wed", "18:00", "21:00"),
			},
			Protected: []availability.Window{window("sat", "18:00", "24:00"), window("mon-fri", "12:00", "13:00")},
		},
		Services: []Service{{ID: "session", Length: 50 * time.Minute, Align: 15 * time.Minute, BufferAfter: 10 * time.Minute}},
	}
	first := availability.MustParseDate("2026-01-01")
	for i := range 50 {
		o := availability.Override{Date: first.AddDays(i * 7)}
		if i%2 == 0 {
			o.Closed = true
		} else {
			o.Hours = []availability.Span{{Start: availability.ClockOf(10, 0), End: availability.ClockOf(14, 0)}}
		}
		c.Schedule.Overrides = append(c.Schedule.Overrides, o)
	}
	now := availability.At(first, availability.Midnight, loc)
	r := availability.Interval{Start: now, End: availability.At(first.AddDays(365), availability.Midnight, loc)}
	open, err := c.Schedule.Open(r)
	if err != nil {
		b.Fatal(err)
	}
	var list []Session
	ivs := open.Intervals()
	for i := 0; len(list) < 1000; i++ {
		iv := ivs[(i*7)%len(ivs)]
		start := iv.Start.Add(time.Duration(i%3) * time.Hour)
		if iv.Covers(availability.IntervalOf(start, time.Hour)) {
			list = append(list, Session{ID: fmt.Sprint(i), Service: "session", Interval: availability.IntervalOf(start, 50*time.Minute)})
		}
	}
	if c.Booked, err = NewSessions(list...); err != nil {
		b.Fatal(err)
	}
	return c, now, r
}

// BenchmarkSlotsYear lists a year of bookable sessions.
func BenchmarkSlotsYear(b *testing.B) {
	c, now, r := benchYear(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		slots, err := c.Slots(now, "", r)
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

// BenchmarkSlotsYearFloor is the floor BenchmarkSlotsYear is measured
// against: the year's open time from Schedule.Open, then a plain loop over
// its intervals that steps through the 15-minute grid and skips the starts
// too close to a booked session, knowing in advance that the grid is
// aligned with the open intervals, that there are no caps and that every
// booking has the same buffer.
func BenchmarkSlotsYearFloor(b *testing.B) {
	c, now, r := benchYear(b)
	var booked []availability.Interval
	for x := range c.Booked.All() {
		booked = append(booked, x.Interval)
	}
	const (
		length = 50 * time.Minute
		step   = 15 * time.Minute
		buffer = 10 * time.Minute
	)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		open, err := c.Schedule.Open(r)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		j := 0
		for iv := range open.All() {
			for t := iv.Start; !t.Add(length).After(iv.End); t = t.Add(step) {
				for j < len(booked) && !booked[j].End.Add(buffer).After(t) {
					j++
				}
				if j < len(booked) && booked[j].Start.Before(t.Add(length+buffer)) {
					continue
				}
				n++
			}
		}
	}
	_ = now
	b.ReportMetric(float64(n), "slots")
}

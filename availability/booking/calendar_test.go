package booking

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
)

// practice is a New York therapist: weekdays 09:00–17:00, Saturday
// 10:00–22:00 with the evening from 18:00 kept for friends, 50-minute
// sessions with a 10-minute buffer after each, on the hour.
func practice(t testing.TB) Calendar {
	return Calendar{
		Schedule: availability.Schedule{
			Zone:      mustZone(t, "America/New_York"),
			Hours:     []availability.Window{{ID: "weekdays", Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}, {ID: "saturday", Days: availability.Days(time.Saturday), Start: availability.ClockOf(10, 0), End: availability.ClockOf(22, 0)}},
			Protected: []availability.Window{{ID: "friends", Label: "friends", Days: availability.Days(time.Saturday), Start: availability.ClockOf(18, 0), End: availability.EndOfDay}},
		},
		Services: []Service{{ID: "session", Length: 50 * time.Minute, Align: time.Hour, BufferAfter: 10 * time.Minute, MinNotice: 24 * time.Hour, Horizon: 60 * 24 * time.Hour, Caps: Caps{PerDay: 5}}},
	}
}

func codes(v Verdict) []availability.Code {
	var out []availability.Code
	for _, r := range v.Reasons {
		out = append(out, r.Code)
	}
	return out
}

func TestCalendarCheck(t *testing.T) {
	c := practice(t)
	now := mustTime(t, "2026-07-01T12:00:00-04:00") // a Wednesday
	c.Booked = sessions(t,
		availability.IntervalOf(mustTime(t, "2026-07-06T10:00:00-04:00"), 50*time.Minute),
		availability.IntervalOf(mustTime(t, "2026-07-07T09:00:00-04:00"), 50*time.Minute),
		availability.IntervalOf(mustTime(t, "2026-07-07T10:00:00-04:00"), 50*time.Minute),
		availability.IntervalOf(mustTime(t, "2026-07-07T11:00:00-04:00"), 50*time.Minute),
		availability.IntervalOf(mustTime(t, "2026-07-07T13:00:00-04:00"), 50*time.Minute),
		availability.IntervalOf(mustTime(t, "2026-07-07T14:00:00-04:00"), 50*time.Minute),
	)
	for _, tc := range []struct {
		start string
		want  []availability.Code
	}{
		{"2026-07-06T09:00:00-04:00", nil},
		{"2026-07-06T10:00:00-04:00", []availability.Code{CodeBooked}},
		{"2026-07-06T11:00:00-04:00", nil},
		{"2026-07-06T09:30:00-04:00", []availability.Code{CodeNotAligned, CodeBooked}},
		{"2026-07-06T16:00:00-04:00", nil},
		{"2026-07-06T17:00:00-04:00", []availability.Code{availability.CodeOutsideHours}},
		{"2026-07-04T17:00:00-04:00", nil},
		{"2026-07-04T18:00:00-04:00", []availability.Code{availability.CodeProtected}},
		{"2026-07-02T10:00:00-04:00", []availability.Code{CodeMinNotice}},
		{"2026-06-30T10:00:00-04:00", []availability.Code{CodePast}},
		{"2026-09-01T10:00:00-04:00", []availability.Code{CodeBeyondHorizon}},
		{"2026-07-07T15:00:00-04:00", []availability.Code{CodeDayCap}},
		{"2026-07-05T10:00:00-04:00", []availability.Code{availability.CodeOutsideHours}},
	} {
		v := c.Check(now, "", mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), "%s: %v", tc.start, v.Reasons)
		require.Equal(t, len(tc.want) == 0, v.OK)
	}
}

func TestCalendarBuffer(t *testing.T) {
	c := practice(t)
	c.Services[0].Align = 10 * time.Minute
	c.Services[0].BufferBefore = 5 * time.Minute
	now := mustTime(t, "2026-07-01T12:00:00-04:00")
	c.Booked = sessions(t, availability.IntervalOf(mustTime(t, "2026-07-06T10:00:00-04:00"), 50*time.Minute))
	// The booking ends 10:50; with 10 minutes after it and 5 before the
	// next one, the next session may start at 11:05, so 11:10 on a
	// 10-minute grid.
	require.Equal(t, []availability.Code{CodeBuffer}, codes(c.Check(now, "", mustTime(t, "2026-07-06T11:00:00-04:00"))))
	require.True(t, c.Check(now, "", mustTime(t, "2026-07-06T11:10:00-04:00")).OK)
	// Before it: a session ending 09:45 leaves 15 minutes.
	require.Equal(t, []availability.Code{CodeBuffer}, codes(c.Check(now, "", mustTime(t, "2026-07-06T09:00:00-04:00"))))
	require.True(t, c.Check(now, "", mustTime(t, "2026-07-06T09:00:00-04:00").Add(-10*time.Minute)).OK == false)
	require.True(t, c.Check(now, "", mustTime(t, "2026-07-06T12:00:00-04:00")).OK)
}

func TestCalendarCrossMidnightSlot(t *testing.T) {
	c := Calendar{
		Schedule: availability.Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []availability.Window{window("fri", "22:30", "02:00")}},
		Services: []Service{{ID: "session", Length: time.Hour}},
	}
	now := mustTime(t, "2026-07-01T00:00:00Z")
	r := span(t, "2026-07-03T00:00:00+02:00", "2026-07-05T00:00:00+02:00")
	slots, err := c.Slots(now, "", r)
	require.NoError(t, err)
	var starts []string
	for s := range slots {
		starts = append(starts, s.Start.Format("Mon 15:04"))
	}
	require.Equal(t, []string{"Fri 22:30", "Fri 23:00", "Fri 23:30", "Sat 00:00", "Sat 00:30", "Sat 01:00"}, starts)
	require.True(t, c.Check(now, "", mustTime(t, "2026-07-03T23:30:00+02:00")).OK)
}

func TestCalendarSlotsDST(t *testing.T) {
	for _, tc := range []struct {
		zone, day string
		align     time.Duration
		want      []string
	}{
		// New York spring forward: 02:00–03:00 does not exist.
		{"America/New_York", "2026-03-08", time.Hour, []string{"00:00-05:00", "01:00-05:00", "03:00-04:00", "04:00-04:00"}},
		// New York fall back: 01:00 happens twice, and both are offered.
		{"America/New_York", "2026-11-01", time.Hour, []string{"00:00-04:00", "01:00-04:00", "01:00-05:00", "02:00-05:00", "03:00-05:00", "04:00-05:00"}},
		// Lord Howe: 02:00–02:30 does not exist; on an hourly grid 02:30 is not a start.
		{"Australia/Lord_Howe", "2026-10-04", time.Hour, []string{"00:00+10:30", "01:00+10:30", "03:00+11:00", "04:00+11:00"}},
		// Lord Howe fall back: 01:30–02:00 happens twice.
		{"Australia/Lord_Howe", "2026-04-05", 30 * time.Minute, []string{"00:00+11:00", "00:30+11:00", "01:00+11:00", "01:30+11:00", "01:30+10:30", "02:00+10:30", "02:30+10:30", "03:00+10:30", "03:30+10:30", "04:00+10:30", "04:30+10:30"}},
	} {
		t.Run(tc.zone+" "+tc.day, func(t *testing.T) {
			loc := mustZone(t, tc.zone)
			d := availability.MustParseDate(tc.day)
			c := Calendar{
				Schedule: availability.Schedule{Zone: loc, Hours: []availability.Window{{Days: availability.Everyday, Start: availability.Midnight, End: availability.ClockOf(5, 0)}}},
				Services: []Service{{ID: "session", Length: 30 * time.Minute, Align: tc.align}},
			}
			r := availability.Interval{Start: availability.At(d, availability.Midnight, loc), End: availability.At(d.AddDays(1), availability.Midnight, loc)}
			slots, err := c.Slots(r.Start.Add(-48*time.Hour), "", r)
			require.NoError(t, err)
			var got []string
			for s := range slots {
				got = append(got, s.Start.Format("15:04Z07:00"))
				require.True(t, c.Check(r.Start.Add(-48*time.Hour), "", s.Start).OK, s.String())
			}
			require.Equal(t, tc.want, got)
		})
	}
}

func TestCalendarNext(t *testing.T) {
	c := practice(t)
	now := mustTime(t, "2026-07-03T16:00:00-04:00") // Friday afternoon
	got, ok, err := c.Next(now, "", now)
	require.NoError(t, err)
	require.True(t, ok)
	// 24 hours of notice: Saturday 16:00 is the first start.
	require.True(t, got.Start.Equal(mustTime(t, "2026-07-04T16:00:00-04:00")), got.String())

	closed := Calendar{Services: []Service{{ID: "session", Length: time.Hour}}}
	_, ok, err = closed.Next(now, "", now)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestCalendarInvalidPolicy(t *testing.T) {
	c := Calendar{Services: []Service{{ID: "session"}}}
	now := mustTime(t, "2026-07-03T16:00:00-04:00")
	_, err := c.Slots(now, "", availability.IntervalOf(now, time.Hour))
	require.ErrorIs(t, err, problem.ErrInvalid)
	v := c.Check(now, "", now)
	require.False(t, v.OK)
	require.Equal(t, []availability.Code{CodeInvalid}, codes(v))
	_, err = c.Slots(now, "intake", availability.IntervalOf(now, time.Hour))
	require.ErrorIs(t, err, ErrUnknownService)
	require.Equal(t, []availability.Code{CodeUnknownService}, codes(c.Check(now, "intake", now)))
}

// TestSlotsAgreeWithCheck is the property that listing and checking share
// one definition: over random schedules, policies and bookings, every
// listed slot passes Check, and every aligned start that passes Check is
// listed.
func TestSlotsAgreeWithCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Sao_Paulo", "Pacific/Chatham"}
	days := []string{"2026-03-06", "2026-03-27", "2026-10-02", "2026-10-23", "2026-10-30", "2026-04-03", "2018-11-02", "2028-02-27"}
	for iter := range 150 {
		requireSlotsAgreeWithCheck(t, rng, iter, mustZone(t, zones[rng.IntN(len(zones))]), availability.MustParseDate(days[rng.IntN(len(days))]))
	}
}

// TestSlotsAgreeWithCheckAcrossMidnight holds the property on days whose
// zone transitions cross midnight, where a window can end two dates after it
// starts or start before an instant of the previous date.
func TestSlotsAgreeWithCheckAcrossMidnight(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct{ zone, day string }{
		{"Pacific/Apia", "2011-12-28"},      // skipped 2011-12-30
		{"America/St_Johns", "2010-11-05"},  // fell back from 00:01 to 23:01 on 2010-11-07
		{"Antarctica/Casey", "2010-03-03"},  // fell back from 02:00 +11 to 23:00 +08 on 2010-03-05
		{"America/Sao_Paulo", "2018-02-15"}, // fell back from 24:00 to 23:00 on 2018-02-17
	} {
		for iter := range 25 {
			requireSlotsAgreeWithCheck(t, rng, iter, mustZone(t, c.zone), availability.MustParseDate(c.day))
		}
	}
}

// requireSlotsAgreeWithCheck makes a random calendar on the five days from
// first and requires Slots and Check to agree on it.
func requireSlotsAgreeWithCheck(t *testing.T, rng *rand.Rand, iter int, loc *time.Location, first availability.Date) {
	t.Helper()
	c := Calendar{Schedule: availability.Schedule{Zone: loc}}
	for range 1 + rng.IntN(4) {
		c.Schedule.Hours = append(c.Schedule.Hours, availability.Window{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.Clock(rng.IntN(48) * 30), End: availability.Clock(rng.IntN(49) * 30)})
	}
	if rng.IntN(2) == 0 {
		c.Schedule.Protected = []availability.Window{{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.Clock(rng.IntN(48) * 30), End: availability.Clock(rng.IntN(49) * 30)}}
	}
	if rng.IntN(3) == 0 {
		c.Schedule.Overrides = []availability.Override{{Date: first.AddDays(rng.IntN(4)), Closed: rng.IntN(2) == 0, Hours: []availability.Span{{Start: availability.Clock(rng.IntN(24) * 60), End: availability.Clock(rng.IntN(24) * 60)}}}}
	}
	c.Services = []Service{{
		ID:           "session",
		Length:       time.Duration(15*(1+rng.IntN(8))) * time.Minute,
		Align:        []time.Duration{0, 10 * time.Minute, 15 * time.Minute, time.Hour, 50 * time.Minute}[rng.IntN(5)],
		BufferBefore: time.Duration(rng.IntN(3)*5) * time.Minute,
		BufferAfter:  time.Duration(rng.IntN(3)*10) * time.Minute,
		MinNotice:    time.Duration(rng.IntN(3)*12) * time.Hour,
		Horizon:      time.Duration(rng.IntN(3)*48) * time.Hour,
		Caps:         Caps{PerDay: rng.IntN(4), PerWeek: rng.IntN(8)},
	}}
	start := availability.At(first, availability.Midnight, loc)
	r := availability.Interval{Start: start, End: start.Add(5 * 24 * time.Hour)}
	var booked []availability.Interval
	for range rng.IntN(12) {
		b := start.Add(time.Duration(rng.IntN(5*24*4)) * 15 * time.Minute)
		booked = append(booked, availability.IntervalOf(b, time.Duration(30+rng.IntN(4)*15)*time.Minute))
	}
	c.Booked = sessions(t, booked...)
	now := start.Add(time.Duration(rng.IntN(48)) * time.Hour)

	slots, err := c.Slots(now, "", r)
	require.NoError(t, err)
	var listed []time.Time
	for s := range slots {
		v := c.Check(now, "", s.Start)
		require.True(t, v.OK, "iteration %d: listed %s but Check says %v", iter, s, v.Reasons)
		require.True(t, r.Covers(s))
		listed = append(listed, s.Start)
	}
	// Every minute-aligned start in the range that Check accepts is listed.
	for s := start; !s.Add(c.Services[0].Length).After(r.End); s = s.Add(5 * time.Minute) {
		if c.Check(now, "", s).OK {
			require.True(t, slices.ContainsFunc(listed, s.Equal), "iteration %d: %s passes Check but is not listed (zone %s) %+v %+v now %s listed %v", iter, s, loc, c.Schedule, c.Services, now, listed)
		}
	}
}

// TestCalendarUnusable checks that a policy or schedule no query can use is
// refused the same way by Check and Slots, without a panic or unbounded work.
func TestCalendarUnusable(t *testing.T) {
	now := mustTime(t, "2026-07-01T12:00:00-04:00")
	start := mustTime(t, "2026-07-06T10:00:00-04:00")
	huge := practice(t)
	for range availability.MaxWindows {
		huge.Schedule.Hours = append(huge.Schedule.Hours, huge.Schedule.Hours[0])
	}
	for _, tc := range []struct {
		name string
		c    func(Calendar) Calendar
		rule string
		err  error
	}{
		{"no session", func(c Calendar) Calendar { c.Services[0].Length = 0; return c }, "services[0].length", problem.ErrInvalid},
		{"session longer than MaxRange", func(c Calendar) Calendar { c.Services[0].Length = availability.MaxRange + time.Hour; return c }, "services[0].length", availability.ErrRangeTooLong},
		{"align under a minute", func(c Calendar) Calendar { c.Services[0].Align = 30 * time.Second; return c }, "services[0].align", problem.ErrInvalid},
		{"align of minutes and seconds", func(c Calendar) Calendar { c.Services[0].Align = 90 * time.Second; return c }, "services[0].align", problem.ErrInvalid},
		{"negative align", func(c Calendar) Calendar { c.Services[0].Align = -time.Hour; return c }, "services[0].align", problem.ErrInvalid},
		{"too many windows", func(Calendar) Calendar { return huge }, "schedule", availability.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c(practice(t))
			v := c.Check(now, "", start)
			require.False(t, v.OK)
			require.Len(t, v.Reasons, 1)
			require.Equal(t, CodeInvalid, v.Reasons[0].Code)
			require.Equal(t, tc.rule, v.Reasons[0].Rule)
			_, err := c.Slots(now, "", availability.IntervalOf(start, 24*time.Hour))
			require.ErrorIs(t, err, tc.err)
			_, _, err = c.Next(now, "", start)
			require.ErrorIs(t, err, tc.err)
		})
	}
}

// TestCalendarNegativeBuffers checks that Slots and Check read buffers that
// do not validate the same way: a negative buffer keeps nothing free.
func TestCalendarNegativeBuffers(t *testing.T) {
	c := practice(t)
	c.Services[0].Align = 10 * time.Minute
	c.Services[0].BufferBefore, c.Services[0].BufferAfter = -20*time.Minute, -10*time.Minute
	now := mustTime(t, "2026-07-01T12:00:00-04:00")
	c.Booked = sessions(t, availability.IntervalOf(mustTime(t, "2026-07-06T10:00:00-04:00"), 50*time.Minute))
	day := span(t, "2026-07-06T09:00:00-04:00", "2026-07-06T13:00:00-04:00")
	slots, err := c.Slots(now, "", day)
	require.NoError(t, err)
	var starts []string
	for s := range slots {
		require.True(t, c.Check(now, "", s.Start).OK, s.String())
		starts = append(starts, s.Start.Format("15:04"))
	}
	require.Equal(t, []string{"09:00", "09:10", "10:50", "11:00", "11:10", "11:20", "11:30", "11:40", "11:50", "12:00", "12:10"}, starts)
	// A session that overlaps the booked one by less than its negative
	// buffers is still a clash (Check missed the booked session, which
	// it looked for only within the buffers).
	v := c.Check(now, "", mustTime(t, "2026-07-06T09:20:00-04:00"))
	require.Equal(t, []availability.Code{CodeBooked}, codes(v))

	// The negative buffers of a neighbour's service give no room either.
	c.Services[0].BufferBefore, c.Services[0].BufferAfter = 0, 0
	c.Services = append(c.Services, Service{ID: "call", Length: 20 * time.Minute, Align: 10 * time.Minute, BufferBefore: -30 * time.Minute})
	c.Booked = sessions(t, availability.IntervalOf(mustTime(t, "2026-07-06T10:00:00-04:00"), 50*time.Minute))
	c.Booked, _ = c.Booked.Add(Session{ID: "b", Service: "call", Interval: availability.IntervalOf(mustTime(t, "2026-07-06T12:00:00-04:00"), 20*time.Minute)})
	c.Services[0].BufferAfter = 20 * time.Minute
	for _, service := range []string{"session", "call"} {
		slots, err := c.Slots(now, service, day)
		require.NoError(t, err)
		var listed []time.Time
		for s := range slots {
			require.True(t, c.Check(now, service, s.Start).OK, "%s %s", service, s)
			listed = append(listed, s.Start)
		}
		for s := day.Start; s.Before(day.End); s = s.Add(10 * time.Minute) {
			if c.Check(now, service, s).OK && !s.Add(c.Services[slices.IndexFunc(c.Services, func(x Service) bool { return x.ID == service })].Length).After(day.End) {
				require.True(t, slices.ContainsFunc(listed, s.Equal), "%s %s passes Check but is not listed", service, s.Format("15:04"))
			}
		}
	}
}

// TestQueriesAtExtremeInstants runs every query at instants from the
// earliest to the latest a time.Time holds. The answers there mean little,
// but no query may hang or panic.
func TestQueriesAtExtremeInstants(t *testing.T) {
	for _, zone := range []string{"UTC", "America/New_York", "Pacific/Apia", "Australia/Lord_Howe"} {
		c := Calendar{
			Schedule: availability.Schedule{Zone: mustZone(t, zone), Hours: []availability.Window{{Days: availability.Everyday, Start: availability.Midnight, End: availability.EndOfDay}}, Protected: []availability.Window{{Days: availability.Weekend, Start: availability.ClockOf(1, 0), End: availability.ClockOf(2, 0)}}},
			Services: []Service{{ID: "session", Length: time.Hour, Caps: Caps{PerDay: 3, PerWeek: 5, PerMonth: 9}}},
		}
		for _, u := range []int64{math.MinInt64, math.MinInt64 / 2, -62135596800 - 400*86400, -62135596800, 253402300799, math.MaxInt64 / 2, math.MaxInt64 - 62135596800 - 3*86400, math.MaxInt64} {
			at := time.Unix(u, 0)
			c.Check(at.Add(-48*time.Hour), "", at)
			c.Schedule.Explain(at)
			r := availability.IntervalOf(at, 72*time.Hour)
			_, err := c.Schedule.Open(r)
			require.NoError(t, err)
			slots, err := c.Slots(at.Add(-48*time.Hour), "", r)
			require.NoError(t, err)
			for range slots {
			}
			_, _, err = c.Next(at, "", at)
			require.NoError(t, err)
		}
	}
}

// TestCheckBookableAllocatesNothing: Check of a bookable session costs no
// allocation, with sessions close by, busy time, per-service and shared
// caps, a group session to join and a client's view. (It cost one for the
// sessions it looked at, one for each session near enough to compare
// buffers with, and one for each cap's rule path.)
func TestCheckBookableAllocatesNothing(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c.Services[1].Caps = Caps{PerDay: 4, PerWeek: 20, PerMonth: 60, BookedPerDay: 5 * time.Hour, BookedPerWeek: 20 * time.Hour}
	c = book(t, c,
		at(t, c, "s1", "session", "2026-09-14T11:00:00-04:00"),
		at(t, c, "c1", "checkin", "2026-09-14T12:05:00-04:00"),
		at(t, c, "i1", "intake", "2026-09-15T10:00:00-04:00"),
		at(t, c, "g1", "group", "2026-09-16T17:00:00-04:00"),
	)
	c.Busy = []Busy{{Source: "personal calendar", Times: availability.NewSet(availability.IntervalOf(mustTime(t, "2026-09-14T16:00:00-04:00"), time.Hour))}}
	tokyo := mustZone(t, "Asia/Tokyo")
	for _, tc := range []struct {
		service, start string
		view           *time.Location
	}{
		{"session", "2026-09-14T10:00:00-04:00", nil},   // s1 an hour later
		{"checkin", "2026-09-14T09:30:00-04:00", nil},   // nothing near
		{"checkin", "2026-09-14T12:35:00-04:00", nil},   // right after c1
		{"intake", "2026-09-17T09:00:00-04:00", nil},    // one intake this week
		{"group", "2026-09-16T17:00:00-04:00", nil},     // joins g1
		{"session", "2026-09-14T15:00:00-04:00", tokyo}, // busy after it
	} {
		c := c.In(tc.view)
		start := mustTime(t, tc.start)
		require.True(t, c.Check(now, tc.service, start).OK, "%s %s", tc.service, tc.start)
		require.Zero(t, testing.AllocsPerRun(100, func() { c.Check(now, tc.service, start) }), "%s %s", tc.service, tc.start)
	}
}

// TestServicesSlotsAgreeWithCheck extends the property to calendars with
// several services, busy time, shared and per-service caps, dates, hours
// and group seats: for every service, every listed slot passes Check and
// every aligned start that passes Check is listed, in odd zones around
// their DST days, and as seen from a client's zone.
func TestServicesSlotsAgreeWithCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	zones := []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham", "America/Sao_Paulo"}
	days := []string{"2026-03-06", "2026-03-27", "2026-10-02", "2026-10-23", "2026-10-30", "2026-04-03", "2026-09-25", "2018-11-02"}
	views := []string{"", "Asia/Tokyo", "Pacific/Kiritimati", "America/Los_Angeles"}
	for iter := range 100 {
		loc := mustZone(t, zones[rng.IntN(len(zones))])
		first := availability.MustParseDate(days[rng.IntN(len(days))])
		c := randomCalendar(t, rng, loc, first)
		if v := views[rng.IntN(len(views))]; v != "" {
			c = c.In(mustZone(t, v))
		}
		start := availability.At(first, availability.Midnight, loc)
		now := start.Add(time.Duration(rng.IntN(48)) * time.Hour)
		r := availability.Interval{Start: start, End: start.Add(5 * 24 * time.Hour)}
		for _, svc := range c.Services {
			listed := map[int64]bool{}
			for _, s := range collect(t, c, now, svc.ID, r) {
				v := c.Check(now, svc.ID, s.Start)
				require.True(t, v.OK, "iteration %d %s: listed %s but Check says %v", iter, svc.ID, s, v.Reasons)
				require.True(t, r.Covers(s))
				require.Equal(t, svc.Length, s.Duration())
				listed[s.Start.Unix()] = true
			}
			// Every start on the service's grid that passes Check is listed
			// (a start off the grid never passes).
			for s := start; !s.Add(svc.Length).After(r.End); s = s.Add(5 * time.Minute) {
				if aligned(s.In(loc), svc.alignMinutes()) && c.Check(now, svc.ID, s).OK {
					require.True(t, listed[s.Unix()], "iteration %d %s: %s passes Check but is not listed (zone %s)", iter, svc.ID, s, loc)
				}
			}
		}
	}
}

// randomCalendar makes a calendar in loc around the five days from first:
// random hours, protected time and an override, two to four services with
// random rules (one may take a group), shared caps, booked sessions of
// every service (some of one no longer offered, some clients of a group)
// and busy time from two sources.
func randomCalendar(t testing.TB, rng *rand.Rand, loc *time.Location, first availability.Date) Calendar {
	t.Helper()
	c := Calendar{Schedule: availability.Schedule{Zone: loc}}
	for range 1 + rng.IntN(4) {
		c.Schedule.Hours = append(c.Schedule.Hours, availability.Window{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.Clock(rng.IntN(48) * 30), End: availability.Clock(rng.IntN(49) * 30)})
	}
	if rng.IntN(2) == 0 {
		c.Schedule.Protected = []availability.Window{{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.Clock(rng.IntN(48) * 30), End: availability.Clock(rng.IntN(49) * 30)}}
	}
	if rng.IntN(3) == 0 {
		c.Schedule.Overrides = []availability.Override{{Date: first.AddDays(rng.IntN(4)), Closed: rng.IntN(2) == 0, Hours: []availability.Span{{Start: availability.Clock(rng.IntN(24) * 60), End: availability.Clock(rng.IntN(24) * 60)}}}}
	}
	n := 2 + rng.IntN(3)
	for i := range n {
		svc := Service{
			ID:           fmt.Sprintf("svc%d", i),
			Length:       time.Duration(5*(1+rng.IntN(24))) * time.Minute,
			Align:        []time.Duration{0, 5 * time.Minute, 10 * time.Minute, 15 * time.Minute, time.Hour, 50 * time.Minute, 45 * time.Minute}[rng.IntN(7)],
			BufferBefore: time.Duration(rng.IntN(4)*5) * time.Minute,
			BufferAfter:  time.Duration(rng.IntN(3)*10) * time.Minute,
			MinNotice:    time.Duration(rng.IntN(3)*12) * time.Hour,
			Horizon:      time.Duration(rng.IntN(3)*48) * time.Hour,
		}
		if rng.IntN(2) == 0 {
			svc.Caps = Caps{PerDay: rng.IntN(4), PerWeek: rng.IntN(8), BookedPerDay: time.Duration(rng.IntN(3)*2) * time.Hour}
		}
		if svc.Caps.BookedPerDay > 0 && svc.Caps.BookedPerDay < svc.Length {
			svc.Caps.BookedPerDay = svc.Length
		}
		if rng.IntN(4) == 0 {
			svc.Hours = []availability.Window{{Days: availability.Weekdays(1 + rng.IntN(127)), Start: availability.Clock(rng.IntN(48) * 30), End: availability.Clock(rng.IntN(49) * 30)}}
		}
		if rng.IntN(4) == 0 {
			svc.Dates = availability.DateRange{From: first.AddDays(rng.IntN(3)), Through: first.AddDays(2 + rng.IntN(3))}
		}
		if rng.IntN(3) == 0 {
			svc.Seats = 2 + rng.IntN(3)
		}
		c.Services = append(c.Services, svc)
	}
	if rng.IntN(2) == 0 {
		c.Caps = Caps{PerDay: rng.IntN(6), PerMonth: rng.IntN(20)}
	}
	start := availability.At(first, availability.Midnight, loc)
	var list []Session
	for k := range rng.IntN(16) {
		b := start.Add(time.Duration(rng.IntN(5*24*12)) * 5 * time.Minute)
		service, length := "retired", time.Duration(30+rng.IntN(4)*15)*time.Minute
		if i := rng.IntN(n + 1); i < n {
			service, length = c.Services[i].ID, c.Services[i].Length
		}
		x := Session{ID: fmt.Sprintf("b%d", k), Service: service, Interval: availability.IntervalOf(b, length)}
		list = append(list, x)
		// Clients join group sessions.
		if svc, _ := c.service(service); svc != nil && svc.Seats > 1 {
			for j := range rng.IntN(svc.Seats + 1) {
				y := x
				y.ID = fmt.Sprintf("b%d-%d", k, j)
				list = append(list, y)
			}
		}
	}
	var err error
	c.Booked, err = NewSessions(list...)
	require.NoError(t, err)
	for i, source := range []string{"personal calendar", ""} {
		var ivs []availability.Interval
		for range rng.IntN(6) {
			ivs = append(ivs, availability.IntervalOf(start.Add(time.Duration(rng.IntN(5*24*4))*15*time.Minute), time.Duration(15+rng.IntN(8)*15)*time.Minute))
		}
		if i == 0 || len(ivs) > 0 {
			c.Busy = append(c.Busy, Busy{Source: source, Times: availability.NewSet(ivs...)})
		}
	}
	return c
}

package booking

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/ical"
)

// errand is 30 minutes of personal business on Monday 2026-09-14.
func errand(t testing.TB) []Busy {
	return []Busy{{Source: "personal calendar", Times: availability.NewSet(span(t, "2026-09-14T10:00:00-04:00", "2026-09-14T10:30:00-04:00"))}}
}

// TestBusyNeverCountsTowardCaps: one 30-minute errand does not use up a
// one-session day, whichever caps name the session; a booked session does,
// per the caps that name its service.
func TestBusyNeverCountsTowardCaps(t *testing.T) {
	now := mustTime(t, sunday)
	for _, tc := range []struct {
		name    string
		caps    func(*Calendar)
		other   []availability.Code // for a session after a check-in is booked
		refused []availability.Code // for a session after a session is booked
	}{
		{"service per day", func(c *Calendar) { c.Services[1].Caps.PerDay = 1 }, nil, []availability.Code{CodeDayCap}},
		{"service per week", func(c *Calendar) { c.Services[1].Caps.PerWeek = 1 }, nil, []availability.Code{CodeWeekCap}},
		{"service per month", func(c *Calendar) { c.Services[1].Caps.PerMonth = 1 }, nil, []availability.Code{CodeMonthCap}},
		{"service booked per day", func(c *Calendar) { c.Services[1].Caps.BookedPerDay = time.Hour }, nil, []availability.Code{CodeDayMinutesCap}},
		{"service booked per week", func(c *Calendar) { c.Services[1].Caps.BookedPerWeek = time.Hour }, nil, []availability.Code{CodeWeekMinutesCap}},
		{"shared per day", func(c *Calendar) { c.Caps.PerDay = 1 }, []availability.Code{CodeDayCap}, []availability.Code{CodeDayCap}},
		{"shared booked per week", func(c *Calendar) { c.Caps = Caps{BookedPerWeek: time.Hour} }, []availability.Code{CodeWeekMinutesCap}, []availability.Code{CodeWeekMinutesCap}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := therapist(t)
			tc.caps(&c)
			c.Busy = errand(t)
			// The errand blocks its own time only.
			v := c.Check(now, "session", mustTime(t, "2026-09-14T10:00:00-04:00"))
			require.Equal(t, []availability.Code{CodeBusy}, codes(v))
			afternoon := mustTime(t, "2026-09-14T16:00:00-04:00")
			require.True(t, c.Check(now, "session", afternoon).OK)
			require.Len(t, collect(t, c, now, "session", span(t, "2026-09-14T14:00:00-04:00", "2026-09-14T17:00:00-04:00")), 3)

			// A check-in counts toward the shared caps only.
			withCheckin := book(t, c, at(t, c, "c1", "checkin", "2026-09-14T09:00:00-04:00"))
			require.Equal(t, tc.other, codes(withCheckin.Check(now, "session", afternoon)))

			// A session counts toward both.
			withSession := book(t, c, at(t, c, "s1", "session", "2026-09-14T12:00:00-04:00"))
			require.Equal(t, tc.refused, codes(withSession.Check(now, "session", afternoon)))
		})
	}
}

func TestBusyReasons(t *testing.T) {
	c := therapist(t)
	now := mustTime(t, sunday)
	c.Busy = []Busy{
		{Source: "personal calendar", Times: availability.NewSet(span(t, "2026-09-14T11:55:00-04:00", "2026-09-14T12:30:00-04:00"), span(t, "2026-09-15T09:00:00-04:00", "2026-09-15T09:30:00-04:00"), span(t, "2026-09-17T11:30:00-04:00", "2026-09-17T11:45:00-04:00"))},
		{Times: availability.NewSet(span(t, "2026-09-16T15:00:00-04:00", "2026-09-16T16:00:00-04:00"))},
		{Source: "travel", Times: availability.NewSet(span(t, "2026-09-17T11:00:00-04:00", "2026-09-17T12:00:00-04:00"))},
	}
	for _, tc := range []struct {
		service, start string
		want           []availability.Code
		rule, message  string
	}{
		// Only the new session's buffers keep it from busy time: the
		// session's 10 minutes after it reach 12:00.
		{"session", "2026-09-14T10:00:00-04:00", nil, "", ""},
		{"session", "2026-09-14T11:00:00-04:00", []availability.Code{CodeBusy}, "busy[0]", "busy: personal calendar"},
		// The check-in needs 5 minutes before it.
		{"checkin", "2026-09-15T09:30:00-04:00", []availability.Code{CodeBusy}, "busy[0]", "busy: personal calendar"},
		{"checkin", "2026-09-15T09:35:00-04:00", nil, "", ""},
		{"checkin", "2026-09-14T09:30:00-04:00", nil, "", ""}, // ends 09:55, no buffer after
		// A source without a name is just busy.
		{"checkin", "2026-09-16T15:30:00-04:00", []availability.Code{CodeBusy}, "busy[1]", "busy"},
		// One reason, from the first source that is busy.
		{"checkin", "2026-09-17T11:30:00-04:00", []availability.Code{CodeBusy}, "busy[0]", "busy: personal calendar"},
		{"checkin", "2026-09-17T11:00:00-04:00", []availability.Code{CodeBusy}, "busy[2]", "busy: travel"},
	} {
		v := c.Check(now, tc.service, mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), "%s %s", tc.service, tc.start)
		if tc.want != nil {
			require.Equal(t, tc.rule, v.Reasons[0].Rule)
			require.Equal(t, tc.message, v.Reasons[0].Message)
		}
	}
}

// personalICS is the therapist's own calendar: a dentist appointment, a
// weekly yoga class, focus time that is marked free, and a cancelled
// lunch.
const personalICS = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//EN
BEGIN:VEVENT
UID:dentist@example.com
DTSTAMP:20260901T000000Z
SUMMARY:Dentist - root canal, Dr. Molar
DTSTART;TZID=America/New_York:20260916T100000
DTEND;TZID=America/New_York:20260916T110000
END:VEVENT
BEGIN:VEVENT
UID:yoga@example.com
DTSTAMP:20260901T000000Z
SUMMARY:Yoga
DTSTART;TZID=America/New_York:20260917T120000
DURATION:PT1H
RRULE:FREQ=WEEKLY;COUNT=4
END:VEVENT
BEGIN:VEVENT
UID:focus@example.com
DTSTAMP:20260901T000000Z
SUMMARY:Focus time
DTSTART;TZID=America/New_York:20260914T140000
DTEND;TZID=America/New_York:20260914T170000
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:lunch@example.com
DTSTAMP:20260901T000000Z
SUMMARY:Lunch with Sam
DTSTART;TZID=America/New_York:20260918T110000
DTEND;TZID=America/New_York:20260918T120000
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
`

// TestBusyFromICal takes busy time from a personal calendar in iCalendar
// form, as ical.Calendar.Busy expands it.
func TestBusyFromICal(t *testing.T) {
	cal, err := ical.Parse([]byte(strings.ReplaceAll(personalICS, "\n", "\r\n")), ical.Limits{})
	require.NoError(t, err)
	month := span(t, "2026-09-14T00:00:00-04:00", "2026-10-12T00:00:00-04:00")
	busy, err := cal.Busy(month, ical.ExpandOptions{})
	require.NoError(t, err)
	require.Equal(t, 5, busy.Len())

	c := therapist(t)
	now := mustTime(t, sunday)
	c.Busy = []Busy{{Source: "personal calendar", Times: busy}}
	for _, tc := range []struct {
		start string
		want  []availability.Code
	}{
		{"2026-09-16T10:00:00-04:00", []availability.Code{CodeBusy}}, // the dentist
		{"2026-09-16T09:00:00-04:00", nil},                           // its 10 minutes after end at 10:00
		{"2026-09-16T11:00:00-04:00", nil},
		{"2026-09-24T12:00:00-04:00", []availability.Code{CodeBusy}}, // yoga, the second week
		{"2026-10-15T12:00:00-04:00", nil},                           // after the four classes
		{"2026-09-14T15:00:00-04:00", nil},                           // focus time is free
		{"2026-09-18T11:00:00-04:00", nil},                           // the lunch is cancelled
	} {
		v := c.Check(now, "session", mustTime(t, tc.start))
		require.Equal(t, tc.want, codes(v), tc.start)
		for _, r := range v.Reasons {
			require.Equal(t, "busy: personal calendar", r.Message, "the details stay with the host")
			require.Equal(t, "personal calendar", r.Label)
		}
	}
	wed := collect(t, c, now, "session", span(t, "2026-09-16T00:00:00-04:00", "2026-09-17T00:00:00-04:00"))
	require.Equal(t, []string{"09:00", "11:00", "12:00", "14:00", "15:00", "16:00", "17:00", "18:00"}, starts(wed, "15:04"))
	// Busy time counts toward no cap: the yoga classes take four
	// Thursdays, and a one-session day is still free for a session.
	c.Services[1].Caps.PerDay = 1
	require.True(t, c.Check(now, "session", mustTime(t, "2026-09-17T15:00:00-04:00")).OK)
}

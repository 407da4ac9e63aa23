package booking

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// calendarJSON is the therapist of issue 12 as a host stores her.
const calendarJSON = `{
  "schedule": {
    "zone": "America/New_York",
    "hours": [{"id": "weekdays", "days": "mon-fri", "start": "09:00", "end": "19:00"}],
    "protected": [{"id": "lunch", "label": "lunch", "days": "mon-fri", "start": "13:00", "end": "14:00"}],
    "closures": [{"id": "conference", "label": "conference", "from": "2026-10-12", "through": "2026-10-16", "colleague": "Dr. Amara Osei"}]
  },
  "services": [
    {"id": "intake", "name": "Intake", "price": "USD 180.00", "length": "1h30m", "buffer_after": "15m", "min_notice": "48h",
     "hours": [{"days": "tue,thu", "start": "09:00", "end": "12:00"}], "caps": {"per_week": 2}},
    {"id": "session", "name": "Session", "price": "USD 140.00", "length": "50m", "align": "1h", "buffer_after": "10m", "min_notice": "1d", "horizon": "90d"},
    {"id": "checkin", "name": "Video check-in", "price": "USD 40.00", "length": "25m", "align": "5m", "buffer_before": "5m"},
    {"id": "group", "name": "Group", "length": "90m", "align": "1h", "hours": [{"days": "wed", "start": "17:00", "end": "19:00"}], "seats": 8},
    {"id": "workshop", "name": "Workshop", "length": "3h", "align": "1h", "dates": {"from": "2026-09-21", "through": "2026-09-25"}}
  ],
  "caps": {"per_day": 6},
  "booked": [
    {"id": "s-2", "service": "session", "client": "client-7", "start": "2026-09-15T11:00:00-04:00", "end": "2026-09-15T11:50:00-04:00"},
    {"id": "s-1", "service": "session", "client": "client-4", "start": "2026-09-14T11:00:00-04:00", "end": "2026-09-14T11:50:00-04:00"},
    {"id": "g-1", "service": "group", "client": "client-9", "start": "2026-09-16T17:00:00-04:00", "end": "2026-09-16T18:30:00-04:00"}
  ],
  "busy": [{"source": "personal calendar", "times": [{"start": "2026-09-16T10:00:00-04:00", "end": "2026-09-16T11:00:00-04:00"}]}]
}`

const seriesJSON = `{"service": "session", "client": "client-7", "first": "2026-09-15T17:00:00-04:00", "weeks": 2, "count": 6}`

const groupJSON = `{
  "parties": [
    {"name": "Dr. Kovač", "calendar": ` + calendarJSON + `, "service": "session"},
    {"name": "Room 2", "calendar": {"schedule": {"zone": "America/New_York", "hours": [{"days": "mon-fri", "start": "08:00", "end": "20:00"}]}, "services": [],
      "booked": [{"id": "yoga", "start": "2026-09-15T14:00:00-04:00", "end": "2026-09-15T16:00:00-04:00"}]}},
    {"name": "Haruki", "calendar": {"schedule": {"zone": "Asia/Tokyo", "hours": [{"days": "wed,thu", "start": "07:00", "end": "09:30"}]}, "services": []}, "optional": true}
  ],
  "length": "50m",
  "limit": 5
}`

// roundTrip decodes data into a new T, encodes it, decodes that and
// requires the second encoding to equal the first.
func roundTrip[T any](t *testing.T, data string) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal([]byte(data), &v))
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var again T
	require.NoError(t, json.Unmarshal(b, &again))
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	return again
}

func TestCalendarJSON(t *testing.T) {
	c := roundTrip[Calendar](t, calendarJSON)
	require.NoError(t, c.Validate())
	require.Equal(t, "America/New_York", c.Schedule.Zone.String())
	require.Len(t, c.Services, 5)
	require.Equal(t, money.MustParse("USD 180.00"), c.Services[0].Price)
	require.Equal(t, 48*time.Hour, c.Services[0].MinNotice)
	require.Equal(t, 90*24*time.Hour, c.Services[1].Horizon)
	require.Equal(t, 8, c.Services[3].Seats)
	require.Equal(t, availability.MustParseDate("2026-09-25"), c.Services[4].Dates.Through)
	require.False(t, c.Services[3].Price.IsValid(), "no price")
	require.Equal(t, Caps{PerDay: 6}, c.Caps)
	require.Equal(t, []string{"s-1", "s-2", "g-1"}, ids(c.Booked))
	x, _ := c.Booked.Get("s-2")
	require.Equal(t, "client-7", x.Client)
	require.Equal(t, 1, c.Busy[0].Times.Len())

	// The decoded calendar answers as the one built in Go.
	now := mustTime(t, sunday)
	built := away(t)
	built.Services[3].Price, built.Services[4].Price, built.Services[4].Hours = money.Amount{}, money.Amount{}, nil
	built = book(t, built,
		Session{ID: "s-2", Service: "session", Client: "client-7", Interval: availability.IntervalOf(mustTime(t, "2026-09-15T11:00:00-04:00"), 50*time.Minute)},
		Session{ID: "s-1", Service: "session", Client: "client-4", Interval: availability.IntervalOf(mustTime(t, "2026-09-14T11:00:00-04:00"), 50*time.Minute)},
		Session{ID: "g-1", Service: "group", Client: "client-9", Interval: availability.IntervalOf(mustTime(t, "2026-09-16T17:00:00-04:00"), 90*time.Minute)},
	)
	built.Schedule.Closures = built.Schedule.Closures[:1]
	built.Busy = []Busy{{Source: "personal calendar", Times: availability.NewSet(span(t, "2026-09-16T10:00:00-04:00", "2026-09-16T11:00:00-04:00"))}}
	b1, err := json.Marshal(built)
	require.NoError(t, err)
	b2, err := json.Marshal(c)
	require.NoError(t, err)
	require.JSONEq(t, string(b1), string(b2))
	r := span(t, "2026-09-14T00:00:00-04:00", "2026-10-19T00:00:00-04:00")
	for _, svc := range c.Services {
		require.Equal(t, collect(t, built, now, svc.ID, r), collect(t, c, now, svc.ID, r), svc.ID)
	}
	require.Equal(t, []availability.Code{CodeBusy}, codes(c.Check(now, "session", mustTime(t, "2026-09-16T10:00:00-04:00"))))

	// The zero calendar, and one without sessions, encode without them.
	b, err := json.Marshal(Calendar{})
	require.NoError(t, err)
	require.Equal(t, `{"schedule":{"zone":"UTC"},"services":[]}`, string(b))
	roundTrip[Calendar](t, string(b))
}

func TestSeriesJSON(t *testing.T) {
	s := roundTrip[Series](t, seriesJSON)
	require.NoError(t, s.Validate())
	require.Equal(t, Series{Service: "session", Client: "client-7", First: s.First, Weeks: 2, Count: 6}, s)
	require.True(t, s.First.Equal(mustTime(t, "2026-09-15T17:00:00-04:00")))
	s = roundTrip[Series](t, `{"service": "session", "starts": ["2026-09-15T16:00:00Z", "2026-09-22T16:00:00Z"]}`)
	require.Len(t, s.Starts, 2)
	require.NoError(t, s.Validate())
}

func TestGroupJSON(t *testing.T) {
	g := roundTrip[Group](t, groupJSON)
	require.NoError(t, g.Validate())
	require.Len(t, g.Parties, 3)
	require.Equal(t, 50*time.Minute, g.Length)
	require.True(t, g.Parties[2].Optional)
	require.Equal(t, "Asia/Tokyo", g.Parties[2].Calendar.Schedule.Zone.String())
	got, err := g.Find(mustTime(t, sunday), span(t, "2026-09-14T00:00:00-04:00", "2026-09-19T00:00:00-04:00"))
	require.NoError(t, err)
	require.Len(t, got, 5)
	require.Equal(t, []string{"Dr. Kovač", "Room 2", "Haruki"}, got[0].Attending)
	require.Equal(t, "Tue 18:00", got[0].Session.Start.Format(groupLayout))
}

func TestSessionsJSON(t *testing.T) {
	s := roundTrip[Sessions](t, `[{"id": "b", "service": "session", "start": "2026-09-15T11:00:00-04:00", "end": "2026-09-15T11:50:00-04:00"},
		{"id": "a", "client": "c-1", "start": "2026-09-14T11:00:00-04:00", "end": "2026-09-14T11:50:00-04:00"}]`)
	require.Equal(t, []string{"a", "b"}, ids(s))
	b, err := json.Marshal(Sessions{})
	require.NoError(t, err)
	require.Equal(t, "[]", string(b))
}

// TestJSONStrict: every model refuses unknown members, bad values and
// duplicate IDs, with the path of the first problem.
func TestJSONStrict(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		into     func() any
		path     string
		code     problem.Code
	}{
		{"unknown member", `{"services": [{"id": "s", "length": "50m", "colour": "red"}]}`, calendar, "services[0].colour", problem.Unknown},
		{"bad duration", `{"services": [{"id": "s", "length": "fifty minutes"}]}`, calendar, "services[0].length", problem.Invalid},
		{"duration as a number", `{"services": [{"id": "s", "length": 3000000000000}]}`, calendar, "services[0].length", problem.Mismatch},
		{"bad price", `{"services": [{"id": "s", "length": "50m", "price": "140 dollars"}]}`, calendar, "services[0].price", problem.Invalid},
		{"bad date", `{"services": [{"id": "s", "length": "50m", "dates": {"from": "2026-02-30"}}]}`, calendar, "services[0].dates.from", problem.Invalid},
		{"bad zone", `{"schedule": {"zone": "Mars/Olympus_Mons"}}`, calendar, "schedule.zone", problem.Invalid},
		{"duplicate session", `{"booked": [{"id": "a", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}, {"id": "a", "start": "2026-09-15T11:00:00Z", "end": "2026-09-15T12:00:00Z"}]}`, calendar, "booked[1].id", problem.Duplicate},
		{"session without an ID", `{"booked": [{"start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}]}`, calendar, "booked[0].id", problem.Required},
		{"session backwards", `{"booked": [{"id": "a", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T10:00:00Z"}]}`, calendar, "booked[0].end", problem.Order},
		{"session's unknown member", `{"booked": [{"id": "a", "room": "2", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}]}`, calendar, "booked[0].room", problem.Unknown},
		{"busy's unknown member", `{"busy": [{"source": "x", "times": [], "summary": "dentist"}]}`, calendar, "busy[0].summary", problem.Unknown},
		{"busy's bad time", `{"busy": [{"source": "x", "times": [{"start": "tomorrow", "end": "2026-09-14T12:00:00Z"}]}]}`, calendar, "busy[0].times[0].start", problem.Invalid},
		{"duplicate member", `{"caps": {"per_day": 1, "per_day": 2}}`, calendar, "caps.per_day", problem.Duplicate},
		{"series' unknown member", `{"service": "session", "first": "2026-09-15T17:00:00-04:00", "count": 3, "every": "week"}`, series, "every", problem.Unknown},
		{"series' bad time", `{"service": "session", "first": "next Tuesday", "count": 3}`, series, "first", problem.Invalid},
		{"series' bad start", `{"service": "session", "starts": ["2026-09-15T17:00:00-04:00", 5]}`, series, "starts[1]", problem.Mismatch},
		{"group's unknown member", `{"parties": [{"name": "a", "calendar": {}, "role": "lead"}], "length": "1h"}`, group, "parties[0].role", problem.Unknown},
		{"group's calendar", `{"parties": [{"name": "a", "calendar": {"services": [{"id": "s", "length": "1 hour"}]}}], "length": "1h"}`, group, "parties[0].calendar.services[0].length", problem.Invalid},
		{"group's sessions", `{"parties": [{"name": "a", "calendar": {"booked": [{"id": "x", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}, {"id": "x", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}]}}], "length": "1h"}`, group, "parties[0].calendar.booked[1].id", problem.Duplicate},
		{"sessions", `[{"id": "a", "start": "2026-09-14T11:00:00Z", "end": "2026-09-14T12:00:00Z"}, {"id": "a", "start": "2026-09-15T11:00:00Z", "end": "2026-09-15T12:00:00Z"}]`, func() any { return new(Sessions) }, "[1].id", problem.Duplicate},
		{"service", `{"id": "s", "length": "50m", "seats": "eight"}`, func() any { return new(Service) }, "seats", problem.Mismatch},
		{"not an object", `[]`, calendar, "", problem.Mismatch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := json.Unmarshal([]byte(tc.in), tc.into())
			require.Error(t, err)
			require.ErrorIs(t, err, problem.ErrInvalid)
			require.Equal(t, []pathCode{{tc.path, tc.code}}, pathCodes(t, err), err.Error())
		})
	}
}

func calendar() any { return new(Calendar) }
func series() any   { return new(Series) }
func group() any    { return new(Group) }

// TestValidateAllProblems: Validate reports every problem of a model at
// once, each at its path.
func TestValidateAllProblems(t *testing.T) {
	var c Calendar
	require.NoError(t, json.Unmarshal([]byte(`{
		"schedule": {"zone": "UTC", "hours": [{"days": "mon", "start": "09:00", "end": "09:00"}]},
		"services": [{"id": "a", "length": "25h", "align": "90s", "seats": -1}, {"id": "a", "length": "-5m", "caps": {"per_week": -1}}, {"length": "0s"}],
		"caps": {"booked_per_day": "-1h"}
	}`), &c))
	require.Equal(t, []pathCode{
		{"schedule.hours[0]", problem.Empty},
		{"services[0].length", problem.TooLong},
		{"services[0].align", problem.Invalid},
		{"services[0].seats", problem.Negative},
		{"services[1].length", problem.Negative},
		{"services[1].caps.per_week", problem.Negative},
		{"services[1].id", problem.Duplicate},
		{"services[2].id", problem.Required},
		{"services[2].length", problem.Required},
		{"caps.booked_per_day", problem.Negative},
	}, pathCodes(t, c.Validate()))

	var g Group
	require.NoError(t, json.Unmarshal([]byte(`{"parties": [{"name": "a", "calendar": {"services": [{"id": "s", "length": "50m"}]}, "service": "s"},
		{"name": "a", "calendar": {"services": [{"id": "t", "length": "1h", "min_notice": "-1h"}]}, "service": "x"}], "length": "1h"}`), &g))
	require.Equal(t, []pathCode{
		{"parties[0].service", problem.Conflict},
		{"parties[1].name", problem.Duplicate},
		{"parties[1].calendar.services[0].min_notice", problem.Negative},
		{"parties[1].service", problem.Unknown},
	}, pathCodes(t, g.Validate()))
	var l problem.List
	require.True(t, errors.As(g.Validate(), &l))
	require.Len(t, l.At("parties[1]"), 3)
}

// fuzzNow is the moment fuzzed queries are asked at.
var fuzzNow = time.Date(2026, 9, 13, 14, 0, 0, 0, time.UTC)

// FuzzCalendarJSON decodes arbitrary input as a calendar: it must never
// panic, what decodes must encode and decode again to the same JSON, and
// queries on it must return.
func FuzzCalendarJSON(f *testing.F) {
	for _, s := range []string{
		calendarJSON,
		`{}`,
		`{"schedule": {"zone": "UTC", "hours": [{"days": "mon-sun", "start": "00:00", "end": "00:00"}]}, "services": [{"id": "s", "length": "1h", "align": "30s"}]}`,
		`{"schedule": {"zone": "Asia/Kathmandu", "hours": [{"days": "sun-tue", "start": "23:00", "end": "01:30"}]}, "services": [{"id": "s", "length": "45m", "seats": 3, "caps": {"per_day": 1}}], "booked": [{"id": "a", "service": "s", "start": "2026-09-14T23:15:00+05:45", "end": "2026-09-15T00:00:00+05:45"}]}`,
		`{"schedule": {"zone": "Pacific/Apia", "hours": [{"days": "thu", "start": "20:00", "end": "02:00"}]}, "services": [{"id": "s", "length": "2562047h", "buffer_before": "-1h"}]}`,
		`{"services": [{"id": "s", "length": "1m", "align": "1m", "dates": {"from": "2026-09-13", "through": "2026-09-13"}}], "schedule": {"zone": "Australia/Lord_Howe", "hours": [{"days": "mon-sun", "start": "00:00", "end": "24:00"}]}}`,
		`{"busy": [{"source": "", "times": [{"start": "2026-09-14T10:00:00Z", "end": "2026-09-14T10:00:00Z"}, {"start": "0001-01-01T00:00:00Z", "end": "9999-12-31T23:59:59Z"}]}], "services": [{"id": "s", "length": "1h"}]}`,
		`{"booked": [{"id": "a", "service": "gone", "start": "2026-09-14T10:00:00Z", "end": "2026-09-14T11:00:00Z"}], "services": [{"id": "s", "length": "1h", "buffer_after": "3660d"}]}`,
		// A schedule of empty members, which once failed to encode again.
		`{ "schedule":{     "hours":[    {},{}    ],"protected":[{}],"overrides":[       {"hours":[{}]},{}     ],"closures":[{}],"effective":{}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if json.Unmarshal(data, &c) != nil {
			return
		}
		_, c = jsontest.Reencodes(t, c)
		_ = c.Validate()
		queryCalendar(c)
	})
}

// queryCalendar asks a calendar every question about its services.
func queryCalendar(c Calendar) {
	r := availability.IntervalOf(fuzzNow, 8*24*time.Hour)
	for _, svc := range c.Services {
		c.Check(fuzzNow, svc.ID, fuzzNow.Add(26*time.Hour))
		if slots, err := c.Slots(fuzzNow, svc.ID, r); err == nil {
			n := 0
			for range slots {
				if n++; n == 1000 {
					break
				}
			}
		}
		_, _, _ = c.Next(fuzzNow, svc.ID, fuzzNow)
		_, _ = c.CheckSeries(fuzzNow, Series{Service: svc.ID, First: fuzzNow.Add(30 * time.Hour), Count: 4})
		_, _ = c.Standings(fuzzNow, svc.ID, fuzzNow, 2)
		for x := range c.Booked.All() {
			_, _ = c.CheckMove(fuzzNow, x.ID, fuzzNow.Add(50*time.Hour))
			break
		}
	}
}

// FuzzSeriesJSON decodes arbitrary input as a series and checks it on the
// therapist's calendar.
func FuzzSeriesJSON(f *testing.F) {
	for _, s := range []string{
		seriesJSON,
		`{}`,
		`{"service": "session", "starts": ["2026-09-15T16:00:00Z", "2026-09-15T16:30:00Z", "2026-09-22T16:00:00Z"]}`,
		`{"service": "checkin", "first": "2026-10-25T01:30:00+02:00", "count": 520}`,
		`{"service": "session", "first": "0001-01-01T00:00:01Z", "weeks": 9223372036854775807, "count": 2}`,
		`{"service": "intake", "first": "9999-12-31T23:00:00Z", "count": 3}`,
	} {
		f.Add([]byte(s))
	}
	c := away(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Series
		if json.Unmarshal(data, &s) != nil {
			return
		}
		_, s = jsontest.Reencodes(t, s)
		if s.Validate() != nil {
			return
		}
		got, err := c.CheckSeries(fuzzNow, s)
		if err == nil {
			n := 0
			for range s.All(c.zone()) {
				n++
			}
			if len(got) != n {
				t.Fatalf("%d verdicts for %d sessions", len(got), n)
			}
		}
	})
}

// FuzzGroupJSON decodes arbitrary input as a group and searches it.
func FuzzGroupJSON(f *testing.F) {
	for _, s := range []string{
		groupJSON,
		`{}`,
		`{"parties": [{"name": "a", "calendar": {"schedule": {"zone": "UTC", "hours": [{"days": "mon-sun", "start": "00:00", "end": "24:00"}]}}}], "length": "1m", "limit": 1000000}`,
		`{"parties": [{"name": "a", "calendar": {}, "optional": true}], "length": "1h"}`,
		`{"parties": [{"name": "a", "calendar": {"services": [{"id": "s", "length": "1h"}]}, "service": "s"}, {"name": "b", "calendar": {"schedule": {"zone": "Australia/Lord_Howe", "hours": [{"days": "sun", "start": "01:00", "end": "03:00"}]}}}], "length": "1h"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var g Group
		if json.Unmarshal(data, &g) != nil {
			return
		}
		_, g = jsontest.Reencodes(t, g)
		got, err := g.Find(fuzzNow, availability.IntervalOf(fuzzNow, 14*24*time.Hour))
		if err != nil {
			return
		}
		limit := g.Limit
		if limit == 0 {
			limit = 10
		}
		if len(got) > limit {
			t.Fatalf("%d proposals, limit %d", len(got), limit)
		}
		for i, p := range got {
			if p.Session.Duration() != g.Length {
				t.Fatalf("proposal %s for a session of %s", p.Session, g.Length)
			}
			if i > 0 && len(p.Attending) > len(got[i-1].Attending) {
				t.Fatalf("proposal %d has more attending than the one before", i)
			}
		}
	})
}

package availability

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

const calendarJSON = `{
  "schedule": {
    "zone": "America/New_York",
    "hours": [
      {"id": "weekdays", "days": "mon-fri", "start": "09:00", "end": "17:00"},
      {"id": "late", "label": "late clinic", "days": "fri", "start": "22:00", "end": "02:00"}
    ],
    "protected": [{"id": "friends", "label": "friends", "days": "sat", "start": "18:00", "end": "24:00"}],
    "overrides": [
      {"date": "2026-12-24", "hours": [{"start": "09:00", "end": "12:00"}]},
      {"id": "dentist", "date": "2026-12-28", "closed": true}
    ],
    "closures": [{"id": "winter", "label": "winter break", "from": "2026-12-29", "through": "2027-01-02", "colleague": "dr-lee"}],
    "effective": {"from": "2026-01-01"}
  },
  "policy": {"session": "50m", "align": "1h", "buffer_after": "10m", "min_notice": "24h", "horizon": "1440h", "max_per_day": 6},
  "booked": [{"start": "2026-12-21T10:00:00-05:00", "end": "2026-12-21T10:50:00-05:00"}]
}`

func TestCalendarJSONRoundTrip(t *testing.T) {
	var c Calendar
	require.NoError(t, json.Unmarshal([]byte(calendarJSON), &c))
	require.NoError(t, c.Validate())
	require.Equal(t, "America/New_York", c.Schedule.Zone.String())
	require.Equal(t, Workweek, c.Schedule.Hours[0].Days)
	require.Equal(t, ClockOf(2, 0), c.Schedule.Hours[1].End)
	require.Equal(t, EndOfDay, c.Schedule.Protected[0].End)
	require.Equal(t, 50*time.Minute, c.Policy.Session)
	require.Equal(t, 60*24*time.Hour, c.Policy.Horizon)
	require.Equal(t, MustParseDate("2026-01-01"), c.Schedule.Effective.From)
	require.True(t, c.Schedule.Effective.Through.IsZero())
	require.Equal(t, 1, c.Booked.Len())

	b, err := json.Marshal(c)
	require.NoError(t, err)
	var again Calendar
	require.NoError(t, json.Unmarshal(b, &again))
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.JSONEq(t, string(b), string(b2))
	require.Equal(t, c.Schedule.Hours, again.Schedule.Hours)
	require.Equal(t, c.Schedule.Overrides, again.Schedule.Overrides)
	require.Equal(t, c.Policy, again.Policy)

	// The decoded calendar answers like the one built in Go.
	now := mustTime(t, "2026-12-01T09:00:00-05:00")
	require.Equal(t, []Code{CodeProtected}, codes(again.Check(now, mustTime(t, "2026-12-05T19:00:00-05:00"))))
	require.Equal(t, []Code{CodeHoliday}, codes(again.Check(now, mustTime(t, "2026-12-30T10:00:00-05:00"))))
	require.True(t, again.Check(now, mustTime(t, "2026-12-04T23:00:00-05:00")).OK)
}

func TestScheduleJSONErrors(t *testing.T) {
	for _, c := range []struct {
		in, path string
		code     problem.Code
		is       error
	}{
		{`{"zone": "UTC", "protected": [{"days": "sat", "start": "18:00", "end": "24:00"}, {"days": "sun", "start": "18:00", "end": "24:00"}, {"days": "sat", "start": "18:00", "end": "25:00"}]}`, "protected[2].end", problem.Invalid, ErrClock},
		{`{"zone": "UTC", "hours": [{"days": "mon", "start": "09:00", "end": "17:00", "colour": "red"}]}`, "hours[0].colour", problem.Unknown, problem.ErrInvalid},
		{`{"zone": "Mars/Olympus_Mons"}`, "zone", problem.Invalid, ErrZone},
		{`{"zone": "Local"}`, "zone", problem.Invalid, ErrZone},
		{`{"zone": "UTC", "hours": [{"days": "funday", "start": "09:00", "end": "17:00"}]}`, "hours[0].days", problem.Invalid, ErrWeekdays},
		{`{"zone": "UTC", "overrides": [{"date": "2026-02-30", "closed": true}]}`, "overrides[0].date", problem.Invalid, ErrDate},
		{`{"zone": "UTC", "hours": {}}`, "hours", problem.Mismatch, problem.ErrInvalid},
	} {
		var s Schedule
		err := json.Unmarshal([]byte(c.in), &s)
		require.Error(t, err, c.in)
		require.Equal(t, []pathCode{{c.path, c.code}}, pathCodes(t, err), err.Error())
		require.ErrorIs(t, err, c.is)
	}
}

func TestBookingsJSONErrors(t *testing.T) {
	var c Calendar
	err := json.Unmarshal([]byte(`{"booked": [{"start": "2026-01-01T10:00:00Z", "end": "2026-01-01T11:00:00Z"}, {"start": "2026-01-01T12:00:00Z", "end": "2026-01-01T12:00:00Z"}]}`), &c)
	require.Equal(t, []pathCode{{"booked[1].end", problem.Order}}, pathCodes(t, err))
}

func TestPolicyJSONErrors(t *testing.T) {
	var p Policy
	err := json.Unmarshal([]byte(`{"session": 3000000000}`), &p)
	require.Equal(t, []pathCode{{"session", problem.Mismatch}}, pathCodes(t, err))
	err = json.Unmarshal([]byte(`{"session": "fifty minutes"}`), &p)
	require.Equal(t, []pathCode{{"session", problem.Invalid}}, pathCodes(t, err))
	require.NoError(t, json.Unmarshal([]byte(`{"session": "50m", "horizon": "2w", "min_notice": "1d12h"}`), &p))
	require.Equal(t, Policy{Session: 50 * time.Minute, Horizon: 14 * 24 * time.Hour, MinNotice: 36 * time.Hour}, p)
}

func TestValidate(t *testing.T) {
	s := Schedule{
		Hours: []Window{
			{ID: "a", Days: Workweek, Start: ClockOf(9, 0), End: ClockOf(9, 0)},
			{ID: "a", Days: 0, Start: EndOfDay, End: Clock(2000)},
		},
		Overrides: []Override{
			{Date: MustParseDate("2026-12-24")},
			{Date: MustParseDate("2026-12-24"), Closed: true, Hours: []Span{{ClockOf(9, 0), ClockOf(10, 0)}}},
		},
		Closures:  []Closure{{From: MustParseDate("2026-12-31"), Through: MustParseDate("2026-12-01")}, {}},
		Effective: DateRange{Through: Date{2026, 2, 30}},
	}
	err := s.Validate()
	require.Equal(t, []pathCode{
		{"hours[0]", problem.Empty},
		{"hours[1].id", problem.Duplicate},
		{"hours[1].days", problem.Required},
		{"hours[1].start", problem.Invalid},
		{"hours[1].end", problem.Invalid},
		{"overrides[0].hours", problem.Required},
		{"overrides[1].date", problem.Duplicate},
		{"overrides[1]", problem.Conflict},
		{"closures[0].through", problem.Order},
		{"closures[1].from", problem.Invalid},
		{"closures[1].through", problem.Invalid},
		{"effective.through", problem.Invalid},
	}, pathCodes(t, err))

	require.NoError(t, Schedule{}.Validate())

	p := Policy{Align: 90 * time.Second, BufferAfter: -time.Minute, MaxPerDay: -1, MaxBookedPerDay: time.Minute}
	require.Equal(t, []pathCode{{"session", problem.Required}, {"align", problem.Invalid}, {"buffer_after", problem.Negative}, {"max_per_day", problem.Negative}}, pathCodes(t, p.Validate()))

	c := Calendar{Policy: Policy{Session: time.Hour, MaxBookedPerDay: time.Minute}}
	require.Equal(t, []pathCode{{"policy.max_booked_per_day", problem.Conflict}}, pathCodes(t, c.Validate()))
}

func TestScheduleTooLarge(t *testing.T) {
	s := Schedule{Hours: make([]Window, MaxWindows+1)}
	_, err := s.Open(IntervalOf(mustTime(t, "2026-01-01T00:00:00Z"), time.Hour))
	require.ErrorIs(t, err, ErrTooLarge)
	var ps problem.List
	require.True(t, errors.As(s.Validate(), &ps))
	require.True(t, ps.Has("too_many"))
}

// FuzzCalendarJSON decodes arbitrary input: it must never panic, what
// decodes must encode and decode again to the same JSON, and queries on it
// must return.
func FuzzCalendarJSON(f *testing.F) {
	f.Add([]byte(calendarJSON))
	f.Add([]byte(`{"schedule": {"zone": "UTC"}, "policy": {"session": "1h"}}`))
	f.Add([]byte(`{"schedule": {"zone": "Asia/Kathmandu", "hours": [{"days": "sun-tue", "start": "23:00", "end": "01:30"}]}}`))
	f.Add([]byte(`{"booked": [{"start": "2026-01-01T00:00:00Z", "end": "2025-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"schedule": {"zone": "UTC", "hours": [{"days": "mon", "start": "24:00", "end": "00:00"}]}}`))
	f.Add([]byte(`{"schedule": {"zone": "UTC", "hours": [{"days": "mon-sun", "start": "00:00", "end": "00:00"}]}, "policy": {"session": "1h", "align": "30s"}}`))
	f.Add([]byte(`{"schedule": {"zone": "Pacific/Apia", "hours": [{"days": "thu", "start": "20:00", "end": "02:00"}]}, "policy": {"session": "2562047h", "buffer_before": "-1h"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Calendar
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("decoded but cannot encode: %v", err)
		}
		var again Calendar
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("cannot decode own output %s: %v", b, err)
		}
		b2, err := json.Marshal(again)
		if err != nil || string(b) != string(b2) {
			t.Fatalf("round trip changed:\n%s\n%s", b, b2)
		}
		_ = c.Validate()

		// Whatever decodes can be queried without a panic or a hang.
		now := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
		c.Check(now, now.Add(26*time.Hour))
		c.Schedule.Explain(now)
		if slots, err := c.Slots(now, IntervalOf(now, 7*24*time.Hour)); err == nil {
			n := 0
			for range slots {
				if n++; n == 1000 {
					break
				}
			}
		}
	})
}

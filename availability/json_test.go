package availability

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

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
		{"closures[1].from", problem.Required},
		{"closures[1].through", problem.Required},
		{"effective.through", problem.Invalid},
	}, pathCodes(t, err))

	require.NoError(t, Schedule{}.Validate())
}

func TestScheduleTooLarge(t *testing.T) {
	s := Schedule{Hours: make([]Window, MaxWindows+1)}
	_, err := s.Open(IntervalOf(mustTime(t, "2026-01-01T00:00:00Z"), time.Hour))
	require.ErrorIs(t, err, ErrTooLarge)
	var ps problem.List
	require.True(t, errors.As(s.Validate(), &ps))
	require.True(t, ps.Has(problem.TooMany))
}

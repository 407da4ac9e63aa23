package availability

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	require.NoError(t, err)
	return v
}

func span(t testing.TB, from, to string) Interval {
	return Interval{Start: mustTime(t, from), End: mustTime(t, to)}
}

func window(days string, start, end string) Window {
	w, err := ParseWeekdays(days)
	if err != nil {
		panic(err)
	}
	return Window{Days: w, Start: MustParseClock(start), End: MustParseClock(end)}
}

func requireSet(t *testing.T, want []Interval, got Set) {
	t.Helper()
	require.True(t, NewSet(want...).Equal(got), "want %v\n got %v", NewSet(want...), got)
}

func TestScheduleOpen(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	cases := []struct {
		name  string
		sched Schedule
		r     Interval
		want  []Interval
		total time.Duration
	}{
		{
			name:  "spring-forward window covers only real instants",
			sched: Schedule{Zone: ny, Hours: []Window{window("sun", "01:30", "03:00")}},
			r:     span(t, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"),
			want:  []Interval{span(t, "2026-03-08T01:30:00-05:00", "2026-03-08T03:00:00-04:00")},
			total: 30 * time.Minute,
		},
		{
			name:  "window inside the gap is empty",
			sched: Schedule{Zone: ny, Hours: []Window{window("sun", "02:00", "03:00")}},
			r:     span(t, "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00"),
			want:  nil,
		},
		{
			name:  "fall-back hour is neither lost nor counted twice",
			sched: Schedule{Zone: ny, Hours: []Window{window("sun", "00:00", "03:00")}},
			r:     span(t, "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00"),
			want:  []Interval{span(t, "2026-11-01T00:00:00-04:00", "2026-11-01T03:00:00-05:00")},
			total: 4 * time.Hour,
		},
		{
			name:  "window crossing midnight",
			sched: Schedule{Zone: ny, Hours: []Window{window("fri", "22:00", "02:00")}},
			r:     span(t, "2026-07-03T00:00:00-04:00", "2026-07-05T00:00:00-04:00"),
			want:  []Interval{span(t, "2026-07-03T22:00:00-04:00", "2026-07-04T02:00:00-04:00")},
			total: 4 * time.Hour,
		},
		{
			name:  "window crossing midnight from the day before the range",
			sched: Schedule{Zone: ny, Hours: []Window{window("fri", "22:00", "02:00")}},
			r:     span(t, "2026-07-04T00:00:00-04:00", "2026-07-05T00:00:00-04:00"),
			want:  []Interval{span(t, "2026-07-04T00:00:00-04:00", "2026-07-04T02:00:00-04:00")},
		},
		{
			name: "protected Saturday evening is cut out",
			sched: Schedule{Zone: ny,
				Hours:     []Window{window("sat", "10:00", "24:00")},
				Protected: []Window{{Label: "friends", Days: Days(time.Saturday), Start: MustParseClock("18:00"), End: EndOfDay}}},
			r:     span(t, "2026-07-04T00:00:00-04:00", "2026-07-05T00:00:00-04:00"),
			want:  []Interval{span(t, "2026-07-04T10:00:00-04:00", "2026-07-04T18:00:00-04:00")},
			total: 8 * time.Hour,
		},
		{
			name: "override hours, closed override and closure",
			sched: Schedule{Zone: ny,
				Hours: []Window{window("mon-fri", "09:00", "17:00")},
				Overrides: []Override{
					{Date: MustParseDate("2026-07-06"), Hours: []Span{{MustParseClock("12:00"), MustParseClock("14:00")}}},
					{Date: MustParseDate("2026-07-07"), Closed: true},
				},
				Closures: []Closure{{Label: "summer", From: MustParseDate("2026-07-08"), Through: MustParseDate("2026-07-09")}}},
			r: span(t, "2026-07-06T00:00:00-04:00", "2026-07-11T00:00:00-04:00"),
			want: []Interval{
				span(t, "2026-07-06T12:00:00-04:00", "2026-07-06T14:00:00-04:00"),
				span(t, "2026-07-10T09:00:00-04:00", "2026-07-10T17:00:00-04:00"),
			},
		},
		{
			name: "effective period",
			sched: Schedule{Zone: ny, Hours: []Window{window("mon-fri", "09:00", "10:00")},
				Effective: DateRange{From: MustParseDate("2026-07-07"), Through: MustParseDate("2026-07-08")}},
			r: span(t, "2026-07-06T00:00:00-04:00", "2026-07-11T00:00:00-04:00"),
			want: []Interval{
				span(t, "2026-07-07T09:00:00-04:00", "2026-07-07T10:00:00-04:00"),
				span(t, "2026-07-08T09:00:00-04:00", "2026-07-08T10:00:00-04:00"),
			},
		},
		{
			name:  "Kathmandu +05:45",
			sched: Schedule{Zone: mustZone(t, "Asia/Kathmandu"), Hours: []Window{window("mon", "09:00", "17:00")}},
			r:     span(t, "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"),
			want:  []Interval{span(t, "2026-03-02T03:15:00Z", "2026-03-02T11:15:00Z")},
		},
		{
			name:  "Lord Howe half-hour spring forward",
			sched: Schedule{Zone: mustZone(t, "Australia/Lord_Howe"), Hours: []Window{window("sun", "00:00", "24:00")}},
			r:     span(t, "2026-10-03T00:00:00Z", "2026-10-05T00:00:00Z"),
			want:  []Interval{span(t, "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00")},
			total: 23*time.Hour + 30*time.Minute,
		},
		{
			name:  "Lord Howe half-hour fall back",
			sched: Schedule{Zone: mustZone(t, "Australia/Lord_Howe"), Hours: []Window{window("sun", "00:00", "24:00")}},
			r:     span(t, "2026-04-04T00:00:00Z", "2026-04-06T00:00:00Z"),
			want:  []Interval{span(t, "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30")},
			total: 24*time.Hour + 30*time.Minute,
		},
		{
			name:  "Sao Paulo 2018: the missing midnight",
			sched: Schedule{Zone: mustZone(t, "America/Sao_Paulo"), Hours: []Window{window("sat,sun", "00:00", "24:00")}},
			r:     span(t, "2018-11-03T00:00:00-03:00", "2018-11-05T00:00:00-02:00"),
			want:  []Interval{span(t, "2018-11-03T00:00:00-03:00", "2018-11-05T00:00:00-02:00")},
			total: 47 * time.Hour,
		},
		{
			name:  "Chatham +13:45",
			sched: Schedule{Zone: mustZone(t, "Pacific/Chatham"), Hours: []Window{window("mon", "09:00", "10:00")}},
			r:     span(t, "2026-01-04T00:00:00Z", "2026-01-06T00:00:00Z"),
			want:  []Interval{span(t, "2026-01-05T09:00:00+13:45", "2026-01-05T10:00:00+13:45")},
		},
		{
			name:  "Apia skipped 2011-12-30",
			sched: Schedule{Zone: mustZone(t, "Pacific/Apia"), Hours: []Window{window("mon-sun", "09:00", "17:00")}},
			r:     span(t, "2011-12-29T00:00:00-10:00", "2012-01-01T00:00:00+14:00"),
			want: []Interval{
				span(t, "2011-12-29T09:00:00-10:00", "2011-12-29T17:00:00-10:00"),
				span(t, "2011-12-31T09:00:00+14:00", "2011-12-31T17:00:00+14:00"),
			},
			total: 16 * time.Hour,
		},
		{
			name:  "Apia 2011: a Thursday window ending in the skipped Friday ends on Saturday",
			sched: Schedule{Zone: mustZone(t, "Pacific/Apia"), Hours: []Window{window("thu", "20:00", "02:00")}},
			r:     span(t, "2011-12-31T00:00:00+14:00", "2012-01-01T00:00:00+14:00"),
			want:  []Interval{span(t, "2011-12-31T00:00:00+14:00", "2011-12-31T02:00:00+14:00")},
		},
		{
			name:  "St John's 2010: a Sunday window starts before Saturday's repeated hour",
			sched: Schedule{Zone: mustZone(t, "America/St_Johns"), Hours: []Window{window("sun", "00:00", "01:00")}},
			r:     span(t, "2010-11-06T23:30:00-03:30", "2010-11-06T23:50:00-03:30"),
			want:  []Interval{span(t, "2010-11-06T23:30:00-03:30", "2010-11-06T23:50:00-03:30")},
		},
		{
			name: "leap day closure",
			sched: Schedule{Zone: time.UTC, Hours: []Window{window("mon-fri", "09:00", "10:00")},
				Closures: []Closure{{From: MustParseDate("2028-02-29"), Through: MustParseDate("2028-02-29")}}},
			r: span(t, "2028-02-28T00:00:00Z", "2028-03-02T00:00:00Z"),
			want: []Interval{
				span(t, "2028-02-28T09:00:00Z", "2028-02-28T10:00:00Z"),
				span(t, "2028-03-01T09:00:00Z", "2028-03-01T10:00:00Z"),
			},
		},
		{
			name:  "zero schedule is never open",
			sched: Schedule{},
			r:     span(t, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.sched.Open(c.r)
			require.NoError(t, err)
			requireSet(t, c.want, got)
			if c.total != 0 {
				require.Equal(t, c.total, got.Duration())
			}
		})
	}
}

func TestScheduleOpenRangeTooLong(t *testing.T) {
	s := Schedule{Hours: []Window{window("mon", "09:00", "10:00")}}
	start := mustTime(t, "2026-01-01T00:00:00Z")
	_, err := s.Open(IntervalOf(start, MaxRange+time.Hour))
	require.ErrorIs(t, err, ErrRangeTooLong)
}

func TestScheduleExplain(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	s := Schedule{
		Zone:      ny,
		Hours:     []Window{{ID: "weekdays", Days: Workweek, Start: MustParseClock("09:00"), End: MustParseClock("17:00")}, window("sat", "10:00", "22:00")},
		Protected: []Window{{ID: "friends", Label: "friends", Days: Days(time.Saturday), Start: MustParseClock("18:00"), End: EndOfDay}},
		Overrides: []Override{
			{ID: "dentist", Date: MustParseDate("2026-07-07"), Closed: true},
			{Date: MustParseDate("2026-07-08"), Hours: []Span{{MustParseClock("12:00"), MustParseClock("13:00")}}},
		},
		Closures: []Closure{{ID: "july4", Label: "Independence Day", From: MustParseDate("2026-07-03"), Through: MustParseDate("2026-07-03"), Colleague: "dr-lee"}},
	}
	for _, c := range []struct {
		at   string
		code Code
		rule string
	}{
		{"2026-07-06T10:00:00-04:00", CodeOpen, "weekdays"},
		{"2026-07-06T08:00:00-04:00", CodeOutsideHours, "hours"},
		{"2026-07-04T19:00:00-04:00", CodeProtected, "friends"},
		{"2026-07-04T11:00:00-04:00", CodeOpen, "hours[1]"},
		{"2026-07-07T10:00:00-04:00", CodeOverrideClosed, "dentist"},
		{"2026-07-07T20:00:00-04:00", CodeOutsideHours, "hours"},
		{"2026-07-03T10:00:00-04:00", CodeHoliday, "july4"},
		{"2026-07-08T10:00:00-04:00", CodeOutsideHours, "overrides[1]"},
		{"2026-07-08T12:30:00-04:00", CodeOpen, "overrides[1]"},
	} {
		r := s.Explain(mustTime(t, c.at))
		require.Equal(t, c.code, r.Code, "%s: %s", c.at, r)
		require.Equal(t, c.rule, r.Rule, "%s: %s", c.at, r)
		require.NotEmpty(t, r.Message)
	}
	r := s.Explain(mustTime(t, "2026-07-03T10:00:00-04:00"))
	require.Equal(t, "dr-lee", r.Colleague)
	require.Equal(t, "2026-07-03 is a closed day (Independence Day); dr-lee covers meanwhile", r.Message)
}

// TestExplainAcrossMidnightTransitions checks that Explain finds windows
// that reach two dates past their own, as Open does.
func TestExplainAcrossMidnightTransitions(t *testing.T) {
	for _, c := range []struct {
		zone   string
		window Window
		at     string
	}{
		{"Pacific/Apia", window("thu", "20:00", "02:00"), "2011-12-31T01:00:00+14:00"},
		{"America/St_Johns", window("sun", "00:00", "01:00"), "2010-11-06T23:30:00-03:30"},
	} {
		s := Schedule{Zone: mustZone(t, c.zone), Hours: []Window{c.window}}
		at := mustTime(t, c.at)
		open, err := s.Open(IntervalOf(at.Add(-72*time.Hour), 144*time.Hour))
		require.NoError(t, err)
		require.True(t, open.Contains(at), "%s: Open %v", c.zone, open)
		require.Equal(t, CodeOpen, s.Explain(at).Code, "%s: %s", c.zone, s.Explain(at))
	}
}

func TestWorkingOn(t *testing.T) {
	s := Schedule{
		Hours: []Window{{ID: "am", Days: Workweek, Start: ClockOf(9, 0), End: ClockOf(12, 0)}, {Label: "late", Days: Days(time.Friday), Start: ClockOf(22, 0), End: ClockOf(2, 0)}},
		Overrides: []Override{
			{ID: "eve", Label: "Christmas Eve", Date: MustParseDate("2026-12-24"), Hours: []Span{{ClockOf(9, 0), ClockOf(11, 0)}}},
			{Date: MustParseDate("2026-12-31"), Closed: true},
		},
		Closures: []Closure{{From: MustParseDate("2026-12-25"), Through: MustParseDate("2026-12-26")}},
	}
	fri := Days(time.Friday)
	require.Equal(t, []Window{{ID: "am", Days: fri, Start: ClockOf(9, 0), End: ClockOf(12, 0)}, {Label: "late", Days: fri, Start: ClockOf(22, 0), End: ClockOf(2, 0)}}, s.WorkingOn(MustParseDate("2026-12-18")))
	require.Equal(t, []Window{{ID: "eve", Label: "Christmas Eve", Days: Days(time.Thursday), Start: ClockOf(9, 0), End: ClockOf(11, 0)}}, s.WorkingOn(MustParseDate("2026-12-24")))
	require.Empty(t, s.WorkingOn(MustParseDate("2026-12-25")))
	require.Empty(t, s.WorkingOn(MustParseDate("2026-12-31")))
	require.Empty(t, s.WorkingOn(MustParseDate("2026-12-19")))
}

func TestGroupWindows(t *testing.T) {
	mon, tue, sat := Days(time.Monday), Days(time.Tuesday), Days(time.Saturday)
	got := GroupWindows([]Window{
		{Days: mon, Start: ClockOf(9, 0), End: ClockOf(17, 0)},
		{Days: mon, Label: "late", Start: ClockOf(18, 0), End: ClockOf(20, 0)},
		{Days: tue, Start: ClockOf(9, 0), End: ClockOf(17, 0)},
		{Days: sat, Label: "late", Start: ClockOf(18, 0), End: ClockOf(20, 0)},
		{Days: sat, Start: ClockOf(10, 0), End: ClockOf(13, 0)},
	})
	require.Equal(t, []Window{
		{Days: mon | tue, Start: ClockOf(9, 0), End: ClockOf(17, 0)},
		{Days: mon | sat, Label: "late", Start: ClockOf(18, 0), End: ClockOf(20, 0)},
		{Days: sat, Start: ClockOf(10, 0), End: ClockOf(13, 0)},
	}, got)
	require.Empty(t, GroupWindows(nil))
}

// TestCheckOpen: why open time does not cover a session, one reason per
// cause, and nothing when it does.
func TestCheckOpen(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	s := Schedule{
		Zone:      ny,
		Hours:     []Window{window("mon-fri", "09:00", "17:00")},
		Protected: []Window{{ID: "lunch", Label: "lunch", Days: Weekdays(0b0111110), Start: ClockOf(12, 0), End: ClockOf(13, 0)}},
		Closures:  []Closure{{ID: "july-4", Label: "Independence Day", From: MustParseDate("2026-07-03"), Through: MustParseDate("2026-07-03")}},
	}
	session := func(date, clock string) Interval {
		return IntervalOf(At(MustParseDate(date), MustParseClock(clock), ny), 50*time.Minute)
	}
	for _, tc := range []struct {
		name    string
		session Interval
		want    []string
	}{
		{"open", session("2026-07-06", "10:00"), nil},
		{"before hours", session("2026-07-06", "08:00"), []string{"Mon 2026-07-06 08:00 EDT is outside working hours [outside_hours]"}},
		{"past the end of hours", session("2026-07-06", "16:30"), []string{"working hours end at 17:00, before the session does [outside_hours]"}},
		{"into lunch", session("2026-07-06", "11:30"), []string{"Mon 2026-07-06 12:00 EDT falls in protected time (lunch, mon-fri 12:00–13:00) [protected_time]"}},
		{"a holiday", session("2026-07-03", "10:00"), []string{"2026-07-03 is a closed day (Independence Day) [holiday]"}},
		{"a weekend", session("2026-07-04", "10:00"), []string{"Sat 2026-07-04 10:00 EDT is outside working hours [outside_hours]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, err := s.CheckOpen(tc.session)
			require.NoError(t, err)
			var got []string
			for _, r := range rs {
				got = append(got, r.String())
			}
			require.Equal(t, tc.want, got)
		})
	}
}

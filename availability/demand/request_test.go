package demand

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// eveningCalendar is story 1's provider: sessions Tuesday to Saturday
// 12:00–21:00 in New York, Saturday evenings kept for friends and Sunday
// midday for family, Thanksgiving off, and a client booked on Saturday
// 2026-11-28 until 21:00.
func eveningCalendar(t testing.TB, extra ...availability.Interval) booking.Calendar {
	s := availability.Schedule{
		Zone:  mustZone(t, "America/New_York"),
		Hours: []availability.Window{{ID: "sessions", Days: availability.Days(time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday), Start: availability.MustParseClock("12:00"), End: availability.MustParseClock("21:00")}},
		Protected: []availability.Window{
			{ID: "saturday-friends", Label: "friends", Days: availability.Days(time.Saturday), Start: availability.MustParseClock("21:00"), End: availability.EndOfDay},
			{ID: "sunday-family", Label: "family", Days: availability.Days(time.Sunday), Start: availability.MustParseClock("10:00"), End: availability.MustParseClock("14:00")},
		},
		Closures: []availability.Closure{{ID: "thanksgiving", Label: "Thanksgiving", From: availability.MustParseDate("2026-11-26"), Through: availability.MustParseDate("2026-11-26")}},
	}
	booked := append([]availability.Interval{span(t, "2026-11-28T19:00:00-05:00", "2026-11-28T21:00:00-05:00")}, extra...)
	return booking.Calendar{Schedule: s, Services: []booking.Service{{ID: "session", Length: 2 * time.Hour, MinNotice: 12 * time.Hour, Caps: booking.Caps{PerDay: 4}}}, Booked: book(t, booked...)}
}

// stayTheNight is the client's request: stay from 21:00 until Sunday
// 09:00, asked at 20:15 during the session.
func stayTheNight(t testing.TB) (time.Time, Request) {
	booked := span(t, "2026-11-28T19:00:00-05:00", "2026-11-28T21:00:00-05:00")
	return mustTime(t, "2026-11-28T20:15:00-05:00"), Request{
		Session: span(t, "2026-11-28T19:00:00-05:00", "2026-11-29T09:00:00-05:00"),
		Extends: sid(booked),
	}
}

// coversCosts is the provider who would stay the night for a surcharge
// that covers costs: protected time is sold as an exception, and the
// night after it, outside working hours, is on-demand time.
func coversCosts() Policy {
	return Policy{
		OnDemand:  OnDemandRule{Allowed: true},
		Exception: ExceptionRule{Allowed: true, Surcharge: Surcharge{Fixed: money.MustParse("USD 500.00")}},
	}
}

// TestStoryProtectedEvening is story 1: the extension collides with
// protected time, and the answer is what the provider's rules allow.
func TestStoryProtectedEvening(t *testing.T) {
	now, req := stayTheNight(t)
	onlyFamily := coversCosts()
	onlyFamily.Exception.Windows = []string{"sunday-family"}
	cases := []struct {
		name      string
		policy    Policy
		cal       booking.Calendar
		decision  Decision
		surcharge Surcharge
		codes     []availability.Code
		message   string
	}{
		{
			name:     "a priced exception that covers costs",
			policy:   coversCosts(),
			cal:      eveningCalendar(t),
			decision: DecisionException, surcharge: Surcharge{Fixed: money.MustParse("USD 500.00")},
			codes:   []availability.Code{availability.CodeProtected, availability.CodeOutsideHours, CodeException},
			message: "That runs into the time I keep for friends, but I can make an exception for a surcharge to cover costs.",
		},
		{
			name:     "schedule-first without exceptions declines kindly",
			policy:   StyleScheduleFirst.Preset(),
			cal:      eveningCalendar(t),
			decision: DecisionRefused,
			codes:    []availability.Code{availability.CodeProtected, availability.CodeOutsideHours, CodeNoExceptions},
			message:  "Thank you for asking; I'm glad you want more time together. I keep that time for friends, so I can't stay past 21:00.",
		},
		{
			name:     "on-demand time never includes protected time",
			policy:   StyleOnDemand.Preset(),
			cal:      eveningCalendar(t),
			decision: DecisionRefused,
			codes:    []availability.Code{availability.CodeProtected, availability.CodeOutsideHours, CodeNoExceptions},
			message:  "Thank you for asking; I'm glad you want more time together. I keep that time for friends, so I can't stay past 21:00.",
		},
		{
			name:     "friends' evening is not for sale even where family time is",
			policy:   onlyFamily,
			cal:      eveningCalendar(t),
			decision: DecisionRefused,
			codes:    []availability.Code{availability.CodeProtected, availability.CodeOutsideHours, CodeNotForSale},
			message:  "Thank you for asking; I'm glad you want more time together. I keep that time for friends, so I can't stay past 21:00.",
		},
		{
			name:     "another client in the morning refuses whatever the price",
			policy:   coversCosts(),
			cal:      eveningCalendar(t, span(t, "2026-11-29T08:00:00-05:00", "2026-11-29T09:00:00-05:00")),
			decision: DecisionRefused,
			codes:    []availability.Code{booking.CodeBooked, availability.CodeProtected, availability.CodeOutsideHours},
			message:  "Thank you for asking; I'm glad you want more time together. That time is already promised to someone else, so I can't stay past 21:00.",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.policy.Answer(tc.cal, now, req)
			require.Equal(t, tc.decision, a.Decision, "%v", a.Reasons)
			require.Equal(t, tc.surcharge, a.Surcharge)
			require.Equal(t, tc.codes, reasonCodes(a.Reasons), "%v", a.Reasons)
			require.Equal(t, tc.message, a.Message)
			require.Len(t, a.Added, 1)
			require.True(t, span(t, "2026-11-28T21:00:00-05:00", "2026-11-29T09:00:00-05:00").Equal(a.Added[0]))
		})
	}

	a := coversCosts().Answer(eveningCalendar(t), now, req)
	require.Equal(t, availability.Reason{Code: availability.CodeProtected, Rule: "saturday-friends", Label: "friends",
		Message: "Sat 2026-11-28 21:00 EST–00:00 is protected time (friends, sat 21:00–24:00)"}, a.Reasons[0])
	require.Equal(t, availability.Reason{Code: availability.CodeOutsideHours, Rule: "hours",
		Message: "Sun 2026-11-29 00:00 EST–09:00 is outside working hours"}, a.Reasons[1])
	fee, err := a.Surcharge.On(money.MustParse("USD 0.00"))
	require.NoError(t, err)
	require.Equal(t, money.MustParse("USD 500.00"), fee, "a fixed surcharge: 500.00 to cover costs")

	own := coversCosts()
	own.Exception.Allowed = false
	own.Decline = "I'd love to, but my friends are waiting. Same time next week?"
	a = own.Answer(eveningCalendar(t), now, req)
	require.Equal(t, DecisionRefused, a.Decision)
	require.Equal(t, own.Decline, a.Message)
}

// TestStoryStyles is story 1's two provider styles asked for the same
// sessions, and the schedule-first provider widening limits when business
// is thin.
func TestStoryStyles(t *testing.T) {
	onDemand := StyleOnDemand.Preset()
	onDemand.OnDemand.Surcharge = Surcharge{BasisPoints: 2500}
	scheduleFirst := StyleScheduleFirst.Preset()
	monday := mustTime(t, "2026-11-23T09:00:00-05:00")
	cases := []struct {
		name     string
		policy   Policy
		cal      booking.Calendar
		now      time.Time
		session  availability.Interval
		decision Decision
		codes    []availability.Code
		rule     string // the deciding reason's rule
	}{
		{
			name: "on-demand: a morning session before hours", policy: onDemand, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00"),
			decision: DecisionOnDemand, codes: []availability.Code{availability.CodeOutsideHours, CodeOnDemand}, rule: "on_demand",
		},
		{
			name: "schedule-first: the same morning is declined", policy: scheduleFirst, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{availability.CodeOutsideHours, CodeNoOnDemand}, rule: "on_demand.allowed",
		},
		{
			name: "on-demand: the week's three off-hours sessions are taken", policy: onDemand, now: monday,
			cal: eveningCalendar(t, span(t, "2026-11-24T08:00:00-05:00", "2026-11-24T09:00:00-05:00"),
				span(t, "2026-11-25T09:00:00-05:00", "2026-11-25T10:00:00-05:00"),
				span(t, "2026-11-27T22:00:00-05:00", "2026-11-27T23:00:00-05:00"),
				span(t, "2026-11-25T13:00:00-05:00", "2026-11-25T14:00:00-05:00")),
			session:  span(t, "2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{availability.CodeOutsideHours, CodeOnDemandCap}, rule: "on_demand.max_per_week",
		},
		{
			name: "on-demand: not at an hour's notice", policy: onDemand, cal: eveningCalendar(t),
			now:      mustTime(t, "2026-11-24T09:00:00-05:00"),
			session:  span(t, "2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{booking.CodeMinNotice, availability.CodeOutsideHours, booking.CodeMinNotice}, rule: "on_demand.min_notice",
		},
		{
			name: "on-demand: a short-notice session in hours waives the regular notice", policy: onDemand, cal: eveningCalendar(t),
			now:      mustTime(t, "2026-11-24T09:00:00-05:00"),
			session:  span(t, "2026-11-24T14:00:00-05:00", "2026-11-24T16:00:00-05:00"),
			decision: DecisionOnDemand, codes: []availability.Code{booking.CodeMinNotice, CodeOnDemand}, rule: "on_demand",
		},
		{
			name: "both: a session in hours is regular", policy: scheduleFirst, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-25T14:00:00-05:00", "2026-11-25T16:00:00-05:00"),
			decision: DecisionRegular, codes: []availability.Code{CodeRegular}, rule: "hours",
		},
		{
			name: "on-demand: not on Thanksgiving", policy: onDemand, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-26T14:00:00-05:00", "2026-11-26T16:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{availability.CodeHoliday}, rule: "thanksgiving",
		},
		{
			name: "on-demand: not over another booking", policy: onDemand, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-28T20:00:00-05:00", "2026-11-28T21:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{booking.CodeBooked}, rule: `booked["2026-11-29T00:00:00Z"]`,
		},
		{
			name: "schedule-first: Saturday morning is closed", policy: scheduleFirst, cal: eveningCalendar(t), now: monday,
			session:  span(t, "2026-11-28T10:00:00-05:00", "2026-11-28T12:00:00-05:00"),
			decision: DecisionRefused, codes: []availability.Code{availability.CodeOutsideHours, CodeNoOnDemand}, rule: "on_demand.allowed",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.policy.Answer(tc.cal, tc.now, Request{Session: tc.session})
			require.Equal(t, tc.decision, a.Decision, "%v", a.Reasons)
			require.Equal(t, tc.codes, reasonCodes(a.Reasons), "%v", a.Reasons)
			require.Equal(t, tc.rule, a.Reasons[len(a.Reasons)-1].Rule)
			if tc.decision == DecisionOnDemand {
				require.Equal(t, Surcharge{BasisPoints: 2500}, a.Surcharge)
				fee, err := a.Surcharge.On(money.MustParse("USD 120.00"))
				require.NoError(t, err)
				require.Equal(t, money.MustParse("USD 30.00"), fee)
			} else {
				require.True(t, a.Surcharge.IsZero())
			}
		})
	}

	// When business is thin, the schedule-first provider opens Saturday
	// morning, and the same request becomes regular.
	cal := eveningCalendar(t)
	thin := Condition{Window: availability.Window{ID: "thin-saturday-morning", Label: "when business is thin", Days: availability.Days(time.Saturday),
		Start: availability.MustParseClock("10:00"), End: availability.MustParseClock("12:00")}, Below: 0.4, Over: 14 * 24 * time.Hour}
	widened, reasons, err := Apply(cal.Schedule, monday, cal.Booked, []Condition{thin})
	require.NoError(t, err)
	require.Equal(t, []availability.Code{CodeConditionMet}, reasonCodes(reasons))
	require.Equal(t, "the 14 days after Mon 2026-11-23 09:00 EST are 2.5% booked (2 hours of 81 hours open), under 40%, so sat 10:00–12:00 is open", reasons[0].Message)
	cal.Schedule = widened
	a := scheduleFirst.Answer(cal, monday, Request{Session: span(t, "2026-11-28T10:00:00-05:00", "2026-11-28T12:00:00-05:00")})
	require.Equal(t, DecisionRegular, a.Decision, "%v", a.Reasons)
	require.Equal(t, "Yes, that works.", a.Message)
}

func TestAnswerExtensions(t *testing.T) {
	wed := span(t, "2026-11-25T14:00:00-05:00", "2026-11-25T16:00:00-05:00")
	cal := eveningCalendar(t, wed, span(t, "2026-11-25T18:00:00-05:00", "2026-11-25T20:00:00-05:00"))
	now := mustTime(t, "2026-11-25T15:00:00-05:00")
	p := StyleOnDemand.Preset()
	cases := []struct {
		name     string
		req      Request
		decision Decision
		codes    []availability.Code
	}{
		{"an hour more in working hours is regular",
			Request{Session: availability.IntervalOf(wed.Start, 3*time.Hour), Extends: sid(wed)}, DecisionRegular, []availability.Code{CodeRegular}},
		{"starting earlier is added time in the past",
			Request{Session: availability.Interval{Start: wed.Start.Add(-time.Hour), End: wed.End}, Extends: sid(wed)}, DecisionRefused, []availability.Code{booking.CodePast}},
		{"running into the next client",
			Request{Session: availability.IntervalOf(wed.Start, 5*time.Hour), Extends: sid(wed)}, DecisionRefused, []availability.Code{booking.CodeBooked}},
		{"the session to extend must be booked",
			Request{Session: availability.IntervalOf(wed.Start, 3*time.Hour), Extends: "not-booked"}, DecisionRefused, []availability.Code{CodeNotBooked}},
		{"an extension must cover its session",
			Request{Session: availability.IntervalOf(wed.Start, time.Hour), Extends: sid(wed)}, DecisionRefused, []availability.Code{CodeInvalidRequest}},
		{"an empty request",
			Request{}, DecisionRefused, []availability.Code{CodeInvalidRequest}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := p.Answer(cal, now, tc.req)
			require.Equal(t, tc.decision, a.Decision, "%v", a.Reasons)
			require.Equal(t, tc.codes, reasonCodes(a.Reasons), "%v", a.Reasons)
		})
	}

	// Past closing time, the extension is on-demand time, without notice.
	late := span(t, "2026-11-24T19:00:00-05:00", "2026-11-24T21:00:00-05:00")
	cal = eveningCalendar(t, late)
	a := p.Answer(cal, mustTime(t, "2026-11-24T20:50:00-05:00"), Request{Session: availability.IntervalOf(late.Start, 3*time.Hour), Extends: sid(late)})
	require.Equal(t, DecisionOnDemand, a.Decision, "%v", a.Reasons)
	require.Equal(t, []availability.Code{availability.CodeOutsideHours, CodeOnDemand}, reasonCodes(a.Reasons))
	require.Equal(t, "That is outside my regular hours, but I can see you on demand.", a.Message)

	// The refusal names what was asked: to start earlier, to stay later,
	// or both.
	early := Policy{}.Answer(eveningCalendar(t, wed), mustTime(t, "2026-11-25T08:00:00-05:00"),
		Request{Session: availability.Interval{Start: wed.Start.Add(-3 * time.Hour), End: wed.End}, Extends: sid(wed)})
	require.Equal(t, "Thank you for asking; I'm glad you want more time together. That is outside the hours I work, so I can't start before 14:00.", early.Message)
	both := Policy{}.Answer(eveningCalendar(t, wed), mustTime(t, "2026-11-25T08:00:00-05:00"),
		Request{Session: availability.Interval{Start: wed.Start.Add(-3 * time.Hour), End: wed.End.Add(6 * time.Hour)}, Extends: sid(wed)})
	require.Equal(t, "Thank you for asking; I'm glad you want more time together. That is outside the hours I work, so I can't start before 14:00 and stay past 16:00.", both.Message)

	// Buffers keep the next client clear.
	cal = eveningCalendar(t, wed, span(t, "2026-11-25T17:30:00-05:00", "2026-11-25T18:30:00-05:00"))
	cal.Services[0].BufferAfter = time.Hour
	a = p.Answer(cal, now, Request{Session: availability.IntervalOf(wed.Start, 3*time.Hour), Extends: sid(wed)})
	require.Equal(t, []availability.Code{booking.CodeBuffer}, reasonCodes(a.Reasons))
}

func TestSurchargeOn(t *testing.T) {
	usd := money.MustParse
	cases := []struct {
		s     Surcharge
		price string
		want  string
		err   error
	}{
		{Surcharge{BasisPoints: 2500}, "USD 120.00", "USD 30.00", nil},
		{Surcharge{BasisPoints: 1}, "USD 50.00", "USD 0.00", nil},    // 0.5 cent rounds half to even
		{Surcharge{BasisPoints: 1}, "USD 150.00", "USD 0.02", nil},   // 1.5 cents too
		{Surcharge{BasisPoints: 1}, "USD 49.99", "USD 0.00", nil},    // 0.4999 rounds down
		{Surcharge{BasisPoints: 1}, "USD -150.00", "USD -0.02", nil}, // symmetric
		{Surcharge{BasisPoints: 1000, Fixed: usd("USD 20.00")}, "USD 99.99", "USD 30.00", nil},
		{Surcharge{Fixed: usd("USD 500.00")}, "USD 0.00", "USD 500.00", nil},
		{Surcharge{}, "JPY 12345", "JPY 0", nil},
		{Surcharge{BasisPoints: 10000}, "USD 92233720368547758.07", "USD 92233720368547758.07", nil},
		{Surcharge{BasisPoints: 20000}, "USD 92233720368547758.07", "", money.ErrOverflow},
		{Surcharge{BasisPoints: 10000, Fixed: usd("USD 0.01")}, "USD 92233720368547758.07", "", money.ErrOverflow},
		{Surcharge{Fixed: usd("EUR 5.00")}, "USD 10.00", "", money.ErrMismatch},
	}
	for _, tc := range cases {
		got, err := tc.s.On(usd(tc.price))
		if tc.err != nil {
			require.ErrorIs(t, err, tc.err, "%+v on %s", tc.s, tc.price)
			continue
		}
		require.NoError(t, err, "%+v on %s", tc.s, tc.price)
		require.Equal(t, usd(tc.want), got, "%+v on %s", tc.s, tc.price)
	}
	_, err := Surcharge{BasisPoints: 100}.On(money.Amount{})
	require.ErrorIs(t, err, money.ErrCurrency)
	require.Equal(t, "25%", Surcharge{BasisPoints: 2500}.String())
	require.Equal(t, "12.5% + USD 500.00", Surcharge{BasisPoints: 1250, Fixed: usd("USD 500.00")}.String())
	require.Equal(t, "USD 500.00", Surcharge{Fixed: usd("USD 500.00")}.String())
	require.Equal(t, "none", Surcharge{}.String())
	require.Equal(t, "none", Surcharge{Fixed: usd("USD 0.00")}.String())
}

func TestRequestPolicyValidate(t *testing.T) {
	require.NoError(t, Policy{}.Validate())
	require.NoError(t, StyleOnDemand.Preset().Validate())
	bad := Policy{
		OnDemand:  OnDemandRule{Allowed: true, Surcharge: Surcharge{BasisPoints: -1}, MaxPerWeek: -2, MinNotice: -time.Hour},
		Exception: ExceptionRule{Surcharge: Surcharge{Fixed: money.MustParse("USD -0.05")}, Windows: []string{"a", "", "a"}},
	}
	require.Equal(t, []pathCode{
		{"on_demand.surcharge.basis_points", problem.Negative},
		{"exception.surcharge.fixed", problem.Negative},
		{"on_demand.max_per_week", problem.Negative},
		{"on_demand.min_notice", problem.Negative},
		{"exception.windows[1]", problem.Required},
		{"exception.windows[2]", problem.Duplicate},
	}, pathCodes(t, bad.Validate()))

	ext := availability.IntervalOf(mustTime(t, "2026-11-25T14:00:00-05:00"), time.Hour)
	require.NoError(t, Request{Session: availability.IntervalOf(ext.Start, 2*time.Hour), Extends: sid(ext)}.Validate())
	require.Equal(t, []pathCode{{"session", problem.Required}}, pathCodes(t, Request{Extends: "x"}.Validate()))
}

// TestProtectedTimeKeepsTheOnDemandRules holds a request that runs into
// protected time and past it, outside working hours, to both sets of
// rules: the exception sells the protected part, and the rest is on-demand
// time that must be offered, with notice and within the weekly cap.
func TestProtectedTimeKeepsTheOnDemandRules(t *testing.T) {
	ny := mustZone(t, "America/New_York")
	s := availability.Schedule{
		Zone:      ny,
		Hours:     []availability.Window{window("sat", "12:00", "21:00")},
		Protected: []availability.Window{{ID: "evening", Days: availability.Days(time.Saturday), Start: availability.MustParseClock("21:00"), End: availability.EndOfDay}},
	}
	// Two off-hours sessions already that week: Monday and Tuesday nights.
	cal := booking.Calendar{Schedule: s, Services: []booking.Service{{ID: "session", Length: 2 * time.Hour}},
		Booked: book(t, span(t, "2026-11-23T22:00:00-05:00", "2026-11-24T00:00:00-05:00"), span(t, "2026-11-24T22:00:00-05:00", "2026-11-25T00:00:00-05:00"))}
	now := mustTime(t, "2026-11-27T09:00:00-05:00")
	p := Policy{
		OnDemand:  OnDemandRule{Allowed: true, MaxPerWeek: 2},
		Exception: ExceptionRule{Allowed: true},
	}
	offHours := Request{Session: span(t, "2026-11-29T00:00:00-05:00", "2026-11-29T02:00:00-05:00")}
	straddles := Request{Session: span(t, "2026-11-28T23:00:00-05:00", "2026-11-29T02:00:00-05:00")}
	for _, c := range []struct {
		name   string
		policy func(Policy) Policy
		req    Request
		want   Decision
		code   availability.Code
	}{
		{"off hours, week full", nil, offHours, DecisionRefused, CodeOnDemandCap},
		{"into the night, week full", nil, straddles, DecisionRefused, CodeOnDemandCap},
		{"into the night, no on-demand", func(p Policy) Policy { p.OnDemand.Allowed = false; return p }, straddles, DecisionRefused, CodeNoOnDemand},
		{"into the night, too soon", func(p Policy) Policy { p.OnDemand = OnDemandRule{Allowed: true, MinNotice: 48 * time.Hour}; return p }, straddles, DecisionRefused, booking.CodeMinNotice},
		{"into the night, room in the week", func(p Policy) Policy { p.OnDemand.MaxPerWeek = 3; return p }, straddles, DecisionException, CodeException},
		{"evening only", func(p Policy) Policy { p.OnDemand.Allowed = false; return p }, Request{Session: span(t, "2026-11-28T21:00:00-05:00", "2026-11-28T23:00:00-05:00")}, DecisionException, CodeException},
	} {
		q := p
		if c.policy != nil {
			q = c.policy(p)
		}
		a := q.Answer(cal, now, c.req)
		require.Equal(t, c.want, a.Decision, "%s: %v", c.name, a.Reasons)
		require.Equal(t, c.code, a.Reasons[len(a.Reasons)-1].Code, c.name)
	}
}

func TestRequestJSON(t *testing.T) {
	p := coversCosts()
	p.OnDemand = OnDemandRule{Allowed: true, Surcharge: Surcharge{BasisPoints: 2500}, MaxPerWeek: 3, MinNotice: 2 * time.Hour}
	p.Exception.Windows = []string{"saturday-friends"}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	require.Equal(t, `{"on_demand":{"allowed":true,"surcharge":{"basis_points":2500},"max_per_week":3,"min_notice":"2h"},"exception":{"allowed":true,"surcharge":{"fixed":"USD 500.00"},"windows":["saturday-friends"]}}`, string(b))
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, p, back)

	now, req := stayTheNight(t)
	b, err = json.Marshal(req)
	require.NoError(t, err)
	require.Equal(t, `{"session":{"start":"2026-11-28T19:00:00-05:00","end":"2026-11-29T09:00:00-05:00"},"extends":"2026-11-29T00:00:00Z"}`, string(b))
	var rback Request
	require.NoError(t, json.Unmarshal(b, &rback))
	require.True(t, req.Session.Equal(rback.Session))
	require.Equal(t, req.Extends, rback.Extends)

	a := p.Answer(eveningCalendar(t), now, req)
	b, err = json.Marshal(a)
	require.NoError(t, err)
	var aback Answer
	require.NoError(t, json.Unmarshal(b, &aback))
	require.Equal(t, a.Decision, aback.Decision)
	require.Equal(t, a.Reasons, aback.Reasons)
	require.Equal(t, a.Surcharge, aback.Surcharge)
	require.True(t, a.Added[0].Equal(aback.Added[0]))

	err = json.Unmarshal([]byte(`{"on_demand":{"allowed":true,"surcharge":{"percent":25}}}`), &back)
	require.Equal(t, []pathCode{{"on_demand.surcharge.percent", problem.Unknown}}, pathCodes(t, err))
}

func FuzzRequestPolicyJSON(f *testing.F) {
	seed, err := json.Marshal(coversCosts())
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{"on_demand":{"allowed":true,"surcharge":{"basis_points":2500},"max_per_week":3,"min_notice":"2h"},"exception":{"windows":["x"]},"decline":"no"}`))
	f.Add([]byte(`{"on_demand":{"surcharge":{"basis_points":-1e3}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Policy
		if err := json.Unmarshal(data, &p); err != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		jsontest.Reencodes(t, p)
		now, req := stayTheNight(t)
		a := p.Answer(eveningCalendar(t), now, req)
		require.NotEmpty(t, a.Reasons)
		require.NotEmpty(t, a.Message)
		require.Contains(t, []Decision{DecisionException, DecisionRefused}, a.Decision)
	})
}

func FuzzRequestJSON(f *testing.F) {
	f.Add([]byte(`{"session":{"start":"2026-11-28T19:00:00-05:00","end":"2026-11-29T09:00:00-05:00"},"extends":{"start":"2026-11-28T19:00:00-05:00","end":"2026-11-28T21:00:00-05:00"}}`))
	f.Add([]byte(`{"session":{"start":"2026-11-24T10:00:00-05:00","end":"2026-11-24T12:00:00-05:00"}}`))
	f.Add([]byte(`{"session":{"start":"2026-11-24T10:00:00-05:00","end":"2036-11-24T12:00:00-05:00"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Request
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		// Any decodable request gets an answer with a reason, never a panic.
		a := StyleOnDemand.Preset().Answer(eveningCalendar(t), mustTime(t, "2026-11-23T09:00:00-05:00"), r)
		require.NotEmpty(t, a.Reasons)
		if r.Validate() != nil {
			require.Equal(t, DecisionRefused, a.Decision)
		}
	})
}

// benchCalendar1000 is story 1's calendar with 1,000 sessions booked
// around the requests: four a day, Tuesday to Saturday, from August 2026.
func benchCalendar1000(b *testing.B) booking.Calendar {
	var ivs []availability.Interval
	loc := mustZone(b, "America/New_York")
	d := availability.MustParseDate("2026-08-04")
	for len(ivs) < 999 {
		if wd := d.Weekday(); wd != time.Sunday && wd != time.Monday && d != availability.MustParseDate("2026-11-28") && d != availability.MustParseDate("2026-11-24") && d != availability.MustParseDate("2026-11-26") {
			for _, h := range []int{12, 14, 16} {
				ivs = append(ivs, availability.IntervalOf(availability.At(d, availability.ClockOf(h, 0), loc), 90*time.Minute))
			}
		}
		d = d.AddDays(1)
	}
	cal := eveningCalendar(b, ivs[:999]...)
	if cal.Booked.Len() != 1000 {
		b.Fatalf("%d bookings", cal.Booked.Len())
	}
	return cal
}

func BenchmarkAnswer(b *testing.B) {
	cal := benchCalendar1000(b)
	now, night := stayTheNight(b)
	onDemand := StyleOnDemand.Preset()
	cases := []struct {
		name   string
		policy Policy
		now    time.Time
		req    Request
		want   Decision
	}{
		{"extension-exception", coversCosts(), now, night, DecisionException},
		{"on-demand-session", onDemand, mustTime(b, "2026-11-23T09:00:00-05:00"),
			Request{Session: span(b, "2026-11-24T10:00:00-05:00", "2026-11-24T12:00:00-05:00")}, DecisionOnDemand},
		{"regular-session", onDemand, mustTime(b, "2026-11-23T09:00:00-05:00"),
			Request{Session: span(b, "2026-11-24T14:00:00-05:00", "2026-11-24T16:00:00-05:00")}, DecisionRegular},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if a := c.policy.Answer(cal, c.now, c.req); a.Decision != c.want {
				b.Fatalf("decision %s, want %s: %v", a.Decision, c.want, a.Reasons)
			}
			b.ReportAllocs()
			for b.Loop() {
				c.policy.Answer(cal, c.now, c.req)
			}
		})
	}
}

func FuzzAnswerJSON(f *testing.F) {
	now, req := stayTheNight(f)
	seed, err := json.Marshal(coversCosts().Answer(eveningCalendar(f), now, req))
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{"decision":"refused","surcharge":{},"reasons":[{"code":"invalid_request","rule":"request.session","message":"x"}],"message":"no"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a Answer
		if err := json.Unmarshal(data, &a); err != nil {
			return
		}
		b, err := json.Marshal(a)
		if err != nil {
			return // a decoded instant that cannot be written back, such as year 10000
		}
		var back Answer
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again))
	})
}

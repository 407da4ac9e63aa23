package contact

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/jsontest"
)

// communication is story 4's policy ("911 or 411"): emergencies any hour
// within 15 minutes, everything else by a deadline counted in business
// hours, and nothing but emergencies expected after hours.
func communication() Policy {
	return Policy{
		Targets: []Target{
			{Urgency: Emergency, Within: 15 * time.Minute, Channels: []Channel{ChannelPhone, ChannelText},
				AfterHours: true, Resources: true, OnCall: true},
			{Urgency: Urgent, Within: 4 * time.Hour, Basis: BusinessTime,
				Channels: []Channel{ChannelPhone, ChannelText, ChannelEmail}, OnCall: true},
			{Urgency: Routine, Within: 8 * time.Hour, Basis: BusinessTime, Channels: []Channel{ChannelEmail, ChannelPortal}},
			{Urgency: Informational, Within: 16 * time.Hour, Basis: BusinessTime, Channels: []Channel{ChannelEmail, ChannelPortal}},
		},
		Categories: []CategoryLevel{
			{Category: "safety", Urgency: Emergency},
			{Category: "outage", Urgency: Urgent},
			{Category: "scheduling", Urgency: Routine},
			{Category: "billing", Urgency: Routine},
			{Category: "question", Urgency: Informational},
		},
		Resources: []Resource{
			{ID: "us-911", Name: "Emergency services", Contact: "911", Region: "US", Kind: "emergency", Hours: "24/7", Checked: availability.MustParseDate("2026-11-01")},
			{ID: "us-988", Name: "988 Suicide & Crisis Lifeline", Contact: "988", Region: "US", Kind: "crisis_line", Hours: "24/7", Checked: availability.MustParseDate("2026-11-01")},
		},
		OnCall: "colleague-dana",
	}
}

func officeHours(t testing.TB) availability.Schedule {
	return availability.Schedule{
		Zone:  mustZone(t, "America/New_York"),
		Hours: []availability.Window{{ID: "office", Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}},
		Closures: []availability.Closure{{ID: "winter-break", Label: "winter break", From: availability.MustParseDate("2026-12-24"),
			Through: availability.MustParseDate("2027-01-01"), Colleague: "colleague-sam"}},
	}
}

func reasonCodes(rs []availability.Reason) []availability.Code {
	out := make([]availability.Code, len(rs))
	for i, r := range rs {
		out[i] = r.Code
	}
	return out
}

func altKinds(as []Alternative) []AlternativeKind {
	if len(as) == 0 {
		return nil
	}
	out := make([]AlternativeKind, len(as))
	for i, a := range as {
		out[i] = a.Kind
	}
	return out
}

// TestStory911Or411 is story 4: the same evening, a question and an
// emergency get very different answers.
func TestStory911Or411(t *testing.T) {
	p, s := communication(), officeHours(t)
	require.NoError(t, p.Validate())
	cases := []struct {
		name       string
		msg        Message
		urgency    Urgency
		deadline   string
		afterHours bool
		within     bool
		codes      []availability.Code
		alts       []AlternativeKind
	}{
		{
			name:     "411: a question at 9 pm waits for the working day",
			msg:      Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "question", Channel: ChannelEmail},
			urgency:  Informational,
			deadline: "2026-12-17T17:00:00-05:00", afterHours: true, within: false,
			codes: []availability.Code{CodeDeadline, availability.CodeOutsideHours, CodeAfterHours},
			alts:  []AlternativeKind{AltNextOpen},
		},
		{
			name:     "911: a safety call at 9 pm is answered within 15 minutes, with resources and the on-call colleague",
			msg:      Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "safety", Channel: ChannelPhone},
			urgency:  Emergency,
			deadline: "2026-12-15T21:15:00-05:00", afterHours: true, within: true,
			codes: []availability.Code{CodeDeadline, availability.CodeOutsideHours},
			alts:  []AlternativeKind{AltResource, AltResource, AltOnCall, AltNextOpen},
		},
		{
			name:     "urgent on Friday afternoon runs into Monday",
			msg:      Message{Arrived: mustTime(t, "2026-12-18T16:30:00-05:00"), Category: "outage", Channel: ChannelEmail},
			urgency:  Urgent,
			deadline: "2026-12-21T12:30:00-05:00", afterHours: false, within: true,
			codes: []availability.Code{CodeDeadline},
		},
		{
			name:     "billing by text is answered, but text is not a billing channel",
			msg:      Message{Arrived: mustTime(t, "2026-12-16T10:00:00-05:00"), Category: "billing", Channel: ChannelText},
			urgency:  Routine,
			deadline: "2026-12-17T10:00:00-05:00", afterHours: false, within: false,
			codes: []availability.Code{CodeDeadline, CodeChannel},
		},
		{
			name:     "an unknown category falls back to the message's own level",
			msg:      Message{Arrived: mustTime(t, "2026-12-16T10:00:00-05:00"), Category: "gossip", Urgency: Informational},
			urgency:  Informational,
			deadline: "2026-12-18T10:00:00-05:00", afterHours: false, within: true,
			codes: []availability.Code{CodeDeadline, CodeUnknownCategory},
		},
		{
			name:     "urgent during the winter break: covering colleague, and the clock starts in January",
			msg:      Message{Arrived: mustTime(t, "2026-12-28T10:00:00-05:00"), Urgency: Urgent, Channel: ChannelPhone},
			urgency:  Urgent,
			deadline: "2027-01-04T13:00:00-05:00", afterHours: true, within: false,
			codes: []availability.Code{CodeDeadline, availability.CodeHoliday, CodeAfterHours},
			alts:  []AlternativeKind{AltOnCall, AltCovering, AltNextOpen},
		},
		{
			name:     "urgent across the fall-back weekend",
			msg:      Message{Arrived: mustTime(t, "2026-10-30T16:30:00-04:00"), Urgency: Urgent},
			urgency:  Urgent,
			deadline: "2026-11-02T12:30:00-05:00", afterHours: false, within: true,
			codes: []availability.Code{CodeDeadline},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := p.Respond(s, tc.msg)
			require.NoError(t, err)
			require.Equal(t, tc.urgency, r.Urgency)
			require.True(t, r.HasDeadline)
			want := mustTime(t, tc.deadline)
			require.True(t, want.Equal(r.Deadline), "want %s, got %s", want, r.Deadline)
			require.Equal(t, tc.afterHours, r.AfterHours)
			require.Equal(t, tc.within, r.WithinPolicy)
			require.Equal(t, tc.codes, reasonCodes(r.Reasons), "%v", r.Reasons)
			require.Equal(t, tc.alts, altKinds(r.Alternatives))
			d, ok, err := p.Deadline(s, tc.msg)
			require.NoError(t, err)
			require.True(t, ok)
			require.True(t, want.Equal(d), "Deadline agrees with Respond")
		})
	}
}

func TestRespondDetails(t *testing.T) {
	p, s := communication(), officeHours(t)

	r, err := p.Respond(s, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "safety", Channel: ChannelPhone})
	require.NoError(t, err)
	require.Equal(t, "emergency messages are answered within 15 minutes of wall-clock time: by Tue 2026-12-15 21:15 EST", r.Reasons[0].Message)
	require.Equal(t, "targets[0]", r.Reasons[0].Rule)
	require.Equal(t, "us-911", r.Alternatives[0].Resource.ID)
	require.Equal(t, "Emergency services: 911", r.Alternatives[0].Message)
	require.Equal(t, "colleague-dana", r.Alternatives[2].Colleague)
	next := r.Alternatives[3].Window
	require.True(t, mustTime(t, "2026-12-16T09:00:00-05:00").Equal(next.Start))
	require.True(t, mustTime(t, "2026-12-16T17:00:00-05:00").Equal(next.End))

	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "question"})
	require.NoError(t, err)
	require.Equal(t, "informational messages are answered within 16 hours of business time: by Thu 2026-12-17 17:00 EST, counted from the next opening at Wed 2026-12-16 09:00 EST", r.Reasons[0].Message)
	require.Equal(t, "targets[3].after_hours", r.Reasons[2].Rule)

	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-28T10:00:00-05:00"), Urgency: Urgent})
	require.NoError(t, err)
	require.Equal(t, "winter-break", r.Reasons[1].Rule)
	require.Equal(t, "colleague-sam", r.Alternatives[1].Colleague)

	// Protected time is after hours too, and the reason names the window.
	s.Protected = []availability.Window{{ID: "family-dinner", Label: "family", Days: availability.Workweek, Start: availability.MustParseClock("12:00"), End: availability.MustParseClock("13:00")}}
	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-16T12:15:00-05:00"), Urgency: Routine, Channel: ChannelEmail})
	require.NoError(t, err)
	require.True(t, r.AfterHours)
	require.Equal(t, []availability.Code{CodeDeadline, availability.CodeProtected, CodeAfterHours}, reasonCodes(r.Reasons))
	require.Equal(t, "family-dinner", r.Reasons[1].Rule)
	require.True(t, mustTime(t, "2026-12-17T14:00:00-05:00").Equal(r.Deadline), "got %s", r.Deadline)
}

func TestRespondWithoutTargetOrOpenTime(t *testing.T) {
	s := officeHours(t)
	r, err := Policy{}.Respond(s, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00")})
	require.NoError(t, err)
	require.False(t, r.HasDeadline)
	require.True(t, r.Deadline.IsZero())
	require.True(t, r.WithinPolicy)
	require.Equal(t, []availability.Code{CodeNoTarget, availability.CodeOutsideHours}, reasonCodes(r.Reasons))
	require.Equal(t, []AlternativeKind{AltNextOpen}, altKinds(r.Alternatives))

	never := availability.Schedule{Zone: s.Zone}
	_, err = communication().Respond(never, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Urgency: Routine})
	require.ErrorIs(t, err, availability.ErrNoOpenTime)
	// A wall-time target needs no open time.
	r, err = communication().Respond(never, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Urgency: Emergency})
	require.NoError(t, err)
	require.True(t, mustTime(t, "2026-12-15T21:15:00-05:00").Equal(r.Deadline))
	require.Equal(t, []AlternativeKind{AltResource, AltResource, AltOnCall}, altKinds(r.Alternatives))
}

func TestRespondNextOpenCrossesMidnight(t *testing.T) {
	s := availability.Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []availability.Window{window("fri", "22:00", "02:00")}}
	p := Policy{Targets: []Target{{Urgency: Routine, Within: time.Hour, Basis: BusinessTime}}}
	r, err := p.Respond(s, Message{Arrived: mustTime(t, "2026-11-04T12:00:00+01:00")})
	require.NoError(t, err)
	require.Equal(t, []AlternativeKind{AltNextOpen}, altKinds(r.Alternatives))
	w := r.Alternatives[0].Window
	require.True(t, mustTime(t, "2026-11-06T22:00:00+01:00").Equal(w.Start))
	require.True(t, mustTime(t, "2026-11-07T02:00:00+01:00").Equal(w.End))
	require.True(t, mustTime(t, "2026-11-06T23:00:00+01:00").Equal(r.Deadline))
}

func TestResponsePolicyValidate(t *testing.T) {
	bad := Policy{
		Targets: []Target{
			{Urgency: Urgent, Within: 0, Basis: "lunar", Channels: []Channel{"email", "", "email"}},
			{Urgency: Urgent, Within: time.Hour, Resources: true, OnCall: true},
			{Urgency: Urgency(9), Within: time.Hour},
		},
		Categories: []CategoryLevel{{Category: "safety", Urgency: Emergency}, {Category: "safety", Urgency: Urgency(-4)}, {}},
		Resources:  nil,
	}
	err := bad.Validate()
	require.Equal(t, []pathCode{
		{"targets[0].within", problem.Required},
		{"targets[0].basis", problem.Invalid},
		{"targets[0].channels[1]", problem.Required},
		{"targets[0].channels[2]", problem.Duplicate},
		{"targets[1].urgency", problem.Duplicate},
		{"targets[1].resources", problem.Required},
		{"targets[1].on_call", problem.Required},
		{"targets[2].urgency", problem.Invalid},
		{"categories[1].urgency", problem.Invalid},
		{"categories[1].category", problem.Duplicate},
		{"categories[2].category", problem.Required},
	}, pathCodes(t, err))

	p := communication()
	p.Resources = append(p.Resources, Resource{Name: "nameless"})
	require.Equal(t, []pathCode{{"resources[2].id", problem.Required}, {"resources[2].contact", problem.Required}}, pathCodes(t, p.Validate()))
	require.NoError(t, Policy{}.Validate())
}

func TestTargetString(t *testing.T) {
	require.Equal(t, "urgent: within 4 hours of business time", Target{Urgency: Urgent, Within: 4 * time.Hour, Basis: BusinessTime}.String())
	require.Equal(t, "emergency: within 15 minutes of wall-clock time", Target{Urgency: Emergency, Within: 15 * time.Minute}.String())
	require.Equal(t, "routine: within 1 hour 30 minutes of wall-clock time", Target{Within: 90 * time.Minute, Basis: WallTime}.String())
}

func TestResponseJSONRoundTrip(t *testing.T) {
	p := communication()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back Policy
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, p, back)
	require.Contains(t, string(b), `"within":"4h","basis":"business"`)
	require.Contains(t, string(b), `{"category":"question","urgency":"informational"}`)

	r, err := p.Respond(officeHours(t), Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "safety", Channel: ChannelPhone})
	require.NoError(t, err)
	b, err = json.Marshal(r)
	require.NoError(t, err)
	var rback Response
	require.NoError(t, json.Unmarshal(b, &rback))
	require.True(t, r.Deadline.Equal(rback.Deadline))
	rback.Deadline = r.Deadline
	rback.Alternatives[3].Window = r.Alternatives[3].Window
	require.Equal(t, r, rback)

	m := Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "safety", Urgency: Urgent, Channel: ChannelText}
	b, err = json.Marshal(m)
	require.NoError(t, err)
	require.Equal(t, `{"arrived":"2026-12-15T21:00:00-05:00","category":"safety","urgency":"urgent","channel":"text"}`, string(b))
	var mback Message
	require.NoError(t, json.Unmarshal(b, &mback))
	require.True(t, m.Arrived.Equal(mback.Arrived))

	var bad Policy
	err = json.Unmarshal([]byte(`{"targets":[{"urgency":"urgent","within":"4h","bassis":"wall"}]}`), &bad)
	require.Equal(t, []pathCode{{"targets[0].bassis", problem.Unknown}}, pathCodes(t, err))
	err = json.Unmarshal([]byte(`{"targets":[{"urgency":"panic","within":"4h"}]}`), &bad)
	require.ErrorIs(t, err, ErrUrgency)
}

func FuzzResponsePolicyJSON(f *testing.F) {
	seed, err := json.Marshal(communication())
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"targets":[{"urgency":"routine","within":"-5m","basis":"business","channels":["email"]}],"on_call":"x"}`))
	f.Add([]byte(`{"categories":[{"category":"a","urgency":"emergency"},{"category":"a"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p Policy
		if err := json.Unmarshal(data, &p); err != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		// A valid policy round-trips and answers any message.
		jsontest.Reencodes(t, p)
		s := availability.Schedule{Hours: []availability.Window{window("mon-fri", "09:00", "17:00")}}
		for _, u := range []Urgency{Informational, Routine, Urgent, Emergency} {
			r, err := p.Respond(s, Message{Arrived: time.Date(2026, 12, 15, 21, 0, 0, 0, time.UTC), Urgency: u})
			require.NoError(t, err)
			if r.HasDeadline {
				require.False(t, r.Deadline.Before(time.Date(2026, 12, 15, 21, 0, 0, 0, time.UTC)))
			}
		}
	})
}

func FuzzMessageJSON(f *testing.F) {
	f.Add([]byte(`{"arrived":"2026-12-15T21:00:00-05:00","category":"safety","urgency":"urgent","channel":"text"}`))
	f.Add([]byte(`{"arrived":"2026-12-15T21:00:00Z","urgency":"routine"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Message
		if err := json.Unmarshal(data, &m); err != nil {
			return
		}
		b, err := json.Marshal(m)
		if err != nil {
			return // an instant time.Time cannot write, such as year 10000
		}
		var back Message
		require.NoError(t, json.Unmarshal(b, &back))
		require.True(t, m.Arrived.Equal(back.Arrived))
		require.Equal(t, m.Urgency, back.Urgency)
		require.Equal(t, m.Category, back.Category)
		require.Equal(t, m.Channel, back.Channel)
		// Any decoded message gets an answer or a typed error, never a panic.
		if _, err := communication().Respond(officeHours(t), m); err != nil {
			require.True(t, errors.Is(err, availability.ErrNoOpenTime) || errors.Is(err, availability.ErrRangeTooLong), "%v", err)
		}
	})
}

func BenchmarkRespond(b *testing.B) {
	p, s := communication(), officeHours(b)
	cases := []struct {
		name string
		msg  Message
	}{
		{"in-hours-business", Message{Arrived: mustTime(b, "2026-12-18T16:30:00-05:00"), Urgency: Urgent, Channel: ChannelEmail}},
		{"after-hours-emergency", Message{Arrived: mustTime(b, "2026-12-15T21:00:00-05:00"), Category: "safety", Channel: ChannelPhone}},
		{"after-hours-411", Message{Arrived: mustTime(b, "2026-12-15T21:00:00-05:00"), Category: "question", Channel: ChannelEmail}},
	}
	for _, c := range cases {
		b.Run("deadline/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := p.Deadline(s, c.msg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("respond/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := p.Respond(s, c.msg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func FuzzResponseJSON(f *testing.F) {
	r, err := communication().Respond(officeHours(f), Message{Arrived: time.Date(2026, 12, 28, 10, 0, 0, 0, time.UTC), Urgency: Urgent})
	require.NoError(f, err)
	seed, err := json.Marshal(r)
	require.NoError(f, err)
	f.Add(seed)
	f.Add([]byte(`{"urgency":"routine","deadline":"0001-01-01T00:00:00Z","has_deadline":false,"after_hours":true,"within_policy":true,"reasons":[{"code":"no_target","message":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Response
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			return // a decoded instant that cannot be written back, such as year 10000
		}
		var back Response
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.Equal(t, string(b), string(again))
	})
}

// TestMessageWithoutArrival: a message that does not say when it arrived
// is refused by Validate, Respond and Deadline, instead of answered "by
// Tue 0001-01-02 10:00 LMT" as if it had arrived in year 1.
func TestMessageWithoutArrival(t *testing.T) {
	p, s := communication(), officeHours(t)
	m := Message{Category: "question", Channel: ChannelEmail, Urgency: Urgency(12)}
	require.Equal(t, []pathCode{{"arrived", problem.Required}, {"urgency", problem.Invalid}}, pathCodes(t, m.Validate()))
	_, err := p.Respond(s, m)
	require.Equal(t, []pathCode{{"arrived", problem.Required}, {"urgency", problem.Invalid}}, pathCodes(t, err))
	_, _, err = p.Deadline(s, m)
	require.ErrorIs(t, err, problem.ErrInvalid)

	m.Urgency = 0
	m.Arrived = mustTime(t, "2026-12-15T21:00:00-05:00")
	require.NoError(t, m.Validate())
	r, err := p.Respond(s, m)
	require.NoError(t, err)
	require.True(t, mustTime(t, "2026-12-17T17:00:00-05:00").Equal(r.Deadline), r.Deadline)
}

package availability

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/internal/jsoncodec"
)

// communication is story 4's policy ("911 or 411"): emergencies any hour
// within 15 minutes, everything else by a deadline counted in business
// hours, and nothing but emergencies expected after hours.
func communication() ResponsePolicy {
	return ResponsePolicy{
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
			{ID: "us-911", Name: "Emergency services", Contact: "911", Region: "US", Kind: "emergency", Hours: "24/7", Checked: MustParseDate("2026-11-01")},
			{ID: "us-988", Name: "988 Suicide & Crisis Lifeline", Contact: "988", Region: "US", Kind: "crisis_line", Hours: "24/7", Checked: MustParseDate("2026-11-01")},
		},
		OnCall: "colleague-dana",
	}
}

func officeHours(t testing.TB) Schedule {
	return Schedule{
		Zone:  mustZone(t, "America/New_York"),
		Hours: []Window{{ID: "office", Days: Workweek, Start: MustParseClock("09:00"), End: MustParseClock("17:00")}},
		Closures: []Closure{{ID: "winter-break", Label: "winter break", From: MustParseDate("2026-12-24"),
			Through: MustParseDate("2027-01-01"), Colleague: "colleague-sam"}},
	}
}

func reasonCodes(rs []Reason) []Code {
	out := make([]Code, len(rs))
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
		codes      []Code
		alts       []AlternativeKind
	}{
		{
			name:     "411: a question at 9 pm waits for the working day",
			msg:      Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "question", Channel: ChannelEmail},
			urgency:  Informational,
			deadline: "2026-12-17T17:00:00-05:00", afterHours: true, within: false,
			codes: []Code{CodeDeadline, CodeOutsideHours, CodeAfterHours},
			alts:  []AlternativeKind{AltNextOpen},
		},
		{
			name:     "911: a safety call at 9 pm is answered within 15 minutes, with resources and the on-call colleague",
			msg:      Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "safety", Channel: ChannelPhone},
			urgency:  Emergency,
			deadline: "2026-12-15T21:15:00-05:00", afterHours: true, within: true,
			codes: []Code{CodeDeadline, CodeOutsideHours},
			alts:  []AlternativeKind{AltResource, AltResource, AltOnCall, AltNextOpen},
		},
		{
			name:     "urgent on Friday afternoon runs into Monday",
			msg:      Message{Arrived: mustTime(t, "2026-12-18T16:30:00-05:00"), Category: "outage", Channel: ChannelEmail},
			urgency:  Urgent,
			deadline: "2026-12-21T12:30:00-05:00", afterHours: false, within: true,
			codes: []Code{CodeDeadline},
		},
		{
			name:     "billing by text is answered, but text is not a billing channel",
			msg:      Message{Arrived: mustTime(t, "2026-12-16T10:00:00-05:00"), Category: "billing", Channel: ChannelText},
			urgency:  Routine,
			deadline: "2026-12-17T10:00:00-05:00", afterHours: false, within: false,
			codes: []Code{CodeDeadline, CodeChannel},
		},
		{
			name:     "an unknown category falls back to the message's own level",
			msg:      Message{Arrived: mustTime(t, "2026-12-16T10:00:00-05:00"), Category: "gossip", Urgency: Informational},
			urgency:  Informational,
			deadline: "2026-12-18T10:00:00-05:00", afterHours: false, within: true,
			codes: []Code{CodeDeadline, CodeUnknownCategory},
		},
		{
			name:     "urgent during the winter break: covering colleague, and the clock starts in January",
			msg:      Message{Arrived: mustTime(t, "2026-12-28T10:00:00-05:00"), Urgency: Urgent, Channel: ChannelPhone},
			urgency:  Urgent,
			deadline: "2027-01-04T13:00:00-05:00", afterHours: true, within: false,
			codes: []Code{CodeDeadline, CodeHoliday, CodeAfterHours},
			alts:  []AlternativeKind{AltOnCall, AltCovering, AltNextOpen},
		},
		{
			name:     "urgent across the fall-back weekend",
			msg:      Message{Arrived: mustTime(t, "2026-10-30T16:30:00-04:00"), Urgency: Urgent},
			urgency:  Urgent,
			deadline: "2026-11-02T12:30:00-05:00", afterHours: false, within: true,
			codes: []Code{CodeDeadline},
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
	require.Equal(t, "emergency messages are answered within 15m of wall-clock time: by Tue 2026-12-15 21:15 EST", r.Reasons[0].Message)
	require.Equal(t, "targets[0]", r.Reasons[0].Rule)
	require.Equal(t, "us-911", r.Alternatives[0].Resource.ID)
	require.Equal(t, "Emergency services: 911", r.Alternatives[0].Message)
	require.Equal(t, "colleague-dana", r.Alternatives[2].Colleague)
	next := r.Alternatives[3].Window
	require.True(t, mustTime(t, "2026-12-16T09:00:00-05:00").Equal(next.Start))
	require.True(t, mustTime(t, "2026-12-16T17:00:00-05:00").Equal(next.End))

	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Category: "question"})
	require.NoError(t, err)
	require.Equal(t, "informational messages are answered within 16h of business time: by Thu 2026-12-17 17:00 EST, counted from the next opening at Wed 2026-12-16 09:00 EST", r.Reasons[0].Message)
	require.Equal(t, "targets[3].after_hours", r.Reasons[2].Rule)

	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-28T10:00:00-05:00"), Urgency: Urgent})
	require.NoError(t, err)
	require.Equal(t, "winter-break", r.Reasons[1].Rule)
	require.Equal(t, "colleague-sam", r.Alternatives[1].Colleague)

	// Protected time is after hours too, and the reason names the window.
	s.Protected = []Window{{ID: "family-dinner", Label: "family", Days: Workweek, Start: MustParseClock("12:00"), End: MustParseClock("13:00")}}
	r, err = p.Respond(s, Message{Arrived: mustTime(t, "2026-12-16T12:15:00-05:00"), Urgency: Routine, Channel: ChannelEmail})
	require.NoError(t, err)
	require.True(t, r.AfterHours)
	require.Equal(t, []Code{CodeDeadline, CodeProtected, CodeAfterHours}, reasonCodes(r.Reasons))
	require.Equal(t, "family-dinner", r.Reasons[1].Rule)
	require.True(t, mustTime(t, "2026-12-17T14:00:00-05:00").Equal(r.Deadline), "got %s", r.Deadline)
}

func TestRespondWithoutTargetOrOpenTime(t *testing.T) {
	s := officeHours(t)
	r, err := ResponsePolicy{}.Respond(s, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00")})
	require.NoError(t, err)
	require.False(t, r.HasDeadline)
	require.True(t, r.Deadline.IsZero())
	require.True(t, r.WithinPolicy)
	require.Equal(t, []Code{CodeNoTarget, CodeOutsideHours}, reasonCodes(r.Reasons))
	require.Equal(t, []AlternativeKind{AltNextOpen}, altKinds(r.Alternatives))

	never := Schedule{Zone: s.Zone}
	_, err = communication().Respond(never, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Urgency: Routine})
	require.ErrorIs(t, err, ErrNoOpenTime)
	// A wall-time target needs no open time.
	r, err = communication().Respond(never, Message{Arrived: mustTime(t, "2026-12-15T21:00:00-05:00"), Urgency: Emergency})
	require.NoError(t, err)
	require.True(t, mustTime(t, "2026-12-15T21:15:00-05:00").Equal(r.Deadline))
	require.Equal(t, []AlternativeKind{AltResource, AltResource, AltOnCall}, altKinds(r.Alternatives))
}

func TestRespondNextOpenCrossesMidnight(t *testing.T) {
	s := Schedule{Zone: mustZone(t, "Europe/Berlin"), Hours: []Window{window("fri", "22:00", "02:00")}}
	p := ResponsePolicy{Targets: []Target{{Urgency: Routine, Within: time.Hour, Basis: BusinessTime}}}
	r, err := p.Respond(s, Message{Arrived: mustTime(t, "2026-11-04T12:00:00+01:00")})
	require.NoError(t, err)
	require.Equal(t, []AlternativeKind{AltNextOpen}, altKinds(r.Alternatives))
	w := r.Alternatives[0].Window
	require.True(t, mustTime(t, "2026-11-06T22:00:00+01:00").Equal(w.Start))
	require.True(t, mustTime(t, "2026-11-07T02:00:00+01:00").Equal(w.End))
	require.True(t, mustTime(t, "2026-11-06T23:00:00+01:00").Equal(r.Deadline))
}

// TestRespondNextOpenAgreesWithOpen holds the next open window Respond
// offers to the open time Schedule.Open materializes: the whole window
// that follows the arrival, merged across midnight, up to a week long.
func TestRespondNextOpenAgreesWithOpen(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 17))
	zones := oddZones(t)
	base := mustTime(t, "2026-01-01T00:00:00Z")
	p := ResponsePolicy{Targets: []Target{{Urgency: Routine, Within: time.Hour}}}
	checked := 0
	for i := range 600 {
		s := randomSchedule(rng, zones[i%len(zones)])
		at := base.Add(time.Duration(rng.IntN(365*24*4)) * 15 * time.Minute)
		r, err := p.Respond(s, Message{Arrived: at})
		require.NoError(t, err)
		open, err := s.Open(Interval{Start: at, End: at.Add(30 * 24 * time.Hour)})
		require.NoError(t, err)
		var want Interval
		for iv := range open.All() {
			want = iv
			break
		}
		require.Equal(t, !want.Contains(at), r.AfterHours, "schedule %+v at %s", s, at)
		if !r.AfterHours {
			continue
		}
		var got *Interval
		for _, a := range r.Alternatives {
			if a.Kind == AltNextOpen {
				got = a.Window
			}
		}
		if want.IsEmpty() {
			continue // no open time within the month looked at
		}
		require.NotNil(t, got, "schedule %+v at %s", s, at)
		checked++
		require.True(t, got.Start.Equal(want.Start), "schedule %+v at %s: got %s, want %s", s, at, got, want)
		if want.Duration() <= 7*24*time.Hour {
			require.True(t, got.End.Equal(want.End), "schedule %+v at %s: got %s, want %s", s, at, got, want)
		} else {
			require.False(t, got.End.After(want.End))
			require.False(t, got.End.Before(want.Start.Add(7*24*time.Hour)))
		}
	}
	require.Greater(t, checked, 300)
}

func TestAppendWhen(t *testing.T) {
	zones := append(oddZones(t), time.UTC, time.FixedZone("", -(3*3600+30*60)), time.FixedZone("", 14*3600))
	for _, loc := range zones {
		for i := range 20_000 {
			at := time.Unix(int64(i)*7919*60-1_000_000_000, 0).In(loc)
			require.Equal(t, at.Format(reasonTime), string(appendWhen(nil, at)))
		}
	}
	far := time.Date(12026, 1, 1, 0, 0, 0, 0, time.UTC)
	require.Equal(t, far.Format(reasonTime), string(appendWhen(nil, far)))
}

func TestResponsePolicyValidate(t *testing.T) {
	bad := ResponsePolicy{
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
		{"targets[0].within", "required"},
		{"targets[0].basis", "invalid"},
		{"targets[0].channels[1]", "required"},
		{"targets[0].channels[2]", "duplicate_channel"},
		{"targets[1].urgency", "duplicate_level"},
		{"targets[1].resources", "required"},
		{"targets[1].on_call", "required"},
		{"targets[2].urgency", "invalid"},
		{"categories[1].urgency", "invalid"},
		{"categories[1].category", "duplicate_category"},
		{"categories[2].category", "required"},
	}, pathCodes(t, err))

	p := communication()
	p.Resources = append(p.Resources, Resource{Name: "nameless"})
	require.Equal(t, []pathCode{{"resources[2].id", "required"}, {"resources[2].contact", "required"}}, pathCodes(t, p.Validate()))
	require.NoError(t, ResponsePolicy{}.Validate())
}

func TestTargetString(t *testing.T) {
	require.Equal(t, "urgent: within 4h of business time", Target{Urgency: Urgent, Within: 4 * time.Hour, Basis: BusinessTime}.String())
	require.Equal(t, "emergency: within 15m of wall-clock time", Target{Urgency: Emergency, Within: 15 * time.Minute}.String())
	require.Equal(t, "routine: within 1h30m of wall-clock time", Target{Within: 90 * time.Minute, Basis: WallTime}.String())

	// The appending form used in reasons writes what shortDuration does.
	for _, d := range []time.Duration{-time.Minute, 0, time.Millisecond, 1500 * time.Millisecond, 30 * time.Second, 90 * time.Second,
		15 * time.Minute, time.Hour, time.Hour + 30*time.Second, 4*time.Hour + 30*time.Minute, 36 * time.Hour, 1000*time.Hour + 59*time.Second} {
		require.Equal(t, shortDuration(d), string(appendShortDuration(nil, d)), "%s", d)
	}
}

func TestResponseJSONRoundTrip(t *testing.T) {
	p := communication()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back ResponsePolicy
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, p, back)
	require.Contains(t, string(b), `"within":"4h0m0s","basis":"business"`)
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

	var bad ResponsePolicy
	err = json.Unmarshal([]byte(`{"targets":[{"urgency":"urgent","within":"4h","bassis":"wall"}]}`), &bad)
	var je *jsoncodec.Error
	require.True(t, errors.As(err, &je), "%v", err)
	require.Equal(t, "targets[0].bassis", je.Path)
	require.ErrorIs(t, err, jsoncodec.ErrUnknownField)
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
		var p ResponsePolicy
		if err := json.Unmarshal(data, &p); err != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		// A valid policy round-trips and answers any message.
		requireReencodes(t, p)
		s := Schedule{Hours: []Window{window("mon-fri", "09:00", "17:00")}}
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
			require.True(t, errors.Is(err, ErrNoOpenTime) || errors.Is(err, ErrRangeTooLong), "%v", err)
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

package fit

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

func meeting(t *testing.T) Meeting {
	t.Helper()
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	start := time.Date(2026, time.March, 7, 23, 0, 0, 0, ny) // the night before the DST change
	return Meeting{Client: "Sam", Place: "Studio 4, 12 Main St", Start: start, End: start.Add(3 * time.Hour), Alone: true, Reach: "555-0100"}
}

func TestSafetyPlanWhenNeeded(t *testing.T) {
	contacts := PlanOptions{Contacts: []Contact{{Name: "Ana", Reach: "555-0101"}}}
	tests := []struct {
		name   string
		change func(*Meeting, *PlanOptions)
		needed bool
		codes  []Code
	}{
		{"alone", func(*Meeting, *PlanOptions) {}, true, []Code{CodeAlone, CodeNoAdvisor}},
		{"first", func(m *Meeting, _ *PlanOptions) { m.Alone, m.First = false, true }, true, []Code{CodeFirstMeeting, CodeNoAdvisor}},
		{"neither", func(m *Meeting, _ *PlanOptions) { m.Alone = false }, false, []Code{CodeNotNeeded}},
		{"neither, asked", func(m *Meeting, o *PlanOptions) { m.Alone, o.Always = false, true }, true, []Code{CodeRequested, CodeNoAdvisor}},
		{"remote", func(m *Meeting, _ *PlanOptions) { m.Remote, m.First = true, true }, false, []Code{CodeRemote}},
		{"remote, asked", func(m *Meeting, o *PlanOptions) { m.Remote, o.Always = true, true }, true, []Code{CodeRequested, CodeNoAdvisor}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, o := meeting(t), contacts
			tt.change(&m, &o)
			plan, err := NewSafetyPlan(m, o)
			require.NoError(t, err)
			require.Equal(t, tt.needed, plan.Needed)
			var codes []Code
			for _, r := range plan.Reasons {
				codes = append(codes, r.Code)
				require.NotEmpty(t, r.Message)
			}
			require.Equal(t, tt.codes, codes)
			if !tt.needed {
				require.Empty(t, plan.Steps)
				require.True(t, plan.CheckInBy.IsZero())
			}
		})
	}
}

func TestSafetyPlanAcrossMidnightAndDST(t *testing.T) {
	m := meeting(t)
	plan, err := NewSafetyPlan(m, PlanOptions{Contacts: []Contact{{Name: "Ana", Reach: "555-0101"}}, Grace: 30 * time.Minute, Interval: 10 * time.Minute})
	require.NoError(t, err)
	// 23:00 EST + 3h is 03:00 EDT: 02:00–03:00 does not exist that night.
	require.Equal(t, Detail{Item: "time", Value: "Sat 2026-03-07 23:00–Sun 2026-03-08 03:00 EDT"}, plan.Share[1])
	require.True(t, plan.CheckInBy.Equal(m.End.Add(30*time.Minute)))
	require.Equal(t, "Check in with Ana (555-0101) by Sun 2026-03-08 03:30 to say you are safe.", plan.Steps[1].Message)
	var actions []Action
	for _, s := range plan.Steps {
		actions = append(actions, s.Action)
	}
	require.Equal(t, []Action{ActionShare, ActionCheckIn, ActionCallProvider, ActionCallEmergency}, actions, "one contact and no client number: no alert step")
	require.True(t, plan.Steps[3].At.Equal(plan.CheckInBy.Add(10*time.Minute)))
	require.Equal(t, "If there is still no word from you by Sun 2026-03-08 03:40, Ana calls local emergency services and gives them what you shared.", plan.Steps[3].Message)
	require.Nil(t, plan.Debrief)
}

func TestSafetyPlanProblems(t *testing.T) {
	m := meeting(t)
	m.Client, m.Place, m.Reach = "", "", ""
	m.End = m.Start
	_, err := NewSafetyPlan(m, PlanOptions{Grace: -time.Minute, Contacts: []Contact{{Role: "friend"}, {Name: "Mentor", Reach: "x", Role: Advisor}}})
	var ps problem.List
	require.True(t, errors.As(err, &ps))
	var got []string
	for _, p := range ps {
		got = append(got, p.Path+" "+string(p.Code))
	}
	require.Equal(t, []string{
		"meeting.client required",
		"meeting.end order",
		"options.grace negative",
		"options.contacts[0].name required",
		"options.contacts[0].reach required",
		"options.contacts[0].role invalid",
		"meeting.place required",
		"meeting.reach required",
		"options.contacts required",
	}, got)

	_, err = NewSafetyPlan(Meeting{Client: "x", Remote: true}, PlanOptions{})
	require.ErrorContains(t, err, "meeting.start")
}

package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/availability"
)

const titleFortyMinuteWait = "3. The forty-minute wait"

// FortyMinuteWaitResults are the results of story 3.
type FortyMinuteWaitResults struct {
	// Limit is the agreement's provider wait limit.
	Limit agreement.WaitLimit `json:"limit"`
	// Timeline is the ledger's account of the wait and the rescheduled
	// meeting.
	Timeline Timeline `json:"timeline"`
}

// waitMeeting is data/forty-minute-wait/meeting.json: the provider's zone,
// when the provider arrived, and the events of the meeting.
type waitMeeting struct {
	Zone    string            `json:"zone"`
	Arrived time.Time         `json:"arrived"`
	Events  []agreement.Event `json:"events"`
}

// FortyMinuteWait tells story 3 (seed 002). A salesperson arrives ten
// minutes early to have a contract signed, and the client keeps them
// waiting. The agreement's provider wait limit says when they may leave with
// a note and reschedule, and who bears what: the client pays a share of the
// fee for the wasted visit, the provider bears the rest. No bluff about
// another meeting is needed.
func FortyMinuteWait() (Report, error) {
	var terms agreement.Agreement
	var m waitMeeting
	if err := errors.Join(
		load("forty-minute-wait/agreement.json", &terms),
		load("forty-minute-wait/meeting.json", &m),
	); err != nil {
		return Report{}, err
	}
	loc, err := availability.LoadZone(m.Zone)
	if err != nil {
		return Report{}, fmt.Errorf("meeting.json: %w", err)
	}
	if err := errors.Join(
		check("the agreement", terms.ValidateFor(agreement.Consulting)),
		validEvents("meeting.json", m.Events),
	); err != nil {
		return Report{}, err
	}
	events := inZone(m.Events, loc)
	start := events[0].Session
	limit := terms.Wait.Provider
	fee := terms.Fees.Session
	provider, _ := terms.Party(agreement.RoleProvider)
	client, _ := terms.Party(agreement.RoleClient)

	var n narrative
	n.say("The salesperson (%s) meets the client (%s) on %s to sign; he arrives at %s.",
		provider.Name, client.Name, when(start, loc), m.Arrived.In(loc).Format(hhmm))
	n.say("The wait limit (%s): leave %s after the start, with a note, and reschedule; the client pays %d%% of the %s fee.",
		agreement.ClauseWaitProvider, minutes(limit.After), limit.Share/100, fee)

	end := events[len(events)-1].At.Add(time.Hour)
	outcomes, st, err := agreement.Timeline(terms, events, end)
	if err != nil {
		return Report{}, err
	}
	for _, o := range outcomes {
		switch o.Event {
		case agreement.EventWait:
			waited := o.At.Sub(m.Arrived)
			n.say("%s, %s after arriving:", o.At.Format(hhmm), minutes(waited))
			for _, r := range o.Reasons {
				n.detail("%s", areason(r))
			}
			var todo []string
			for _, a := range o.Actions {
				todo = append(todo, string(a.Code))
			}
			n.detail("Actions: %s.", strings.Join(todo, ", "))
			if line := settlement(o); line != "" {
				n.detail("%s", line)
			}
		case agreement.EventSession:
			n.say("%s: the rescheduled meeting takes place; %s.", when(o.At, loc), lines("charge", o.Charges)[0])
		}
	}
	if _, err := ledger(st.Account); err != nil {
		return Report{}, err
	}
	n.say("Ledger: nothing paid yet; %s outstanding on the %s invoice (%s).",
		st.Account.Outstanding, days(terms.Payment.Within), agreement.ClausePaymentWithin)
	n.say("No bluff about another meeting: the note cites %s.", agreement.ClauseWaitProvider)

	res := FortyMinuteWaitResults{Limit: limit, Timeline: Timeline{Outcomes: outcomes, Standing: st}}
	return Report{Name: "forty-minute-wait", Title: titleFortyMinuteWait, Lines: n.lines, Results: res}, nil
}

// minutes writes a duration in whole minutes: "30 minutes".
func minutes(d time.Duration) string {
	return plural(int(d/time.Minute), "minute", "minutes")
}

// days writes a duration in whole days: "30-day".
func days(d time.Duration) string {
	return fmt.Sprintf("%d-day", int(d/(24*time.Hour)))
}

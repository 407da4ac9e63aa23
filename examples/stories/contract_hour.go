package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement"
)

const titleContractHour = "2. The contract hour"

// ContractHourResults are the results of story 2.
type ContractHourResults struct {
	// Agreement and Version identify the terms both timelines are
	// evaluated against.
	Agreement string `json:"agreement"`
	Version   int    `json:"version"`
	// Good and Bad are the two clients' timelines.
	Good Timeline `json:"good_client"`
	Bad  Timeline `json:"bad_client"`
}

// A Timeline is what a ledger made of a sequence of events: the outcome of
// each event, in order, and the standing at the end.
type Timeline struct {
	Outcomes []agreement.Outcome `json:"outcomes"`
	Standing agreement.Standing  `json:"standing"`
}

// ContractHour tells story 2 (seed 001). A therapist's agreement sets
// mutual obligations: unconditional acceptance inside the session, ordinary
// business terms outside it. A good client keeps deadlines and gives notice
// of force majeure, and pays no fee; a bad client cancels late, comes late,
// writes at night, pays late and uses the therapist's personal number, and
// each breach cites its clause and meets the next step of the graduated
// response, up to the right to terminate. The ledger adds up to the cent.
func ContractHour() (Report, error) {
	var terms agreement.Agreement
	var good, bad []agreement.Event
	if err := errors.Join(
		load("contract-hour/agreement.json", &terms),
		load("contract-hour/good-client.json", &good),
		load("contract-hour/bad-client.json", &bad),
	); err != nil {
		return Report{}, err
	}
	if err := errors.Join(
		check("the agreement", terms.ValidateFor(agreement.Therapy)),
		validEvents("good-client.json", good),
		validEvents("bad-client.json", bad),
	); err != nil {
		return Report{}, err
	}
	loc := terms.Communication.Hours.Zone
	provider, _ := terms.Party(agreement.RoleProvider)
	client, _ := terms.Party(agreement.RoleClient)

	var n narrative
	n.say("%s and %s sign %s v%d, which passes the therapy checklist.", provider.Name, client.Name, terms.ID, terms.Version)
	n.detail("Inside the session (%s): %s", agreement.ClauseInSession, terms.Obligations.InSession)
	n.detail("Outside it (%s): %s", agreement.ClauseOutsideSession, terms.Obligations.OutsideSession)
	n.say("Two timelines under these terms; sessions and payments go to the ledger.")

	res := ContractHourResults{Agreement: terms.ID, Version: terms.Version}
	var err error
	if res.Good, err = timeline(&n, "A good client", terms, inZone(good, loc), loc); err != nil {
		return Report{}, err
	}
	if res.Bad, err = timeline(&n, "A bad client", terms, inZone(bad, loc), loc); err != nil {
		return Report{}, err
	}
	return Report{Name: "contract-hour", Title: titleContractHour, Lines: n.lines, Results: res}, nil
}

// timeline evaluates events with a ledger, up to an hour after the last,
// and tells what happened: each event but the sessions and payments,
// with its first reason, money and breaches, then the ledger.
func timeline(n *narrative, who string, terms agreement.Agreement, events []agreement.Event, loc *time.Location) (Timeline, error) {
	end := events[len(events)-1].At.Add(time.Hour)
	outcomes, st, err := agreement.Timeline(terms, events, end)
	if err != nil {
		return Timeline{}, err
	}
	n.say("%s:", who)
	for _, o := range outcomes {
		if o.Event == agreement.EventSession || o.Event == agreement.EventPayment {
			continue
		}
		line := []string{fmt.Sprintf("%s %s: %s", o.At.Format("Mon 01-02 15:04"), o.Event, areason(o.Reasons[0]))}
		for _, a := range o.Actions {
			switch a.Code {
			case agreement.ActRespondBy:
				line = append(line, "Answer by "+a.At.In(loc).Format("Mon 01-02 15:04")+".")
			case agreement.ActEndOnTime:
				line = append(line, "Ends on time at "+a.At.In(loc).Format(hhmm)+".")
			}
		}
		n.detail("%s", strings.Join(line, " "))
		var more []string
		if m := settlement(o); m != "" {
			more = append(more, m)
		}
		for _, r := range o.Reasons {
			if r.Code == agreement.CodeOutstanding {
				more = append(more, r.Message)
			}
		}
		if len(more) > 0 {
			n.more("%s", strings.Join(more, "; "))
		}
	}
	account, err := ledger(st.Account)
	if err != nil {
		return Timeline{}, err
	}
	n.detail("Ledger: %s.", account)
	status := "no right to terminate"
	switch {
	case st.Terminated:
		status = "terminated"
	case st.MayTerminate:
		status = "the provider may terminate"
	}
	n.detail("Standing: %s, %s, %s.", plural(st.Breaches, "breach", "breaches"),
		plural(st.LateCancellations, "late cancellation", "late cancellations"), status)
	return Timeline{Outcomes: outcomes, Standing: st}, nil
}

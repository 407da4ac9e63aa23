package stories

import (
	"errors"
	"strings"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/openinghours"
)

const titleNineOneOne = "4. 911 or 411"

// NineOneOneResults are the results of story 4.
type NineOneOneResults struct {
	// Hours are the provider's business hours in opening_hours form.
	Hours string `json:"hours"`
	// Answers pair each message with the policy's response.
	Answers []MessageResponse `json:"answers"`
}

// A MessageResponse is a message and the response the policy gives it.
type MessageResponse struct {
	Message  contact.Message  `json:"message"`
	Response contact.Response `json:"response"`
}

// NineOneOneOrFourOneOne tells story 4 (seed 003). Being available 24/7
// is self-imposed: a communication policy says which channels are open,
// the business hours, and how fast each urgency is answered. Three
// messages arrive at different hours and urgencies; each gets its deadline,
// whether it came after hours, and the alternatives to offer meanwhile:
// emergency resources, the on-call colleague, the next open window.
func NineOneOneOrFourOneOne() (Report, error) {
	var hours availability.Schedule
	var policy contact.Policy
	var messages []contact.Message
	if err := errors.Join(
		load("911-or-411/hours.json", &hours),
		load("911-or-411/policy.json", &policy),
		load("911-or-411/messages.json", &messages),
	); err != nil {
		return Report{}, err
	}
	if err := errors.Join(
		check("the business hours", hours.Validate()),
		check("the response policy", policy.Validate()),
	); err != nil {
		return Report{}, err
	}
	loc := hours.Zone
	oh, err := openinghours.Format(hours)
	if err != nil {
		return Report{}, err
	}
	res := NineOneOneResults{Hours: oh}

	var n narrative
	n.say("Office hours (%s), as opening_hours: %s", loc, oh)
	var targets []string
	for _, t := range policy.Targets {
		targets = append(targets, t.String())
	}
	n.say("Targets: %s.", strings.Join(targets, "; "))
	for _, m := range messages {
		r, err := policy.Respond(hours, m)
		if err != nil {
			return Report{}, err
		}
		res.Answers = append(res.Answers, MessageResponse{Message: m, Response: r})
		kind := ""
		switch r.Urgency {
		case contact.Emergency:
			kind = " (a 911)"
		case contact.Informational:
			kind = " (a 411)"
		}
		status := "in hours"
		if r.AfterHours {
			status = "after hours"
		}
		if r.WithinPolicy {
			status += ", within policy"
		} else {
			status += ", outside policy"
		}
		n.say("%s, %s by %s → %s%s, %s:", when(m.Arrived, loc), m.Category, m.Channel, r.Urgency, kind, status)
		for _, reason := range r.Reasons {
			if reason.Code == availability.CodeOutsideHours {
				continue // said by "after hours" above
			}
			n.detail("%s [%s, %s]", reason.Message, reason.Code, reason.Rule)
		}
		for _, a := range r.Alternatives {
			n.detail("Offer: %s [%s]", a.Message, a.Kind)
		}
	}
	return Report{Name: "911-or-411", Title: titleNineOneOne, Lines: n.lines, Results: res}, nil
}

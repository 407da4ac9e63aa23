package contact_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/contact"
)

// communication is a "911 or 411" policy: emergencies any hour within 15
// minutes, questions within two business days and not after hours.
func communication() contact.Policy {
	return contact.Policy{
		Targets: []contact.Target{
			{Urgency: contact.Emergency, Within: 15 * time.Minute, AfterHours: true, Resources: true, OnCall: true},
			{Urgency: contact.Urgent, Within: 4 * time.Hour, Basis: contact.BusinessTime, OnCall: true},
			{Urgency: contact.Routine, Within: 8 * time.Hour, Basis: contact.BusinessTime},
			{Urgency: contact.Informational, Within: 16 * time.Hour, Basis: contact.BusinessTime,
				Channels: []contact.Channel{contact.ChannelEmail, contact.ChannelPortal}},
		},
		Categories: []contact.CategoryLevel{
			{Category: "safety", Urgency: contact.Emergency},
			{Category: "billing", Urgency: contact.Routine},
			{Category: "question", Urgency: contact.Informational},
		},
		Resources: []contact.Resource{{ID: "us-911", Name: "Emergency services", Contact: "911", Region: "US",
			Checked: availability.MustParseDate("2026-11-01")}},
		OnCall: "colleague-dana",
	}
}

func weekdays(loc *time.Location) availability.Schedule {
	return availability.Schedule{
		Zone:  loc,
		Hours: []availability.Window{{Days: availability.Workweek, Start: availability.MustParseClock("09:00"), End: availability.MustParseClock("17:00")}},
	}
}

func ExamplePolicy_Respond() {
	ny, _ := availability.LoadZone("America/New_York")
	policy, hours := communication(), weekdays(ny)
	evening := time.Date(2026, 12, 15, 21, 0, 0, 0, ny) // Tuesday, 9 pm

	for _, m := range []contact.Message{
		{Arrived: evening, Category: "question", Channel: contact.ChannelEmail}, // a 411
		{Arrived: evening, Category: "safety", Channel: contact.ChannelPhone},   // a 911
	} {
		r, err := policy.Respond(hours, m)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s: due %s, after hours %t, within policy %t\n", r.Urgency, r.Deadline.Format("Mon 15:04"), r.AfterHours, r.WithinPolicy)
		for _, reason := range r.Reasons {
			fmt.Println("  because", reason)
		}
		for _, alt := range r.Alternatives {
			fmt.Println("  offer", alt.Kind, "-", alt.Message)
		}
	}
	// Output:
	// informational: due Thu 17:00, after hours true, within policy false
	//   because informational messages are answered within 16 hours of business time: by Thu 2026-12-17 17:00 EST, counted from the next opening at Wed 2026-12-16 09:00 EST [deadline]
	//   because Tue 2026-12-15 21:00 EST is outside working hours [outside_hours]
	//   because informational messages are not expected after hours; this one arrived Tue 2026-12-15 21:00 EST [after_hours]
	//   offer next_open - the provider is next available Wed 2026-12-16 09:00 EST to Wed 2026-12-16 17:00 EST
	// emergency: due Tue 21:15, after hours true, within policy true
	//   because emergency messages are answered within 15 minutes of wall-clock time: by Tue 2026-12-15 21:15 EST [deadline]
	//   because Tue 2026-12-15 21:00 EST is outside working hours [outside_hours]
	//   offer resource - Emergency services: 911
	//   offer on_call - colleague-dana is on call while the provider is off
	//   offer next_open - the provider is next available Wed 2026-12-16 09:00 EST to Wed 2026-12-16 17:00 EST
}

func ExamplePolicy_Deadline() {
	ny, _ := availability.LoadZone("America/New_York")
	policy, hours := communication(), weekdays(ny)
	due, ok, err := policy.Deadline(hours, contact.Message{Arrived: time.Date(2026, 12, 18, 16, 30, 0, 0, ny), Category: "billing"})
	if err != nil {
		panic(err)
	}
	fmt.Println(due.Format("Mon 2006-01-02 15:04"), ok)
	// Output:
	// Mon 2026-12-21 16:30 true
}

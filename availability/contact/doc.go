// Package contact is the "911 or 411" of an engagement: how fast the
// provider answers each kind of message, on which channels, whether after
// hours, and what a client is offered while the provider is off.
//
// A [Policy] holds a [Target] for each [Urgency] level (informational,
// routine, urgent, emergency): how long the provider has to answer,
// counted in wall-clock time ("within 15 minutes, any hour") or in
// business time ("within 8 business hours"), the channels the level may
// use, and whether contact after hours is acceptable. Hosts map their own
// message categories ("safety", "billing", "question") to levels with a
// table; the library never reads message text.
//
// [Policy.Respond] answers a [Message] given the provider's
// availability.Schedule: its deadline, whether it arrived after hours and
// why the provider is off then, whether its channel and hour are within the
// policy, each reason with a stable code, and the [Alternative]s to offer
// meanwhile: emergency [Resource]s, the on-call colleague, the colleague
// covering an away period, the next open window. A question sent on
// Saturday night is a Monday question; an emergency is answered within
// minutes, any hour, with the crisis line offered at once.
// [Policy.Deadline] computes the deadline alone, for sorting an inbox.
//
// Resources (emergency numbers, crisis lines) are dated data the host
// passes in; the referral package routes to the same resources first when
// a client is in crisis.
package contact

// Package demand answers requests for time the schedule does not offer,
// and adjusts a schedule to how busy the provider is: the first story of
// the library, the protected evening.
//
// # Requests outside the schedule
//
// A [Policy] answers a [Request] for a session outside regular hours, or to
// extend a booked one ("can you stay the night?"): regular, on-demand with
// a [Surcharge], a priced exception to protected time (only where the
// provider allows it), or a kind refusal, with the rule and protected
// window behind it. [StyleOnDemand] (the provider who sees clients on a
// their-need basis) and [StyleScheduleFirst] (the schedule rules) are the
// two ways of working, as presets of the same policy.
//
// # Rules that follow demand
//
// When business is thin, a schedule-first provider widens limits:
// [Measure] gives the [Utilization] of a stretch (booked time against open
// time), and [Apply] adds each [Condition]'s window ("when the next 14 days
// are under 40% booked, also open Saturday 10:00–14:00") only while its
// condition holds. Both are pure: the same schedule, bookings and instant
// give the same answer.
//
// Answers and reasons use availability's Reason, with the codes of
// availability.Calendar.Check and availability.Schedule.Explain and the
// codes of this package.
package demand

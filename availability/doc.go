// Package availability answers when a provider can be reached and booked.
//
// # Time
//
// An [Interval] is a half-open span of instants [Start, End). A [Set] is a
// normalized, immutable set of instants (sorted, disjoint intervals) with
// union, intersection, difference, containment and iteration. Both compare
// instants, never wall clocks.
//
// Wall-clock rules use [Clock] ("18:00", minutes after midnight, with 24:00
// as the end of a day), [Date] (a local calendar date) and [Weekdays] (a set
// of days, "mon-fri"). [At] turns a local date and clock into an instant in
// a zone with one documented policy, the one RFC 5545 §3.3.5 gives: a time in
// a DST gap is read with the offset before the gap (New York 02:30 on the
// spring-forward day is 03:30 EDT), and a time in an overlap is its first
// occurrence. The library never relies on time.Date's unspecified choice.
//
// # Schedules
//
// A [Schedule] is a week of working [Window]s in an IANA zone, with
// protected windows (personal time that is never bookable, such as
// "Saturday 18:00–24:00, friends"), date [Override]s, [Closure]s (holidays
// and away periods, optionally naming a covering colleague), and an
// effective period. Days are always the provider's local days. A window
// belongs to the date it starts on and may cross midnight (Fri 22:00–02:00).
// [Schedule.Open] materializes the open time between two instants, correct
// across DST: a 01:30–03:00 window on a spring-forward day covers only the
// 30 real minutes, and a fall-back night's repeated hour is neither lost nor
// counted twice.
//
// # Explanations
//
// [Schedule.Explain] says why one instant is open or not, and
// [Schedule.CheckOpen] why open time does not cover a span, each as a
// [Reason] with a code, the rule it comes from and a sentence. Booking a
// session, with services, caps, buffers and booked sessions, is package
// booking's: its Calendar.Check starts from CheckOpen.
//
// # Business time
//
// [Schedule.AddBusiness] adds a duration of open time to an instant ("4
// business hours after Friday 16:30" is Monday 12:30 for a 09:00–17:00
// week) and [Schedule.BusinessBetween] measures it; both walk local days
// and stop with [ErrNoOpenTime] rather than loop on a schedule that never
// opens. [Schedule.NextOpen] finds the next stretch of open time.
//
// # Weekly times
//
// A [Week] is wall-clock time of the week without dates or zone: a
// schedule's usual week ([Schedule.Week]), the times a client says suit
// them ([WeekOf] their windows), or resolved open time folded onto a week
// ([WeekIn]). [Week.Overlap] says how much two weeks share, the measure of
// whether a client's times fit a provider's.
//
// # Subpackages
//
// The package is the base of several smaller ones, each one idea:
//
//   - contact: the "911 or 411" of an engagement, how fast each urgency
//     of message is answered and what a client is offered meanwhile;
//   - demand: requests for time the schedule does not offer (on-demand
//     sessions, priced exceptions to protected time) and windows that
//     follow utilization;
//   - ical and openinghours: calendar interop (RFC 5545 recurrence,
//     RFC 7953 availability, free/busy; OpenStreetMap opening_hours);
//   - problem: the validation vocabulary every model of the library uses;
//   - place: where a session takes place, and distances.
//
// # Explanations
//
// Every refusal carries a [Reason]: a stable [Code] (outside_hours,
// protected_time, holiday, booked, buffer, min_notice, beyond_horizon,
// day_cap, …), the ID of the rule behind it (or its path, "protected[0]"),
// and a sentence. [Schedule.Explain] says why any instant is or is not open.
//
// # Data
//
// Schedules round-trip through JSON: zones by IANA name, clock times as
// "HH:MM", days by name. Decoding rejects unknown members and bad values
// with a problem.List naming the path of the problem ("protected[2].end"),
// and Validate reports every problem at once in a problem.List, each with a
// path and a code.
//
// Queries are bounded. A range longer than [MaxRange] returns
// [ErrRangeTooLong]; a schedule with more rules than [MaxWindows],
// [MaxOverrides] or [MaxClosures] allow returns [ErrTooLarge], and so does a
// query that would resolve more than [MaxWork] windows (a schedule with
// hundreds of windows a day over years), so that any query within the
// limits answers in about a hundred milliseconds at most.
//
// Nothing in the package reads a clock: functions that need "now" take it.
// All values are safe for concurrent use.
package availability

// Package booking answers what can be booked: for one calendar, which
// sessions of which service are bookable and why not; for a standing
// client, which weekly times hold for months; for several calendars at
// once (co-therapists, a supervisor, a room, the client's own times),
// when they are all free.
//
// # Calendars and services
//
// A [Calendar] joins a provider's availability.Schedule, the [Service]s
// they offer (a 90-minute intake only on Tuesday and Thursday mornings
// with 48 hours' notice, a 50-minute session, a 25-minute check-in), each
// with its length, buffers, start-time grid, notice, horizon, dates, hours,
// seats, caps and price, the [Caps] all sessions share ("at most 6 client
// sessions a day"), the [Sessions] already booked, and [Busy] time that is
// not a booking, such as the events of a personal calendar: busy time
// blocks sessions but never counts toward caps, and a refusal names only
// its source.
//
// [Calendar.Check] says whether one session is bookable, with every
// reason when it is not; [Calendar.Slots] streams every bookable session
// of a service in a range, a week at a time; [Calendar.Next] finds the
// first. They share one definition of bookable, and a property test holds
// them to it. [Calendar.CheckMove] checks a reschedule as one operation.
// [Sessions] are immutable: Add, Cancel and Move return new ones.
//
// # Standing appointments
//
// A [Series] is a weekly (or fortnightly) session at the same local time,
// or the starts of any RRULE that package ical expands.
// [Calendar.CheckSeries] checks it session by session as booking it would,
// and offers the nearest bookable alternative to each session it cannot
// book. [Calendar.Standings] finds the weekly times that stay bookable for
// the next weeks, the best first.
//
// # Several calendars
//
// A [Group] finds times when several calendars are free together: the
// required parties all can, as each one's own rules decide, and as many
// optional parties as can; each [Proposal] says who cannot come and why.
//
// # The client's view
//
// [Calendar.In] shows a calendar from the client's zone: every sentence
// names instants in both zones ("Tue 2026-12-15 17:00 EST (Wed 07:00 in
// Tokyo)") and slots are expressed in the client's zone, without changing
// which sessions are bookable.
//
// Reasons are availability.Reason values with the codes of
// availability.Schedule.CheckOpen and of this package.
//
// # Bounds
//
// Untrusted input cannot make a query slow or large. A calendar holds at
// most MaxServices services, MaxSessions booked sessions and MaxBusy busy
// intervals; a series at most MaxSeries sessions; a group MaxParties
// calendars, and a search checks at most MaxGroupWork party-times; a
// search for standing times does at most MaxStandingWork. Larger input is
// refused by Validate (too_many) and by the queries
// (availability.ErrTooLarge, problem.ErrInvalid, ErrGroup), never
// truncated. On a calendar at all these limits, open around the clock with
// a one-minute grid, Check answers in about 15 µs; Slots streams, its first
// slot in about 0.2 ms and two million slots in about 35 ms; a series of
// MaxSeries sessions with alternatives takes about 17 ms; a search for
// standing times, or a refused group search, gives up within about 0.25 s.
package booking

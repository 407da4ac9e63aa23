// Package boundaries is the overview of a library that practice-management
// software embeds so that therapists, coaches, consultants and other solo
// professionals can set and keep the boundaries of a client engagement.
//
// The library is four packages, each owning one question:
//
//   - [github.com/practicekit/boundaries/availability]: when can the
//     provider be reached and booked? Interval sets, weekly schedules in a
//     time zone with protected personal time, booking policies and slot
//     search, business time and response deadlines by urgency, on-demand
//     sessions, and calendar interop (iCalendar, opening hours).
//   - [github.com/practicekit/boundaries/agreement]: what did both sides
//     sign? Terms with stable clause IDs, exact money, validation against
//     professional checklists, rendering, fingerprints and acknowledgments,
//     and the evaluation of events (cancellations, lateness, waiting,
//     contact, boundary incidents) into fees, refunds and breaches.
//   - [github.com/practicekit/boundaries/fit]: is this prospect a fit?
//     Screenings with typed questions and rules that decide with reasons,
//     a standard question bank, and safety check-in plans.
//   - [github.com/practicekit/boundaries/referral]: where should a client
//     who is not a fit go? A directory, explained and fair routing, crisis
//     resources first, and consent-minimized handoffs.
//
// Dependencies point one way: availability uses only the standard library;
// agreement and fit build on availability; referral builds on availability
// and agreement.
//
// # Principles
//
// Pure: no I/O, no clocks, no randomness, no globals; every function that
// needs "now" takes it. Explained: every decision carries reasons with a
// stable code, the rule or clause behind it, and a sentence. Exact: money in
// integer minor units, time in time.Time resolved in the provider's zone,
// correct across DST. Data first: every model round-trips through JSON, and
// decoding untrusted input is strict and bounded. Validated: each model's
// Validate reports every problem at once with a path and a code.
//
// The programs under examples/ tell the five stories the library was built
// for; go run ./examples/tour runs them all.
package boundaries

// Package boundaries is the overview of a library that practice-management
// software embeds so that therapists, coaches, consultants and other solo
// professionals can set and keep the boundaries of a client engagement.
//
// The library answers four questions, each in a package of its own, with
// smaller packages beside them for one idea each:
//
//   - [github.com/practicekit/boundaries/availability]: when does the
//     provider work? Intervals and sets of instants, weekly schedules in a
//     time zone with protected personal time, overrides and closures, open
//     time correct across DST, business time, weekly times, and why any
//     instant is or is not open.
//   - [github.com/practicekit/boundaries/availability/booking]: what can be
//     booked? Calendars with several services, caps, booked sessions and
//     busy time from other calendars; checks, slot search, standing
//     appointments, and times several calendars (colleagues, rooms,
//     clients) share.
//   - [github.com/practicekit/boundaries/availability/contact]: how fast is
//     each message answered? The "911 or 411" of an engagement: response
//     deadlines by urgency, after-hours rules, emergency resources.
//   - [github.com/practicekit/boundaries/availability/demand]: what about
//     time the schedule does not offer? On-demand sessions, priced
//     exceptions to protected time, and windows that open when business is
//     thin.
//   - [github.com/practicekit/boundaries/agreement]: what did both sides
//     sign? Terms with stable clause IDs, validation against professional
//     checklists, rendering, fingerprints and acknowledgments, diffs, and
//     the evaluation of events (cancellations, lateness, waiting, contact,
//     boundary incidents) into fees, refunds and breaches.
//   - [github.com/practicekit/boundaries/fit]: is this prospect a fit?
//     Screenings with typed questions and rules that decide with reasons,
//     a coach's and a therapist's question banks, validated instruments
//     (PHQ-9, GAD-7) with their published scoring, and safety check-in
//     plans.
//   - [github.com/practicekit/boundaries/referral]: where should a client
//     who is not a fit go? A directory, explained and fair routing, crisis
//     resources first, and consent-minimized handoffs.
//
// The vocabulary they share lives in small packages that import nothing
// of the rest: [github.com/practicekit/boundaries/agreement/money] (exact
// amounts in a currency), [github.com/practicekit/boundaries/availability/place]
// (points, distances, in person or remote) and
// [github.com/practicekit/boundaries/availability/problem] (the problems
// every Validate and every decoder reports, with a path and a code).
// Calendar interop is in availability/ical (RFC 5545, RFC 7953) and
// availability/openinghours (OpenStreetMap opening_hours); screening
// interop with clinical systems in fit/fhir (HL7 FHIR R4 Questionnaire and
// QuestionnaireResponse).
//
// Dependencies point one way: the shared vocabulary first, then
// availability, then its subpackages; agreement, fit and referral build on
// those and never on each other, except that referral's tests route the
// needs fit's banks emit.
//
// # Principles
//
// Pure: no I/O, no clocks, no randomness, no globals; every function that
// needs "now" takes it. Explained: every decision carries reasons with a
// stable code, the rule or clause behind it, and a sentence. Exact: money in
// integer minor units, time in time.Time resolved in the provider's zone,
// correct across DST. Data first: every model round-trips through JSON
// (encoding/json/v2, durations written "50m" or "14d"), and decoding
// untrusted input is strict and bounded. Validated: each model's Validate
// reports every problem at once with a path and a code.
//
// The programs under examples/ tell the stories the library was built for;
// go run ./examples/tour runs them all.
package boundaries

// Package agreement holds the terms of a client engagement: who the parties
// are, what the service is, what it costs, what happens when someone
// cancels, is late, keeps the other waiting, calls after hours, crosses a
// boundary or ends the engagement. It checks the terms against the
// standards of a profession, renders them for signature, fingerprints and
// acknowledges them, compares versions, and evaluates what happens in the
// engagement against them: fees, refunds, breaches, actions, and the
// reasons for each.
//
// The package is pure: no clocks (every function that needs "now" takes
// it), no I/O, no randomness. Values are safe for concurrent use, except a
// Ledger, which belongs to one engagement at a time.
//
// # Money
//
// Amounts are [money.Amount] values from package
// [github.com/practicekit/boundaries/agreement/money]: exact integer minor
// units of an ISO 4217 currency, written "USD 120.00" in text and JSON,
// split and shared without losing a minor unit. Every amount in an
// agreement is in the currency of its session fee; every share is in basis
// points (10000 is 100%).
//
// # Terms
//
// An [Agreement] has an ID, a version, its parties, and one typed field per
// clause: [Scope], [Sessions], [Fees], [Payment], [Cancellation],
// [Lateness], [Wait], [ProviderCancellation], [Communication] (hours and
// response policy from package availability), [Emergency], [Boundaries],
// [Confidentiality], [Termination], [ForceMajeure] and [Obligations].
// Durations are [time.Duration]. A clause whose fields are all zero is
// absent: it is left out of renderings and reported by profiles that expect
// it. Zero values are decided per type and written on each; in short, a
// zero duration means "no such rule", a zero share charges nothing, and the
// zero [money.Amount] is "no amount".
//
// Agreements round-trip through JSON without loss ([Agreement.MarshalJSON],
// [Agreement.UnmarshalJSON]): durations are text ("50m", "1h30m", "14d"),
// money is "USD 120.00", and zero values are left out, so the JSON reads
// like what a person would write. Decoding is strict and bounded: unknown
// members, duplicates and oversized input are errors, as a [problem.List]
// of one problem whose path says where.
//
// # Clause IDs
//
// Every clause, and every part of one, has a stable [ClauseID]. The same IDs
// are used by renderings, validation problems, breaches, reasons, actions
// and diffs, so a host can link any of them to the text the client signed.
// The scheme:
//
//   - An ID is the path of the clause in the agreement's JSON form: member
//     names joined by dots ("lateness.grace", "wait.provider",
//     "force_majeure.notice_within"), list elements by index in brackets
//     ("cancellation.tiers[1]", "parties[0]").
//   - Elements of keyed lists are named by their key instead of their
//     index, so that adding or removing one never renames the others:
//     boundaries by kind ("boundaries.romantic"), obligations by party and
//     key ("obligations.client.deadlines"), termination grounds by key
//     ("termination.grounds.nonpayment"). Keys are lower-case words joined
//     by underscores; Validate checks that they are, and that they are
//     unique.
//   - A path continues into the clause: "boundaries.romantic.ladder[1]" is
//     the second step of that boundary's ladder, and validation problems sit
//     at the field, "cancellation.tiers[1].share".
//   - Two IDs name a list as a whole, for a rule that belongs to no
//     element: "cancellation.tiers" (free cancellation with enough notice)
//     and "termination.refund" (what happens to prepaid money).
//
// The constants (ClauseLatenessGrace, ClauseWaitProvider, …) and the
// functions [TierClause], [BoundaryClause], [ObligationClause] and
// [GroundClause] build IDs.
//
// # Validation and profiles
//
// [Agreement.Validate] reports every inconsistency at once, as a
// [problem.List] whose problems each have a path and a stable
// [problem.Code]: unsorted cancellation tiers ([problem.Order]), shares
// over 100% ([problem.OutOfRange]), negative durations and amounts
// ([problem.Negative]), more notice costing more, a grace period as long
// as the no-show threshold, a wait limit as long as the session
// ([problem.Conflict]), amounts in another currency ([problem.Mismatch]),
// duplicate keys ([problem.Duplicate]), ladders with steps after
// termination. The paths are clause IDs, extended with field names
// ("cancellation.tiers[1].share"); the problems of the communication hours
// and response policy keep availability's paths below their clause
// ("communication.hours.hours[0].days").
//
// [Agreement.ValidateFor] adds the checklist of a [Profile]: every element
// the profession's standards expect and the agreement lacks is a problem
// with code [problem.Missing] at the element's clause ID. [Profile.Elements]
// lists each checklist with its sources:
//
//   - [General]: scope, fees, payment, cancellation, termination.
//   - [Consulting]: adds deliverables and exclusions, the provider's notice
//     and remedy for cancelled meetings, and confidentiality.
//   - [Coaching], after the ICF Code of Ethics: 2025 standard 1.1 (before
//     coaching begins, explain the nature of coaching and agree roles,
//     responsibilities, confidentiality and financial arrangements), 1.2
//     (every party's right to terminate, subject to the agreement); the 2020
//     code's Section I (the nature and limits of confidentiality, financial
//     arrangements, the roles, responsibilities and rights of all parties;
//     clear boundaries, no romantic relationships with clients); the ICF
//     ethics FAQ on charging for missed meetings only when the agreement
//     says so; and the Core Competencies on keeping coaching distinct from
//     therapy and consulting. See https://coachingfederation.org/ethics.
//   - [Therapy] (therapy and counselling), after the APA Ethical Principles
//     of Psychologists and Code of Conduct, 10.01 (informed consent to
//     therapy: nature and anticipated course, fees, involvement of third
//     parties, limits of confidentiality), 3.05 (multiple relationships),
//     10.05–10.08 (no sexual intimacies with clients) and 10.10
//     (termination), https://www.apa.org/ethics/code; and the ACA Code of
//     Ethics (2014), A.2.a (rights and responsibilities of counselor and
//     client, in writing), A.2.b (purposes, goals, techniques, risks and
//     benefits; fees and billing, including procedures for nonpayment;
//     confidentiality and its limits), A.5–A.6 (romantic relationships and
//     boundaries), A.11 (termination and referral) and section H (distance
//     counseling, technology and social media), https://www.counseling.org.
//     It also expects emergency instructions: a provider who is not an
//     emergency service says where to turn.
//
// The checklists name the elements an agreement should contain; they do
// not judge whether its wording meets a code, which remains the provider's
// professional responsibility.
//
// # Rendering, fingerprint and acknowledgment
//
// [Agreement.Clauses] lists the agreement as numbered sections and items,
// each with its clause ID. [Agreement.Markdown], [Agreement.Text] and
// [Agreement.HTML] render them deterministically, with a signature block
// that carries the fingerprint; HTML goes through html/template, and
// Markdown escapes the agreement's text, so no string in an agreement can
// add markup.
//
// [Agreement.Fingerprint] is the SHA-256 digest of the agreement's JSON
// form in RFC 8785 canonical form ([Canonical]). [Acknowledge] records that
// a party accepted one version at an instant, and [Acknowledgment.Verify]
// tells whether an acknowledgment still matches an agreement, with a
// [*MismatchError] naming what differs.
//
// [Diff] lists what changed between two versions, clause by clause and
// field by field, with each change marked material or not; [Material]
// tells whether a new signature is needed.
//
// # Evaluating events
//
// [Evaluate] applies the terms to one [Event] — a cancellation, an arrival,
// a no-show, a provider waiting, a contact, a boundary incident, a
// force-majeure notice, a late payment, a termination, a payment, a
// session — and returns an [Outcome]: charges, refunds and retained
// amounts in money, breaches (party, clause, severity, the [Consequence]
// they meet on the graduated response), actions (end on time, reschedule, the
// provider may leave, respond by, warn, the right to terminate), and a
// [Reason] with a stable [Code], a clause ID and a sentence for each.
//
// The story of the contract hour shows the two sides of an agreement:
// inside the session the client is met with acceptance, outside it
// ordinary business terms apply. A boundary without InSession is not
// breached by what happens in a session; the outcome cites
// "obligations.in_session" and says to work with it. Outside the session,
// breaches of the business terms (lateness, late cancellations, no-shows,
// late payment, contact outside the response policy, keeping the provider
// waiting) climb the obligations' ladder, and each boundary climbs its own:
// note, fee, warning, the right to terminate. Contact is judged by
// availability's response policy ([contact.Policy.Respond]);
// this package computes no deadline of its own.
//
// # Ledger
//
// A [Ledger] evaluates an engagement's events in order, with the state a
// single evaluation lacks: the account, breach counts for the ladders, the
// late cancellations within the cancellation limit's span (the third in 90
// days may give the right to terminate), and the rights to terminate
// already given. [Timeline] runs a ledger over a slice of events up to an
// instant and returns the [Standing] there.
//
// Money is conserved, to the minor unit, always: every amount paid is
// charged, refunded, retained or still held ([Account]), and the ledger
// checks it after every event, failing with [ErrConservation] rather than
// going on if it ever did not hold. A single termination conserves money
// too: the prepaid sessions used, the retained part and the refund add up
// to what was paid, because package prices are split with
// [money.Amount.Split].
//
// # State
//
// The package keeps one package-level value: the parsed HTML template,
// built when the package is initialized and only read afterwards.
package agreement

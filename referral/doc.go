// Package referral routes a client to the right colleague: "say no, explain
// why, and refer elsewhere". It holds a directory of providers, matches a
// client's request against it with hard constraints and weighted
// preferences, explains every match and every empty answer, rotates
// referrals fairly among near-equal colleagues, puts crisis resources first
// in an emergency, and writes consent-minimized handoff summaries.
//
// # Directory and index
//
// A [Directory] lists [Provider] entries: professions, specialties and
// attributes as tags, modalities ([place.InPerson], [place.Remote]), languages (BCP 47),
// a location and service radius, the regions they may practise in, a fee
// range in [money.Amount], sliding scale, insurance networks, whether
// they accept new clients and their open capacity (each a dated [Fact]),
// an optional [availability.Schedule], a target share and a priority.
// [Directory.Validate] reports every problem at once, as a [problem.List]
// whose entries carry a path ("providers[3].fees.min") and a code from
// the problem package (Required, Syntax, Duplicate, Negative, …).
//
// [NewIndex] validates a directory and builds an [Index] once: a bitset per
// tag, language, region and insurance network, a grid of in-person
// providers by place, and each provider's usual weekly times. Routing a request over
// 100,000 providers then takes well under a millisecond, a small fraction
// of a plain scan (see BenchmarkRoute and BenchmarkRouteLinear).
//
// # Requests and routing
//
// A [Request] holds the client's needs (tags from a screening, each a must
// have or a preference), language, location or remote, region, budget,
// insurance, preferred weekly times, urgency, and the IDs to exclude (the
// referring provider, conflicts of interest, colleagues the client
// declined).
//
// [Index.Route] filters by the hard constraints the [Options] name
// ([DefaultHard]: needs, language, reach, region, accepting), scores the
// rest by [Weights] ([FactorNeeds], [FactorLanguage], [FactorDistance],
// [FactorFee], [FactorInsurance], [FactorTimes]) and returns the top
// matches. Each [Match] carries its score broken down by [Component] and
// [Reason] values with a stable [Code], the rule behind it and a sentence.
// When nothing matches, the [Result] says in [Count] values how many
// providers pass each hard constraint and how many matches relaxing it
// alone would give, and its reasons say it in sentences: "no provider who
// works in Italian also works in person within 25 km", then "Reach: 1 of
// 6 works in person within 25 km; 3 remote ones match everything else".
//
// # Fair rotation
//
// Scores are compared in bands of Options.Tolerance: within a band,
// priority, then the [Rotation] state decides. Rotation is stride
// scheduling with a virtual clock: referrals spread evenly, or in
// proportion to each provider's Share, and a newcomer or a colleague back
// from a long absence joins at the clock, neither flooded nor starved. The
// state is a value passed in and returned in the result: the same inputs
// always give the same output.
//
// # Dated facts
//
// "Accepting new clients" and capacity go stale. Each carries the date it
// was confirmed; given now, routing penalizes, drops or keeps stale facts
// as [Staleness] says, and says so in the match's reasons.
//
// # Crisis first
//
// An [contact.Emergency] request gets the crisis resources for the
// client's region first, from the dated, versioned [Crisis] list the host
// passes in Options, never scored or rotated; then only providers with
// immediate capacity. [CrisisExamples] gives documented examples (US 911
// and 988, EU 112, UK 999, NHS 111 and Samaritans 116 123) checked on
// 2026-11-24. An emergency never ends with an empty answer.
//
// # Handoff
//
// A [Handoff] holds what the referring provider may pass on, with the
// client's [Consent] per category (contact, needs, screening reasons,
// notes). [Handoff.Summary] keeps only consented categories, and
// [Summary.Text] and [Summary.Markdown] render them.
//
// # Data
//
// Directories, requests, options, crisis lists, handoffs and rotation
// states round-trip through JSON. They are written as a person would
// write them, without the members that are not set, with money as
// "USD 120.00" and durations as "24h" or "2d"; they decode strictly, and
// the first problem comes back as a [problem.List] of one, with its path
// and code. Everything here is pure: no clock, no randomness, no global
// state; values are safe for concurrent use.
package referral

// Package fit screens prospective clients: it decides whether a client is
// a fit for a provider's service, explains the decision in sentences the
// provider can reuse with the client, hands needs to referral when the
// answer is no, and plans safety check-ins for meetings with clients. It
// carries validated instruments (the PHQ-9, GAD-7, PHQ-2 and GAD-2) with
// their published scoring, a coach's and a therapist's question banks, and,
// in package fit/fhir, speaks HL7 FHIR R4 Questionnaire and
// QuestionnaireResponse.
//
// Store a [Screening] (questions and rules, as data); [Compile] it with a
// [Provider] into an [Evaluator] to evaluate a client's [Answers]; bind
// answers into an [AnswerSheet] to change them one at a time and evaluate again.
//
// # Screenings as data
//
// A [Screening] is a questionnaire as data: typed [Question]s, [Rule]s and
// score [Band]s. It round-trips through JSON, [Screening.Validate] reports
// every problem at once, and [Compile] binds it to a [Provider] (the
// provider's availability and base) and returns an [Evaluator], which
// evaluates answers into a [Decision]:
//
//	fee := money.MustParse("EUR 50.00")
//	ev, err := fit.Compile(fit.Standard(fit.BankOptions{Fee: fee}), provider)
//	…
//	d := ev.Evaluate(answers, fit.Options{Resources: crisisLines})
//	fmt.Println(d.Outcome, d.Needs)
//	for _, r := range d.Reasons {
//		fmt.Println(r.Message) // "You asked me on a date; …"
//	}
//
// # Questions and answers
//
// A question's [Type] says which [Value] answers it:
//
//	yes_no           Bool(true)                            true
//	single_choice    Choice("fitness")                     "fitness"
//	multiple_choice  Choices("fitness", "nutrition")       ["fitness", "nutrition"]
//	number, scale    Number(60)                            60
//	text             Text("run a 10k")                     "run a 10k"
//	date             DateValue(d)                          "2026-04-01"
//	location         Location(p), Remote()                 {"lat": 44.5, "lon": 11.3}, "remote"
//	times            Times(windows...)                     [{"days": "sun", "start": "11:00", "end": "14:00"}]
//	instinct         Instinct(Uneasy)                      "uneasy" (or 2)
//	money            Money(money.MustParse("EUR 80.00"))   "EUR 80.00"
//	integer          Number(3)                             3
//	short_text       Text("Ada")                           "Ada"
//	time             Text("18:30")                         "18:30" or "18:30:00"
//	date_time        Text("2026-11-24T18:30:00+01:00")     "2026-11-24T18:30:00+01:00"
//	group, display   (no answer)
//
// Options have stable codes, compared exactly. Numbers may have a [Range]
// and a unit; scales must have a range and take whole numbers. Money
// questions take a [money.Amount] that is not negative, in the currency
// their unit names, and compare amounts exactly, in minor units. Weekly times
// reuse [availability.Window] and are read in the provider's zone. A
// question may be required, may be a crisis indicator (which makes it
// required), and may be shown only when a [Condition] on other answers
// holds (EnableWhen). Questions are answered by the client or, marked
// [ByProvider], by the provider: what they observed, and their own unease
// ("trust your instinct"), an [Unease] level that rules weigh like any
// other answer.
//
// Empty or blank text is no answer. A multiple-choice answer with no codes
// is an answer: "none of these". An open choice question also takes text of
// the client's own, which matches no option. Times compare as times of day
// and date-times as instants, whatever their offsets. A question's Initial
// answer is only offered: evaluation reads the answers given.
//
// The questions form a tree, as a FHIR Questionnaire's items do: a
// question's Group names a group item (TypeGroup), which shows its items
// only while it is shown itself, and display items (TypeDisplay) are text
// between questions. Group and display items take no answer, cannot be
// required, and no condition reads them. An option's System names the code
// system its code comes from, such as LOINC.
//
// # Conditions
//
// A [Condition] is a tree: all, any, not, or a comparison of one answer
// with a value. Conditions are data; nothing is parsed or run as code.
// Engines disagree on the edge cases, so here they are, decided:
//
// A missing answer — unanswered, blank, invalid, or to a hidden question —
// makes every comparison false: equals, not_equals, less, less_or_equal,
// greater, greater_or_equal, in and contains. answered is false. Only not
// turns a false into a true, so not(equals x) holds for a missing answer
// while not_equals x does not. (SurveyJS also makes a missing number
// "< 5" false; json-logic makes it true, comparing null as 0. Here it is
// false.)
//
// Text comparisons ignore case by Unicode simple case folding, as
// [strings.EqualFold] does, and ignore surrounding white space: "Marathon "
// equals "MARATHON". contains on text is a case-insensitive substring
// test. Option codes, being codes, are compared exactly, case included.
// (SurveyJS ignores case on =; json-logic does not. Here, text ignores case
// and codes do not.)
//
// For a multiple-choice answer, equals means the same set of options
// (order and repeats aside; ["a","b"] equals ["b","a"]), not_equals a
// different set, contains that every listed option was chosen, and in that
// at least one chosen option is listed. (Cal.com's "multiselect equals"
// means includes; here that is contains.) For a single choice, equals and
// not_equals take one code and in a list of codes. Numbers, scales, unease
// levels, dates and amounts of money (in the question's currency) take
// equals, not_equals, the four orderings and in;
// yes/no takes equals and not_equals; locations and weekly times take only
// answered (their rules are distance and overlap).
//
// # Rules
//
// A rule fires on a condition (When), on too little weekly overlap between
// the client's times and the provider's open hours (Overlap: the provider's
// [availability.Schedule] materialized over one week with
// [availability.Schedule.Open], intersected with the client's windows), or
// on a place farther than a radius from the provider's base, or remote when
// the service is not (Distance, by [place.Point.DistanceKm]). Its
// [Kind] says what firing means:
//
//   - red_flag declines, unless the provider overrides it (Options.Overrides);
//   - concern is a doubt; ReviewAt of them (2 by default) need review;
//   - score adds Weight, or Weight times an item's answer;
//   - need adds tags for referral;
//   - condition accepts only with a condition (Rule.Text), such as signing
//     the boundaries acknowledgment;
//   - urgent is a crisis indicator: refer at once, with the crisis resources
//     the caller passes (Options.Resources); it cannot be overridden;
//   - refer says the service is not what the client needs.
//
// Any rule may carry needs. Score bands map score ranges to an outcome,
// needs, or both, so standard summed instruments work; an item-level flag
// (any self-harm answer above zero is urgent, whatever the total) is an
// urgent rule on that one item.
//
// # Scales
//
// A screening may hold several named scores, its Scales, such as the
// totals of two instruments in one intake. Score rules that name a scale
// add to it, bands that name it read it, and the decision reports each
// total (Decision.Totals). A scale is complete when every item it adds up
// has a valid answer, or is not shown; only then are its bands read, and
// their reasons cite the scale and its total, "PHQ-9 total 17: moderately
// severe". An incomplete scale is not banded on a partial sum: the
// decision needs review, with the reason score_incomplete.
//
// # Decisions
//
// [AnswerSheet.Evaluate] returns a [Decision]: the [Outcome] (accept,
// accept_with_conditions, needs_review, decline, refer, urgent), the
// score, the conditions, the needs, the missing, invalid and ignored
// questions, and [Reason]s, each with a stable [Code], the rule or band
// ID, the question, and a sentence. The outcome is the first that applies:
// urgent; needs_review when a crisis question is unanswered; decline;
// refer; needs_review when a required answer is missing or an answer is
// invalid, or a scale is incomplete; needs_review when concerns add up or
// a band says so;
// accept_with_conditions; accept.
//
// The screening fails closed: while a shown crisis question has no valid
// answer the outcome is needs_review (only an urgent rule outranks it), and
// while a shown required question has no answer, or an answer is invalid,
// it is never accept or accept_with_conditions: it is needs_review, unless
// a red flag or refer rule already said no, which the missing answer could
// not have changed. The missing items are named either way.
//
// A crisis question cannot hide behind a missing answer. When one is
// hidden, its display is decided again with every missing or invalid
// answer taken as unknown (a comparison with it is unknown, all is false
// on a false part, any true on a true part, not inverts what is known);
// if the missing answers might show it, it counts as a shown crisis
// question without an answer. Its own answer, if it has one, is still
// ignored. Other required questions are required only when shown.
//
// Answers to hidden questions are left out of every rule and of the
// score, and reported as ignored. The decision never depends on the order
// of the questions or the rules: display is evaluated in dependency order,
// rules and lists in ID order, and the score summed in that order.
//
// # Evaluation cost
//
// Compile does the work once: questions are indexed by position, option
// codes become bits, conditions become flat arrays, rules are sorted, the
// reasons' sentences are written, and the provider's week is materialized.
// [Evaluator.Bind] validates answers and converts each once into an
// [AnswerSheet] (text case-folded, places turned into distances, weekly
// times into hours of overlap, money into minor units), looking each
// question up once, without sorting, and counting weekly overlap on
// bitmaps of the week's minutes.
// [AnswerSheet.Evaluate] then reads answers by position, without maps, and
// allocates only the decision's lists: about a microsecond and three
// allocations for 30 questions, 10 conditional displays and 20 rules.
// [Evaluator.Evaluate] does both steps.
//
// # Validation
//
// Every problem is a [problem.Problem] with a path, such as
// "rules[2].when.any[0].question", and one of the codes of package
// problem. [Screening.Validate] runs three passes, as a compiler would,
// and needs no provider:
//
//   - the structure: missing IDs (required), duplicate IDs (duplicate),
//     unknown types, kinds, operators, questions, options and currencies
//     (unknown), operators and values that do not suit a question's type
//     (mismatch), values out of their domain (invalid, negative, order),
//     fields a kind or type does not use (unexpected), empty conditions
//     (empty), conditions and rules with two forms (conflict), and limits
//     passed ([MaxQuestions], [MaxRules], …: too_many, too_long,
//     too_deep);
//   - the order: conditional display that depends on itself (cycle);
//   - the analysis: questions that can never be shown and rules and bands
//     that can never fire (unreachable), such as a scale 0–3 compared
//     "greater 3", an all of equals a and equals b on one single choice,
//     or a band outside the scores the rules can give.
//
// [Compile] runs the same passes, then checks the [Provider]: its schedule
// (under "provider.schedule"), its week and base, and a base for distance
// rules. [Evaluator.ValidateAnswers] reports answers of the wrong shape or
// currency (mismatch), unknown questions and options (unknown), values
// out of range (out_of_range, negative, invalid), shown required questions
// without an answer (required), and answers to hidden questions (hidden).
//
// # The standard bank
//
// [Standard] returns the questions and rules distilled from story 5, the
// consultation that was a date: clarified end goals and goals in scope,
// schedule fit, location or remote fit, budget against the fee, crisis
// indicators, the red flags (interest in the provider rather than the
// service, romantic interest, personal compliments, insisting on meeting
// outside professional settings or hours, contact through channels the
// provider did not give, pushing past stated boundaries, gifts or paying
// for the provider), the provider's instinct, and the boundaries
// acknowledgment as a condition. Each item says why it exists. Providers
// take it whole, narrow it with [Screening.Only] or [Screening.Without],
// or extend it with [Screening.Extend].
//
// # Validated instruments
//
// [PHQ9], [GAD7], [PHQ2] and [GAD2] return the instruments as screenings:
// their items in the published wording, answered with the LOINC codes
// (AnswerNotAtAll … AnswerNearlyEveryDay) scored 0–3, a scale that cites
// the source, the published bands, and the PHQ-9's item 9 as a crisis
// question whose any answer above "not at all" is urgent, whatever the
// total. The published scoring sums every item and gives no rule for a
// missing one, so a missing item leaves the scale incomplete and the
// decision in review. Each round-trips through FHIR (package fit/fhir).
//
// # The therapist's bank
//
// [Therapist] returns a psychotherapist's intake: the presenting concern
// (each area a need for referral), goals, therapy before and care now,
// risk (self-harm, harm to others, safety at home: crisis questions), the
// PHQ-9 and GAD-7, scope of practice against the provider's specialties
// and exclusions, modality and schedule fit, and payment (a sliding scale,
// insurance in or out of network). Its needs are the Need constants, in
// the vocabulary referral routes on.
//
// # Safety check-in plans
//
// [NewSafetyPlan] returns, for a first in-person meeting or any meeting
// alone with a client, a [SafetyPlan]: whom to tell (the trusted contacts
// the caller passes), what to share (place, time, client name, how to
// reach the provider), when to check in (the end plus a grace period), and
// the escalation if no check-in arrives (call the provider, alert the
// other contacts, call emergency services), with a debrief with a mentor
// or advisor. Remote meetings get no plan unless asked for. Plans are data
// with reasons; the host sends the messages.
//
// # Data
//
// Screenings, providers, answers, decisions, meetings and plans round-trip
// through JSON with snake_case names; durations are written as "15m" or
// "1h30m" and money as "EUR 50.00". Decoding rejects unknown and
// duplicate members with the path of the problem, as a problem.List. Nothing in the package reads a clock, does I/O
// or keeps state: an Evaluator, and an AnswerSheet between changes, are
// safe for concurrent use.
package fit

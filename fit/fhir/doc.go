// Package fhir exchanges fit's screenings and answers with clinical
// systems as HL7 FHIR R4 resources: a fit.Screening as a Questionnaire,
// fit.Answers as a QuestionnaireResponse.
//
//	var q fhir.Questionnaire
//	err := json.Unmarshal(questionnaireJSON, &q) // strict and bounded
//	s, err := q.Screening()                      // refuses what cannot map
//	ev, err := fit.Compile(s, provider)
//
//	var r fhir.QuestionnaireResponse
//	err = json.Unmarshal(responseJSON, &r)
//	answers, err := r.Answers(s) // the response must be to s
//	d := ev.Evaluate(answers, fit.Options{Resources: crisisLines})
//
// and back, with NewQuestionnaire and NewResponse. The validated
// instruments (fit.PHQ9, fit.GAD7, fit.PHQ2, fit.GAD2) and any screening
// of the types below round-trip: NewQuestionnaire then Screening gives the
// screening back, and Screening then NewQuestionnaire an equivalent
// questionnaire.
//
// # Items
//
// An item's linkId is the fit question's ID, its text the question's
// text, and its type maps one to one:
//
//	group                  group (a fit group item: its items are shown only while it is)
//	display                display
//	boolean                yes_no
//	decimal                number
//	integer                integer; with itemControl slider, minValue and maxValue, scale
//	date, dateTime, time   date, date_time, time
//	string, text           short_text, text
//	choice                 single_choice; repeating, multiple_choice
//	open-choice            single_choice or multiple_choice with Open: text of one's own
//	coding                 read as choice (its R5 name), written as choice
//
// required is Question.Required (mark a crisis question required too, so
// that a FHIR form asks for it); repeats is allowed on choices only. Answer options are Codings
// (system, code, display: Option.System, Code, Label), and their weights
// for scoring, the ordinalValue extension (or its newer name itemWeight)
// on the answerOption or its valueCoding, are Option.Score: fit writes
// ordinalValue on the answerOption, for every option of a scored
// question. initialSelected and initial are Question.Initial. minValue
// and maxValue are Question.Range, questionnaire-unit Question.Unit, and
// a display item under another with the itemControl help, whose linkId is
// the other's with "-help", is its Question.Help.
//
// # enableWhen
//
// An item's enableWhen is its Question.EnableWhen: one comparison, or with
// enableBehavior all or any, fit.AllOf or fit.AnyOf of them (a single
// comparison with an enableBehavior keeps it, as an all or any of one).
// The operators keep FHIR's meaning, including without an answer:
//
//	exists true, exists false   answered, not(answered)
//	= , !=                      equals, not(equals): FHIR's != holds when no answer equals, so with no answer too
//	= , != on a repeating item  contains, not(contains): some answer is, or none is, that option
//	> < >= <=                   greater, less, greater_or_equal, less_or_equal, on numbers, dates and times
//
// The answer compared with is of the item's type (answerBoolean,
// answerDecimal, answerInteger, answerDate, answerDateTime, answerTime,
// answerString, answerCoding with one of the item's codes). fit compares
// text ignoring case and surrounding space, where a FHIR engine compares
// exactly; and fit reads an item that is not shown as unanswered, as FHIR
// says to read an item that is not enabled. A fit condition FHIR cannot say
// (not_equals, in, contains of several options, equals on a whole set of
// options, or nesting deeper than all or any of comparisons) is refused
// by NewQuestionnaire.
//
// # What a questionnaire has no element for
//
// A screening's rules, score bands, scales and ReviewAt, and a question's
// Crisis, By, Why and Section, are written in extensions under ExtBase,
// rules, bands and scales as fit writes them in JSON, so that the
// decision is the same after a round trip. The resource's id, url,
// version, title, description and copyright are the screening's ID, URL,
// Version, Title, Description and Copyright; its status is active.
//
// # What cannot map is refused
//
// Decoding is strict and bounded like every model of the library: at
// most 4 MiB, nesting 64 deep and 100,000 elements, no duplicate members,
// and no member that is not FHIR R4. A member that is R4 but that fit
// does not map (prefix, code, definition, readOnly, maxLength,
// answerValueSet, answerQuantity, a Questionnaire's publisher or
// contained resources, modifierExtension, …) is refused too, with its
// path and the item's linkId, rather than dropped: errors.Is(err,
// ErrUnsupported). So is, when Screening reads the items, an item type
// with no fit type (url, attachment, reference, quantity), a repeating
// or required group, repeats on a question that is not a choice, items
// nested under a question, an extension fit does not read, a status other
// than active, and an open choice compared by its own text. Every problem
// is a problem.List entry with the path of the FHIR element, such as
// "item[1].item[3].enableWhen[0].answerCoding", and a message that names
// the item's linkId.
//
// # Responses
//
// QuestionnaireResponse.Answers reads a response's items, nested in their
// groups, into fit.Answers: booleans, decimals, integers, dates,
// dateTimes, times, strings and the codes of Codings, a repeating
// choice's answers as one list of codes. A response to another
// questionnaire (its questionnaire is not the screening's URL, or names
// another version), one entered in error, an item whose linkId is no
// question of the screening or that sits outside its group, a second
// answer to a question that does not repeat, an answer of another type
// than its item's or a code that is none of its options are errors at the
// path of the response element, naming the item's linkId. NewResponse
// writes answers as a completed response.
package fhir

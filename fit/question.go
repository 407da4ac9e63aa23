package fit

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/practicekit/boundaries/internal/prose"
)

// A Type is the kind of answer a question takes. Types are stable codes,
// used as they are in JSON.
type Type string

// The question types.
const (
	// TypeYesNo questions take a boolean.
	TypeYesNo Type = "yes_no"
	// TypeSingleChoice questions take the code of one option.
	TypeSingleChoice Type = "single_choice"
	// TypeMultipleChoice questions take a list of option codes, possibly empty
	// ("none of these").
	TypeMultipleChoice Type = "multiple_choice"
	// TypeNumber questions take a number, optionally within a Range and
	// with a Unit.
	TypeNumber Type = "number"
	// TypeScale questions take a whole number within their Range, such as 0–10.
	TypeScale Type = "scale"
	// TypeText questions take text. Empty or blank text is no answer.
	TypeText Type = "text"
	// TypeDate questions take a date, "2026-11-24".
	TypeDate Type = "date"
	// TypeLocation questions take a point ({"lat": …, "lon": …}) or
	// "remote".
	TypeLocation Type = "location"
	// TypeTimes questions take the windows of the week the client
	// prefers, read in the provider's zone (availability.Window values:
	// {"days": "sat,sun", "start": "10:00", "end": "14:00"}).
	TypeTimes Type = "times"
	// TypeInstinct questions take the provider's own unease about the
	// client, an Unease level ("calm", "unsure", "uneasy", "alarmed", or 0–3).
	// They are always answered by the provider.
	TypeInstinct Type = "instinct"
	// TypeMoney questions take an amount of money that is not negative,
	// such as "EUR 80.00" (a money.Amount), in the question's currency, its
	// Unit. Amounts are compared exactly, in minor units; a money question
	// without a Unit takes any currency and cannot be compared.
	TypeMoney Type = "money"
	// TypeInteger questions take a whole number, optionally within a
	// Range and with a Unit: a count, such as drinks in a week.
	TypeInteger Type = "integer"
	// TypeShortText questions take one line of text, such as a name or a
	// medication; TypeText is for longer answers. They compare as text
	// does.
	TypeShortText Type = "short_text"
	// TypeTime questions take a time of day, "18:30" or "18:30:00".
	TypeTime Type = "time"
	// TypeDateTime questions take an instant with its UTC offset,
	// "2026-11-24T18:30:00+01:00" (RFC 3339), compared as instants.
	TypeDateTime Type = "date_time"
	// TypeGroup items take no answer: they hold the questions whose Group
	// names them, under a heading (their Text), and show them only while
	// they are shown themselves.
	TypeGroup Type = "group"
	// TypeDisplay items take no answer: they are text shown to the client,
	// such as instructions between questions.
	TypeDisplay Type = "display"
)

// IsValid reports whether t is one of the question types.
func (t Type) IsValid() bool {
	switch t {
	case TypeYesNo, TypeSingleChoice, TypeMultipleChoice, TypeNumber, TypeScale, TypeText, TypeDate, TypeLocation, TypeTimes, TypeInstinct, TypeMoney,
		TypeInteger, TypeShortText, TypeTime, TypeDateTime, TypeGroup, TypeDisplay:
		return true
	}
	return false
}

// answers reports whether questions of type t take an answer: every type
// but group and display.
func (t Type) answers() bool { return t != TypeGroup && t != TypeDisplay }

// A Respondent says who answers a question: the client, or the provider
// recording what they observed or felt. The zero Respondent is the client.
type Respondent string

// The respondents.
const (
	ByClient   Respondent = "client"
	ByProvider Respondent = "provider"
)

// A Question is one item of a screening: a question, or a group of
// questions or a text to show (TypeGroup, TypeDisplay), which take no
// answer. A screening's items form a tree through Group, in the order of
// Screening.Questions, as a FHIR Questionnaire's items do.
//
// The zero Question is invalid: it needs an ID, a Type and a Text.
type Question struct {
	// ID identifies the question in answers, conditions, rules and reasons.
	ID string `json:"id"`
	// Type is the kind of answer the question takes.
	Type Type `json:"type"`
	// Text is the question as shown.
	Text string `json:"text"`
	// Help is optional text shown with the question.
	Help string `json:"help,omitempty"`
	// Why records why the question exists, for the provider.
	Why string `json:"why,omitempty"`
	// Section groups questions and rules, such as "goals" or "red_flags";
	// see Screening.Only.
	Section Section `json:"section,omitempty"`
	// By says who answers; empty means the client.
	By Respondent `json:"by,omitempty"`
	// Required questions must be answered whenever they are shown; a
	// missing required answer keeps the decision from being an accept.
	Required bool `json:"required,omitzero"`
	// Crisis marks a crisis indicator, such as "are you thinking of harming
	// yourself?". A crisis question is required, and while it is shown and
	// unanswered, or hidden only for want of answers that might show it,
	// the decision is needs_review whatever else the answers say (unless
	// an urgent rule fires).
	Crisis bool `json:"crisis,omitzero"`
	// Options are the choices of a single- or multiple-choice question.
	Options []Option `json:"options,omitempty"`
	// Range bounds number answers and is required for scales.
	Range *Range `json:"range,omitzero"`
	// Unit names the unit of a number or scale answer, such as "km", or
	// the currency of a money question, such as "EUR".
	Unit string `json:"unit,omitempty"`
	// EnableWhen shows the question only when the condition holds over
	// other answers; nil means always shown.
	EnableWhen *Condition `json:"enable_when,omitzero"`
	// Group is the ID of the group item the question belongs to; it is
	// shown only while that group is. Empty means the top level.
	Group string `json:"group,omitempty"`
	// Open lets a choice question take text of the client's own besides
	// its options (FHIR's open-choice): an answer that is no option's code
	// is that text. It counts as answered and matches no option.
	Open bool `json:"open,omitzero"`
	// Initial is the answer offered before the client answers, such as a
	// preselected option. It is a suggestion for the form, not an answer:
	// evaluation reads only the answers given.
	Initial Value `json:"initial,omitzero"`
}

// An Option is one choice of a choice question.
type Option struct {
	// Code identifies the option in answers and conditions; it is compared
	// exactly, letter case included.
	Code string `json:"code"`
	// Label is the option as shown.
	Label string `json:"label"`
	// Score is what choosing the option adds to an item-score rule.
	Score float64 `json:"score,omitzero"`
	// System names the code system Code comes from, such as
	// "http://loinc.org", so that the option is the same coded answer in
	// other systems (a FHIR Coding). Empty means the screening's own code.
	System string `json:"system,omitempty"`
}

// A Range is the closed interval [Min, Max] of accepted numbers.
type Range struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Contains reports whether f lies in [Min, Max].
func (r Range) Contains(f float64) bool { return f >= r.Min && f <= r.Max }

// An Unease is how uneasy the provider feels about a prospective client:
// the "trust your instinct" answer. Levels are ordered; the zero Unease is
// Calm.
type Unease int8

// The unease levels.
const (
	Calm    Unease = 0 // no doubts
	Unsure  Unease = 1 // something is not quite right
	Uneasy  Unease = 2 // a clear feeling of unease
	Alarmed Unease = 3 // strong, nagging unease: the instinct to leave
)

// ErrUnease is matched (errors.Is) by every error from ParseUnease.
var ErrUnease = errors.New("invalid unease level")

// ParseUnease parses a level name ("calm", "unsure", "uneasy", "alarmed",
// any letter case) or its number ("0"–"3").
func ParseUnease(s string) (Unease, error) {
	for u := Calm; u <= Alarmed; u++ {
		if strings.EqualFold(s, u.String()) || s == strconv.Itoa(int(u)) {
			return u, nil
		}
	}
	return 0, fmt.Errorf("%w %s: want calm, unsure, uneasy or alarmed", ErrUnease, prose.Quote(s))
}

// MustParseUnease is ParseUnease for literals; it panics on error.
func MustParseUnease(s string) Unease {
	u, err := ParseUnease(s)
	if err != nil {
		panic(err)
	}
	return u
}

// IsValid reports whether u is one of the four levels.
func (u Unease) IsValid() bool { return u >= Calm && u <= Alarmed }

// String returns the level's name.
func (u Unease) String() string {
	switch u {
	case Calm:
		return "calm"
	case Unsure:
		return "unsure"
	case Uneasy:
		return "uneasy"
	case Alarmed:
		return "alarmed"
	}
	return fmt.Sprintf("Unease(%d)", int(u))
}

// MarshalText returns the level's name.
func (u Unease) MarshalText() ([]byte, error) {
	if !u.IsValid() {
		return nil, fmt.Errorf("%w: %d", ErrUnease, int(u))
	}
	return []byte(u.String()), nil
}

// UnmarshalText parses a level's name or number.
func (u *Unease) UnmarshalText(b []byte) error {
	v, err := ParseUnease(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

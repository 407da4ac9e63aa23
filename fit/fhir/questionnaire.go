package fhir

import (
	"github.com/practicekit/boundaries/internal/strictjson"
)

// An ItemType is the type of a Questionnaire item, a FHIR R4 code.
type ItemType string

// The item types of FHIR R4 that fit maps, and "coding", R5's name for
// choice, which is read as choice. The others (url, attachment,
// reference, quantity) are refused.
const (
	ItemGroup      ItemType = "group"
	ItemDisplay    ItemType = "display"
	ItemBoolean    ItemType = "boolean"
	ItemDecimal    ItemType = "decimal"
	ItemInteger    ItemType = "integer"
	ItemDate       ItemType = "date"
	ItemDateTime   ItemType = "dateTime"
	ItemTime       ItemType = "time"
	ItemString     ItemType = "string"
	ItemText       ItemType = "text"
	ItemChoice     ItemType = "choice"
	ItemOpenChoice ItemType = "open-choice"
	ItemCoding     ItemType = "coding"
)

// An Operator compares an answer in an enableWhen, a FHIR R4 code.
type Operator string

// The enableWhen operators of FHIR R4.
const (
	OpExists       Operator = "exists"
	OpEquals       Operator = "="
	OpNotEquals    Operator = "!="
	OpGreater      Operator = ">"
	OpLess         Operator = "<"
	OpGreaterEqual Operator = ">="
	OpLessEqual    Operator = "<="
)

// The enableBehavior codes of FHIR R4.
const (
	BehaviorAll = "all"
	BehaviorAny = "any"
)

// The status codes of a Questionnaire; fit imports only active ones.
const (
	StatusDraft   = "draft"
	StatusActive  = "active"
	StatusRetired = "retired"
	StatusUnknown = "unknown"
)

// A Questionnaire is a FHIR R4 Questionnaire resource, as far as fit maps
// it: its identity, its text, its items and the extensions fit reads.
// Decoding is strict: a member that is not FHIR R4 is an error, and so is
// an R4 member fit cannot map (such as prefix or answerValueSet), named
// with the item's linkId, rather than a member silently dropped.
//
// Build one from a screening with NewQuestionnaire, and turn one into a
// screening with Screening. The zero Questionnaire has no status and no
// items; Screening refuses it.
type Questionnaire struct {
	// ID is the resource's logical id, the screening's ID.
	ID string `json:"id,omitempty"`
	// Extension holds the extensions of the questionnaire: fit's rules,
	// bands, scales and review threshold (see ExtRule and the others).
	Extension []Extension `json:"extension,omitempty"`
	// URL is the canonical URL that responses name.
	URL string `json:"url,omitempty"`
	// Version is the business version.
	Version string `json:"version,omitempty"`
	// Title is a human name.
	Title string `json:"title,omitempty"`
	// Status is draft, active, retired or unknown; fit imports only
	// active questionnaires.
	Status string `json:"status"`
	// Description says what the questionnaire is for (markdown).
	Description string `json:"description,omitempty"`
	// Copyright states the terms of use (markdown).
	Copyright string `json:"copyright,omitempty"`
	// Item are the questions, groups and display texts, in order.
	Item []Item `json:"item,omitempty"`
}

// An Item is one item of a questionnaire: a question, a group of items,
// or a text to display.
type Item struct {
	// Extension holds the item's extensions: option weights live on its
	// answer options; here are minValue, maxValue, questionnaire-unit,
	// questionnaire-itemControl and fit's own (crisis, respondent, why,
	// section).
	Extension []Extension `json:"extension,omitempty"`
	// LinkID identifies the item within the questionnaire and its
	// responses; it is the fit question's ID.
	LinkID string `json:"linkId"`
	// Text is the question, heading or text shown.
	Text string `json:"text,omitempty"`
	// Type is the item's type.
	Type ItemType `json:"type"`
	// EnableWhen shows the item only when its comparisons hold, all or any
	// of them as EnableBehavior says.
	EnableWhen []EnableWhen `json:"enableWhen,omitempty"`
	// EnableBehavior is "all" or "any"; required with more than one
	// EnableWhen.
	EnableBehavior string `json:"enableBehavior,omitempty"`
	// Required says the item must be answered when shown.
	Required bool `json:"required,omitzero"`
	// Repeats says the item takes more than one answer: for a choice, the
	// answer is several options.
	Repeats bool `json:"repeats,omitzero"`
	// AnswerOption are the options of a choice item.
	AnswerOption []AnswerOption `json:"answerOption,omitempty"`
	// Initial are the answers offered before the client answers (not for
	// choice items, whose options say initialSelected).
	Initial []Initial `json:"initial,omitempty"`
	// Item are the items of a group, and the help text of a question (a
	// display item whose itemControl is help).
	Item []Item `json:"item,omitempty"`
}

// An EnableWhen is one comparison that shows an item: the answer to the
// item Question, compared by Operator with the one answer value given.
type EnableWhen struct {
	Question       string   `json:"question"`
	Operator       Operator `json:"operator"`
	AnswerBoolean  *bool    `json:"answerBoolean,omitzero"`
	AnswerDecimal  *float64 `json:"answerDecimal,omitzero"`
	AnswerInteger  *int32   `json:"answerInteger,omitzero"`
	AnswerDate     *string  `json:"answerDate,omitzero"`
	AnswerDateTime *string  `json:"answerDateTime,omitzero"`
	AnswerTime     *string  `json:"answerTime,omitzero"`
	AnswerString   *string  `json:"answerString,omitzero"`
	AnswerCoding   *Coding  `json:"answerCoding,omitzero"`
}

// An AnswerOption is one option of a choice item: a coded answer, with
// its weight for scoring in an ordinalValue or itemWeight extension.
type AnswerOption struct {
	Extension       []Extension `json:"extension,omitempty"`
	ValueCoding     *Coding     `json:"valueCoding,omitzero"`
	InitialSelected bool        `json:"initialSelected,omitzero"`
}

// An Initial is one answer offered before the client answers.
type Initial struct {
	ValueBoolean  *bool    `json:"valueBoolean,omitzero"`
	ValueDecimal  *float64 `json:"valueDecimal,omitzero"`
	ValueInteger  *int32   `json:"valueInteger,omitzero"`
	ValueDate     *string  `json:"valueDate,omitzero"`
	ValueDateTime *string  `json:"valueDateTime,omitzero"`
	ValueTime     *string  `json:"valueTime,omitzero"`
	ValueString   *string  `json:"valueString,omitzero"`
}

// A Coding is a code from a code system, with its display text.
type Coding struct {
	Extension []Extension `json:"extension,omitempty"`
	System    string      `json:"system,omitempty"`
	Code      string      `json:"code,omitempty"`
	Display   string      `json:"display,omitempty"`
}

// A CodeableConcept is a concept as one or more codings and a text.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// An Extension is a value a questionnaire carries beyond the base
// resource, named by its URL. fit reads the extensions named by the Ext
// constants and refuses any other.
type Extension struct {
	URL                  string           `json:"url"`
	ValueBoolean         *bool            `json:"valueBoolean,omitzero"`
	ValueDecimal         *float64         `json:"valueDecimal,omitzero"`
	ValueInteger         *int32           `json:"valueInteger,omitzero"`
	ValueString          *string          `json:"valueString,omitzero"`
	ValueCode            *string          `json:"valueCode,omitzero"`
	ValueCoding          *Coding          `json:"valueCoding,omitzero"`
	ValueCodeableConcept *CodeableConcept `json:"valueCodeableConcept,omitzero"`
}

// questionnaireJSON is a Questionnaire with its resourceType.
type questionnaireJSON struct {
	ResourceType string `json:"resourceType"`
	plainQuestionnaire
}

type plainQuestionnaire Questionnaire

// MarshalJSON encodes the questionnaire as a FHIR R4 resource, with
// "resourceType": "Questionnaire".
func (q Questionnaire) MarshalJSON() ([]byte, error) {
	return strictjson.Marshal(questionnaireJSON{ResourceType: "Questionnaire", plainQuestionnaire: plainQuestionnaire(q)})
}

// UnmarshalJSON decodes a FHIR R4 Questionnaire strictly and within the
// limits every model of the library has (4 MiB, nesting 64, 100,000
// elements): it must say "resourceType": "Questionnaire", and a member
// that is not FHIR R4, or an R4 member fit cannot map, is an error as a
// problem.List with its path ("item[2].item[0].prefix") and the item's
// linkId. It does not check what the items mean; Screening does.
func (q *Questionnaire) UnmarshalJSON(b []byte) error {
	var j questionnaireJSON
	if decodeQuestionnaire(b, &j) != nil {
		// What the fast decoder (decode.go) does not expect, strictjson
		// reads, and decides whether it is an error and which.
		j = questionnaireJSON{}
		if err := strictjson.Unmarshal(b, &j, strictjson.Limits{}); err != nil {
			return explain(b, err, kindQuestionnaire)
		}
	}
	if j.ResourceType != "Questionnaire" {
		return resourceTypeProblem(j.ResourceType, "Questionnaire")
	}
	*q = Questionnaire(j.plainQuestionnaire)
	return nil
}

package fhir

// The extensions fit reads and writes. Those of HL7 carry what FHIR
// defines for scoring, ranges, units and rendering; fit's own carry what
// a screening holds beyond a questionnaire, under the base ExtBase.
const (
	// ExtOrdinalValue is the weight of an answer option for scoring
	// (valueDecimal), on the answerOption or its valueCoding; fit writes
	// it on the answerOption.
	ExtOrdinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
	// ExtItemWeight is the newer name of ExtOrdinalValue, read the same
	// way.
	ExtItemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
	// ExtMinValue and ExtMaxValue bound a decimal or integer item
	// (valueDecimal or valueInteger); fit needs both or neither.
	ExtMinValue = "http://hl7.org/fhir/StructureDefinition/minValue"
	ExtMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
	// ExtUnit is the unit of a decimal or integer item (valueCoding with
	// a code).
	ExtUnit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
	// ExtItemControl says how to render an item (valueCodeableConcept in
	// the system ItemControlSystem): "help" on a display item under a
	// question makes it the question's help text; "slider" on an integer
	// item with a range makes it a fit scale.
	ExtItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
	// ItemControlSystem is the code system of ExtItemControl's codes.
	ItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"

	// ExtBase is the base of fit's own extensions.
	ExtBase = "https://github.com/practicekit/boundaries/fhir/StructureDefinition/"
	// ExtCrisis marks a crisis question (valueBoolean true).
	ExtCrisis = ExtBase + "crisis"
	// ExtRespondent says who answers a question (valueCode "client" or
	// "provider").
	ExtRespondent = ExtBase + "respondent"
	// ExtWhy records why an item exists (valueString).
	ExtWhy = ExtBase + "why"
	// ExtSection groups an item with rules (valueCode).
	ExtSection = ExtBase + "section"
	// ExtRule is one rule of the screening, as fit writes it in JSON
	// (valueString), on the questionnaire.
	ExtRule = ExtBase + "rule"
	// ExtBand is one score band, as fit writes it in JSON (valueString).
	ExtBand = ExtBase + "band"
	// ExtScale is one named scale, as fit writes it in JSON (valueString).
	ExtScale = ExtBase + "scale"
	// ExtReviewAt is how many concerns need review (valueInteger).
	ExtReviewAt = ExtBase + "review-at"
)

// helpSuffix is appended to a question's linkId for the linkId of its
// help item.
const helpSuffix = "-help"

// boolExt returns an extension with a boolean value.
func boolExt(url string, b bool) Extension { return Extension{URL: url, ValueBoolean: &b} }

// stringExt returns an extension with a string value.
func stringExt(url, s string) Extension { return Extension{URL: url, ValueString: &s} }

// codeExt returns an extension with a code value.
func codeExt(url, s string) Extension { return Extension{URL: url, ValueCode: &s} }

// decimalExt returns an extension with a decimal value.
func decimalExt(url string, f float64) Extension { return Extension{URL: url, ValueDecimal: &f} }

// integerExt returns an extension with an integer value.
func integerExt(url string, n int32) Extension { return Extension{URL: url, ValueInteger: &n} }

// controlExt returns an itemControl extension with the given code.
func controlExt(code string) Extension {
	return Extension{URL: ExtItemControl, ValueCodeableConcept: &CodeableConcept{Coding: []Coding{{System: ItemControlSystem, Code: code}}}}
}

// values counts the values an extension holds.
func (e *Extension) values() int {
	n := 0
	for _, set := range []bool{e.ValueBoolean != nil, e.ValueDecimal != nil, e.ValueInteger != nil, e.ValueString != nil,
		e.ValueCode != nil, e.ValueCoding != nil, e.ValueCodeableConcept != nil} {
		if set {
			n++
		}
	}
	return n
}

// control returns the itemControl code of an extension, or "".
func (e *Extension) control() string {
	if e.URL != ExtItemControl || e.ValueCodeableConcept == nil || len(e.ValueCodeableConcept.Coding) != 1 {
		return ""
	}
	c := e.ValueCodeableConcept.Coding[0]
	if c.System != ItemControlSystem {
		return ""
	}
	return c.Code
}

package fhir

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// ErrUnsupported is matched (errors.Is) by every problem about a FHIR R4
// feature that fit cannot map: a questionnaire or response that uses one
// is refused, rather than the feature dropped.
var ErrUnsupported = errors.New("a FHIR feature fit does not map")

// unsupported adds a problem about a feature fit cannot map to l, naming
// the item's linkId when there is one.
func unsupported(l *problem.List, path, linkID, format string, args ...any) {
	l.Add(path, problem.Unexpected, format, args...)
	p := &(*l)[len(*l)-1]
	p.Message = about(linkID) + p.Message
	p.Err = ErrUnsupported
}

// about prefixes a message with the item it is about.
func about(linkID string) string {
	if linkID == "" {
		return ""
	}
	return "item " + prose.Quote(linkID) + ": "
}

// resourceTypeProblem reports a resource of the wrong type.
func resourceTypeProblem(got, want string) error {
	if got == "" {
		return problem.List{{Path: "resourceType", Code: problem.Required, Message: "the resource has no resourceType; want " + strconv.Quote(want)}}
	}
	return problem.List{{Path: "resourceType", Code: problem.Mismatch, Message: "a " + prose.Quote(got) + " resource, not a " + want}}
}

// A kind says which resource a decoding error is about.
type kind uint8

const (
	kindQuestionnaire kind = iota
	kindResponse
)

// r4 lists the members FHIR R4 defines in each part of the two
// resources that fit does not map, so that an error can say "an R4
// element fit does not map" rather than "unknown".
var r4 = map[string][]string{
	"Questionnaire": {"meta", "implicitRules", "language", "text", "contained", "modifierExtension", "identifier",
		"name", "derivedFrom", "experimental", "subjectType", "date", "publisher", "contact", "useContext",
		"jurisdiction", "purpose", "approvalDate", "lastReviewDate", "effectivePeriod", "code"},
	"item":         {"id", "modifierExtension", "definition", "code", "prefix", "readOnly", "maxLength", "answerValueSet"},
	"enableWhen":   {"id", "extension", "modifierExtension", "answerQuantity", "answerReference"},
	"answerOption": {"id", "modifierExtension", "valueInteger", "valueDate", "valueTime", "valueString", "valueReference"},
	"initial":      {"id", "extension", "modifierExtension", "valueUri", "valueAttachment", "valueCoding", "valueQuantity", "valueReference"},
	"Coding":       {"id", "version", "userSelected"},
	"extension": {"id", "extension", "valueBase64Binary", "valueCanonical", "valueDate", "valueDateTime", "valueId",
		"valueInstant", "valueMarkdown", "valueOid", "valuePositiveInt", "valueTime", "valueUnsignedInt", "valueUri",
		"valueUrl", "valueUuid", "valueAddress", "valueAge", "valueAnnotation", "valueAttachment", "valueContactPoint",
		"valueCount", "valueDistance", "valueDuration", "valueHumanName", "valueIdentifier", "valueMoney", "valuePeriod",
		"valueQuantity", "valueRange", "valueRatio", "valueReference", "valueSampledData", "valueSignature", "valueTiming",
		"valueContactDetail", "valueContributor", "valueDataRequirement", "valueExpression", "valueParameterDefinition",
		"valueRelatedArtifact", "valueTriggerDefinition", "valueUsageContext", "valueDosage", "valueMeta"},
	"QuestionnaireResponse": {"meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension",
		"basedOn", "partOf"},
	"responseItem": {"id", "extension", "modifierExtension", "definition"},
	"answer":       {"id", "extension", "modifierExtension", "valueUri", "valueAttachment", "valueQuantity", "valueReference", "item"},
	"Reference":    {"id", "extension", "type", "identifier"},
	"Identifier":   {"id", "extension", "use", "type", "period", "assigner"},
}

// explain turns a decoding problem into one that says what it is about:
// for a member inside an item, the item's linkId; for a member FHIR R4
// defines but fit does not map, that it is refused rather than dropped.
func explain(data []byte, err error, k kind) error {
	var l problem.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].Code != problem.Unknown {
		return err
	}
	p := l[0]
	parent, member := splitMember(p.Path)
	if member == "" {
		return err
	}
	part := partOf(parent, k)
	name := strings.TrimPrefix(member, "_")
	linkID := linkIDAt(data, parent)
	switch {
	case member != name && (slices.Contains(r4[part], name) || knownMember(part, name)):
		p.Code, p.Err = problem.Unexpected, ErrUnsupported
		p.Message = about(linkID) + "extensions on the value of " + prose.Quote(name) + " are FHIR R4 that fit does not map; the resource is refused rather than the extensions dropped"
	case slices.Contains(r4[part], member):
		p.Code, p.Err = problem.Unexpected, ErrUnsupported
		p.Message = about(linkID) + prose.Quote(member) + " is a FHIR R4 element that fit does not map; the resource is refused rather than the element dropped"
	default:
		p.Message = about(linkID) + prose.Quote(member) + " is not a FHIR R4 element here"
	}
	return problem.List{p}
}

// knownMember reports whether a part's members that fit maps include
// name, for "_name", the extensions of a primitive value.
func knownMember(part, name string) bool {
	switch part {
	case "Questionnaire":
		return slices.Contains([]string{"id", "url", "version", "title", "status", "description", "copyright"}, name)
	case "item":
		return slices.Contains([]string{"linkId", "text", "type", "enableBehavior", "required", "repeats"}, name)
	case "QuestionnaireResponse":
		return slices.Contains([]string{"id", "questionnaire", "status", "authored"}, name)
	case "responseItem":
		return slices.Contains([]string{"linkId", "text"}, name)
	}
	return false
}

// splitMember splits a problem path into its parent and its last member
// name: "item[2].prefix" into "item[2]" and "prefix". A path that ends in
// an index has no member.
func splitMember(path string) (parent, member string) {
	if strings.HasSuffix(path, "]") {
		return path, ""
	}
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// partOf names the part of a resource that a path points into, the way
// the r4 table does: "item[2].enableWhen[0]" is an "enableWhen".
func partOf(path string, k kind) string {
	root := "Questionnaire"
	if k == kindResponse {
		root = "QuestionnaireResponse"
	}
	if path == "" {
		return root
	}
	last := path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		last = path[i+1:]
	}
	if i := strings.IndexByte(last, '['); i >= 0 {
		last = last[:i]
	}
	switch last {
	case "item":
		if k == kindResponse {
			return "responseItem"
		}
		return "item"
	case "valueCoding", "answerCoding", "coding":
		return "Coding"
	case "subject", "author", "encounter", "source":
		return "Reference"
	case "identifier":
		return "Identifier"
	}
	return last
}

// linkIDAt returns the linkId of the item a path ends in or lies within,
// reading the input again leniently; "" when the path is not in an item.
func linkIDAt(data []byte, path string) string {
	type node struct {
		LinkID string `json:"linkId"`
		Item   []node `json:"item"`
		Answer []node `json:"answer"`
	}
	var root node
	_ = json.Unmarshal(data, &root)
	cur, linkID := &root, ""
	for seg := range strings.SplitSeq(path, ".") {
		name, idx := seg, -1
		if i := strings.IndexByte(seg, '['); i >= 0 && strings.HasSuffix(seg, "]") {
			n, err := strconv.Atoi(seg[i+1 : len(seg)-1])
			if err != nil {
				return linkID
			}
			name, idx = seg[:i], n
		}
		var list []node
		switch name {
		case "item":
			list = cur.Item
		case "answer":
			list = cur.Answer
		default:
			return linkID
		}
		if idx < 0 || idx >= len(list) {
			return linkID
		}
		cur = &list[idx]
		if name == "item" {
			linkID = cur.LinkID
		}
	}
	return linkID
}

package fhir

import (
	"bytes"
	"errors"
	"strconv"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/internal/strictjson"
)

// Questionnaire.UnmarshalJSON first tries a decoder written for the
// questionnaire's members, about twice as fast as strictjson: it does
// without reflection, looks names up by switch rather than by map,
// allocates each list once, at its length, and the many small pointer
// members in blocks. It reads only what it expects: the members of the Go
// types, by their exact names, each with a value of its type. At anything
// else (a null, an unknown or escaped name, a number it does not read as
// json/v2 does, malformed JSON, a limit) it gives up, and strictjson
// decodes the input again, deciding whether it is an error and which. So
// every input reads into the same Questionnaire, or fails with the same
// problem, either way: FuzzFastDecoder checks that it does.

// errGiveUp is what the fast decoder returns when it leaves the input to
// strictjson.
var errGiveUp = errors.New("fhir: left to the general decoder")

// questionnaireFast holds the options under which json.Unmarshal hands the
// fast decoder the input: it is then read in place, and json.Unmarshal
// checks that nothing follows the questionnaire.
var questionnaireFast = json.WithUnmarshalers(json.UnmarshalFromFunc(func(dec *jsontext.Decoder, j *questionnaireJSON) error {
	d := qdecoder{dec: dec, itemStack: make([]Item, 0, 16), extensionStack: make([]Extension, 0, 16)}
	return d.questionnaire(j)
}))

// decodeQuestionnaire reads data into j with the fast decoder, or returns
// errGiveUp, leaving j partly filled.
func decodeQuestionnaire(data []byte, j *questionnaireJSON) error {
	if len(data) > strictjson.DefaultMaxBytes {
		return errGiveUp
	}
	if err := json.Unmarshal(data, j, questionnaireFast); err != nil {
		return errGiveUp
	}
	return nil
}

// A qdecoder reads a questionnaire from dec. Lists are read onto the end
// of a stack of their type, then copied out at their length, and the
// stack truncated: lists within lists of the same type (items within
// items) stack up above the list that holds them.
type qdecoder struct {
	dec      *jsontext.Decoder
	elements int // array elements and object members read, as strictjson counts them

	strings [256]string // recent strings by a hash, so that repeated ones (codes, URLs, systems) are allocated once
	buf     []byte      // an escaped string, unquoted

	// Variables for the members that are pointers, handed out from
	// blocks.
	bools      slab[bool]
	decimals   slab[float64]
	integers   slab[int32]
	texts      slab[string]
	codingVars slab[Coding]
	concepts   slab[CodeableConcept]

	itemStack      []Item
	extensionStack []Extension
	whenStack      []EnableWhen
	optionStack    []AnswerOption
	initialStack   []Initial
	codingStack    []Coding
}

// open reads the start of an array or object, of kind '[' or '{', within
// the depth strictjson allows.
func (d *qdecoder) open(kind jsontext.Kind) error {
	tok, err := d.dec.ReadToken()
	if err != nil || tok.Kind() != kind || d.dec.StackDepth() > strictjson.DefaultMaxDepth {
		return errGiveUp
	}
	return nil
}

// next reports whether the array or object being read, which ends with
// end, has another element or member, and counts it.
func (d *qdecoder) next(end jsontext.Kind) bool {
	if d.dec.PeekKind() == end {
		return false
	}
	d.elements++
	return true
}

// close reads the end of an array or object.
func (d *qdecoder) close() error {
	if _, err := d.dec.ReadToken(); err != nil || d.elements > strictjson.DefaultMaxElements {
		return errGiveUp
	}
	return nil
}

// name reads an object member's name as it is written, quotes included,
// so that an escaped name matches none. It is valid until the next read.
func (d *qdecoder) name() (jsontext.Value, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return nil, errGiveUp
	}
	return v, nil
}

// str reads a string.
func (d *qdecoder) str() (string, error) {
	v, err := d.dec.ReadValue()
	if err != nil || v.Kind() != '"' {
		return "", errGiveUp
	}
	raw := v[1 : len(v)-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return d.intern(raw), nil
	}
	d.buf, err = jsontext.AppendUnquote(d.buf[:0], v)
	if err != nil {
		return "", errGiveUp
	}
	return string(d.buf), nil
}

// intern returns b as a string, the same string as the last time b was
// read when no other string of its hash was read since, as json/v2 does.
func (d *qdecoder) intern(b []byte) string {
	if len(b) < 2 || len(b) > 256 {
		return string(b)
	}
	h := uint32(len(b))
	for _, c := range [...]byte{b[0], b[1], b[len(b)/2], b[len(b)-2], b[len(b)-1]} {
		h = h*31 + uint32(c)
	}
	slot := &d.strings[h%uint32(len(d.strings))]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

// strPtr reads a string into a new variable.
func (d *qdecoder) strPtr() (*string, error) {
	s, err := d.str()
	if err != nil {
		return nil, err
	}
	return d.texts.new(s), nil
}

// boolean reads true or false.
func (d *qdecoder) boolean() (bool, error) {
	tok, err := d.dec.ReadToken()
	switch {
	case err != nil:
		return false, errGiveUp
	case tok.Kind() == 't':
		return true, nil
	case tok.Kind() == 'f':
		return false, nil
	}
	return false, errGiveUp
}

// boolPtr reads true or false into a new variable.
func (d *qdecoder) boolPtr() (*bool, error) {
	b, err := d.boolean()
	if err != nil {
		return nil, err
	}
	return d.bools.new(b), nil
}

// decimalPtr reads a number into a new float64, as json/v2 does: the
// nearest float64, and a number beyond float64's range left to it.
func (d *qdecoder) decimalPtr() (*float64, error) {
	v, err := d.dec.ReadValue()
	if err != nil || v.Kind() != '0' {
		return nil, errGiveUp
	}
	f, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return nil, errGiveUp
	}
	return d.decimals.new(f), nil
}

// integerPtr reads a whole number into a new int32; a fraction, an
// exponent or a number out of range are left to json/v2.
func (d *qdecoder) integerPtr() (*int32, error) {
	v, err := d.dec.ReadValue()
	if err != nil || v.Kind() != '0' {
		return nil, errGiveUp
	}
	n, err := strconv.ParseInt(string(v), 10, 32)
	if err != nil {
		return nil, errGiveUp
	}
	return d.integers.new(int32(n)), nil
}

// cut returns a copy of the list on stack from start, empty but not nil
// for no elements, as json/v2 returns for an empty array, and truncates
// the stack to start.
func cut[T any](stack *[]T, start int) []T {
	out := make([]T, len(*stack)-start)
	copy(out, (*stack)[start:])
	clear((*stack)[start:])
	*stack = (*stack)[:start]
	return out
}

// A slab hands out variables from blocks of them, so that a questionnaire's
// many small pointer members take few allocations. A block lives while
// any of its variables does.
type slab[T any] []T

// new returns a new variable holding v.
func (s *slab[T]) new(v T) *T {
	if len(*s) == cap(*s) {
		*s = make([]T, 0, 16)
	}
	*s = append(*s, v)
	return &(*s)[len(*s)-1]
}

// The lists: each element is read into a variable of the caller's, then
// pushed, since reading it may push elements of the same type.

// items reads a list of items.
func (d *qdecoder) items() ([]Item, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.itemStack)
	for d.next(']') {
		var v Item
		if err := d.item(&v); err != nil {
			return nil, err
		}
		d.itemStack = append(d.itemStack, v)
	}
	return cut(&d.itemStack, start), d.close()
}

// extensions reads a list of extensions.
func (d *qdecoder) extensions() ([]Extension, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.extensionStack)
	for d.next(']') {
		var v Extension
		if err := d.extension(&v); err != nil {
			return nil, err
		}
		d.extensionStack = append(d.extensionStack, v)
	}
	return cut(&d.extensionStack, start), d.close()
}

// enableWhens reads a list of enableWhen.
func (d *qdecoder) enableWhens() ([]EnableWhen, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.whenStack)
	for d.next(']') {
		var v EnableWhen
		if err := d.enableWhen(&v); err != nil {
			return nil, err
		}
		d.whenStack = append(d.whenStack, v)
	}
	return cut(&d.whenStack, start), d.close()
}

// answerOptions reads a list of answer options.
func (d *qdecoder) answerOptions() ([]AnswerOption, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.optionStack)
	for d.next(']') {
		var v AnswerOption
		if err := d.answerOption(&v); err != nil {
			return nil, err
		}
		d.optionStack = append(d.optionStack, v)
	}
	return cut(&d.optionStack, start), d.close()
}

// initials reads a list of initial answers.
func (d *qdecoder) initials() ([]Initial, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.initialStack)
	for d.next(']') {
		var v Initial
		if err := d.initial(&v); err != nil {
			return nil, err
		}
		d.initialStack = append(d.initialStack, v)
	}
	return cut(&d.initialStack, start), d.close()
}

// codings reads a list of Codings.
func (d *qdecoder) codings() ([]Coding, error) {
	if err := d.open('['); err != nil {
		return nil, err
	}
	start := len(d.codingStack)
	for d.next(']') {
		var v Coding
		if err := d.coding(&v); err != nil {
			return nil, err
		}
		d.codingStack = append(d.codingStack, v)
	}
	return cut(&d.codingStack, start), d.close()
}

// questionnaire reads a questionnaire with its resourceType.
func (d *qdecoder) questionnaire(j *questionnaireJSON) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"resourceType"`:
			j.ResourceType, err = d.str()
		case `"id"`:
			j.ID, err = d.str()
		case `"extension"`:
			j.Extension, err = d.extensions()
		case `"url"`:
			j.URL, err = d.str()
		case `"version"`:
			j.Version, err = d.str()
		case `"title"`:
			j.Title, err = d.str()
		case `"status"`:
			j.Status, err = d.str()
		case `"description"`:
			j.Description, err = d.str()
		case `"copyright"`:
			j.Copyright, err = d.str()
		case `"item"`:
			j.Item, err = d.items()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// item reads an item.
func (d *qdecoder) item(it *Item) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"extension"`:
			it.Extension, err = d.extensions()
		case `"linkId"`:
			it.LinkID, err = d.str()
		case `"text"`:
			it.Text, err = d.str()
		case `"type"`:
			var s string
			s, err = d.str()
			it.Type = ItemType(s)
		case `"enableWhen"`:
			it.EnableWhen, err = d.enableWhens()
		case `"enableBehavior"`:
			it.EnableBehavior, err = d.str()
		case `"required"`:
			it.Required, err = d.boolean()
		case `"repeats"`:
			it.Repeats, err = d.boolean()
		case `"answerOption"`:
			it.AnswerOption, err = d.answerOptions()
		case `"initial"`:
			it.Initial, err = d.initials()
		case `"item"`:
			it.Item, err = d.items()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// enableWhen reads an enableWhen.
func (d *qdecoder) enableWhen(ew *EnableWhen) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"question"`:
			ew.Question, err = d.str()
		case `"operator"`:
			var s string
			s, err = d.str()
			ew.Operator = Operator(s)
		case `"answerBoolean"`:
			ew.AnswerBoolean, err = d.boolPtr()
		case `"answerDecimal"`:
			ew.AnswerDecimal, err = d.decimalPtr()
		case `"answerInteger"`:
			ew.AnswerInteger, err = d.integerPtr()
		case `"answerDate"`:
			ew.AnswerDate, err = d.strPtr()
		case `"answerDateTime"`:
			ew.AnswerDateTime, err = d.strPtr()
		case `"answerTime"`:
			ew.AnswerTime, err = d.strPtr()
		case `"answerString"`:
			ew.AnswerString, err = d.strPtr()
		case `"answerCoding"`:
			ew.AnswerCoding, err = d.codingPtr()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// answerOption reads an answer option.
func (d *qdecoder) answerOption(ao *AnswerOption) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"extension"`:
			ao.Extension, err = d.extensions()
		case `"valueCoding"`:
			ao.ValueCoding, err = d.codingPtr()
		case `"initialSelected"`:
			ao.InitialSelected, err = d.boolean()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// initial reads an initial answer.
func (d *qdecoder) initial(in *Initial) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"valueBoolean"`:
			in.ValueBoolean, err = d.boolPtr()
		case `"valueDecimal"`:
			in.ValueDecimal, err = d.decimalPtr()
		case `"valueInteger"`:
			in.ValueInteger, err = d.integerPtr()
		case `"valueDate"`:
			in.ValueDate, err = d.strPtr()
		case `"valueDateTime"`:
			in.ValueDateTime, err = d.strPtr()
		case `"valueTime"`:
			in.ValueTime, err = d.strPtr()
		case `"valueString"`:
			in.ValueString, err = d.strPtr()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// coding reads a Coding.
func (d *qdecoder) coding(c *Coding) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"extension"`:
			c.Extension, err = d.extensions()
		case `"system"`:
			c.System, err = d.str()
		case `"code"`:
			c.Code, err = d.str()
		case `"display"`:
			c.Display, err = d.str()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// codingPtr reads a Coding into a new variable.
func (d *qdecoder) codingPtr() (*Coding, error) {
	var c Coding
	if err := d.coding(&c); err != nil {
		return nil, err
	}
	return d.codingVars.new(c), nil
}

// extension reads an extension.
func (d *qdecoder) extension(e *Extension) error {
	if err := d.open('{'); err != nil {
		return err
	}
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return err
		}
		switch string(name) {
		case `"url"`:
			e.URL, err = d.str()
		case `"valueBoolean"`:
			e.ValueBoolean, err = d.boolPtr()
		case `"valueDecimal"`:
			e.ValueDecimal, err = d.decimalPtr()
		case `"valueInteger"`:
			e.ValueInteger, err = d.integerPtr()
		case `"valueString"`:
			e.ValueString, err = d.strPtr()
		case `"valueCode"`:
			e.ValueCode, err = d.strPtr()
		case `"valueCoding"`:
			e.ValueCoding, err = d.codingPtr()
		case `"valueCodeableConcept"`:
			e.ValueCodeableConcept, err = d.codeableConcept()
		default:
			return errGiveUp
		}
		if err != nil {
			return err
		}
	}
	return d.close()
}

// codeableConcept reads a CodeableConcept into a new variable.
func (d *qdecoder) codeableConcept() (*CodeableConcept, error) {
	if err := d.open('{'); err != nil {
		return nil, err
	}
	var cc CodeableConcept
	for d.next('}') {
		name, err := d.name()
		if err != nil {
			return nil, err
		}
		switch string(name) {
		case `"coding"`:
			cc.Coding, err = d.codings()
		case `"text"`:
			cc.Text, err = d.str()
		default:
			return nil, errGiveUp
		}
		if err != nil {
			return nil, err
		}
	}
	return d.concepts.new(cc), d.close()
}

package strictjson

import (
	"bytes"
	"encoding"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

var (
	stringType        = reflect.TypeFor[string]()
	textUnmarshaler   = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType          = reflect.TypeFor[time.Time]()
	durationType      = reflect.TypeFor[time.Duration]()
	locationType      = reflect.TypeFor[time.Location]()
	locationPtrType   = reflect.TypeFor[*time.Location]()
	unmarshalerFrom   = reflect.TypeFor[json.UnmarshalerFrom]()
	jsonUnmarshalerV1 = reflect.TypeFor[interface{ UnmarshalJSON([]byte) error }]()
)

// checkLimits reports input beyond lim: too many bytes, too deep a nesting,
// or too many elements (array elements and object members). It reads the
// input once, skipping strings, and trusts the decoder with its syntax.
func checkLimits(data []byte, lim Limits) error {
	if len(data) > lim.MaxBytes {
		return one("", problem.TooLarge, "the input is "+strconv.Itoa(len(data))+" bytes; at most "+strconv.Itoa(lim.MaxBytes)+" are accepted", nil)
	}
	elements, depth := 0, 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = StringEnd(data, i)
		case ',':
			if elements++; elements > lim.MaxElements {
				return tooMany(lim)
			}
		case '[', '{':
			if depth++; depth > lim.MaxDepth {
				return one("", problem.TooDeep, "the input nests deeper than "+strconv.Itoa(lim.MaxDepth)+" levels", nil)
			}
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r') {
				j++
			}
			if j < len(data) && data[j] != ']' && data[j] != '}' {
				// A container with something in it: its first element.
				if elements++; elements > lim.MaxElements {
					return tooMany(lim)
				}
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}

// StringEnd returns the index of the quote that ends the JSON string whose
// opening quote is at data[start]: the next quote after an even number of
// backslashes, or len(data) when there is none. Scans of JSON that skip
// strings use it.
func StringEnd(data []byte, start int) int {
	for i := start + 1; ; i++ {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return len(data)
		}
		i += j
		k := i
		for data[k-1] == '\\' {
			k--
		}
		if (i-k)%2 == 0 {
			return i
		}
	}
}

// tooMany is the problem of input with more elements than lim allows.
func tooMany(lim Limits) error {
	return one("", problem.TooMany, "the input has more than "+strconv.Itoa(lim.MaxElements)+" elements and members", nil)
}

// one returns a problem.List of one problem.
func one(path string, code problem.Code, msg string, cause error) problem.List {
	return problem.List{{Path: path, Code: code, Message: msg, Err: cause}}
}

// convert turns an error of json.Unmarshal on data into a problem.List.
func convert(data []byte, err error) error {
	var serr *json.SemanticError
	var syn *jsontext.SyntacticError
	switch {
	case errors.As(err, &serr):
		path := pathOf(data, serr.JSONPointer)
		var inner problem.List
		var synInner *jsontext.SyntacticError
		switch {
		case errors.As(serr.Err, &inner):
			return inner.Under(path)
		case errors.As(serr.Err, &synInner):
			return syntax(data, synInner)
		case errors.Is(serr.Err, json.ErrUnknownName):
			return one(path, problem.Unknown, "unknown member "+prose.Quote(serr.JSONPointer.LastToken()), serr.Err)
		case errors.Is(serr.Err, strconv.ErrRange):
			return one(path, problem.OutOfRange, "the number is out of range for "+want(serr.GoType), nil)
		case serr.Err == nil || errors.Is(serr.Err, errKind) || errors.Is(serr.Err, strconv.ErrSyntax) || wrongKind(serr):
			return one(path, problem.Mismatch, "want "+want(serr.GoType)+", got "+got(serr.JSONKind, serr.JSONValue), nil)
		default:
			return one(path, problem.Invalid, message(serr.Err), serr.Err)
		}
	case errors.As(err, &syn):
		return syntax(data, syn)
	}
	return err
}

// errKind is the cause readString reports for a value of the wrong kind.
var errKind = errors.New("wrong kind")

// message is the sentence for a cause: its own text, without the prefixes
// the json package adds.
func message(err error) string {
	return err.Error()
}

// syntax converts a syntax error: malformed input or a duplicate member.
func syntax(data []byte, syn *jsontext.SyntacticError) problem.List {
	path := pathOf(data, syn.JSONPointer)
	if errors.Is(syn.Err, jsontext.ErrDuplicateName) {
		return one(path, problem.Duplicate, "member "+prose.Quote(syn.JSONPointer.LastToken())+" is given twice", syn.Err)
	}
	msg := "malformed JSON"
	if syn.Err != nil {
		msg += ": " + syn.Err.Error()
	}
	msg += " at byte " + strconv.FormatInt(syn.ByteOffset, 10)
	return one(path, problem.Syntax, msg, syn.Err)
}

// wrongKind reports whether the error is about a JSON value of a kind the
// Go type is never read from, such as a number for a text type.
func wrongKind(serr *json.SemanticError) bool {
	if serr.JSONKind == 0 || serr.JSONKind == 'n' {
		return false
	}
	switch want(serr.GoType) {
	case "a string":
		return serr.JSONKind != '"'
	case "a whole number", "a number":
		return serr.JSONKind != '0'
	case "true or false":
		return serr.JSONKind != 't' && serr.JSONKind != 'f'
	case "an array":
		return serr.JSONKind != '['
	case "an object":
		return serr.JSONKind != '{'
	}
	return false
}

// want names the JSON a Go type is read from.
func want(t reflect.Type) string {
	if t == nil {
		return "another kind of value"
	}
	switch {
	case t == timeType, t == durationType, t == locationPtrType:
		return "a string"
	case reflect.PointerTo(t).Implements(jsonUnmarshalerV1):
		return "another kind of value"
	case reflect.PointerTo(t).Implements(textUnmarshaler):
		return "a string"
	}
	switch t.Kind() {
	case reflect.Pointer:
		return want(t.Elem())
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "another kind of value"
}

// got names the JSON that was found.
func got(k jsontext.Kind, v jsontext.Value) string {
	switch k {
	case 'n':
		return "null"
	case 'f', 't':
		return string(k.String())
	case '"':
		return "a string"
	case '0':
		if len(v) > 0 && len(v) <= 32 {
			return "the number " + string(v)
		}
		return "a number"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "something else"
}

// pathOf returns the path, in the library's syntax, of the value at ptr in
// data: "hours[0].start" for "/hours/0/start". It reads data to tell an
// array index from an object member named by digits; where data cannot be
// read that far (it is malformed there), a token of digits is taken for an
// index.
func pathOf(data []byte, ptr jsontext.Pointer) string {
	if ptr == "" {
		return ""
	}
	dec := jsontext.NewDecoder(bytes.NewReader(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	path := ""
	ok := true
	for tok := range ptr.Tokens() {
		var kind jsontext.Kind
		if ok {
			kind, ok = enter(dec, tok)
		}
		switch {
		case ok && kind == '[', !ok && isIndex(tok):
			path += "[" + tok + "]"
		default:
			path = problem.Key(path, tok)
		}
	}
	return path
}

// enter moves dec into the member or element tok of the next value, and
// returns the kind of that value: '[' when tok is an array index, '{'
// when it is a member name.
func enter(dec *jsontext.Decoder, tok string) (jsontext.Kind, bool) {
	open, err := dec.ReadToken()
	if err != nil {
		return 0, false
	}
	switch open.Kind() {
	case '[':
		n, err := strconv.Atoi(tok)
		if err != nil || !isIndex(tok) {
			return 0, false
		}
		for range n {
			if dec.PeekKind() == ']' || dec.SkipValue() != nil {
				return 0, false
			}
		}
		return '[', dec.PeekKind() != ']'
	case '{':
		for dec.PeekKind() != '}' {
			name, err := dec.ReadToken()
			if err != nil {
				return 0, false
			}
			if name.String() == tok {
				return '{', true
			}
			if dec.SkipValue() != nil {
				return 0, false
			}
		}
	}
	return 0, false
}

// isIndex reports whether tok is a JSON Pointer array index.
func isIndex(tok string) bool {
	if tok == "" || (len(tok) > 1 && tok[0] == '0') {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
}

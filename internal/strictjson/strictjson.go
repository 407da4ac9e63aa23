package strictjson

import (
	"reflect"
	"sync"
	"time"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Default limits, used for the zero fields of a Limits.
const (
	DefaultMaxBytes    = 4 << 20
	DefaultMaxDepth    = 64
	DefaultMaxElements = 100_000
)

// Limits bound one call of Unmarshal. A field that is zero or negative takes
// its default, so the zero Limits means the defaults: 4 MiB, a depth of 64
// and 100,000 elements.
type Limits struct {
	// MaxBytes is the longest accepted input, in bytes.
	MaxBytes int
	// MaxDepth is the deepest accepted nesting of arrays and objects; a
	// top-level array or object has depth 1.
	MaxDepth int
	// MaxElements is the largest accepted number of array elements and
	// object members in the whole input.
	MaxElements int
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxElements <= 0 {
		l.MaxElements = DefaultMaxElements
	}
	return l
}

// marshalOptions and unmarshalOptions are the options every model is
// written and read with: durations as text, zones by name, map keys in
// order, unknown members refused.
var (
	marshalFuncs = json.JoinMarshalers(
		json.MarshalToFunc(func(enc *jsontext.Encoder, d time.Duration) error {
			var buf [40]byte
			return enc.WriteToken(jsontext.String(string(AppendDuration(buf[:0], d))))
		}),
		json.MarshalToFunc(func(enc *jsontext.Encoder, loc *time.Location) error {
			return enc.WriteToken(jsontext.String(zoneName(loc)))
		}),
	)
	marshalOptions = json.JoinOptions(json.Deterministic(true), json.WithMarshalers(marshalFuncs))
	unmarshalFuncs = json.JoinUnmarshalers(
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, d *time.Duration) error {
			s, err := readString(dec)
			if err != nil || s == nil {
				*d = 0
				return err
			}
			v, err := ParseDuration(*s)
			if err != nil {
				return err
			}
			*d = v
			return nil
		}),
		json.UnmarshalFromFunc(func(dec *jsontext.Decoder, loc **time.Location) error {
			s, err := readString(dec)
			if err != nil || s == nil {
				*loc = nil
				return err
			}
			z, err := LoadZone(*s)
			if err != nil {
				return err
			}
			*loc = z
			return nil
		}),
	)
	unmarshalOptions = json.JoinOptions(json.RejectUnknownMembers(true), json.WithUnmarshalers(unmarshalFuncs))
	// plainUnmarshalOptions are unmarshalOptions without the functions,
	// for a type that holds no duration and no zone: json/v2 looks every
	// value it reads up among the functions, which costs up to a tenth of
	// the time of a decode.
	plainUnmarshalOptions = json.RejectUnknownMembers(true)
)

// Marshal writes v as compact JSON: fields in declaration order, map keys
// sorted, durations as FormatDuration writes them and zones by IANA name.
func Marshal(v any) ([]byte, error) {
	return json.Marshal(v, marshalOptions)
}

// Unmarshal reads data into v, which must be a non-nil pointer, strictly:
// no unknown or duplicate members, no invalid UTF-8, values of the right
// kind, and nothing beyond lim. A problem is returned as a problem.List of
// one problem (see the package documentation); v may then be partly
// filled.
func Unmarshal(data []byte, v any, lim Limits) error {
	if !mayHoldTime(reflect.TypeOf(v)) {
		return unmarshal(data, v, lim, plainUnmarshalOptions)
	}
	return unmarshal(data, v, lim, unmarshalOptions)
}

// timeTypes caches mayHoldTime's answer for each type.
var timeTypes sync.Map // reflect.Type → bool

// mayHoldTime reports whether reading a t may read a duration or a zone
// by the functions of unmarshalOptions: whether t is one, or holds one,
// or may read one in its own way (an interface, or an UnmarshalJSONFrom
// method, which reads with the options in force). A type's UnmarshalJSON
// or UnmarshalText method reads without them, but its fields are walked
// all the same, to be safe.
func mayHoldTime(t reflect.Type) bool {
	if may, ok := timeTypes.Load(t); ok {
		return may.(bool)
	}
	may := holdsTime(t, map[reflect.Type]bool{})
	timeTypes.Store(t, may)
	return may
}

// holdsTime is mayHoldTime without the cache; seen holds the types
// already walked, whose answer the walk gives elsewhere.
func holdsTime(t reflect.Type, seen map[reflect.Type]bool) bool {
	switch {
	case t == nil:
		return true
	case seen[t]:
		return false
	}
	seen[t] = true
	switch {
	case t == durationType, t == locationType, t == locationPtrType,
		t.Implements(unmarshalerFrom), reflect.PointerTo(t).Implements(unmarshalerFrom):
		return true
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsTime(t.Elem(), seen)
	case reflect.Map:
		return holdsTime(t.Key(), seen) || holdsTime(t.Elem(), seen)
	case reflect.Struct:
		for field := range t.Fields() {
			if holdsTime(field.Type, seen) {
				return true
			}
		}
	}
	return false
}

// unmarshal is Unmarshal with the options opts.
func unmarshal(data []byte, v any, lim Limits, opts json.Options) error {
	lim = lim.withDefaults()
	if err := checkLimits(data, lim); err != nil {
		return err
	}
	if err := json.Unmarshal(data, v, opts); err != nil {
		return convert(data, err)
	}
	return nil
}

// readString reads a JSON string token, nil for null (the zero value), or
// reports a mismatch.
func readString(dec *jsontext.Decoder) (*string, error) {
	tok, err := dec.ReadToken()
	switch {
	case err != nil:
		return nil, err
	case tok.Kind() == 'n':
		return nil, nil
	case tok.Kind() != '"':
		return nil, &json.SemanticError{JSONKind: tok.Kind(), GoType: stringType, Err: errKind}
	}
	s := tok.String()
	return &s, nil
}

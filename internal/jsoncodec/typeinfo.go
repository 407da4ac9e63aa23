package jsoncodec

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// typeCache maps a reflect.Type to its *typeInfo. It is the package's only
// package-level state and a pure cache: every entry is derived from the type
// alone, is never modified after it is stored, and holds no decoded data.
var typeCache sync.Map

// typeInfo holds the facts about a Go type that decoding and encoding need.
type typeInfo struct {
	duration   bool // the type is time.Duration
	rawMessage bool // the type is json.RawMessage
	byteSlice  bool // a slice of bytes, encoded as a base64 string

	textUnmarshaler bool // *T implements encoding.TextUnmarshaler
	jsonUnmarshaler bool // *T implements json.Unmarshaler

	textMarshaler receiver // how T implements encoding.TextMarshaler
	jsonMarshaler receiver // how T implements json.Marshaler

	elem *lazyInfo // element type of pointers, slices, arrays and maps
	key  *lazyInfo // key type of maps

	fields     []field        // struct fields, in declaration order
	fieldIndex map[string]int // JSON member name to position in fields
	err        error          // why a struct type cannot be used, if it cannot
}

// receiver tells whether a method is declared on T itself or only on *T.
type receiver int

const (
	noMethod      receiver = iota // neither T nor *T has the method
	valueMethod                   // T has the method
	pointerMethod                 // only *T has the method
)

// usableOn reports whether the method can be called for v, which requires v
// to be addressable when the method has a pointer receiver.
func (r receiver) usableOn(v reflect.Value) bool {
	return r == valueMethod || r == pointerMethod && v.CanAddr()
}

// target returns the value on which to call the method for v.
func (r receiver) target(v reflect.Value) reflect.Value {
	if r == pointerMethod {
		return v.Addr()
	}
	return v
}

// field describes one JSON member of a struct type.
type field struct {
	name      string                   // JSON member name
	index     int                      // index of the Go struct field
	omitEmpty bool                     // the tag has the omitempty option
	isZero    func(reflect.Value) bool // how omitzero tests the field; nil without the option
	key       []byte                   // the encoded member name followed by a colon
	info      *lazyInfo
}

// lazyInfo refers from one typeInfo to the typeInfo of a type it contains.
// It is resolved on first use, which keeps the construction of typeInfo
// values for recursive types finite, and then saves the cache lookup.
type lazyInfo struct {
	typ      reflect.Type
	resolved atomic.Pointer[typeInfo]
}

func newLazyInfo(t reflect.Type) *lazyInfo {
	return &lazyInfo{typ: t}
}

// get returns the typeInfo of the referred type.
func (l *lazyInfo) get() *typeInfo {
	if info := l.resolved.Load(); info != nil {
		return info
	}
	info := infoFor(l.typ)
	l.resolved.Store(info)
	return info
}

// infoFor returns the cached facts about t, computing them on first use.
func infoFor(t reflect.Type) *typeInfo {
	if cached, ok := typeCache.Load(t); ok {
		return cached.(*typeInfo)
	}
	cached, _ := typeCache.LoadOrStore(t, newTypeInfo(t))
	return cached.(*typeInfo)
}

func newTypeInfo(t reflect.Type) *typeInfo {
	ptr := reflect.PointerTo(t)
	info := &typeInfo{
		duration:        t == reflect.TypeFor[time.Duration](),
		rawMessage:      t == reflect.TypeFor[json.RawMessage](),
		textUnmarshaler: ptr.Implements(reflect.TypeFor[encoding.TextUnmarshaler]()),
		jsonUnmarshaler: ptr.Implements(reflect.TypeFor[json.Unmarshaler]()),
		textMarshaler:   receiverOf(t, reflect.TypeFor[encoding.TextMarshaler]()),
		jsonMarshaler:   receiverOf(t, reflect.TypeFor[json.Marshaler]()),
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Array:
		info.elem = newLazyInfo(t.Elem())
	case reflect.Slice:
		info.elem = newLazyInfo(t.Elem())
		info.byteSlice = isByteSlice(t)
	case reflect.Map:
		info.elem = newLazyInfo(t.Elem())
		info.key = newLazyInfo(t.Key())
	case reflect.Struct:
		info.fields, info.fieldIndex, info.err = structFields(t)
	}
	return info
}

// isByteSlice reports whether slice type t holds plain bytes, which
// encoding/json writes as base64 strings: its elements are of a uint8 kind
// without marshaling methods.
func isByteSlice(t reflect.Type) bool {
	elem := t.Elem()
	return elem.Kind() == reflect.Uint8 &&
		receiverOf(elem, reflect.TypeFor[encoding.TextMarshaler]()) == noMethod &&
		receiverOf(elem, reflect.TypeFor[json.Marshaler]()) == noMethod
}

// receiverOf tells how t implements the interface iface.
func receiverOf(t, iface reflect.Type) receiver {
	switch {
	case t.Implements(iface):
		return valueMethod
	case reflect.PointerTo(t).Implements(iface):
		return pointerMethod
	default:
		return noMethod
	}
}

// structFields lists the JSON members of struct type t: its exported fields
// without a `json:"-"` tag.
func structFields(t reflect.Type) ([]field, map[string]int, error) {
	var fields []field
	index := make(map[string]int)
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, omitEmpty, omitZero, skip := parseTag(sf)
		if skip {
			continue
		}
		if _, dup := index[name]; dup {
			return nil, nil, fmt.Errorf("jsoncodec: struct %v has two fields named %q", t, name)
		}
		var isZero func(reflect.Value) bool
		if omitZero {
			isZero = zeroTest(sf.Type)
		}
		index[name] = len(fields)
		fields = append(fields, field{
			name:      name,
			index:     i,
			omitEmpty: omitEmpty,
			isZero:    isZero,
			key:       append(appendString(nil, name), ':'),
			info:      newLazyInfo(sf.Type),
		})
	}
	return fields, index, nil
}

// parseTag reads the json tag of a struct field. Only the omitempty and
// omitzero options have a meaning; other options are ignored.
func parseTag(sf reflect.StructField) (name string, omitEmpty, omitZero, skip bool) {
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", false, false, true
	}
	name, options, _ := strings.Cut(tag, ",")
	if name == "" {
		name = sf.Name
	}
	for option := range strings.SplitSeq(options, ",") {
		switch option {
		case "omitempty":
			omitEmpty = true
		case "omitzero":
			omitZero = true
		}
	}
	return name, omitEmpty, omitZero, false
}

// zeroer is implemented by types that say themselves whether they are zero.
type zeroer interface{ IsZero() bool }

// zeroTest returns how the omitzero option tests a value of type t, as
// encoding/json does: with the IsZero method of t, or of *t when only the
// pointer has one, and otherwise by comparing with the zero value of t. A
// nil pointer, and an interface that is nil or holds a nil pointer, is zero
// without calling IsZero.
func zeroTest(t reflect.Type) func(reflect.Value) bool {
	iface := reflect.TypeFor[zeroer]()
	switch {
	case t.Kind() == reflect.Interface && t.Implements(iface):
		return func(v reflect.Value) bool {
			return v.IsNil() || v.Elem().Kind() == reflect.Pointer && v.Elem().IsNil() || v.Interface().(zeroer).IsZero()
		}
	case t.Kind() == reflect.Pointer && t.Implements(iface):
		return func(v reflect.Value) bool { return v.IsNil() || v.Interface().(zeroer).IsZero() }
	case t.Implements(iface):
		return func(v reflect.Value) bool { return v.Interface().(zeroer).IsZero() }
	case reflect.PointerTo(t).Implements(iface):
		return func(v reflect.Value) bool {
			if !v.CanAddr() {
				c := reflect.New(t).Elem()
				c.Set(v)
				v = c
			}
			return v.Addr().Interface().(zeroer).IsZero()
		}
	}
	return reflect.Value.IsZero
}

package jsoncodec

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxEncodeDepth bounds the nesting of values Marshal follows, so that a
// cyclic data structure yields an error instead of exhausting the stack.
const maxEncodeDepth = 10_000

// initialBufferSize is the starting capacity of the output of Marshal,
// enough for small documents without growing.
const initialBufferSize = 512

// Marshal encodes v as compact JSON, following the rules in the package
// documentation. The output is deterministic: struct fields appear in
// declaration order and map entries are sorted by key.
func Marshal(v any) ([]byte, error) {
	e := &encoder{buf: make([]byte, 0, initialBufferSize)}
	if err := e.dynamic(reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// encoder appends the JSON encoding of values to buf.
type encoder struct {
	buf   []byte
	depth int
}

// dynamic encodes v, whose type is known only at run time: the argument of
// Marshal or the content of an interface. The invalid Value encodes as null.
func (e *encoder) dynamic(v reflect.Value) error {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	return e.value(v, infoFor(v.Type()))
}

// value encodes v, whose type is described by info.
func (e *encoder) value(v reflect.Value, info *typeInfo) error {
	if e.depth >= maxEncodeDepth {
		return fmt.Errorf("jsoncodec: value nested deeper than %d levels (cyclic?)", maxEncodeDepth)
	}
	e.depth++
	err := e.write(v, info)
	e.depth--
	return err
}

// write encodes v without checking the nesting depth.
func (e *encoder) write(v reflect.Value, info *typeInfo) error {
	switch {
	case info.duration:
		e.buf = appendString(e.buf, time.Duration(v.Int()).String())
		return nil
	case info.textMarshaler.usableOn(v):
		return e.text(info.textMarshaler.target(v))
	case info.jsonMarshaler.usableOn(v):
		return e.marshaler(info.jsonMarshaler.target(v))
	}
	switch v.Kind() {
	case reflect.Bool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return e.float(v.Float(), v.Type().Bits())
	case reflect.String:
		e.buf = appendString(e.buf, v.String())
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.value(v.Elem(), info.elem.get())
	case reflect.Interface:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.dynamic(v.Elem())
	case reflect.Struct:
		return e.structValue(v, info)
	case reflect.Map:
		return e.mapValue(v, info)
	case reflect.Slice:
		return e.slice(v, info)
	case reflect.Array:
		return e.elements(v, info)
	default:
		return fmt.Errorf("jsoncodec: cannot encode Go type %v", v.Type())
	}
	return nil
}

// isNil reports whether v is a nil pointer or interface, on which marshaling
// methods are not called.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	default:
		return false
	}
}

// text encodes the result of v's MarshalText method as a string.
func (e *encoder) text(v reflect.Value) error {
	if isNil(v) {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return fmt.Errorf("jsoncodec: MarshalText of %v: %w", v.Type(), err)
	}
	e.buf = appendString(e.buf, b)
	return nil
}

// marshaler appends the compacted result of v's MarshalJSON method.
func (e *encoder) marshaler(v reflect.Value) error {
	if isNil(v) {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	b, err := v.Interface().(json.Marshaler).MarshalJSON()
	if err != nil {
		return fmt.Errorf("jsoncodec: MarshalJSON of %v: %w", v.Type(), err)
	}
	if isCompact(b) {
		if cap(e.buf)-len(e.buf) < len(b) {
			// Grow as json.Compact's bytes.Buffer does: nested output
			// tends to be followed by more of the same.
			e.buf = slices.Grow(e.buf, cap(e.buf)+len(b))
		}
		e.buf = append(e.buf, b...)
		return nil
	}
	out := bytes.NewBuffer(e.buf)
	if err := json.Compact(out, b); err != nil {
		return fmt.Errorf("jsoncodec: MarshalJSON of %v returned invalid JSON: %w", v.Type(), err)
	}
	e.buf = out.Bytes()
	return nil
}

// isCompact reports whether b is one valid JSON value without white space
// outside its strings, which json.Compact would copy unchanged. Methods that
// call Marshal return such text, and checking it with the decoder's parser
// is faster than compacting it. Anything else, including text the decoder
// is stricter about than json.Compact (an escaped lone surrogate), is left
// to json.Compact.
func isCompact(b []byte) bool {
	d := decoder{data: b, lim: Limits{MaxBytes: len(b), MaxDepth: maxEncodeDepth, MaxElements: len(b)}}
	return d.skipValue() == nil && d.pos == len(b) && !d.spaced
}

// float encodes f the way encoding/json does: the shortest representation
// that reads back as the same value, in exponent form only for very small
// or very large magnitudes.
func (e *encoder) float(f float64, bits int) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return fmt.Errorf("jsoncodec: cannot encode %v", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 {
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, bits)
	if format == 'e' {
		// Shorten a two-digit negative exponent: e-09 becomes e-9.
		n := len(e.buf)
		if n >= 4 && e.buf[n-4] == 'e' && e.buf[n-3] == '-' && e.buf[n-2] == '0' {
			e.buf[n-2] = e.buf[n-1]
			e.buf = e.buf[:n-1]
		}
	}
	return nil
}

// structValue encodes the fields of a struct in declaration order, leaving
// out empty omitempty fields.
func (e *encoder) structValue(v reflect.Value, info *typeInfo) error {
	if info.err != nil {
		return info.err
	}
	e.buf = append(e.buf, '{')
	first := true
	for i := range info.fields {
		f := &info.fields[i]
		fv := v.Field(f.index)
		if f.omitEmpty && isEmpty(fv) || f.isZero != nil && f.isZero(fv) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.buf = append(e.buf, f.key...)
		if err := e.value(fv, f.info.get()); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

// isEmpty reports whether v is empty in the sense of the omitempty option of
// encoding/json.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64,
		reflect.Interface, reflect.Pointer:
		return v.IsZero()
	default:
		return false
	}
}

// mapEntry is a map entry with its key as encoded text.
type mapEntry struct {
	key   string
	value reflect.Value
}

// mapValue encodes a map as an object with members sorted by key. Keys of a
// string kind are used as they are; other keys must implement
// encoding.TextMarshaler.
func (e *encoder) mapValue(v reflect.Value, info *typeInfo) error {
	keyType := v.Type().Key()
	if keyType.Kind() != reflect.String && info.key.get().textMarshaler != valueMethod {
		return fmt.Errorf("jsoncodec: cannot encode %v: unsupported key type", v.Type())
	}
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	entries := make([]mapEntry, 0, v.Len())
	for iter := v.MapRange(); iter.Next(); {
		key, err := mapKeyText(iter.Key())
		if err != nil {
			return err
		}
		entries = append(entries, mapEntry{key: key, value: iter.Value()})
	}
	slices.SortFunc(entries, func(a, b mapEntry) int { return strings.Compare(a.key, b.key) })

	elem := info.elem.get()
	e.buf = append(e.buf, '{')
	for i, entry := range entries {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendString(e.buf, entry.key)
		e.buf = append(e.buf, ':')
		if err := e.value(entry.value, elem); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

func mapKeyText(key reflect.Value) (string, error) {
	if key.Kind() == reflect.String {
		return key.String(), nil
	}
	b, err := key.Interface().(encoding.TextMarshaler).MarshalText()
	if err != nil {
		return "", fmt.Errorf("jsoncodec: MarshalText of map key %v: %w", key.Type(), err)
	}
	return string(b), nil
}

// slice encodes a slice as an array, a byte slice as a base64 string and a
// nil slice as null.
func (e *encoder) slice(v reflect.Value, info *typeInfo) error {
	switch {
	case v.IsNil():
		e.buf = append(e.buf, "null"...)
	case info.byteSlice:
		e.buf = append(e.buf, '"')
		e.buf = base64.StdEncoding.AppendEncode(e.buf, v.Bytes())
		e.buf = append(e.buf, '"')
	default:
		return e.elements(v, info)
	}
	return nil
}

// elements encodes the elements of a slice or array as an array.
func (e *encoder) elements(v reflect.Value, info *typeInfo) error {
	elem := info.elem.get()
	e.buf = append(e.buf, '[')
	for i := range v.Len() {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		if err := e.value(v.Index(i), elem); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, ']')
	return nil
}

// appendString appends s as a JSON string. Only what RFC 8259 requires is
// escaped: quotation mark, reverse solidus and control characters. Invalid
// UTF-8 is replaced by \ufffd, as encoding/json does.
func appendString[S string | []byte](dst []byte, s S) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, `\ufffd`...)
				start = i + size
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, `\b`...)
		case '\f':
			dst = append(dst, `\f`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\r':
			dst = append(dst, `\r`...)
		case '\t':
			dst = append(dst, `\t`...)
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

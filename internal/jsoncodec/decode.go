package jsoncodec

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// Default limits, used for the zero fields of a [Limits].
const (
	defaultMaxBytes    = 4 << 20
	defaultMaxDepth    = 64
	defaultMaxElements = 100_000
)

// Limits bound decoding of untrusted input. A field that is zero or negative
// takes its default, so the zero value means the defaults: MaxBytes 4 MiB,
// MaxDepth 64, MaxElements 100_000.
type Limits struct {
	// MaxBytes is the largest accepted input length, in bytes.
	MaxBytes int
	// MaxDepth is the deepest accepted nesting of arrays and objects; a
	// document whose top-level value is an array or object has depth 1.
	MaxDepth int
	// MaxElements is the largest accepted number of array elements and
	// object members in the whole document.
	MaxElements int
}

// withDefaults returns lim with defaults for its zero and negative fields.
func (lim Limits) withDefaults() Limits {
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = defaultMaxBytes
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = defaultMaxDepth
	}
	if lim.MaxElements <= 0 {
		lim.MaxElements = defaultMaxElements
	}
	return lim
}

// Unmarshal decodes the JSON document data into v, which must be a non-nil
// pointer, following the rules in the package documentation.
//
// Problems with the input are reported as an [*Error] that locates the first
// problem found; v may then be partly filled. An invalid v is reported as a
// plain error.
func Unmarshal(data []byte, v any, lim Limits) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("jsoncodec: Unmarshal needs a non-nil pointer, not %T", v)
	}
	lim = lim.withDefaults()
	if len(data) > lim.MaxBytes {
		return &Error{Err: fmt.Errorf("%w: input of %d bytes is longer than %d", ErrTooLarge, len(data), lim.MaxBytes)}
	}
	d := &decoder{data: data, lim: lim}
	if err := d.value(rv.Elem(), infoFor(rv.Type().Elem())); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos < len(d.data) {
		return d.failf(ErrSyntax, "data after the top-level value at offset %d", d.pos)
	}
	return nil
}

// value decodes the next JSON value into v, which is settable and has the
// type described by info.
func (d *decoder) value(v reflect.Value, info *typeInfo) error {
	kind := kindOf(d.peek())
	if kind == invalidKind {
		return d.unexpected()
	}
	switch {
	case kind == nullKind:
		return d.null(v)
	case info.rawMessage:
		return d.rawMessage(v)
	case info.duration:
		return d.duration(v, kind)
	case info.textUnmarshaler:
		return d.text(v, kind)
	case info.jsonUnmarshaler:
		return d.unmarshaler(v)
	}
	switch v.Kind() {
	case reflect.Bool:
		return d.boolean(v, kind)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return d.signed(v, kind)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return d.unsigned(v, kind)
	case reflect.Float32, reflect.Float64:
		return d.float(v, kind)
	case reflect.String:
		return d.string(v, kind)
	case reflect.Slice:
		return d.slice(v, kind, info)
	case reflect.Array:
		return d.array(v, kind, info)
	case reflect.Map:
		return d.mapValue(v, kind, info)
	case reflect.Struct:
		return d.structValue(v, kind, info)
	case reflect.Pointer:
		return d.pointer(v, info)
	case reflect.Interface:
		return d.iface(v, kind)
	default:
		return d.failf(ErrType, "cannot decode into Go type %v", v.Type())
	}
}

// wrongType reports a JSON value of the wrong kind for v.
func (d *decoder) wrongType(kind jsonKind, v reflect.Value) error {
	return d.failf(ErrType, "got %v, want %v", kind, v.Type())
}

// rawMessage stores a copy of the next value's text.
func (d *decoder) rawMessage(v reflect.Value) error {
	start := d.pos
	if err := d.skipValue(); err != nil {
		return err
	}
	v.SetBytes(bytes.Clone(d.data[start:d.pos]))
	return nil
}

// null consumes null, which sets pointers, interfaces, maps and slices to
// nil and leaves other values unchanged.
func (d *decoder) null(v reflect.Value) error {
	if err := d.readLiteral("null"); err != nil {
		return err
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map, reflect.Slice:
		v.SetZero()
	}
	return nil
}

// duration decodes a string in time.ParseDuration syntax.
func (d *decoder) duration(v reflect.Value, kind jsonKind) error {
	if kind != stringKind {
		return d.failf(ErrType, "got %v, want duration string such as \"1h30m\"", kind)
	}
	s, err := d.readString()
	if err != nil {
		return err
	}
	dur, err := time.ParseDuration(string(s))
	if err != nil {
		return d.fail(err)
	}
	v.SetInt(int64(dur))
	return nil
}

// text decodes a string with the UnmarshalText method of v's address.
func (d *decoder) text(v reflect.Value, kind jsonKind) error {
	if kind != stringKind {
		return d.wrongType(kind, v)
	}
	s, err := d.readString()
	if err != nil {
		return err
	}
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText(s); err != nil {
		return d.fail(err)
	}
	return nil
}

// unmarshaler passes the text of the next value to the UnmarshalJSON method
// of v's address. A *Error it returns is relocated below the current path.
func (d *decoder) unmarshaler(v reflect.Value) error {
	start := d.pos
	if err := d.skipValue(); err != nil {
		return err
	}
	raw := d.data[start:d.pos:d.pos]
	err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	if err == nil {
		return nil
	}
	if inner, ok := err.(*Error); ok {
		return &Error{Path: joinPath(formatPath(d.path), inner.Path), Err: inner.Err}
	}
	return d.fail(err)
}

func (d *decoder) boolean(v reflect.Value, kind jsonKind) error {
	if kind != boolKind {
		return d.wrongType(kind, v)
	}
	b, err := d.readBool()
	if err != nil {
		return err
	}
	v.SetBool(b)
	return nil
}

func (d *decoder) signed(v reflect.Value, kind jsonKind) error {
	text, err := d.readInteger(v, kind)
	if err != nil {
		return err
	}
	n, err := strconv.ParseInt(string(text), 10, v.Type().Bits())
	if err != nil {
		return d.outOfRange(text, v)
	}
	v.SetInt(n)
	return nil
}

func (d *decoder) unsigned(v reflect.Value, kind jsonKind) error {
	text, err := d.readInteger(v, kind)
	if err != nil {
		return err
	}
	n, err := strconv.ParseUint(string(text), 10, v.Type().Bits())
	if err != nil {
		return d.outOfRange(text, v)
	}
	v.SetUint(n)
	return nil
}

// readInteger consumes a number for integer destination v and returns it as
// plain decimal text, rejecting numbers that are not integers.
func (d *decoder) readInteger(v reflect.Value, kind jsonKind) ([]byte, error) {
	if kind != numberKind {
		return nil, d.wrongType(kind, v)
	}
	lit, err := d.readNumber()
	if err != nil {
		return nil, err
	}
	text, form := integerText(lit)
	switch form {
	case fractionalNumber:
		return nil, d.failf(ErrType, "number %s is not an integer (%v)", lit, v.Type())
	case hugeNumber:
		return nil, d.outOfRange(lit, v)
	}
	return text, nil
}

func (d *decoder) outOfRange(number []byte, v reflect.Value) error {
	return d.failf(ErrType, "number %s is out of range for %v", number, v.Type())
}

func (d *decoder) float(v reflect.Value, kind jsonKind) error {
	if kind != numberKind {
		return d.wrongType(kind, v)
	}
	lit, err := d.readNumber()
	if err != nil {
		return err
	}
	f, err := strconv.ParseFloat(string(lit), v.Type().Bits())
	if err != nil {
		return d.outOfRange(lit, v)
	}
	v.SetFloat(f)
	return nil
}

func (d *decoder) string(v reflect.Value, kind jsonKind) error {
	if kind != stringKind {
		return d.wrongType(kind, v)
	}
	s, err := d.readString()
	if err != nil {
		return err
	}
	v.SetString(string(s))
	return nil
}

// slice decodes an array into a new slice, or a base64 string into a byte
// slice.
func (d *decoder) slice(v reflect.Value, kind jsonKind, info *typeInfo) error {
	if kind == stringKind && info.byteSlice {
		return d.base64(v)
	}
	if kind != arrayKind {
		return d.wrongType(kind, v)
	}
	v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	elem := info.elem.get()
	return d.eachElement(func(i int) error {
		if i == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(i + 1)
		d.pushIndex(i)
		err := d.value(v.Index(i), elem)
		d.pop()
		return err
	})
}

func (d *decoder) base64(v reflect.Value) error {
	s, err := d.readString()
	if err != nil {
		return err
	}
	b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(b, s)
	if err != nil {
		return d.fail(err)
	}
	v.SetBytes(b[:n])
	return nil
}

// array decodes an array with exactly as many elements as Go array v.
func (d *decoder) array(v reflect.Value, kind jsonKind, info *typeInfo) error {
	if kind != arrayKind {
		return d.wrongType(kind, v)
	}
	elem := info.elem.get()
	length := 0
	err := d.eachElement(func(i int) error {
		if i >= v.Len() {
			return d.failf(ErrType, "array has more than %d elements", v.Len())
		}
		d.pushIndex(i)
		err := d.value(v.Index(i), elem)
		d.pop()
		length = i + 1
		return err
	})
	if err != nil {
		return err
	}
	if length != v.Len() {
		return d.failf(ErrType, "array has %d elements, want %d", length, v.Len())
	}
	return nil
}

// mapValue decodes an object into a map, allocating the map if it is nil
// and adding to its existing entries otherwise.
func (d *decoder) mapValue(v reflect.Value, kind jsonKind, info *typeInfo) error {
	t := v.Type()
	keyInfo := info.key.get()
	if !keyInfo.textUnmarshaler && t.Key().Kind() != reflect.String {
		return d.failf(ErrType, "cannot decode object into %v: unsupported key type", t)
	}
	if kind != objectKind {
		return d.wrongType(kind, v)
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(t))
	}
	seen := make(map[string]bool)
	key := reflect.New(t.Key()).Elem()
	elem := reflect.New(t.Elem()).Elem()
	elemInfo := info.elem.get()
	return d.eachMember(func(rawKey []byte) error {
		name := string(rawKey)
		d.pushMember(name)
		if seen[name] {
			return d.fail(ErrDuplicateField)
		}
		seen[name] = true
		if err := d.mapKey(key, keyInfo, name); err != nil {
			return err
		}
		elem.SetZero()
		if err := d.value(elem, elemInfo); err != nil {
			return err
		}
		v.SetMapIndex(key, elem)
		d.pop()
		return nil
	})
}

// mapKey sets key from the member name, with the key type's UnmarshalText
// method if it has one.
func (d *decoder) mapKey(key reflect.Value, info *typeInfo, name string) error {
	if !info.textUnmarshaler {
		key.SetString(name)
		return nil
	}
	key.SetZero()
	if err := key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(name)); err != nil {
		return d.fail(err)
	}
	return nil
}

// structValue decodes an object into a struct, member by member; fields
// without a member keep their value.
func (d *decoder) structValue(v reflect.Value, kind jsonKind, info *typeInfo) error {
	if info.err != nil {
		return d.fail(info.err)
	}
	if kind != objectKind {
		return d.wrongType(kind, v)
	}
	seen := newFieldSet(len(info.fields))
	return d.eachMember(func(key []byte) error {
		i, ok := info.fieldIndex[string(key)]
		if !ok {
			d.pushMember(string(key))
			return d.fail(ErrUnknownField)
		}
		f := &info.fields[i]
		d.pushMember(f.name)
		if !seen.add(i) {
			return d.fail(ErrDuplicateField)
		}
		if err := d.value(v.Field(f.index), f.info.get()); err != nil {
			return err
		}
		d.pop()
		return nil
	})
}

// pointer decodes into the value v points to, allocating it if v is nil.
func (d *decoder) pointer(v reflect.Value, info *typeInfo) error {
	if v.IsNil() {
		v.Set(reflect.New(v.Type().Elem()))
	}
	return d.value(v.Elem(), info.elem.get())
}

// iface decodes into an empty interface the values encoding/json would
// produce. Other interface types accept only null.
func (d *decoder) iface(v reflect.Value, kind jsonKind) error {
	if v.NumMethod() != 0 {
		return d.wrongType(kind, v)
	}
	x, err := d.anyValue()
	if err != nil {
		return err
	}
	v.Set(reflect.ValueOf(x))
	return nil
}

// anyValue decodes the next value as map[string]any, []any, float64,
// string, bool or nil.
func (d *decoder) anyValue() (any, error) {
	switch kindOf(d.peek()) {
	case objectKind:
		return d.anyObject()
	case arrayKind:
		return d.anyArray()
	case stringKind:
		s, err := d.readString()
		return string(s), err
	case numberKind:
		return d.anyNumber()
	case boolKind:
		return d.readBool()
	case nullKind:
		return nil, d.readLiteral("null")
	default:
		return nil, d.unexpected()
	}
}

func (d *decoder) anyObject() (map[string]any, error) {
	m := make(map[string]any)
	err := d.eachMember(func(rawKey []byte) error {
		name := string(rawKey)
		d.pushMember(name)
		if _, dup := m[name]; dup {
			return d.fail(ErrDuplicateField)
		}
		x, err := d.anyValue()
		if err != nil {
			return err
		}
		m[name] = x
		d.pop()
		return nil
	})
	return m, err
}

func (d *decoder) anyArray() ([]any, error) {
	s := []any{}
	err := d.eachElement(func(i int) error {
		d.pushIndex(i)
		x, err := d.anyValue()
		if err != nil {
			return err
		}
		s = append(s, x)
		d.pop()
		return nil
	})
	return s, err
}

func (d *decoder) anyNumber() (float64, error) {
	lit, err := d.readNumber()
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil {
		return 0, d.failf(ErrType, "number %s is out of range for float64", lit)
	}
	return f, nil
}

// fieldSet records which fields of a struct an object has already set.
type fieldSet struct {
	small uint64 // used for structs with at most 64 fields
	large []bool // used for larger structs
}

func newFieldSet(n int) fieldSet {
	if n <= 64 {
		return fieldSet{}
	}
	return fieldSet{large: make([]bool, n)}
}

// add records field i and reports whether it was not yet recorded.
func (s *fieldSet) add(i int) bool {
	if s.large != nil {
		added := !s.large[i]
		s.large[i] = true
		return added
	}
	bit := uint64(1) << i
	added := s.small&bit == 0
	s.small |= bit
	return added
}

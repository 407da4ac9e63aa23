package jsoncodec

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// decoder parses a JSON document held in memory by recursive descent,
// storing values as it goes. Parsing methods start at the first byte of
// their construct (white space before it is skipped) and leave pos just
// after it.
type decoder struct {
	data     []byte
	pos      int
	lim      Limits
	depth    int       // number of arrays and objects currently open
	elements int       // array elements and object members seen so far
	path     []segment // location of the value being parsed
	scratch  []byte    // buffer for strings that contain escapes
	spaced   bool      // white space has been skipped
}

// jsonKind is the type of a JSON value, known from its first byte.
type jsonKind int

const (
	invalidKind jsonKind = iota
	nullKind
	boolKind
	numberKind
	stringKind
	arrayKind
	objectKind
)

func (k jsonKind) String() string {
	switch k {
	case nullKind:
		return "null"
	case boolKind:
		return "boolean"
	case numberKind:
		return "number"
	case stringKind:
		return "string"
	case arrayKind:
		return "array"
	case objectKind:
		return "object"
	default:
		return "invalid value"
	}
}

// kindOf returns the kind of the JSON value that starts with c.
func kindOf(c byte) jsonKind {
	switch {
	case c == 'n':
		return nullKind
	case c == 't' || c == 'f':
		return boolKind
	case c == '-' || isDigit(c):
		return numberKind
	case c == '"':
		return stringKind
	case c == '[':
		return arrayKind
	case c == '{':
		return objectKind
	default:
		return invalidKind
	}
}

func isDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// fail returns err located at the current path.
func (d *decoder) fail(err error) error {
	return &Error{Path: formatPath(d.path), Err: err}
}

// failf returns sentinel, wrapped with a formatted detail, at the current path.
func (d *decoder) failf(sentinel error, format string, args ...any) error {
	return d.fail(fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...)))
}

// unexpected reports a syntax error at the current position.
func (d *decoder) unexpected() error {
	if d.pos >= len(d.data) {
		return d.failf(ErrSyntax, "unexpected end of input")
	}
	c := d.data[d.pos]
	if c < utf8.RuneSelf {
		return d.failf(ErrSyntax, "invalid character %q at offset %d", rune(c), d.pos)
	}
	return d.failf(ErrSyntax, "invalid byte %#02x at offset %d", c, d.pos)
}

func (d *decoder) pushMember(name string) {
	d.path = append(d.path, segment{name: name, index: -1})
}

func (d *decoder) pushIndex(i int) {
	d.path = append(d.path, segment{index: i})
}

func (d *decoder) pop() {
	d.path = d.path[:len(d.path)-1]
}

func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
			d.spaced = true
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end of input.
func (d *decoder) peek() byte {
	d.skipSpace()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

// at reports whether the byte at the current position is c.
func (d *decoder) at(c byte) bool {
	return d.pos < len(d.data) && d.data[d.pos] == c
}

func (d *decoder) atDigit() bool {
	return d.pos < len(d.data) && isDigit(d.data[d.pos])
}

// enter consumes the opening bracket of an array or object.
func (d *decoder) enter() error {
	if d.depth >= d.lim.MaxDepth {
		return d.failf(ErrTooLarge, "nesting deeper than %d levels", d.lim.MaxDepth)
	}
	d.depth++
	d.pos++
	return nil
}

// leave consumes the closing bracket of an array or object.
func (d *decoder) leave() {
	d.depth--
	d.pos++
}

// count records one more array element or object member.
func (d *decoder) count() error {
	d.elements++
	if d.elements > d.lim.MaxElements {
		return d.failf(ErrTooLarge, "more than %d array elements and object members", d.lim.MaxElements)
	}
	return nil
}

// eachMember parses an object, calling member once the decoder is positioned
// at each member's value; member must consume that value. The key aliases
// the input or the scratch buffer, so it is valid only until the value is
// parsed.
func (d *decoder) eachMember(member func(key []byte) error) error {
	if err := d.enter(); err != nil {
		return err
	}
	if d.peek() == '}' {
		d.leave()
		return nil
	}
	for {
		if d.peek() != '"' {
			return d.unexpected()
		}
		key, err := d.readString()
		if err != nil {
			return err
		}
		if d.peek() != ':' {
			return d.unexpected()
		}
		d.pos++
		if err := d.count(); err != nil {
			return err
		}
		if err := member(key); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.leave()
			return nil
		default:
			return d.unexpected()
		}
	}
}

// eachElement parses an array, calling element with the index of each
// element once the decoder is positioned at it; element must consume it.
func (d *decoder) eachElement(element func(i int) error) error {
	if err := d.enter(); err != nil {
		return err
	}
	if d.peek() == ']' {
		d.leave()
		return nil
	}
	for i := 0; ; i++ {
		if err := d.count(); err != nil {
			return err
		}
		if err := element(i); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.leave()
			return nil
		default:
			return d.unexpected()
		}
	}
}

// skipValue parses and discards one value, checking its syntax and limits.
func (d *decoder) skipValue() error {
	switch kindOf(d.peek()) {
	case objectKind:
		return d.eachMember(func([]byte) error { return d.skipValue() })
	case arrayKind:
		return d.eachElement(func(int) error { return d.skipValue() })
	case stringKind:
		_, err := d.readString()
		return err
	case numberKind:
		_, err := d.readNumber()
		return err
	case boolKind:
		_, err := d.readBool()
		return err
	case nullKind:
		return d.readLiteral("null")
	default:
		return d.unexpected()
	}
}

// readLiteral consumes the literal word: true, false or null.
func (d *decoder) readLiteral(word string) error {
	for i := range len(word) {
		if !d.at(word[i]) {
			return d.unexpected()
		}
		d.pos++
	}
	return nil
}

// readBool consumes true or false.
func (d *decoder) readBool() (bool, error) {
	if d.at('t') {
		return true, d.readLiteral("true")
	}
	return false, d.readLiteral("false")
}

// readNumber consumes a number and returns its text, which follows the
// grammar of RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
func (d *decoder) readNumber() ([]byte, error) {
	start := d.pos
	if d.at('-') {
		d.pos++
	}
	switch {
	case d.at('0'):
		d.pos++
	case d.atDigit():
		d.skipDigits()
	default:
		return nil, d.unexpected()
	}
	if d.at('.') {
		d.pos++
		if err := d.requireDigits(); err != nil {
			return nil, err
		}
	}
	if d.at('e') || d.at('E') {
		d.pos++
		if d.at('+') || d.at('-') {
			d.pos++
		}
		if err := d.requireDigits(); err != nil {
			return nil, err
		}
	}
	return d.data[start:d.pos], nil
}

func (d *decoder) skipDigits() {
	for d.atDigit() {
		d.pos++
	}
}

func (d *decoder) requireDigits() error {
	if !d.atDigit() {
		return d.unexpected()
	}
	d.skipDigits()
	return nil
}

// readString consumes a string and returns its unescaped contents, which
// alias the input or the scratch buffer and are valid only until the next
// string is read. Raw control characters, invalid UTF-8 and escapes that
// encode unpaired UTF-16 surrogates are syntax errors.
func (d *decoder) readString() ([]byte, error) {
	d.pos++ // opening quote
	start := d.pos
	escaped := false
	for {
		if d.pos >= len(d.data) {
			return nil, d.unexpected()
		}
		c := d.data[d.pos]
		switch {
		case c == '"':
			// The capacity is capped so that appending to the result
			// cannot overwrite the input.
			raw := d.data[start:d.pos:d.pos]
			d.pos++
			if !escaped {
				return raw, nil
			}
			return d.unescape(raw, start)
		case c == '\\':
			// Skip the escaped byte too, so that \" does not end the
			// string; unescape validates the escape sequence.
			escaped = true
			d.pos += 2
		case c < 0x20:
			return nil, d.failf(ErrSyntax, "control character %#02x in string at offset %d", c, d.pos)
		case c < utf8.RuneSelf:
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, d.failf(ErrSyntax, "invalid UTF-8 in string at offset %d", d.pos)
			}
			d.pos += size
		}
	}
}

// unescape decodes the escape sequences of raw, the contents of a string
// that starts at offset start in the input. raw contains valid UTF-8 and
// never ends with an unpaired backslash.
func (d *decoder) unescape(raw []byte, start int) ([]byte, error) {
	out := d.scratch[:0]
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		switch e := raw[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, size := decodeUnicodeEscape(raw[i:])
			if size == 0 {
				return nil, d.failf(ErrSyntax, "invalid \\u escape in string at offset %d", start+i)
			}
			out = utf8.AppendRune(out, r)
			i += size
			continue
		default:
			return nil, d.failf(ErrSyntax, "invalid escape in string at offset %d", start+i)
		}
		i += 2
	}
	d.scratch = out
	return out[:len(out):len(out)], nil
}

// decodeUnicodeEscape decodes the \uXXXX escape at the start of s, or a pair
// of them encoding a UTF-16 surrogate pair. It returns the rune and the
// number of bytes used, or size 0 if the escape is invalid.
func decodeUnicodeEscape(s []byte) (r rune, size int) {
	first, ok := hex4(s)
	if !ok {
		return 0, 0
	}
	if !utf16.IsSurrogate(first) {
		return first, 6
	}
	second, ok := hex4(s[6:])
	if !ok {
		return 0, 0
	}
	r = utf16.DecodeRune(first, second)
	if r == utf8.RuneError {
		return 0, 0
	}
	return r, 12
}

// hex4 decodes the four hex digits of a \uXXXX escape at the start of s.
func hex4(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range s[2:6] {
		var digit byte
		switch {
		case '0' <= c && c <= '9':
			digit = c - '0'
		case 'a' <= c && c <= 'f':
			digit = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			digit = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(digit)
	}
	return r, true
}

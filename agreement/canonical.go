package agreement

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrCanonical is matched (errors.Is) by every error from Canonical.
var ErrCanonical = errors.New("cannot canonicalize JSON")

// Limits on the input of Canonical.
const (
	maxCanonicalSize  = 8 << 20 // bytes of input
	maxCanonicalDepth = 64      // nested arrays and objects
)

// Canonical returns the canonical form of the JSON text data as defined by
// RFC 8785, the JSON Canonicalization Scheme (JCS): the same value always
// gives the same bytes, whatever the order of members, the whitespace, the
// escapes or the spelling of numbers in data, so the result can be hashed
// or signed. In the canonical form:
//
//   - there is no whitespace between tokens;
//   - object members are sorted by name, comparing names as UTF-16 code
//     units, at every level; arrays keep their order;
//   - strings are UTF-8 with only the escapes RFC 8785 §3.2.2.2 requires:
//     \" and \\, \b \f \n \r \t, and \u00xx (lower-case hex) for the other
//     control characters; everything else, including "/" and non-ASCII
//     characters, is written as it is;
//   - numbers are IEEE 754 doubles written as ECMAScript's
//     Number.prototype.toString writes them (RFC 8785 §3.2.2.3): 4.50 is
//     4.5, 1E30 is 1e+30, 0.000001 stays 0.000001, 1e-7 is 1e-7, and -0 is
//     0; integers are exact up to 2^53.
//
// Canonical accepts only I-JSON (RFC 7493) input that fits the bounds: it
// returns an error matching ErrCanonical, with the byte offset where the
// problem was found, for text that is not valid JSON (RFC 8259), for more
// than 8 MiB of input or nesting deeper than 64 arrays and objects, for a
// name that occurs twice in one object (after unescaping), for invalid UTF-8
// or an escaped surrogate that is not part of a pair, and for a number
// whose magnitude is too large for a double. A number too small for a
// double rounds to zero, as any number rounds to its nearest double.
func Canonical(data []byte) ([]byte, error) {
	if len(data) > maxCanonicalSize {
		return nil, fmt.Errorf("%w: %d bytes is more than the limit of %d", ErrCanonical, len(data), maxCanonicalSize)
	}
	c := canonicalizer{
		in: data,
		// Room for the names and members of a few nested objects.
		names:   make([]byte, 0, 512),
		members: make([]canonicalMember, 0, 64),
	}
	c.space()
	out, err := c.value(make([]byte, 0, len(data)))
	if err != nil {
		return nil, err
	}
	c.space()
	if c.pos < len(c.in) {
		return nil, c.errorf("unexpected %s after the top-level value", c.describe())
	}
	return out, nil
}

// canonicalizer reads one JSON text and writes its canonical form.
type canonicalizer struct {
	in    []byte
	pos   int // next byte of in to read
	depth int // arrays and objects open at pos

	// names holds the unescaped member names of the objects being read,
	// members their positions; an object's entries are dropped when it is
	// written. scratch holds one unescaped string value at a time, and
	// region the members of one object while they are reordered.
	names   []byte
	members []canonicalMember
	scratch []byte
	region  []byte
}

// canonicalMember is one member of an object being read: its name is
// names[name0:name1], its canonical "name":value form is out[out0:out1] and
// it starts at offset at in the input.
type canonicalMember struct {
	name0, name1 int
	out0, out1   int
	at           int
}

func (c *canonicalizer) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: offset %d: %s", ErrCanonical, c.pos, fmt.Sprintf(format, args...))
}

// describe names the input at pos for an error message.
func (c *canonicalizer) describe() string {
	if c.pos >= len(c.in) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(c.in[c.pos:])
	return strconv.QuoteRune(r)
}

// space skips whitespace as RFC 8259 defines it.
func (c *canonicalizer) space() {
	for c.pos < len(c.in) {
		switch c.in[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		default:
			return
		}
	}
}

// value reads the value at pos and appends its canonical form to out.
func (c *canonicalizer) value(out []byte) ([]byte, error) {
	if c.pos >= len(c.in) {
		return nil, c.errorf("want a value, found end of input")
	}
	switch b := c.in[c.pos]; {
	case b == '{':
		return c.object(out)
	case b == '[':
		return c.array(out)
	case b == '"':
		if end, ok := c.plain(); ok {
			out = append(out, c.in[c.pos:end]...)
			c.pos = end
			return out, nil
		}
		var err error
		c.scratch, err = c.str(c.scratch[:0])
		if err != nil {
			return nil, err
		}
		return appendCanonicalString(out, c.scratch), nil
	case b == '-' || ('0' <= b && b <= '9'):
		return c.number(out)
	case b == 't':
		return c.literal(out, "true")
	case b == 'f':
		return c.literal(out, "false")
	case b == 'n':
		return c.literal(out, "null")
	}
	return nil, c.errorf("want a value, found %s", c.describe())
}

func (c *canonicalizer) literal(out []byte, lit string) ([]byte, error) {
	if len(c.in)-c.pos < len(lit) || string(c.in[c.pos:c.pos+len(lit)]) != lit {
		return nil, c.errorf("want %s", lit)
	}
	c.pos += len(lit)
	return append(out, lit...), nil
}

// open enters an array or object.
func (c *canonicalizer) open() error {
	if c.depth == maxCanonicalDepth {
		return c.errorf("nesting deeper than %d arrays and objects", maxCanonicalDepth)
	}
	c.depth++
	c.pos++
	c.space()
	return nil
}

func (c *canonicalizer) array(out []byte) ([]byte, error) {
	if err := c.open(); err != nil {
		return nil, err
	}
	out = append(out, '[')
	if c.pos < len(c.in) && c.in[c.pos] == ']' {
		c.pos++
		c.depth--
		return append(out, ']'), nil
	}
	for {
		var err error
		if out, err = c.value(out); err != nil {
			return nil, err
		}
		c.space()
		if c.pos >= len(c.in) {
			return nil, c.errorf("want , or ] in array, found end of input")
		}
		switch c.in[c.pos] {
		case ',':
			c.pos++
			c.space()
			out = append(out, ',')
		case ']':
			c.pos++
			c.depth--
			return append(out, ']'), nil
		default:
			return nil, c.errorf("want , or ] in array, found %s", c.describe())
		}
	}
}

func (c *canonicalizer) object(out []byte) ([]byte, error) {
	if err := c.open(); err != nil {
		return nil, err
	}
	out = append(out, '{')
	if c.pos < len(c.in) && c.in[c.pos] == '}' {
		c.pos++
		c.depth--
		return append(out, '}'), nil
	}
	start, firstName, firstMember := len(out), len(c.names), len(c.members)
	for {
		if c.pos >= len(c.in) || c.in[c.pos] != '"' {
			return nil, c.errorf("want a member name, found %s", c.describe())
		}
		if len(c.members) > firstMember {
			out = append(out, ',')
		}
		m := canonicalMember{name0: len(c.names), out0: len(out), at: c.pos}
		if end, ok := c.plain(); ok {
			c.names = append(c.names, c.in[c.pos+1:end-1]...)
			out = append(out, c.in[c.pos:end]...)
			c.pos = end
			m.name1 = len(c.names)
		} else {
			var err error
			if c.names, err = c.str(c.names); err != nil {
				return nil, err
			}
			m.name1 = len(c.names)
			out = appendCanonicalString(out, c.names[m.name0:m.name1])
		}
		out = append(out, ':')
		c.space()
		if c.pos >= len(c.in) || c.in[c.pos] != ':' {
			return nil, c.errorf("want : after a member name, found %s", c.describe())
		}
		c.pos++
		c.space()
		var err error
		if out, err = c.value(out); err != nil {
			return nil, err
		}
		m.out1 = len(out)
		c.members = append(c.members, m)
		c.space()
		if c.pos >= len(c.in) {
			return nil, c.errorf("want , or } in object, found end of input")
		}
		if c.in[c.pos] == '}' {
			c.pos++
			break
		}
		if c.in[c.pos] != ',' {
			return nil, c.errorf("want , or } in object, found %s", c.describe())
		}
		c.pos++
		c.space()
	}
	c.depth--

	// Sort the members by name, reject duplicates, and rewrite them in
	// order unless they already are.
	members := c.members[firstMember:]
	byName := func(a, b canonicalMember) int {
		if d := compareUTF16(c.names[a.name0:a.name1], c.names[b.name0:b.name1]); d != 0 {
			return d
		}
		return cmp.Compare(a.at, b.at)
	}
	sorted := slices.IsSortedFunc(members, byName)
	if !sorted {
		slices.SortFunc(members, byName)
	}
	for i := 1; i < len(members); i++ {
		a, b := members[i-1], members[i]
		if string(c.names[a.name0:a.name1]) == string(c.names[b.name0:b.name1]) {
			c.pos = max(a.at, b.at)
			return nil, c.errorf("duplicate member name %q", c.names[b.name0:b.name1])
		}
	}
	if !sorted {
		if c.region == nil {
			// Once, with room for the outermost object, which is about
			// as long as the input.
			c.region = make([]byte, 0, len(c.in))
		}
		c.region = append(c.region[:0], out[start:]...)
		out = out[:start]
		for i, m := range members {
			if i > 0 {
				out = append(out, ',')
			}
			out = append(out, c.region[m.out0-start:m.out1-start]...)
		}
	}
	c.names = c.names[:firstName]
	c.members = c.members[:firstMember]
	return append(out, '}'), nil
}

// plain reports whether the string at pos is already in canonical form:
// valid UTF-8 without escapes or control characters, which RFC 8785 writes
// as it is. It returns the offset just past its closing quote.
func (c *canonicalizer) plain() (int, bool) {
	ascii := true
	for i := c.pos + 1; i < len(c.in); i++ {
		switch b := c.in[i]; {
		case b == '"':
			return i + 1, ascii || utf8.Valid(c.in[c.pos+1:i])
		case b == '\\' || b < 0x20:
			return 0, false
		case b >= utf8.RuneSelf:
			ascii = false
		}
	}
	return 0, false
}

// str reads the string at pos and appends its unescaped UTF-8 to dst.
func (c *canonicalizer) str(dst []byte) ([]byte, error) {
	c.pos++ // the opening quote
	for {
		if c.pos >= len(c.in) {
			return nil, c.errorf("unterminated string")
		}
		b := c.in[c.pos]
		switch {
		case b == '"':
			c.pos++
			return dst, nil
		case b == '\\':
			var err error
			if dst, err = c.escape(dst); err != nil {
				return nil, err
			}
		case b < 0x20:
			return nil, c.errorf("control character %#02x in a string; it must be escaped", b)
		case b < utf8.RuneSelf:
			dst = append(dst, b)
			c.pos++
		default:
			r, size := utf8.DecodeRune(c.in[c.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, c.errorf("invalid UTF-8 in a string")
			}
			dst = append(dst, c.in[c.pos:c.pos+size]...)
			c.pos += size
		}
	}
}

// escape reads the escape sequence at pos and appends what it stands for.
func (c *canonicalizer) escape(dst []byte) ([]byte, error) {
	if c.pos+1 >= len(c.in) {
		return nil, c.errorf("unterminated escape")
	}
	e := c.in[c.pos+1]
	switch e {
	case '"', '\\', '/':
		c.pos += 2
		return append(dst, e), nil
	case 'b':
		c.pos += 2
		return append(dst, '\b'), nil
	case 'f':
		c.pos += 2
		return append(dst, '\f'), nil
	case 'n':
		c.pos += 2
		return append(dst, '\n'), nil
	case 'r':
		c.pos += 2
		return append(dst, '\r'), nil
	case 't':
		c.pos += 2
		return append(dst, '\t'), nil
	case 'u':
		r, ok := c.hex4(c.pos + 2)
		if !ok {
			return nil, c.errorf(`want four hex digits after \u`)
		}
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00:
			lo, ok := rune(0), false
			if c.pos+7 < len(c.in) && c.in[c.pos+6] == '\\' && c.in[c.pos+7] == 'u' {
				lo, ok = c.hex4(c.pos + 8)
			}
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return nil, c.errorf(`lone surrogate \u%04x: want a low surrogate after it`, r)
			}
			r = utf16.DecodeRune(r, lo)
			c.pos += 12
		case utf16.IsSurrogate(r):
			return nil, c.errorf(`lone surrogate \u%04x`, r)
		default:
			c.pos += 6
		}
		return utf8.AppendRune(dst, r), nil
	}
	c.pos++
	return nil, c.errorf("invalid escape %s", c.describe())
}

// hex4 decodes four hex digits at i.
func (c *canonicalizer) hex4(i int) (rune, bool) {
	if i+4 > len(c.in) {
		return 0, false
	}
	var r rune
	for _, b := range c.in[i : i+4] {
		switch {
		case '0' <= b && b <= '9':
			b -= '0'
		case 'a' <= b && b <= 'f':
			b -= 'a' - 10
		case 'A' <= b && b <= 'F':
			b -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(b)
	}
	return r, true
}

// number reads the number at pos and appends its canonical form.
func (c *canonicalizer) number(out []byte) ([]byte, error) {
	start := c.pos
	digits := func() int {
		n := 0
		for c.pos < len(c.in) && '0' <= c.in[c.pos] && c.in[c.pos] <= '9' {
			c.pos++
			n++
		}
		return n
	}
	if c.in[c.pos] == '-' {
		c.pos++
	}
	intStart := c.pos
	switch n := digits(); {
	case n == 0:
		return nil, c.errorf("want a digit in a number, found %s", c.describe())
	case n > 1 && c.in[intStart] == '0':
		c.pos = intStart
		return nil, c.errorf("leading zero in a number")
	}
	integer := true
	if c.pos < len(c.in) && c.in[c.pos] == '.' {
		integer = false
		c.pos++
		if digits() == 0 {
			return nil, c.errorf("want a digit after the decimal point, found %s", c.describe())
		}
	}
	if c.pos < len(c.in) && (c.in[c.pos] == 'e' || c.in[c.pos] == 'E') {
		integer = false
		c.pos++
		if c.pos < len(c.in) && (c.in[c.pos] == '+' || c.in[c.pos] == '-') {
			c.pos++
		}
		if digits() == 0 {
			return nil, c.errorf("want a digit in the exponent, found %s", c.describe())
		}
	}
	text := c.in[start:c.pos]
	// An integer of up to 15 digits is exact in a double and already in
	// canonical form, except -0.
	if integer && c.pos-intStart <= 15 {
		if string(text) == "-0" {
			return append(out, '0'), nil
		}
		return append(out, text...), nil
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil || math.IsInf(f, 0) {
		c.pos = start
		return nil, c.errorf("number %s is out of the range of a double", text)
	}
	return appendCanonicalNumber(out, f), nil
}

// appendCanonicalString appends s, which is valid UTF-8, as a JSON string
// with the escapes of RFC 8785 §3.2.2.2.
func appendCanonicalString(out []byte, s []byte) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	for _, b := range s {
		switch {
		case b == '"' || b == '\\':
			out = append(out, '\\', b)
		case b >= 0x20:
			out = append(out, b)
		case b == '\b':
			out = append(out, '\\', 'b')
		case b == '\t':
			out = append(out, '\\', 't')
		case b == '\n':
			out = append(out, '\\', 'n')
		case b == '\f':
			out = append(out, '\\', 'f')
		case b == '\r':
			out = append(out, '\\', 'r')
		default:
			out = append(out, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
		}
	}
	return append(out, '"')
}

// appendCanonicalNumber appends the finite f as ECMAScript's
// Number.prototype.toString writes it (ECMA-262, Number::toString, radix
// 10), which RFC 8785 §3.2.2.3 adopts.
func appendCanonicalNumber(out []byte, f float64) []byte {
	if f == 0 {
		return append(out, '0') // also -0
	}
	if f < 0 {
		out = append(out, '-')
		f = -f
	}
	// The shortest decimal that reads back as f, as d.ddde±x: its digits
	// are ECMAScript's s (k of them) and the decimal point goes after n
	// digits, n = x+1.
	var buf [32]byte
	e := strconv.AppendFloat(buf[:0], f, 'e', -1, 64)
	var digits [24]byte
	k := 0
	i := 0
	for ; e[i] != 'e'; i++ {
		if e[i] != '.' {
			digits[k] = e[i]
			k++
		}
	}
	x := 0
	neg := e[i+1] == '-'
	for _, b := range e[i+2:] {
		x = x*10 + int(b-'0')
	}
	if neg {
		x = -x
	}
	s, n := digits[:k], x+1
	switch {
	case k <= n && n <= 21:
		out = append(out, s...)
		for range n - k {
			out = append(out, '0')
		}
	case 0 < n && n <= 21:
		out = append(out, s[:n]...)
		out = append(out, '.')
		out = append(out, s[n:]...)
	case -6 < n && n <= 0:
		out = append(out, '0', '.')
		for range -n {
			out = append(out, '0')
		}
		out = append(out, s...)
	default:
		out = append(out, s[0])
		if k > 1 {
			out = append(out, '.')
			out = append(out, s[1:]...)
		}
		out = append(out, 'e')
		if n-1 >= 0 {
			out = append(out, '+')
		}
		out = strconv.AppendInt(out, int64(n-1), 10)
	}
	return out
}

// compareUTF16 compares the valid UTF-8 strings a and b by their UTF-16
// code units, as RFC 8785 §3.2.3 sorts member names. This is byte order
// except that a character from U+E000 to U+FFFF sorts after one above
// U+FFFF, whose first code unit is a surrogate (U+D800 to U+DBFF).
func compareUTF16(a, b []byte) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	if i == len(a) || i == len(b) {
		return cmp.Compare(len(a), len(b))
	}
	// Back up to the start of the characters that differ; the bytes before
	// i are shared, so both start at the same offset.
	for i > 0 && !utf8.RuneStart(a[i]) {
		i--
	}
	ra, _ := utf8.DecodeRune(a[i:])
	rb, _ := utf8.DecodeRune(b[i:])
	ua, ub := utf16Unit(ra), utf16Unit(rb)
	if ua != ub {
		return cmp.Compare(ua, ub)
	}
	return cmp.Compare(ra, rb) // both above U+FFFF with one high surrogate
}

// utf16Unit returns the first UTF-16 code unit of r.
func utf16Unit(r rune) rune {
	if r > 0xFFFF {
		hi, _ := utf16.EncodeRune(r)
		return hi
	}
	return r
}

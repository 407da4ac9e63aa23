package agreement

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
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
// The canonicalization is encoding/json/v2's (jsontext.Value.Canonicalize);
// Canonical bounds its input and refuses numbers that no double holds.
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
	if err := checkCanonical(data); err != nil {
		return nil, err
	}
	// Canonicalize rewrites the value in place: work on a copy.
	v := jsontext.Value(append(make([]byte, 0, len(data)), data...))
	if err := v.Canonicalize(); err != nil {
		return nil, canonicalError(err)
	}
	return v, nil
}

// checkCanonical reports what the JSON package accepts and Canonical does
// not: nesting deeper than maxCanonicalDepth, and numbers beyond the range
// of a double, which the package would round to the largest double
// instead. It reads data once, skipping strings, and leaves its syntax to
// the JSON package.
func checkCanonical(data []byte) error {
	depth := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			i = strictjson.StringEnd(data, i)
		case c == '[' || c == '{':
			if depth++; depth > maxCanonicalDepth {
				return fmt.Errorf("%w: offset %d: nesting deeper than %d arrays and objects", ErrCanonical, i, maxCanonicalDepth)
			}
		case c == ']' || c == '}':
			depth--
		case c == '-' || '0' <= c && c <= '9':
			j, exp := i+1, false
		number:
			for ; j < len(data); j++ {
				switch data[j] {
				case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '+', '-':
				case 'e', 'E':
					exp = true
				default:
					break number
				}
			}
			// Without an exponent, a number needs more than 308 digits
			// to leave the range of a double.
			if exp || j-i > 308 {
				if f, err := strconv.ParseFloat(string(data[i:j]), 64); err != nil && math.IsInf(f, 0) {
					return fmt.Errorf("%w: offset %d: number %s is out of the range of a double", ErrCanonical, i, prose.Quote(string(data[i:j])))
				}
			}
			i = j - 1
		}
	}
	return nil
}

// canonicalError converts an error of the JSON package, which says where
// the input broke.
func canonicalError(err error) error {
	var syn *jsontext.SyntacticError
	if !errors.As(err, &syn) {
		return fmt.Errorf("%w: %v", ErrCanonical, err)
	}
	var msg string
	switch {
	case errors.Is(syn.Err, jsontext.ErrDuplicateName):
		msg = "duplicate member name " + prose.Quote(syn.JSONPointer.LastToken())
	case errors.Is(syn.Err, io.ErrUnexpectedEOF):
		msg = "unexpected end of input"
	default:
		msg = syn.Err.Error()
	}
	return fmt.Errorf("%w: offset %d: %s", ErrCanonical, syn.ByteOffset, msg)
}

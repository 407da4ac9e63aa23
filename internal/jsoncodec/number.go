package jsoncodec

import "bytes"

// integerForm classifies a JSON number literal for an integer destination.
type integerForm int

const (
	wholeNumber      integerForm = iota // an integer; the text can be parsed by strconv
	fractionalNumber                    // not an integer, like 1.5 or 1e-3
	hugeNumber                          // an integer with more than 20 digits
)

// maxExponent bounds the magnitude of exponents while parsing them. It is
// far beyond the exponent of any integer that fits in 64 bits and beyond the
// length of any input, so saturating at it changes no outcome.
const maxExponent = 1 << 40

// integerText rewrites a valid JSON number literal as plain decimal integer
// text ("1.5e3" becomes "1500") so that strconv can check its range.
// Literals without a fraction or exponent are returned unchanged, except
// that "-0" becomes "0".
func integerText(lit []byte) ([]byte, integerForm) {
	if !bytes.ContainsAny(lit, ".eE") {
		if string(lit) == "-0" {
			return lit[1:], wholeNumber
		}
		return lit, wholeNumber
	}
	negative := lit[0] == '-'
	if negative {
		lit = lit[1:]
	}
	mantissa, exponent := lit, []byte(nil)
	if i := bytes.IndexAny(lit, "eE"); i >= 0 {
		mantissa, exponent = lit[:i], lit[i+1:]
	}
	whole, fraction, _ := bytes.Cut(mantissa, []byte("."))

	// The value is digits × 10^scale.
	digits := bytes.TrimLeft(append(bytes.Clone(whole), fraction...), "0")
	scale := parseExponent(exponent) - int64(len(fraction))
	if len(digits) == 0 {
		return []byte("0"), wholeNumber
	}
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		scale++
	}
	switch {
	case scale < 0:
		return nil, fractionalNumber
	case int64(len(digits))+scale > 20:
		return nil, hugeNumber
	}
	text := make([]byte, 0, 1+len(digits)+int(scale))
	if negative {
		text = append(text, '-')
	}
	text = append(text, digits...)
	text = append(text, bytes.Repeat([]byte("0"), int(scale))...)
	return text, wholeNumber
}

// parseExponent parses the exponent digits of a number literal, with an
// optional sign, saturating at ±maxExponent.
func parseExponent(exp []byte) int64 {
	negative := false
	if len(exp) > 0 && (exp[0] == '+' || exp[0] == '-') {
		negative = exp[0] == '-'
		exp = exp[1:]
	}
	var n int64
	for _, c := range exp {
		n = min(n*10+int64(c-'0'), maxExponent)
	}
	if negative {
		return -n
	}
	return n
}

package money

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/practicekit/boundaries/internal/prose"
)

// An Amount is an exact amount of money: an integer number of minor units
// (cents of USD, yen of JPY, fils of BHD) in a currency. An Amount is a
// small immutable value: pass it by value, compare it with ==, use it as a
// map key. Two amounts are equal when both number and currency are;
// USD 1.00 and EUR 1.00 differ, and so do USD 0.00 and EUR 0.00.
//
// The zero Amount has no currency and is invalid: IsValid reports false,
// String returns "<invalid>", MarshalText returns empty text, and every
// arithmetic method fails on it with an error matching ErrCurrency. It is
// the only invalid Amount; every other Amount has a valid currency.
//
// Arithmetic never rounds silently and never wraps: amounts of different
// currencies are not combined (ErrMismatch), results outside the
// int64 range of minor units are errors (ErrOverflow), and Split and
// Allocate return parts that add up exactly to the whole.
type Amount struct {
	minor int64    // the amount in minor units of cur
	cur   Currency // a valid Currency, or "" (and minor 0) in the zero Amount
}

// MaxParts is the largest number of parts Split and Allocate produce.
const MaxParts = 1 << 16

// Errors returned by the Amount functions and methods; match them with
// errors.Is. An error may match more than one: a Parse error caused by
// the currency code matches both ErrParse and ErrCurrency.
var (
	// ErrParse is matched by every error from Parse and
	// Amount.UnmarshalText.
	ErrParse = errors.New("invalid money")
	// ErrMismatch is returned when two amounts of different
	// currencies are combined or compared.
	ErrMismatch = errors.New("currency mismatch")
	// ErrOverflow is returned when a result does not fit in int64 minor
	// units.
	ErrOverflow = errors.New("money overflow")
	// ErrAllocation is returned by Split and Allocate for a part count or
	// weights they cannot use.
	ErrAllocation = errors.New("invalid allocation")
)

// New returns minor minor units of cur: New(12000, "USD") is
// USD 120.00. If cur is not a valid currency, New returns the zero
// Amount, which is invalid; check with IsValid, or use ParseCurrency first to
// learn why a code is refused.
func New(minor int64, cur Currency) Amount {
	if !cur.IsValid() {
		return Amount{}
	}
	return Amount{minor: minor, cur: cur}
}

// Zero returns an amount of zero in cur: Zero("USD") is USD 0.00. Like
// New, it returns the zero Amount if cur is not valid.
func Zero(cur Currency) Amount { return New(0, cur) }

// Parse parses the form String returns: a currency code, one space,
// an optional minus sign and the amount in major units with exactly as many
// decimals as the currency has minor-unit digits: "USD 120.00",
// "JPY 5000", "BHD 1.250", "CLF 0.5000", "USD -5.00". Nothing else is
// accepted (no "USD 120", "USD 120.0", "usd 120.00", "+5.00", "-0.00",
// leading zeros, grouping or extra spaces), so that every amount has
// exactly one spelling and Parse and String are inverses. The amount
// must fit in int64 minor units.
//
// Errors match ErrParse (and ErrCurrency when the code is at fault), quote
// the input and give the 1-based byte column of the problem.
func Parse(s string) (Amount, error) {
	if len(s) < 3 || !isLetter(s[0]) {
		// Not even the start of a currency code, such as "$150".
		return Amount{}, parseMoneyError(s, 1, "want a currency code, a space and an amount, such as \"USD 120.00\"")
	}
	cur, err := ParseCurrency(s[:3])
	if err != nil {
		return Amount{}, fmt.Errorf("%w %s: column 1: %w", ErrParse, prose.Quote(s), err)
	}
	if len(s) == 3 || s[3] != ' ' {
		return Amount{}, parseMoneyError(s, 4, "want one space after the currency code")
	}
	exp := cur.Exponent()
	i := 4
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	var mag uint64
	digits := func(want int) (int, error) {
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' && (want < 0 || i-start < want) {
			d := uint64(s[i] - '0')
			if mag > (limit-d)/10 {
				return 0, parseMoneyError(s, 5, "amount out of range")
			}
			mag = mag*10 + d
			i++
		}
		return i - start, nil
	}
	intStart := i
	n, err := digits(-1)
	if err != nil {
		return Amount{}, err
	}
	switch {
	case n == 0:
		return Amount{}, parseMoneyError(s, i+1, "want a digit")
	case n > 1 && s[intStart] == '0':
		return Amount{}, parseMoneyError(s, intStart+1, "leading zero")
	}
	if exp > 0 {
		if i == len(s) || s[i] != '.' {
			return Amount{}, parseMoneyError(s, i+1, fmt.Sprintf("want a decimal point and %d decimals", exp))
		}
		i++
		fracStart := i
		n, err := digits(exp)
		if err != nil {
			return Amount{}, err
		}
		if n < exp || (i < len(s) && '0' <= s[i] && s[i] <= '9') {
			return Amount{}, parseMoneyError(s, fracStart+1, fmt.Sprintf("want exactly %d decimals for %s", exp, cur))
		}
	} else if i < len(s) && s[i] == '.' {
		return Amount{}, parseMoneyError(s, i+1, fmt.Sprintf("%s takes no decimals", cur))
	}
	if i != len(s) {
		return Amount{}, parseMoneyError(s, i+1, "unexpected "+prose.Quote(s[i:]))
	}
	if neg && mag == 0 {
		return Amount{}, parseMoneyError(s, 5, "negative zero; write the amount without a sign")
	}
	minor := int64(mag)
	if neg {
		minor = int64(-mag)
	}
	return Amount{minor: minor, cur: cur}, nil
}

func parseMoneyError(s string, col int, msg string) error {
	return fmt.Errorf("%w %s: column %d: %s", ErrParse, prose.Quote(s), col, msg)
}

// isLetter reports whether b is an ASCII letter.
func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// MustParse is Parse for literals; it panics on error.
func MustParse(s string) Amount {
	m, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Minor returns the amount in minor units: 12000 for USD 120.00.
func (m Amount) Minor() int64 { return m.minor }

// Currency returns the currency, or "" for the zero Amount.
func (m Amount) Currency() Currency { return m.cur }

// IsValid reports whether m has a currency, that is, whether it is not the
// zero Amount.
func (m Amount) IsValid() bool { return m.cur != "" }

// IsZero reports whether the amount is zero, in any currency. It is true
// for USD 0.00 and for the zero Amount; use IsValid to tell them apart.
func (m Amount) IsZero() bool { return m.minor == 0 }

// IsNegative reports whether the amount is below zero.
func (m Amount) IsNegative() bool { return m.minor < 0 }

// Add returns m + n. Both must be valid and of the same currency.
func (m Amount) Add(n Amount) (Amount, error) {
	if err := m.same("add", n); err != nil {
		return Amount{}, err
	}
	s := m.minor + n.minor
	if (m.minor^s)&(n.minor^s) < 0 {
		return Amount{}, fmt.Errorf("%w: %v + %v", ErrOverflow, m, n)
	}
	return Amount{minor: s, cur: m.cur}, nil
}

// Sub returns m - n. Both must be valid and of the same currency.
func (m Amount) Sub(n Amount) (Amount, error) {
	if err := m.same("subtract", n); err != nil {
		return Amount{}, err
	}
	s := m.minor - n.minor
	if (m.minor^n.minor)&(m.minor^s) < 0 {
		return Amount{}, fmt.Errorf("%w: %v - %v", ErrOverflow, m, n)
	}
	return Amount{minor: s, cur: m.cur}, nil
}

// Neg returns -m. It fails only for the zero Amount and for the most
// negative amount, whose negation does not fit.
func (m Amount) Neg() (Amount, error) {
	if err := m.valid("negate"); err != nil {
		return Amount{}, err
	}
	if m.minor == math.MinInt64 {
		return Amount{}, fmt.Errorf("%w: -(%v)", ErrOverflow, m)
	}
	return Amount{minor: -m.minor, cur: m.cur}, nil
}

// Mul returns m × k.
func (m Amount) Mul(k int64) (Amount, error) {
	if err := m.valid("multiply"); err != nil {
		return Amount{}, err
	}
	hi, lo := bits.Mul64(minorAbs(m.minor), minorAbs(k))
	r, ok := signedMinor(hi == 0, lo, (m.minor < 0) != (k < 0))
	if !ok {
		return Amount{}, fmt.Errorf("%w: %v × %d", ErrOverflow, m, k)
	}
	return Amount{minor: r, cur: m.cur}, nil
}

// Cmp compares m and n: -1 if m < n, 0 if they are equal, +1 if m > n.
// Both must be valid and of the same currency.
func (m Amount) Cmp(n Amount) (int, error) {
	if err := m.same("compare", n); err != nil {
		return 0, err
	}
	return cmp.Compare(m.minor, n.minor), nil
}

// Share returns the part of m given in basis points: m × bp / 10000, so
// 10000 is the whole, 5000 a half and 25 a quarter of a percent. bp may be
// negative or above 10000. The exact result is rounded to the minor unit
// half to even (banker's rounding): USD 0.05 × 5000 bp is USD 0.02, and
// USD 0.15 × 5000 bp is USD 0.08. The product is computed in 128 bits, so
// only a result that does not fit is an overflow.
func (m Amount) Share(bp int64) (Amount, error) {
	if err := m.valid("share"); err != nil {
		return Amount{}, err
	}
	const whole = 10000
	hi, lo := bits.Mul64(minorAbs(m.minor), minorAbs(bp))
	if hi >= whole {
		return Amount{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	q, r := bits.Div64(hi, lo, whole)
	if q > 1<<63 {
		return Amount{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	if 2*r > whole || (2*r == whole && q&1 == 1) {
		q++
	}
	v, ok := signedMinor(true, q, (m.minor < 0) != (bp < 0))
	if !ok {
		return Amount{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	return Amount{minor: v, cur: m.cur}, nil
}

// Split divides m into n parts that differ by at most one minor unit and
// add up exactly to m. The parts are in order: when m does not divide
// evenly, the first |remainder| parts get one more minor unit (one less, if
// m is negative) than the others. USD 100.00 split 3 ways is USD 33.34,
// USD 33.33, USD 33.33. n must be between 1 and MaxParts.
func (m Amount) Split(n int) ([]Amount, error) {
	if err := m.valid("split"); err != nil {
		return nil, err
	}
	if n < 1 || n > MaxParts {
		return nil, fmt.Errorf("%w: split %v into %d parts; want 1 to %d", ErrAllocation, m, n, MaxParts)
	}
	parts := make([]Amount, n)
	q, r, step := m.splitting(n)
	for i := range parts {
		parts[i] = Amount{minor: q, cur: m.cur}
		if int64(i) < r {
			parts[i].minor += step
		}
	}
	return parts, nil
}

// SplitParts returns the sum of parts from through to−1 of m split n ways,
// as Split makes them, without making the parts: SplitParts(n, i, i+1) is
// part i, and SplitParts(n, 0, k) what the first k parts add up to. A
// package of n prepaid sessions is split this way to know what the used
// ones earned. n must be between 1 and MaxParts and 0 ≤ from ≤ to ≤ n.
func (m Amount) SplitParts(n, from, to int) (Amount, error) {
	if err := m.valid("split"); err != nil {
		return Amount{}, err
	}
	if n < 1 || n > MaxParts || from < 0 || from > to || to > n {
		return Amount{}, fmt.Errorf("%w: parts %d to %d of %v split %d ways; want 1 to %d parts and 0 ≤ from ≤ to ≤ parts", ErrAllocation, from, to, m, n, MaxParts)
	}
	return Amount{minor: m.partsBefore(n, to) - m.partsBefore(n, from), cur: m.cur}, nil
}

// partsBefore returns the minor units of the first k parts of m split n
// ways, as Split makes them: 1 ≤ n ≤ MaxParts and 0 ≤ k ≤ n. It never
// overflows, being between zero and m.
func (m Amount) partsBefore(n, k int) int64 {
	q, r, step := m.splitting(n)
	return q*int64(k) + step*min(int64(k), r)
}

// splitting returns how Split divides m into n parts: each part is q, and
// the first r of them are q+step.
func (m Amount) splitting(n int) (q, r, step int64) {
	q, r, step = m.minor/int64(n), m.minor%int64(n), 1
	if r < 0 {
		step, r = -1, -r
	}
	return q, r, step
}

// Allocate divides m pro rata by weights, one part per weight, with the
// largest-remainder method: each part first gets its exact share m × w /
// Σw rounded toward zero, then the minor units left over go one each to
// the parts with the largest remainders, the earliest part first among
// equal remainders. The parts add up exactly to m, each is within one minor
// unit of its exact share, and a zero weight gets zero. A negative m is
// allocated as the negation of -m.
//
// Weights must be non-negative with a positive sum that fits in int64;
// there must be between 1 and MaxParts of them.
func (m Amount) Allocate(weights ...int64) ([]Amount, error) {
	if err := m.valid("allocate"); err != nil {
		return nil, err
	}
	if len(weights) < 1 || len(weights) > MaxParts {
		return nil, fmt.Errorf("%w: allocate %v by %d weights; want 1 to %d", ErrAllocation, m, len(weights), MaxParts)
	}
	var total uint64
	for i, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("%w: allocate %v: weight %d is negative (%d)", ErrAllocation, m, i, w)
		}
		total += uint64(w)
		if total > math.MaxInt64 {
			return nil, fmt.Errorf("%w: allocate %v: the weights add up to more than %d", ErrAllocation, m, int64(math.MaxInt64))
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: allocate %v: the weights add up to zero", ErrAllocation, m)
	}

	// Work on magnitudes: mag < 2^64 and w ≤ total, so mag × w / total
	// fits in 64 bits. Parts hold magnitudes until the sign is applied.
	mag := minorAbs(m.minor)
	parts := make([]Amount, len(weights))
	var small [8]allocRemainder
	rems := small[:0]
	var given uint64
	for i, w := range weights {
		hi, lo := bits.Mul64(mag, uint64(w))
		q, r := bits.Div64(hi, lo, total)
		parts[i] = Amount{minor: int64(q), cur: m.cur}
		given += q
		if r > 0 {
			rems = append(rems, allocRemainder{r: r, i: i})
		}
	}
	// The left-over is the sum of the remainders over total, less than the
	// number of non-zero remainders.
	if left := mag - given; left > 0 {
		slices.SortFunc(rems, func(a, b allocRemainder) int {
			return cmp.Or(cmp.Compare(b.r, a.r), cmp.Compare(a.i, b.i))
		})
		for _, x := range rems[:left] {
			parts[x.i].minor = int64(uint64(parts[x.i].minor) + 1)
		}
	}
	if m.minor < 0 {
		for i := range parts {
			parts[i].minor = int64(-uint64(parts[i].minor))
		}
	}
	return parts, nil
}

// allocRemainder is the remainder of part i of an allocation.
type allocRemainder struct {
	r uint64
	i int
}

// Sum returns the total of its arguments, which must all be valid and of
// the same currency. Only the total must fit in int64 minor units: a
// partial sum may overflow on the way if later amounts bring it back.
func Sum(first Amount, rest ...Amount) (Amount, error) {
	if err := first.valid("sum"); err != nil {
		return Amount{}, err
	}
	// A 128-bit two's complement accumulator: no partial sum of up to
	// 2^63 int64 values overflows it.
	hi, lo := int64(0), uint64(first.minor)
	if first.minor < 0 {
		hi = -1
	}
	for _, n := range rest {
		if err := first.same("sum", n); err != nil {
			return Amount{}, err
		}
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(n.minor), 0)
		hi += int64(carry)
		if n.minor < 0 {
			hi--
		}
	}
	if (hi != 0 || lo > math.MaxInt64) && (hi != -1 || lo <= math.MaxInt64) {
		return Amount{}, fmt.Errorf("%w: sum of %d %s amounts", ErrOverflow, 1+len(rest), first.cur)
	}
	return Amount{minor: int64(lo), cur: first.cur}, nil
}

// String returns m in the form Parse reads: the currency code, a
// space, and the amount in major units with the currency's number of
// decimals, "USD 120.00", "JPY 5000", "BHD -1.250". The zero Amount gives
// "<invalid>".
func (m Amount) String() string {
	if !m.IsValid() {
		return "<invalid>"
	}
	var buf [32]byte
	return string(m.appendTo(buf[:0]))
}

// AppendText implements encoding.TextAppender: it appends what String
// returns, or nothing for the zero Amount. It never fails.
func (m Amount) AppendText(b []byte) ([]byte, error) {
	if !m.IsValid() {
		return b, nil
	}
	return m.appendTo(b), nil
}

// MarshalText implements encoding.TextMarshaler: "USD 120.00", or empty
// text for the zero Amount. It never fails.
func (m Amount) MarshalText() ([]byte, error) {
	return m.AppendText(nil)
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty
// text gives the zero Amount, so every Amount round-trips through
// MarshalText and UnmarshalText.
func (m *Amount) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*m = Amount{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// appendTo appends the text form of a valid m.
func (m Amount) appendTo(b []byte) []byte {
	b = append(b, m.cur...)
	b = append(b, ' ')
	if m.minor < 0 {
		b = append(b, '-')
	}
	exp := m.cur.Exponent()
	var buf [24]byte
	d := strconv.AppendUint(buf[:0], minorAbs(m.minor), 10)
	for len(d) <= exp {
		d = append(d, 0)
		copy(d[1:], d)
		d[0] = '0'
	}
	b = append(b, d[:len(d)-exp]...)
	if exp > 0 {
		b = append(b, '.')
		b = append(b, d[len(d)-exp:]...)
	}
	return b
}

// valid returns an error if m is the zero Amount.
func (m Amount) valid(op string) error {
	if !m.IsValid() {
		return fmt.Errorf("%w: cannot %s the zero Amount, which has no currency", ErrCurrency, op)
	}
	return nil
}

// same returns an error unless m and n are valid amounts of one currency.
func (m Amount) same(op string, n Amount) error {
	if !m.IsValid() || !n.IsValid() {
		return fmt.Errorf("%w: cannot %s the zero Amount, which has no currency", ErrCurrency, op)
	}
	if m.cur != n.cur {
		return fmt.Errorf("%w: cannot %s %s and %s", ErrMismatch, op, m.cur, n.cur)
	}
	return nil
}

// minorAbs returns |x| as an unsigned number; minorAbs(math.MinInt64) is 2^63.
func minorAbs(x int64) uint64 {
	if x < 0 {
		return -uint64(x)
	}
	return uint64(x)
}

// signedMinor returns the int64 of magnitude mag and sign neg, and whether it
// fits (and fits reports whether the magnitude was representable at all).
func signedMinor(fits bool, mag uint64, neg bool) (int64, bool) {
	switch {
	case !fits:
		return 0, false
	case neg && mag <= 1<<63:
		return int64(-mag), true
	case !neg && mag <= math.MaxInt64:
		return int64(mag), true
	}
	return 0, false
}

package agreement

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
)

// Money is an exact amount of money: an integer number of minor units
// (cents of USD, yen of JPY, fils of BHD) in a currency. A Money is a small
// immutable value: pass it by value, compare it with ==, use it as a map
// key. Two Money values are equal when both amount and currency are;
// USD 1.00 and EUR 1.00 differ, and so do USD 0.00 and EUR 0.00.
//
// The zero Money has no currency and is invalid: IsValid reports false,
// String returns "<invalid>", MarshalText returns empty text, and every
// arithmetic method fails on it with an error matching ErrCurrency. It is
// the only invalid Money; every other Money has a valid currency.
//
// Arithmetic never rounds silently and never wraps: amounts of different
// currencies are not combined (ErrCurrencyMismatch), results outside the
// int64 range of minor units are errors (ErrOverflow), and Split and
// Allocate return parts that add up exactly to the whole.
type Money struct {
	minor int64    // the amount in minor units of cur
	cur   Currency // a valid Currency, or "" (and minor 0) in the zero Money
}

// MaxParts is the largest number of parts Split and Allocate produce.
const MaxParts = 1 << 16

// Errors returned by the Money functions and methods; match them with
// errors.Is. An error may match more than one: a ParseMoney error caused by
// the currency code matches both ErrMoney and ErrCurrency.
var (
	// ErrMoney is matched by every error from ParseMoney and
	// Money.UnmarshalText.
	ErrMoney = errors.New("invalid money")
	// ErrCurrencyMismatch is returned when two amounts of different
	// currencies are combined or compared.
	ErrCurrencyMismatch = errors.New("currency mismatch")
	// ErrOverflow is returned when a result does not fit in int64 minor
	// units.
	ErrOverflow = errors.New("money overflow")
	// ErrAllocation is returned by Split and Allocate for a part count or
	// weights they cannot use.
	ErrAllocation = errors.New("invalid allocation")
)

// NewMoney returns minor minor units of cur: NewMoney(12000, "USD") is
// USD 120.00. If cur is not a valid currency, NewMoney returns the zero
// Money, which is invalid; check with IsValid, or use ParseCurrency first to
// learn why a code is refused.
func NewMoney(minor int64, cur Currency) Money {
	if !cur.IsValid() {
		return Money{}
	}
	return Money{minor: minor, cur: cur}
}

// Zero returns an amount of zero in cur: Zero("USD") is USD 0.00. Like
// NewMoney, it returns the zero Money if cur is not valid.
func Zero(cur Currency) Money { return NewMoney(0, cur) }

// ParseMoney parses the form String returns: a currency code, one space,
// an optional minus sign and the amount in major units with exactly as many
// decimals as the currency has minor-unit digits: "USD 120.00",
// "JPY 5000", "BHD 1.250", "CLF 0.5000", "USD -5.00". Nothing else is
// accepted (no "USD 120", "USD 120.0", "usd 120.00", "+5.00", "-0.00",
// leading zeros, grouping or extra spaces), so that every amount has
// exactly one spelling and ParseMoney and String are inverses. The amount
// must fit in int64 minor units.
//
// Errors match ErrMoney (and ErrCurrency when the code is at fault), quote
// the input and give the 1-based byte column of the problem.
func ParseMoney(s string) (Money, error) {
	if len(s) < 3 {
		return Money{}, parseMoneyError(s, 1, "want a currency code, a space and an amount, such as \"USD 120.00\"")
	}
	cur, err := ParseCurrency(s[:3])
	if err != nil {
		return Money{}, fmt.Errorf("%w %q: column 1: %w", ErrMoney, s, err)
	}
	if len(s) == 3 || s[3] != ' ' {
		return Money{}, parseMoneyError(s, 4, "want one space after the currency code")
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
		return Money{}, err
	}
	switch {
	case n == 0:
		return Money{}, parseMoneyError(s, i+1, "want a digit")
	case n > 1 && s[intStart] == '0':
		return Money{}, parseMoneyError(s, intStart+1, "leading zero")
	}
	if exp > 0 {
		if i == len(s) || s[i] != '.' {
			return Money{}, parseMoneyError(s, i+1, fmt.Sprintf("want a decimal point and %d decimals", exp))
		}
		i++
		fracStart := i
		n, err := digits(exp)
		if err != nil {
			return Money{}, err
		}
		if n < exp || (i < len(s) && '0' <= s[i] && s[i] <= '9') {
			return Money{}, parseMoneyError(s, fracStart+1, fmt.Sprintf("want exactly %d decimals for %s", exp, cur))
		}
	} else if i < len(s) && s[i] == '.' {
		return Money{}, parseMoneyError(s, i+1, fmt.Sprintf("%s takes no decimals", cur))
	}
	if i != len(s) {
		return Money{}, parseMoneyError(s, i+1, fmt.Sprintf("unexpected %q", s[i:]))
	}
	if neg && mag == 0 {
		return Money{}, parseMoneyError(s, 5, "negative zero; write the amount without a sign")
	}
	minor := int64(mag)
	if neg {
		minor = int64(-mag)
	}
	return Money{minor: minor, cur: cur}, nil
}

func parseMoneyError(s string, col int, msg string) error {
	return fmt.Errorf("%w %q: column %d: %s", ErrMoney, s, col, msg)
}

// MustParseMoney is ParseMoney for literals; it panics on error.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

// Minor returns the amount in minor units: 12000 for USD 120.00.
func (m Money) Minor() int64 { return m.minor }

// Currency returns the currency, or "" for the zero Money.
func (m Money) Currency() Currency { return m.cur }

// IsValid reports whether m has a currency, that is, whether it is not the
// zero Money.
func (m Money) IsValid() bool { return m.cur != "" }

// IsZero reports whether the amount is zero, in any currency. It is true
// for USD 0.00 and for the zero Money; use IsValid to tell them apart.
func (m Money) IsZero() bool { return m.minor == 0 }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.minor < 0 }

// Add returns m + n. Both must be valid and of the same currency.
func (m Money) Add(n Money) (Money, error) {
	if err := m.same("add", n); err != nil {
		return Money{}, err
	}
	s := m.minor + n.minor
	if (m.minor^s)&(n.minor^s) < 0 {
		return Money{}, fmt.Errorf("%w: %v + %v", ErrOverflow, m, n)
	}
	return Money{minor: s, cur: m.cur}, nil
}

// Sub returns m - n. Both must be valid and of the same currency.
func (m Money) Sub(n Money) (Money, error) {
	if err := m.same("subtract", n); err != nil {
		return Money{}, err
	}
	s := m.minor - n.minor
	if (m.minor^n.minor)&(m.minor^s) < 0 {
		return Money{}, fmt.Errorf("%w: %v - %v", ErrOverflow, m, n)
	}
	return Money{minor: s, cur: m.cur}, nil
}

// Neg returns -m. It fails only for the zero Money and for the most
// negative amount, whose negation does not fit.
func (m Money) Neg() (Money, error) {
	if err := m.valid("negate"); err != nil {
		return Money{}, err
	}
	if m.minor == math.MinInt64 {
		return Money{}, fmt.Errorf("%w: -(%v)", ErrOverflow, m)
	}
	return Money{minor: -m.minor, cur: m.cur}, nil
}

// Mul returns m × k.
func (m Money) Mul(k int64) (Money, error) {
	if err := m.valid("multiply"); err != nil {
		return Money{}, err
	}
	hi, lo := bits.Mul64(minorAbs(m.minor), minorAbs(k))
	r, ok := signedMinor(hi == 0, lo, (m.minor < 0) != (k < 0))
	if !ok {
		return Money{}, fmt.Errorf("%w: %v × %d", ErrOverflow, m, k)
	}
	return Money{minor: r, cur: m.cur}, nil
}

// Cmp compares m and n: -1 if m < n, 0 if they are equal, +1 if m > n.
// Both must be valid and of the same currency.
func (m Money) Cmp(n Money) (int, error) {
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
func (m Money) Share(bp int64) (Money, error) {
	if err := m.valid("share"); err != nil {
		return Money{}, err
	}
	const whole = 10000
	hi, lo := bits.Mul64(minorAbs(m.minor), minorAbs(bp))
	if hi >= whole {
		return Money{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	q, r := bits.Div64(hi, lo, whole)
	if q > 1<<63 {
		return Money{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	if 2*r > whole || (2*r == whole && q&1 == 1) {
		q++
	}
	v, ok := signedMinor(true, q, (m.minor < 0) != (bp < 0))
	if !ok {
		return Money{}, fmt.Errorf("%w: %v × %d bp", ErrOverflow, m, bp)
	}
	return Money{minor: v, cur: m.cur}, nil
}

// Split divides m into n parts that differ by at most one minor unit and
// add up exactly to m. The parts are in order: when m does not divide
// evenly, the first |remainder| parts get one more minor unit (one less, if
// m is negative) than the others. USD 100.00 split 3 ways is USD 33.34,
// USD 33.33, USD 33.33. n must be between 1 and MaxParts.
func (m Money) Split(n int) ([]Money, error) {
	if err := m.valid("split"); err != nil {
		return nil, err
	}
	if n < 1 || n > MaxParts {
		return nil, fmt.Errorf("%w: split %v into %d parts; want 1 to %d", ErrAllocation, m, n, MaxParts)
	}
	parts := make([]Money, n)
	for i := range parts {
		parts[i] = m.part(n, i)
	}
	return parts, nil
}

// part returns part i of m split n ways, as Split makes it, without making
// the others: 1 ≤ n ≤ MaxParts and 0 ≤ i < n.
func (m Money) part(n, i int) Money {
	q, r, step := m.splitting(n)
	p := Money{minor: q, cur: m.cur}
	if int64(i) < r {
		p.minor += step
	}
	return p
}

// partsBefore returns the sum of the first k parts of m split n ways, as
// Split makes them: 1 ≤ n ≤ MaxParts and 0 ≤ k ≤ n. It never overflows,
// being between zero and m.
func (m Money) partsBefore(n, k int) Money {
	q, r, step := m.splitting(n)
	return Money{minor: q*int64(k) + step*min(int64(k), r), cur: m.cur}
}

// splitting returns how Split divides m into n parts: each part is q, and
// the first r of them are q+step.
func (m Money) splitting(n int) (q, r, step int64) {
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
func (m Money) Allocate(weights ...int64) ([]Money, error) {
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
	parts := make([]Money, len(weights))
	var small [8]allocRemainder
	rems := small[:0]
	var given uint64
	for i, w := range weights {
		hi, lo := bits.Mul64(mag, uint64(w))
		q, r := bits.Div64(hi, lo, total)
		parts[i] = Money{minor: int64(q), cur: m.cur}
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
func Sum(first Money, rest ...Money) (Money, error) {
	if err := first.valid("sum"); err != nil {
		return Money{}, err
	}
	// A 128-bit two's complement accumulator: no partial sum of up to
	// 2^63 int64 values overflows it.
	hi, lo := int64(0), uint64(first.minor)
	if first.minor < 0 {
		hi = -1
	}
	for _, n := range rest {
		if err := first.same("sum", n); err != nil {
			return Money{}, err
		}
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(n.minor), 0)
		hi += int64(carry)
		if n.minor < 0 {
			hi--
		}
	}
	if (hi != 0 || lo > math.MaxInt64) && (hi != -1 || lo <= math.MaxInt64) {
		return Money{}, fmt.Errorf("%w: sum of %d %s amounts", ErrOverflow, 1+len(rest), first.cur)
	}
	return Money{minor: int64(lo), cur: first.cur}, nil
}

// String returns m in the form ParseMoney reads: the currency code, a
// space, and the amount in major units with the currency's number of
// decimals, "USD 120.00", "JPY 5000", "BHD -1.250". The zero Money gives
// "<invalid>".
func (m Money) String() string {
	if !m.IsValid() {
		return "<invalid>"
	}
	var buf [32]byte
	return string(m.appendTo(buf[:0]))
}

// AppendText implements encoding.TextAppender: it appends what String
// returns, or nothing for the zero Money. It never fails.
func (m Money) AppendText(b []byte) ([]byte, error) {
	if !m.IsValid() {
		return b, nil
	}
	return m.appendTo(b), nil
}

// MarshalText implements encoding.TextMarshaler: "USD 120.00", or empty
// text for the zero Money. It never fails.
func (m Money) MarshalText() ([]byte, error) {
	return m.AppendText(nil)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseMoney. Empty
// text gives the zero Money, so every Money round-trips through
// MarshalText and UnmarshalText.
func (m *Money) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*m = Money{}
		return nil
	}
	v, err := ParseMoney(string(text))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// appendTo appends the text form of a valid m.
func (m Money) appendTo(b []byte) []byte {
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

// valid returns an error if m is the zero Money.
func (m Money) valid(op string) error {
	if !m.IsValid() {
		return fmt.Errorf("%w: cannot %s the zero Money, which has no currency", ErrCurrency, op)
	}
	return nil
}

// same returns an error unless m and n are valid amounts of one currency.
func (m Money) same(op string, n Money) error {
	if !m.IsValid() || !n.IsValid() {
		return fmt.Errorf("%w: cannot %s the zero Money, which has no currency", ErrCurrency, op)
	}
	if m.cur != n.cur {
		return fmt.Errorf("%w: cannot %s %s and %s", ErrCurrencyMismatch, op, m.cur, n.cur)
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

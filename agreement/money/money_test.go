package money

import (
	"cmp"
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCurrencyTable(t *testing.T) {
	require.Zero(t, len(iso4217)%currencyRecord)
	require.Equal(t, 179, len(iso4217)/currencyRecord, "codes in ISO 4217 list one of 2025-05-12")
	prev := ""
	for i := 0; i < len(iso4217); i += currencyRecord {
		code, e := iso4217[i:i+3], iso4217[i+3]
		for j := range 3 {
			require.True(t, isCodeLetter(code[j]), "record %d: %q", i/currencyRecord, code)
		}
		require.True(t, e == '-' || ('0' <= e && e <= '4'), "record %q: minor unit %q", code, e)
		require.Less(t, prev, code, "table not sorted at %q", code)
		prev = code
		got, ok := lookupCurrency(code)
		require.True(t, ok, code)
		require.Equal(t, e, got, code)
	}
}

func TestCurrencyExponent(t *testing.T) {
	tests := []struct {
		cur  Currency
		want int
	}{
		{"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"JPY", 0}, {"KRW", 0}, {"ISK", 0},
		{"VND", 0}, {"XOF", 0}, {"UYI", 0}, {"BHD", 3}, {"KWD", 3}, {"TND", 3},
		{"CLF", 4}, {"UYW", 4}, {"XAD", 2}, {"XCG", 2}, {"ZWG", 2}, {"SLE", 2},
		{"VED", 2}, {"AED", 2}, {"ZMW", 2},
		// "N.A." codes, withdrawn codes, malformed codes.
		{"XAU", -1}, {"XAG", -1}, {"XDR", -1}, {"XTS", -1}, {"XXX", -1},
		{"ANG", -1}, {"HRK", -1}, {"CUC", -1}, {"ZWL", -1}, {"SLL", -1},
		{"", -1}, {"usd", -1}, {"US", -1}, {"USDD", -1}, {"AAA", -1}, {"ZZZ", -1},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, tt.cur.Exponent(), "%q", tt.cur)
		require.Equal(t, tt.want >= 0, tt.cur.IsValid(), "%q", tt.cur)
	}
}

func TestParseCurrency(t *testing.T) {
	tests := []struct {
		in      string
		want    Currency
		wantErr string
	}{
		{in: "USD", want: "USD"},
		{in: "CLF", want: "CLF"},
		{in: "usd", wantErr: `invalid currency "usd": want three upper-case letters`},
		{in: "Usd", wantErr: `invalid currency "Usd": want three upper-case letters`},
		{in: "", wantErr: `invalid currency "": want three upper-case letters`},
		{in: "US", wantErr: `invalid currency "US"`},
		{in: "USD ", wantErr: `invalid currency "USD "`},
		{in: "U$D", wantErr: `invalid currency "U$D"`},
		{in: "ABC", wantErr: `invalid currency "ABC": not a current ISO 4217 code`},
		{in: "ANG", wantErr: `invalid currency "ANG": not a current ISO 4217 code`},
		{in: "XAU", wantErr: `invalid currency "XAU": ISO 4217 defines no minor unit for it`},
		{in: "XXX", wantErr: `invalid currency "XXX": ISO 4217 defines no minor unit for it`},
	}
	for _, tt := range tests {
		got, err := ParseCurrency(tt.in)
		if tt.wantErr != "" {
			require.ErrorIs(t, err, ErrCurrency, tt.in)
			require.ErrorContains(t, err, tt.wantErr)
			require.Equal(t, Currency(""), got)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, got)
		require.Equal(t, tt.in, got.String())
	}
	require.Panics(t, func() { MustParseCurrency("usd") })
	require.Equal(t, Currency("JPY"), MustParseCurrency("JPY"))
}

func TestCurrencyText(t *testing.T) {
	for _, c := range []Currency{"", "USD", "BHD"} {
		b, err := c.MarshalText()
		require.NoError(t, err)
		require.Equal(t, string(c), string(b))
		var got Currency
		require.NoError(t, got.UnmarshalText(b))
		require.Equal(t, c, got)
	}
	_, err := Currency("XAU").MarshalText()
	require.ErrorIs(t, err, ErrCurrency)
	var c Currency
	require.ErrorIs(t, c.UnmarshalText([]byte("usd")), ErrCurrency)
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		minor   int64
		cur     Currency
		wantErr string // substring; the input is always quoted
	}{
		{in: "USD 120.00", minor: 12000, cur: "USD"},
		{in: "USD 0.00", minor: 0, cur: "USD"},
		{in: "USD 0.01", minor: 1, cur: "USD"},
		{in: "USD -0.01", minor: -1, cur: "USD"},
		{in: "USD -5.00", minor: -500, cur: "USD"},
		{in: "USD 1.10", minor: 110, cur: "USD"},
		{in: "JPY 5000", minor: 5000, cur: "JPY"},
		{in: "JPY 0", minor: 0, cur: "JPY"},
		{in: "JPY -7", minor: -7, cur: "JPY"},
		{in: "BHD 1.250", minor: 1250, cur: "BHD"},
		{in: "BHD 0.001", minor: 1, cur: "BHD"},
		{in: "CLF 0.0001", minor: 1, cur: "CLF"},
		{in: "UYW 12.3456", minor: 123456, cur: "UYW"},
		{in: "USD 92233720368547758.07", minor: math.MaxInt64, cur: "USD"},
		{in: "USD -92233720368547758.08", minor: math.MinInt64, cur: "USD"},
		{in: "JPY 9223372036854775807", minor: math.MaxInt64, cur: "JPY"},
		{in: "JPY -9223372036854775808", minor: math.MinInt64, cur: "JPY"},
		{in: "CLF 922337203685477.5807", minor: math.MaxInt64, cur: "CLF"},

		{in: "USD 92233720368547758.08", wantErr: "column 5: amount out of range"},
		{in: "USD -92233720368547758.09", wantErr: "column 5: amount out of range"},
		{in: "JPY 9223372036854775808", wantErr: "column 5: amount out of range"},
		{in: "JPY 99999999999999999999999", wantErr: "column 5: amount out of range"},
		{in: "USD 120", wantErr: "column 8: want a decimal point and 2 decimals"},
		{in: "USD 120.0", wantErr: "column 9: want exactly 2 decimals for USD"},
		{in: "USD 120.", wantErr: "column 9: want exactly 2 decimals for USD"},
		{in: "USD 120.000", wantErr: "column 9: want exactly 2 decimals for USD"},
		{in: "BHD 1.25", wantErr: "column 7: want exactly 3 decimals for BHD"},
		{in: "JPY 5000.00", wantErr: "column 9: JPY takes no decimals"},
		{in: "JPY 5000.", wantErr: "column 9: JPY takes no decimals"},
		{in: "usd 120.00", wantErr: `column 1: invalid currency "usd"`},
		{in: "Usd 120.00", wantErr: `column 1: invalid currency "Usd"`},
		{in: "ABC 1.00", wantErr: `column 1: invalid currency "ABC": not a current ISO 4217 code`},
		{in: "XAU 1", wantErr: `column 1: invalid currency "XAU": ISO 4217 defines no minor unit`},
		{in: "USD120.00", wantErr: "column 4: want one space after the currency code"},
		{in: "USD", wantErr: "column 4: want one space after the currency code"},
		{in: "USD  120.00", wantErr: "column 5: want a digit"},
		{in: "USD\t120.00", wantErr: "column 4: want one space"},
		{in: " USD 120.00", wantErr: `column 1: want a currency code, a space and an amount`},
		{in: "$150", wantErr: `column 1: want a currency code, a space and an amount`},
		{in: "USD 120.00 ", wantErr: `column 11: unexpected " "`},
		{in: "USD 120.00\n", wantErr: `column 11: unexpected "\n"`},
		{in: "USD 1,200.00", wantErr: `column 6: want a decimal point and 2 decimals`},
		{in: "USD 1 200.00", wantErr: `column 6: want a decimal point and 2 decimals`},
		{in: "USD ", wantErr: "column 5: want a digit"},
		{in: "USD -", wantErr: "column 6: want a digit"},
		{in: "USD --1.00", wantErr: "column 6: want a digit"},
		{in: "USD +1.00", wantErr: "column 5: want a digit"},
		{in: "USD .50", wantErr: "column 5: want a digit"},
		{in: "USD -0.00", wantErr: "column 5: negative zero"},
		{in: "JPY -0", wantErr: "column 5: negative zero"},
		{in: "USD 01.00", wantErr: "column 5: leading zero"},
		{in: "USD 00.00", wantErr: "column 5: leading zero"},
		{in: "USD -01.00", wantErr: "column 6: leading zero"},
		{in: "USD 1.0a", wantErr: "column 7: want exactly 2 decimals"},
		{in: "USD 1e2", wantErr: "column 6: want a decimal point"},
		{in: "USD ١.00", wantErr: "column 5: want a digit"},
		{in: "", wantErr: `column 1: want a currency code, a space and an amount`},
		{in: "US", wantErr: `column 1: want a currency code`},
		{in: "120.00 USD", wantErr: `column 1: want a currency code, a space and an amount`},
		{in: "$120.00", wantErr: `column 1: want a currency code, a space and an amount`},
	}
	for _, tt := range tests {
		m, err := Parse(tt.in)
		if tt.wantErr != "" {
			require.ErrorIs(t, err, ErrParse, tt.in)
			require.ErrorContains(t, err, tt.wantErr, tt.in)
			require.ErrorContains(t, err, "invalid money "+strconv.Quote(tt.in), tt.in)
			require.Equal(t, Amount{}, m)
			continue
		}
		require.NoError(t, err, tt.in)
		require.Equal(t, New(tt.minor, tt.cur), m, tt.in)
		require.Equal(t, tt.minor, m.Minor())
		require.Equal(t, tt.cur, m.Currency())
		require.Equal(t, tt.in, m.String(), "format is the inverse of parse")
	}

	_, err := Parse("usd 1.00")
	require.ErrorIs(t, err, ErrCurrency, "a bad code matches ErrCurrency too")
	_, err = Parse("USD 1.0")
	require.NotErrorIs(t, err, ErrCurrency)
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Amount
		want string
	}{
		{New(12000, "USD"), "USD 120.00"},
		{New(5, "USD"), "USD 0.05"},
		{New(-5, "USD"), "USD -0.05"},
		{New(-500, "USD"), "USD -5.00"},
		{Zero("USD"), "USD 0.00"},
		{Zero("JPY"), "JPY 0"},
		{Zero("BHD"), "BHD 0.000"},
		{Zero("CLF"), "CLF 0.0000"},
		{New(5000, "JPY"), "JPY 5000"},
		{New(1250, "BHD"), "BHD 1.250"},
		{New(-1, "CLF"), "CLF -0.0001"},
		{New(math.MaxInt64, "USD"), "USD 92233720368547758.07"},
		{New(math.MinInt64, "USD"), "USD -92233720368547758.08"},
		{New(math.MinInt64, "JPY"), "JPY -9223372036854775808"},
		{New(math.MinInt64, "UYW"), "UYW -922337203685477.5808"},
		{Amount{}, "<invalid>"},
		{New(100, "usd"), "<invalid>"},
		{New(100, "XAU"), "<invalid>"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, tt.m.String())
		b, err := tt.m.MarshalText()
		require.NoError(t, err)
		if !tt.m.IsValid() {
			require.Empty(t, b)
		} else {
			require.Equal(t, tt.want, string(b))
		}
		var back Amount
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, tt.m, back)
	}
}

func TestMoneyZeroValue(t *testing.T) {
	var z Amount
	require.False(t, z.IsValid())
	require.True(t, z.IsZero())
	require.False(t, z.IsNegative())
	require.Equal(t, Currency(""), z.Currency())
	require.Equal(t, Amount{}, New(7, "usd"), "an invalid currency gives the zero Amount")
	require.Equal(t, Amount{}, Zero(""))

	usd := Zero("USD")
	require.True(t, usd.IsValid())
	require.True(t, usd.IsZero())
	require.NotEqual(t, usd, Zero("EUR"), "zero amounts in different currencies differ")
	require.NotEqual(t, usd, z)

	_, err := z.Add(usd)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = usd.Sub(z)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Neg()
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Mul(2)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Cmp(z)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Share(5000)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Split(2)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = z.Allocate(1, 1)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = Sum(z)
	require.ErrorIs(t, err, ErrCurrency)
	_, err = Sum(usd, z)
	require.ErrorIs(t, err, ErrCurrency)
}

func TestMoneyJSON(t *testing.T) {
	type fees struct {
		Session Amount `json:"session"`
		Deposit Amount `json:"deposit"`
	}
	in := fees{Session: MustParse("EUR 90.00")}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	require.JSONEq(t, `{"session":"EUR 90.00","deposit":""}`, string(b))
	var out fees
	require.NoError(t, json.Unmarshal(b, &out))
	require.Equal(t, in, out)
	err = json.Unmarshal([]byte(`{"session":"EUR 90"}`), &out)
	require.ErrorIs(t, err, ErrParse)
}

func TestMoneyArithmetic(t *testing.T) {
	usd := func(s string) Amount { return MustParse("USD " + s) }
	maxUSD, minUSD := New(math.MaxInt64, "USD"), New(math.MinInt64, "USD")
	eur := MustParse("EUR 1.00")

	type op func() (Amount, error)
	tests := []struct {
		name    string
		op      op
		want    Amount
		wantErr error
	}{
		{"add", func() (Amount, error) { return usd("1.50").Add(usd("2.75")) }, usd("4.25"), nil},
		{"add negative", func() (Amount, error) { return usd("1.50").Add(usd("-2.75")) }, usd("-1.25"), nil},
		{"add to max", func() (Amount, error) { return maxUSD.Add(usd("-0.01")) }, New(math.MaxInt64-1, "USD"), nil},
		{"add overflow", func() (Amount, error) { return maxUSD.Add(usd("0.01")) }, Amount{}, ErrOverflow},
		{"add underflow", func() (Amount, error) { return minUSD.Add(usd("-0.01")) }, Amount{}, ErrOverflow},
		{"add mismatch", func() (Amount, error) { return usd("1.00").Add(eur) }, Amount{}, ErrMismatch},
		{"sub", func() (Amount, error) { return usd("1.50").Sub(usd("2.75")) }, usd("-1.25"), nil},
		{"sub overflow", func() (Amount, error) { return minUSD.Sub(usd("0.01")) }, Amount{}, ErrOverflow},
		{"sub overflow up", func() (Amount, error) { return usd("0.00").Sub(minUSD) }, Amount{}, ErrOverflow},
		{"sub to min", func() (Amount, error) { return usd("-0.01").Sub(maxUSD) }, minUSD, nil},
		{"sub mismatch", func() (Amount, error) { return eur.Sub(usd("1.00")) }, Amount{}, ErrMismatch},
		{"neg", func() (Amount, error) { return usd("1.50").Neg() }, usd("-1.50"), nil},
		{"neg zero", func() (Amount, error) { return usd("0.00").Neg() }, usd("0.00"), nil},
		{"neg max", func() (Amount, error) { return maxUSD.Neg() }, New(-math.MaxInt64, "USD"), nil},
		{"neg min", func() (Amount, error) { return minUSD.Neg() }, Amount{}, ErrOverflow},
		{"mul", func() (Amount, error) { return usd("1.25").Mul(3) }, usd("3.75"), nil},
		{"mul negative", func() (Amount, error) { return usd("1.25").Mul(-4) }, usd("-5.00"), nil},
		{"mul zero", func() (Amount, error) { return maxUSD.Mul(0) }, usd("0.00"), nil},
		{"mul min by one", func() (Amount, error) { return minUSD.Mul(1) }, minUSD, nil},
		{"mul min by minus one", func() (Amount, error) { return minUSD.Mul(-1) }, Amount{}, ErrOverflow},
		{"mul max by minus one", func() (Amount, error) { return maxUSD.Mul(-1) }, New(-math.MaxInt64, "USD"), nil},
		{"mul overflow", func() (Amount, error) { return maxUSD.Mul(2) }, Amount{}, ErrOverflow},
		{"mul to min", func() (Amount, error) { return New(math.MinInt64/2, "USD").Mul(2) }, minUSD, nil},
		{"mul 64-bit wrap", func() (Amount, error) { return New(1<<32, "USD").Mul(1 << 32) }, Amount{}, ErrOverflow},
		{"mul min by min", func() (Amount, error) { return minUSD.Mul(math.MinInt64) }, Amount{}, ErrOverflow},
	}
	for _, tt := range tests {
		got, err := tt.op()
		if tt.wantErr != nil {
			require.ErrorIs(t, err, tt.wantErr, tt.name)
			require.Equal(t, Amount{}, got, tt.name)
			continue
		}
		require.NoError(t, err, tt.name)
		require.Equal(t, tt.want, got, tt.name)
	}

	_, err := maxUSD.Add(usd("0.01"))
	require.EqualError(t, err, "money overflow: USD 92233720368547758.07 + USD 0.01")
	_, err = eur.Add(usd("1.00"))
	require.EqualError(t, err, "currency mismatch: cannot add EUR and USD")
}

func TestMoneyCmp(t *testing.T) {
	a, b := MustParse("USD 1.00"), MustParse("USD 2.00")
	for _, tt := range []struct {
		x, y Amount
		want int
	}{{a, b, -1}, {b, a, 1}, {a, a, 0}, {New(math.MinInt64, "USD"), New(math.MaxInt64, "USD"), -1}} {
		got, err := tt.x.Cmp(tt.y)
		require.NoError(t, err)
		require.Equal(t, tt.want, got)
	}
	_, err := a.Cmp(MustParse("EUR 1.00"))
	require.ErrorIs(t, err, ErrMismatch)
	require.True(t, MustParse("USD -0.01").IsNegative())
	require.False(t, a.IsNegative())
	require.False(t, a.IsZero())
}

func TestMoneyShare(t *testing.T) {
	tests := []struct {
		m       string
		bp      int64
		want    string
		wantErr error
	}{
		{"USD 100.00", 2500, "USD 25.00", nil},
		{"USD 100.00", 10000, "USD 100.00", nil},
		{"USD 100.00", 0, "USD 0.00", nil},
		{"USD 100.00", 15000, "USD 150.00", nil},
		{"USD 100.00", 1, "USD 0.01", nil},
		{"USD 100.00", -5000, "USD -50.00", nil},
		// Exactly half a minor unit: to the even neighbour.
		{"USD 0.05", 5000, "USD 0.02", nil},   // 2.5 → 2
		{"USD 0.15", 5000, "USD 0.08", nil},   // 7.5 → 8
		{"USD 0.25", 5000, "USD 0.12", nil},   // 12.5 → 12
		{"USD 0.01", 5000, "USD 0.00", nil},   // 0.5 → 0
		{"USD 0.03", 5000, "USD 0.02", nil},   // 1.5 → 2
		{"USD -0.05", 5000, "USD -0.02", nil}, // -2.5 → -2
		{"USD -0.15", 5000, "USD -0.08", nil}, // -7.5 → -8
		{"USD 0.05", -5000, "USD -0.02", nil},
		{"USD -0.05", -5000, "USD 0.02", nil},
		{"JPY 5", 5000, "JPY 2", nil},
		{"JPY 7", 5000, "JPY 4", nil},
		{"JPY 10", 2500, "JPY 2", nil}, // 2.5 → 2
		{"JPY 30", 2500, "JPY 8", nil}, // 7.5 → 8
		// Not a half: to the nearest.
		{"USD 0.10", 3333, "USD 0.03", nil}, // 3.333
		{"USD 0.10", 6667, "USD 0.07", nil}, // 6.667
		{"USD 0.01", 5001, "USD 0.01", nil}, // 0.5001
		{"USD 0.01", 4999, "USD 0.00", nil}, // 0.4999
		{"USD -0.01", 5001, "USD -0.01", nil},
		{"BHD 1.000", 1250, "BHD 0.125", nil},
		{"BHD 0.001", 15000, "BHD 0.002", nil}, // 1.5 → 2
		// The 128-bit product of the extremes.
		{"USD 92233720368547758.07", 10000, "USD 92233720368547758.07", nil},
		{"USD 92233720368547758.07", 5000, "USD 46116860184273879.04", nil}, // …03.5 → …04
		{"USD -92233720368547758.08", 10000, "USD -92233720368547758.08", nil},
		{"USD -92233720368547758.08", 5000, "USD -46116860184273879.04", nil},
		{"USD 92233720368547758.07", 10001, "", ErrOverflow},
		{"USD -92233720368547758.08", -10000, "", ErrOverflow},
		{"USD 92233720368547758.07", math.MaxInt64, "", ErrOverflow},
		{"USD 0.01", math.MaxInt64, "USD 9223372036854.78", nil}, // …77.5807
		{"USD -0.01", math.MinInt64, "USD 9223372036854.78", nil},
		{"USD 0.00", math.MinInt64, "USD 0.00", nil},
	}
	for _, tt := range tests {
		got, err := MustParse(tt.m).Share(tt.bp)
		if tt.wantErr != nil {
			require.ErrorIs(t, err, tt.wantErr, "%s × %d", tt.m, tt.bp)
			continue
		}
		require.NoError(t, err, "%s × %d", tt.m, tt.bp)
		require.Equal(t, tt.want, got.String(), "%s × %d", tt.m, tt.bp)
	}
}

func TestMoneyShareAgainstBig(t *testing.T) {
	r := rand.New(rand.NewPCG(4217, 8785))
	for range 20000 {
		minor, bp := randMinor(r), randMinor(r)
		if r.IntN(2) == 0 {
			bp = r.Int64N(40001) - 20000
		}
		m := New(minor, "USD")
		got, err := m.Share(bp)
		// Reference: round(minor × bp / 10000) half to even with big.Int.
		num := new(big.Int).Mul(big.NewInt(minor), big.NewInt(bp))
		q, rem := new(big.Int).QuoRem(num, big.NewInt(10000), new(big.Int))
		twice := new(big.Int).Abs(new(big.Int).Mul(rem, big.NewInt(2)))
		if c := twice.Cmp(big.NewInt(10000)); c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(int64(num.Sign())))
		}
		if !q.IsInt64() {
			require.ErrorIs(t, err, ErrOverflow, "%d × %d", minor, bp)
			continue
		}
		require.NoError(t, err, "%d × %d", minor, bp)
		require.Equal(t, q.Int64(), got.Minor(), "%d × %d", minor, bp)
	}
}

func TestMoneySplit(t *testing.T) {
	tests := []struct {
		m    string
		n    int
		want []string
	}{
		{"USD 100.00", 3, []string{"USD 33.34", "USD 33.33", "USD 33.33"}},
		{"USD 100.00", 1, []string{"USD 100.00"}},
		{"USD 100.00", 4, []string{"USD 25.00", "USD 25.00", "USD 25.00", "USD 25.00"}},
		{"USD 0.05", 3, []string{"USD 0.02", "USD 0.02", "USD 0.01"}},
		{"USD 0.02", 5, []string{"USD 0.01", "USD 0.01", "USD 0.00", "USD 0.00", "USD 0.00"}},
		{"USD -100.00", 3, []string{"USD -33.34", "USD -33.33", "USD -33.33"}},
		{"USD -0.05", 3, []string{"USD -0.02", "USD -0.02", "USD -0.01"}},
		{"USD 0.00", 2, []string{"USD 0.00", "USD 0.00"}},
		{"JPY 1000", 3, []string{"JPY 334", "JPY 333", "JPY 333"}},
		{"JPY 9223372036854775807", 2, []string{"JPY 4611686018427387904", "JPY 4611686018427387903"}},
		{"JPY -9223372036854775808", 3, []string{"JPY -3074457345618258603", "JPY -3074457345618258603", "JPY -3074457345618258602"}},
	}
	for _, tt := range tests {
		parts, err := MustParse(tt.m).Split(tt.n)
		require.NoError(t, err)
		require.Equal(t, tt.want, strs(parts), "%s / %d", tt.m, tt.n)
	}
	for _, n := range []int{0, -1, MaxParts + 1} {
		_, err := MustParse("USD 1.00").Split(n)
		require.ErrorIs(t, err, ErrAllocation, n)
	}
	parts, err := MustParse("USD 1.00").Split(MaxParts)
	require.NoError(t, err)
	require.Len(t, parts, MaxParts)

	// SplitParts, which the ledger and terminations use instead of making
	// every part, agrees with Split.
	for _, tt := range tests {
		m := MustParse(tt.m)
		parts, err := m.Split(tt.n)
		require.NoError(t, err)
		for from := 0; from <= tt.n; from++ {
			for to := from; to <= tt.n; to++ {
				want := Zero(m.Currency())
				if to > from {
					want, err = Sum(parts[from], parts[from+1:to]...)
					require.NoError(t, err)
				}
				got, err := m.SplitParts(tt.n, from, to)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s / %d, parts %d to %d", tt.m, tt.n, from, to)
			}
		}
	}
	for _, c := range [][3]int{{0, 0, 0}, {3, -1, 2}, {3, 2, 1}, {3, 0, 4}, {MaxParts + 1, 0, 1}} {
		_, err := MustParse("USD 1.00").SplitParts(c[0], c[1], c[2])
		require.ErrorIs(t, err, ErrAllocation, c)
	}
	_, err = Amount{}.SplitParts(1, 0, 1)
	require.ErrorIs(t, err, ErrCurrency)
}

func TestMoneyAllocate(t *testing.T) {
	tests := []struct {
		m       string
		weights []int64
		want    []string
	}{
		{"USD 100.00", []int64{1, 1, 1}, []string{"USD 33.34", "USD 33.33", "USD 33.33"}},
		{"USD 100.00", []int64{1, 2, 3}, []string{"USD 16.67", "USD 33.33", "USD 50.00"}},
		{"USD 100.00", []int64{70, 20, 10}, []string{"USD 70.00", "USD 20.00", "USD 10.00"}},
		{"USD 0.05", []int64{3, 7}, []string{"USD 0.02", "USD 0.03"}},                // 1.5, 3.5: tie → earliest
		{"USD 0.10", []int64{1, 1, 1}, []string{"USD 0.04", "USD 0.03", "USD 0.03"}}, // ties → earliest
		{"USD 0.10", []int64{1, 0, 1, 1}, []string{"USD 0.04", "USD 0.00", "USD 0.03", "USD 0.03"}},
		{"USD 0.01", []int64{1, 1}, []string{"USD 0.01", "USD 0.00"}},
		{"USD 0.01", []int64{1, 2}, []string{"USD 0.00", "USD 0.01"}}, // remainders 1/3 and 2/3
		{"USD 1.00", []int64{0, 5}, []string{"USD 0.00", "USD 1.00"}},
		{"USD 0.07", []int64{2, 3, 5}, []string{"USD 0.01", "USD 0.02", "USD 0.04"}}, // 1.4, 2.1, 3.5 → largest remainders 0.5 then 0.4
		{"USD -0.07", []int64{2, 3, 5}, []string{"USD -0.01", "USD -0.02", "USD -0.04"}},
		{"USD -100.00", []int64{1, 1, 1}, []string{"USD -33.34", "USD -33.33", "USD -33.33"}},
		{"USD 0.00", []int64{1, 2}, []string{"USD 0.00", "USD 0.00"}},
		{"JPY 9223372036854775807", []int64{math.MaxInt64 - 1, 1}, []string{"JPY 9223372036854775806", "JPY 1"}},
		{"JPY -9223372036854775808", []int64{1}, []string{"JPY -9223372036854775808"}},
		{"JPY -9223372036854775808", []int64{1, 1}, []string{"JPY -4611686018427387904", "JPY -4611686018427387904"}},
		{"JPY 10", []int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, []string{"JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 1", "JPY 0", "JPY 0"}},
	}
	for _, tt := range tests {
		parts, err := MustParse(tt.m).Allocate(tt.weights...)
		require.NoError(t, err)
		require.Equal(t, tt.want, strs(parts), "%s by %v", tt.m, tt.weights)
	}

	m := MustParse("USD 1.00")
	for _, weights := range [][]int64{nil, {0}, {0, 0}, {1, -1}, {math.MaxInt64, 1}, make([]int64, MaxParts+1)} {
		_, err := m.Allocate(weights...)
		require.ErrorIs(t, err, ErrAllocation, "%v", weights)
	}
}

func strs(ms []Amount) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

func TestSum(t *testing.T) {
	usd := func(s string) Amount { return MustParse("USD " + s) }
	maxUSD, minUSD := New(math.MaxInt64, "USD"), New(math.MinInt64, "USD")

	got, err := Sum(usd("1.00"))
	require.NoError(t, err)
	require.Equal(t, usd("1.00"), got)
	got, err = Sum(usd("1.00"), usd("2.50"), usd("-0.25"))
	require.NoError(t, err)
	require.Equal(t, usd("3.25"), got)
	got, err = Sum(maxUSD, usd("0.01"), usd("-0.01"))
	require.NoError(t, err, "only the total must fit")
	require.Equal(t, maxUSD, got)
	got, err = Sum(minUSD, minUSD, maxUSD, maxUSD, usd("0.02"))
	require.NoError(t, err)
	require.Equal(t, usd("0.00"), got)
	got, err = Sum(usd("-0.01"), minUSD, usd("0.01"))
	require.NoError(t, err)
	require.Equal(t, minUSD, got)

	_, err = Sum(maxUSD, usd("0.01"))
	require.ErrorIs(t, err, ErrOverflow)
	_, err = Sum(minUSD, usd("-0.01"))
	require.ErrorIs(t, err, ErrOverflow)
	_, err = Sum(minUSD, minUSD)
	require.ErrorIs(t, err, ErrOverflow)
	_, err = Sum(usd("1.00"), MustParse("EUR 1.00"))
	require.ErrorIs(t, err, ErrMismatch)
}

// randMinor draws amounts of every size, with the extremes well represented.
func randMinor(r *rand.Rand) int64 {
	switch r.IntN(6) {
	case 0:
		return r.Int64N(201) - 100
	case 1:
		return r.Int64N(2_000_001) - 1_000_000
	case 2:
		return []int64{math.MinInt64, math.MinInt64 + 1, math.MaxInt64, math.MaxInt64 - 1, 0, 1, -1}[r.IntN(7)]
	case 3:
		return int64(r.Uint64()) >> r.IntN(64)
	default:
		return int64(r.Uint64())
	}
}

// refAllocate is the largest-remainder method on big integers, the slow
// reference for Allocate.
func refAllocate(minor int64, weights []int64) []int64 {
	m := big.NewInt(minor)
	neg := m.Sign() < 0
	m.Abs(m)
	total := new(big.Int)
	for _, w := range weights {
		total.Add(total, big.NewInt(w))
	}
	type part struct {
		q, r *big.Int
		i    int
	}
	parts := make([]part, len(weights))
	given := new(big.Int)
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(m, big.NewInt(w)), total, new(big.Int))
		parts[i] = part{q, r, i}
		given.Add(given, q)
	}
	left := new(big.Int).Sub(m, given).Int64()
	order := slices.Clone(parts)
	slices.SortStableFunc(order, func(a, b part) int { return cmp.Or(b.r.Cmp(a.r), cmp.Compare(a.i, b.i)) })
	for _, p := range order[:left] {
		parts[p.i].q.Add(parts[p.i].q, big.NewInt(1))
	}
	out := make([]int64, len(parts))
	for i, p := range parts {
		if neg {
			p.q.Neg(p.q)
		}
		out[i] = p.q.Int64()
	}
	return out
}

// TestSplitAllocateProperties checks 100,000 random cases: parts always add
// up to the whole, Split's parts are within one minor unit of m/n and
// ordered as documented, and Allocate equals the reference.
func TestSplitAllocateProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(20260, 1124))
	cases := 100_000
	if testing.Short() {
		cases = 10_000
	}
	for c := range cases {
		minor := randMinor(r)
		m := New(minor, "EUR")
		if c%2 == 0 {
			n := 1 + r.IntN(12)
			if r.IntN(50) == 0 {
				n = 1 + r.IntN(1000)
			}
			parts, err := m.Split(n)
			if err != nil {
				t.Fatalf("Split(%d) of %v: %v", n, m, err)
			}
			sum := new(big.Int)
			for i, p := range parts {
				sum.Add(sum, big.NewInt(p.Minor()))
				// |p×n − m| < n: within one minor unit of m/n.
				d := new(big.Int).Sub(new(big.Int).Mul(big.NewInt(p.Minor()), big.NewInt(int64(n))), big.NewInt(minor))
				if d.CmpAbs(big.NewInt(int64(n))) >= 0 {
					t.Fatalf("Split(%d) of %v: part %d = %v is not within one minor unit of the share", n, m, i, p)
				}
				if i > 0 && minorAbs(p.Minor()) > minorAbs(parts[i-1].Minor()) {
					t.Fatalf("Split(%d) of %v: larger part %d after a smaller one", n, m, i)
				}
				if p.Currency() != "EUR" {
					t.Fatalf("Split lost the currency: %v", p)
				}
			}
			if !sum.IsInt64() || sum.Int64() != minor {
				t.Fatalf("Split(%d) of %v: parts sum to %v", n, m, sum)
			}
			continue
		}
		weights := make([]int64, 1+r.IntN(10))
		for i := range weights {
			switch r.IntN(4) {
			case 0:
				weights[i] = 0
			case 1:
				weights[i] = r.Int64N(10)
			case 2:
				weights[i] = r.Int64N(10_000)
			default:
				weights[i] = r.Int64N(math.MaxInt64 / int64(len(weights)))
			}
		}
		if slices.Max(weights) == 0 {
			weights[r.IntN(len(weights))] = 1 + r.Int64N(100)
		}
		parts, err := m.Allocate(weights...)
		if err != nil {
			t.Fatalf("Allocate(%v) of %v: %v", weights, m, err)
		}
		want := refAllocate(minor, weights)
		sum := new(big.Int)
		for i, p := range parts {
			sum.Add(sum, big.NewInt(p.Minor()))
			if p.Minor() != want[i] || p.Currency() != "EUR" {
				t.Fatalf("Allocate(%v) of %v: got %v, want %v", weights, m, strs(parts), want)
			}
		}
		if !sum.IsInt64() || sum.Int64() != minor {
			t.Fatalf("Allocate(%v) of %v: parts sum to %v", weights, m, sum)
		}
	}
}

func TestMoneyAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("allocation counts differ under coverage")
	}
	m := MustParse("USD 120.00")
	require.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Parse("USD 120.00") }))
	require.Zero(t, testing.AllocsPerRun(100, func() { _, _ = m.Share(2500) }))
	require.Zero(t, testing.AllocsPerRun(100, func() { _, _ = m.Add(m) }))
	var sink string
	require.Equal(t, 1.0, testing.AllocsPerRun(100, func() { sink = m.String() }))
	require.Equal(t, "USD 120.00", sink)
	require.Equal(t, 1.0, testing.AllocsPerRun(100, func() { _, _ = m.Allocate(1, 2, 3) }))
	buf := make([]byte, 0, 64)
	require.Zero(t, testing.AllocsPerRun(100, func() { _, _ = m.AppendText(buf[:0]) }))
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"USD 120.00", "JPY 5000", "BHD 1.250", "USD -5.00", "CLF 0.0001",
		"USD 92233720368547758.07", "USD -92233720368547758.08", "USD 92233720368547758.08",
		"usd 1.00", "USD1.00", "USD  1.00", "USD 1.0", "JPY 1.0", "USD -0.00", "USD 01.00",
		"XAU 1", "", "USD ", "USD -", "USD 1.00 ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrParse) {
				t.Fatalf("Parse(%q): error %v does not match ErrParse", s, err)
			}
			if m != (Amount{}) {
				t.Fatalf("Parse(%q): error with a non-zero Amount %#v", s, m)
			}
			return
		}
		if !m.IsValid() {
			t.Fatalf("Parse(%q) = invalid Amount without error", s)
		}
		if got := m.String(); got != s {
			t.Fatalf("Parse(%q).String() = %q", s, got)
		}
		back, err := Parse(m.String())
		if err != nil || back != m {
			t.Fatalf("Parse(%q) = %v, %v; want %v", m.String(), back, err, m)
		}
		text, err := m.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var u Amount
		if err := u.UnmarshalText(text); err != nil || u != m {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, u, err, m)
		}
	})
}

func FuzzParseCurrency(f *testing.F) {
	for _, s := range []string{"USD", "usd", "XAU", "ANG", "", "US", "USDD", "CLF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCurrency(s)
		if err != nil {
			if !errors.Is(err, ErrCurrency) || c != "" {
				t.Fatalf("ParseCurrency(%q) = %q, %v", s, c, err)
			}
			return
		}
		if c.String() != s || !c.IsValid() || c.Exponent() < 0 || c.Exponent() > 4 {
			t.Fatalf("ParseCurrency(%q) = %q (exponent %d)", s, c, c.Exponent())
		}
	})
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("USD 1234567.89"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMoneyString(b *testing.B) {
	m := MustParse("USD 1234567.89")
	var s string
	b.ReportAllocs()
	for b.Loop() {
		s = m.String()
	}
	if s != "USD 1234567.89" {
		b.Fatal(s)
	}
}

func BenchmarkMoneyAllocate(b *testing.B) {
	m := MustParse("USD 1000.00")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Allocate(3, 2, 2); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMoneyShare(b *testing.B) {
	m := MustParse("USD 1234567.89")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Share(3333); err != nil {
			b.Fatal(err)
		}
	}
}

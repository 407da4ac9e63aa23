package fit

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// valueKind is the JSON shape of a Value.
type valueKind uint8

const (
	valueNone    valueKind = iota // no value: JSON null
	valueBool                     // true or false
	valueNumber                   // a number
	valueText                     // a string: text, option code, date, "remote", unease level
	valueTexts                    // an array of strings: option codes, texts
	valueNumbers                  // an array of numbers
	valuePoint                    // an object {"lat": …, "lon": …}
	valueTimes                    // an array of weekly windows
)

// A Value is one answer, or the value a condition compares an answer with.
// It holds one JSON shape (a boolean, a number, a string, a list of strings,
// a list of numbers, a point or a list of weekly windows) and is read
// against the type of the question it answers: a string is an option code
// for a choice question, a date ("2026-11-24") for a date question, "remote"
// or nothing else for a location question, an unease level ("uneasy") for
// the provider's instinct, an amount ("EUR 80.00") for a money question,
// and free text otherwise.
//
// Build values with the constructors ([Bool], [Choice], [Choices], [Number],
// [Text], [DateValue], [Location], [Remote], [Times], [Instinct], [Money]). The zero
// Value is no answer at all; it encodes as JSON null. Values are immutable
// once built: the constructors copy the slices they are given.
type Value struct {
	kind    valueKind
	b       bool
	num     float64
	text    string
	texts   []string
	nums    []float64
	point   place.Point
	windows []availability.Window
}

// Bool returns a yes/no answer.
func Bool(b bool) Value { return Value{kind: valueBool, b: b} }

// Number returns a number, for number, scale and instinct questions and for
// comparisons with them.
func Number(f float64) Value { return Value{kind: valueNumber, num: f} }

// Numbers returns a list of numbers, for the "in" operator on numbers.
func Numbers(fs ...float64) Value { return Value{kind: valueNumbers, nums: slices.Clone(fs)} }

// Text returns a free-text answer, or a text to compare one with.
func Text(s string) Value { return Value{kind: valueText, text: s} }

// Texts returns a list of texts, for the "in" operator on text questions.
func Texts(s ...string) Value { return Value{kind: valueTexts, texts: slices.Clone(s)} }

// Choice returns a single-choice answer: the code of the chosen option.
func Choice(code string) Value { return Value{kind: valueText, text: code} }

// Choices returns a multiple-choice answer, the codes of the chosen options
// in any order, or a list of codes to compare one with. No codes is an
// answer too: "none of these".
func Choices(codes ...string) Value {
	if codes == nil {
		codes = []string{}
	}
	return Value{kind: valueTexts, texts: slices.Clone(codes)}
}

// DateValue returns a date answer.
func DateValue(d availability.Date) Value { return Value{kind: valueText, text: d.String()} }

// Location returns a place answer.
func Location(p place.Point) Value { return Value{kind: valuePoint, point: p} }

// remoteText is how a location question is answered "remote".
const remoteText = "remote"

// Remote returns the location answer "remote": the client wants to meet
// online or by phone.
func Remote() Value { return Value{kind: valueText, text: remoteText} }

// Times returns an answer to a weekly-times question: the windows of the
// week the client prefers, read in the provider's zone.
func Times(windows ...availability.Window) Value {
	if windows == nil {
		windows = []availability.Window{}
	}
	return Value{kind: valueTimes, windows: slices.Clone(windows)}
}

// Money returns an amount of money, for money questions and for
// comparisons with them. The zero Amount gives an empty text, which no
// money question takes.
func Money(m money.Amount) Value {
	b, _ := m.MarshalText()
	return Value{kind: valueText, text: string(b)}
}

// Instinct returns the provider's answer to an instinct question.
func Instinct(u Unease) Value { return Value{kind: valueText, text: u.String()} }

// IsZero reports whether v is no value (JSON null).
func (v Value) IsZero() bool { return v.kind == valueNone }

// String formats the value as its JSON text, for messages and debugging.
func (v Value) String() string {
	b, err := v.MarshalJSON()
	if err != nil {
		return fmt.Sprintf("Value(%v)", err)
	}
	return string(b)
}

// equal reports whether v and w hold the same shape and contents.
func (v Value) equal(w Value) bool {
	if v.kind != w.kind {
		return false
	}
	switch v.kind {
	case valueBool:
		return v.b == w.b
	case valueNumber:
		return v.num == w.num
	case valueText:
		return v.text == w.text
	case valueTexts:
		return slices.Equal(v.texts, w.texts)
	case valueNumbers:
		return slices.Equal(v.nums, w.nums)
	case valuePoint:
		return v.point == w.point
	case valueTimes:
		return slices.Equal(v.windows, w.windows)
	}
	return true
}

// shape names the JSON shape of v for messages.
func (v Value) shape() string {
	switch v.kind {
	case valueBool:
		return "a boolean"
	case valueNumber:
		return "a number"
	case valueText:
		return "a string"
	case valueTexts:
		return "a list of strings"
	case valueNumbers:
		return "a list of numbers"
	case valuePoint:
		return "a point"
	case valueTimes:
		return "a list of weekly windows"
	}
	return "no value"
}

// MarshalJSON encodes the value in its JSON shape.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case valueNone:
		return []byte("null"), nil
	case valueBool:
		return strconv.AppendBool(nil, v.b), nil
	case valueNumber:
		return strictjson.Marshal(v.num)
	case valueText:
		return strictjson.Marshal(v.text)
	case valueTexts:
		if v.texts == nil {
			return []byte("[]"), nil
		}
		return strictjson.Marshal(v.texts)
	case valueNumbers:
		if v.nums == nil {
			return []byte("[]"), nil
		}
		return strictjson.Marshal(v.nums)
	case valuePoint:
		return strictjson.Marshal(v.point)
	case valueTimes:
		if v.windows == nil {
			return []byte("[]"), nil
		}
		return strictjson.Marshal(v.windows)
	}
	return nil, fmt.Errorf("fit: unknown value kind %d", v.kind)
}

// pointJSON is a Point whose coordinates must both be given.
type pointJSON struct {
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
}

// UnmarshalJSON decodes a value from any of its JSON shapes. An array of
// strings, of numbers or of objects (weekly windows, each with its days)
// must not mix element types; an empty array is an empty list of strings, which a weekly-times
// question reads as no windows.
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return problem.List{{Code: problem.Syntax, Message: "no value: the input is empty"}}
	}
	var out Value
	switch c := b[0]; {
	case c == 'n':
		var raw jsontext.Value
		if err := strictjson.Unmarshal(b, &raw, strictjson.Limits{}); err != nil {
			return err
		}
	case c == 't' || c == 'f':
		out.kind = valueBool
		if err := strictjson.Unmarshal(b, &out.b, strictjson.Limits{}); err != nil {
			return err
		}
	case c == '"':
		out.kind = valueText
		if err := strictjson.Unmarshal(b, &out.text, strictjson.Limits{}); err != nil {
			return err
		}
	case c == '{':
		var p pointJSON
		if err := strictjson.Unmarshal(b, &p, strictjson.Limits{}); err != nil {
			return err
		}
		switch {
		case p.Lat == nil:
			return problem.List{{Path: "lat", Code: problem.Required, Message: "a point needs both lat and lon"}}
		case p.Lon == nil:
			return problem.List{{Path: "lon", Code: problem.Required, Message: "a point needs both lat and lon"}}
		}
		out.kind, out.point = valuePoint, place.Point{Lat: *p.Lat, Lon: *p.Lon}
	case c == '[':
		var elems []jsontext.Value
		if err := strictjson.Unmarshal(b, &elems, strictjson.Limits{}); err != nil {
			return err
		}
		switch first := firstByte(elems); first {
		case 0, '"':
			out.kind, out.texts = valueTexts, []string{}
			if err := strictjson.Unmarshal(b, &out.texts, strictjson.Limits{}); err != nil {
				return err
			}
		case '{':
			out.kind = valueTimes
			if err := strictjson.Unmarshal(b, &out.windows, strictjson.Limits{}); err != nil {
				return err
			}
			for i, w := range out.windows {
				if w.Days == 0 {
					return problem.List{{Path: problem.Join(problem.Index("", i), "days"), Code: problem.Required, Message: "a weekly window needs its days"}}
				}
			}
		default:
			out.kind = valueNumbers
			if err := strictjson.Unmarshal(b, &out.nums, strictjson.Limits{}); err != nil {
				return err
			}
		}
	default:
		out.kind = valueNumber
		if err := strictjson.Unmarshal(b, &out.num, strictjson.Limits{}); err != nil {
			return err
		}
	}
	*v = out
	return nil
}

// firstByte returns the first byte of the first element, or 0 for none.
func firstByte(elems []jsontext.Value) byte {
	if len(elems) == 0 {
		return 0
	}
	e := bytes.TrimSpace(elems[0])
	if len(e) == 0 {
		return 0
	}
	return e[0]
}

// maxMinor is the largest number of minor units a money answer or
// comparison may have: every integer up to it is exact as a float64.
const maxMinor = 1 << 53

// parseMoney parses an amount as money.Parse does, with an error that
// quotes at most the start of a long text.
func parseMoney(s string) (money.Amount, error) {
	m, err := money.Parse(s)
	if err != nil && len(s) > 64 {
		return m, fmt.Errorf("%s is not an amount of money such as \"EUR 80.00\"", prose.Quote(s))
	}
	return m, err
}

// finite reports whether f is neither NaN nor infinite.
func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// trimmed returns s without surrounding white space.
func trimmed(s string) string { return strings.TrimSpace(s) }

// The accessors below read a Value back, each with the constructor's name:
// the value it holds, and whether it holds that shape. A host uses them to
// reuse answers elsewhere, such as the client's place in a referral request.

// Bool returns the yes/no answer v holds, and whether it holds one.
func (v Value) Bool() (b, ok bool) { return v.b, v.kind == valueBool }

// Number returns the number v holds, and whether it holds one.
func (v Value) Number() (float64, bool) { return v.num, v.kind == valueNumber }

// Text returns the single string v holds: free text, an option code, a
// date, "remote", an unease level or an amount of money, depending on the
// question; and whether it holds one.
func (v Value) Text() (string, bool) { return v.text, v.kind == valueText }

// Choices returns a copy of the list of option codes or texts v holds, and
// whether it holds one.
func (v Value) Choices() ([]string, bool) {
	return slices.Clone(v.texts), v.kind == valueTexts
}

// Numbers returns a copy of the list of numbers v holds, and whether it
// holds one.
func (v Value) Numbers() ([]float64, bool) {
	return slices.Clone(v.nums), v.kind == valueNumbers
}

// Location returns the place v holds, and whether it holds one. A "remote"
// answer holds no place; see IsRemote.
func (v Value) Location() (place.Point, bool) { return v.point, v.kind == valuePoint }

// IsRemote reports whether v is the location answer "remote".
func (v Value) IsRemote() bool { return v.kind == valueText && v.text == remoteText }

// Times returns a copy of the weekly windows v holds, and whether it holds
// them.
func (v Value) Times() ([]availability.Window, bool) {
	return slices.Clone(v.windows), v.kind == valueTimes
}

// Money returns the amount of money v holds, and whether it holds a valid
// one.
func (v Value) Money() (money.Amount, bool) {
	if v.kind != valueText {
		return money.Amount{}, false
	}
	m, err := money.Parse(v.text)
	return m, err == nil
}

// Date returns the date v holds, and whether it holds a valid one.
func (v Value) Date() (availability.Date, bool) {
	if v.kind != valueText {
		return availability.Date{}, false
	}
	d, err := availability.ParseDate(v.text)
	return d, err == nil
}

// parseTime parses a time of day, "18:30", "18:30:00" or with a fraction
// of a second, "18:30:00.5", into seconds after midnight.
func parseTime(s string) (float64, error) {
	bad := func() (float64, error) {
		return 0, fmt.Errorf("%s is not a time of day such as \"18:30\" or \"18:30:00\"", prose.Quote(s))
	}
	two := func(t string, max int) (int, bool) {
		if len(t) != 2 || t[0] < '0' || t[0] > '9' || t[1] < '0' || t[1] > '9' {
			return 0, false
		}
		n := int(t[0]-'0')*10 + int(t[1]-'0')
		return n, n <= max
	}
	if len(s) < 5 || s[2] != ':' {
		return bad()
	}
	h, okH := two(s[0:2], 23)
	m, okM := two(s[3:5], 59)
	if !okH || !okM {
		return bad()
	}
	secs := float64(h*3600 + m*60)
	rest := s[5:]
	if rest == "" {
		return secs, nil
	}
	if len(rest) < 3 || rest[0] != ':' {
		return bad()
	}
	sec, okS := two(rest[1:3], 59)
	if !okS {
		return bad()
	}
	secs += float64(sec)
	if frac := rest[3:]; frac != "" {
		if len(frac) < 2 || len(frac) > 10 || frac[0] != '.' {
			return bad()
		}
		f, err := strconv.ParseFloat("0"+frac, 64)
		if err != nil || strings.ContainsAny(frac[1:], "+-eE_") {
			return bad()
		}
		secs += f
	}
	return secs, nil
}

// parseDateTime parses an instant with its UTC offset (RFC 3339, such as
// "2026-11-24T18:30:00+01:00" or "2026-11-24T17:30:00Z") into seconds
// since 1970-01-01T00:00:00Z.
func parseDateTime(s string) (float64, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || len(s) > 40 {
		return 0, fmt.Errorf("%s is not a date and time with its offset, such as \"2026-11-24T18:30:00+01:00\"", prose.Quote(s))
	}
	return float64(t.Unix()) + float64(t.Nanosecond())/1e9, nil
}

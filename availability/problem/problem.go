package problem

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalid is matched by every List with errors.Is, so a caller can ask
// "was the input invalid?" without naming the list type.
var ErrInvalid = errors.New("invalid")

// A Problem is one thing wrong with a model: where it is (Path, such as
// "cancellation.tiers[1].before"), what kind of problem it is (Code), and a
// sentence for people. Err, when set, is the error behind the problem,
// such as the error of a parser, so that errors.Is can match it.
type Problem struct {
	Path    string `json:"path,omitempty"`
	Code    Code   `json:"code"`
	Message string `json:"message"`
	Err     error  `json:"-"`
}

// Error formats the problem as "path: message [code]", or "message [code]"
// at the root.
func (p Problem) Error() string {
	var b strings.Builder
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	b.WriteString(" [")
	b.WriteString(string(p.Code))
	b.WriteByte(']')
	return b.String()
}

// Unwrap returns the error behind the problem, or nil.
func (p Problem) Unwrap() error { return p.Err }

// List is every problem found, in the order found. A nil or empty List
// means the model is valid; Err turns a List into an error.
type List []Problem

// Add appends a problem at path with the given code and a message
// formatted as by fmt.Sprintf.
func (l *List) Add(path string, code Code, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when the list is empty and the list itself otherwise, so
// that a Validate method can end with return l.Err().
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the problems, one per line.
func (l List) Error() string {
	var b strings.Builder
	for i, p := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (l List) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the problems as errors, so that errors.Is and errors.As
// reach the error behind each one.
func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, p := range l {
		errs[i] = p
	}
	return errs
}

// Has reports whether some problem has the given code.
func (l List) Has(code Code) bool {
	for _, p := range l {
		if p.Code == code {
			return true
		}
	}
	return false
}

// At returns the problems found at path or below it: At("hours") holds
// the problems of "hours", "hours[2]" and "hours[2].end", not those of
// "hours_note".
func (l List) At(path string) List {
	var out List
	for _, p := range l {
		if within(p.Path, path) {
			out = append(out, p)
		}
	}
	return out
}

// Under returns a copy of the list with every path moved below parent, as
// Join builds it: a host that embeds a schedule under "calendars[2]"
// reports the schedule's problems at "calendars[2].hours[0].end".
func (l List) Under(parent string) List {
	if len(l) == 0 {
		return nil
	}
	out := make(List, len(l))
	for i, p := range l {
		p.Path = Join(parent, p.Path)
		out[i] = p
	}
	return out
}

// within reports whether path is prefix or lies below it.
func within(path, prefix string) bool {
	if prefix == "" || path == prefix {
		return true
	}
	if !strings.HasPrefix(path, prefix) {
		return false
	}
	c := path[len(prefix)]
	return c == '.' || c == '['
}

// Join returns the path of child below parent: Join("a", "b") is "a.b",
// Join("a", "[2]") is "a[2]", and an empty parent or child leaves the
// other as it is.
func Join(parent, child string) string {
	switch {
	case parent == "":
		return child
	case child == "":
		return parent
	case child[0] == '[':
		return parent + child
	default:
		return parent + "." + child
	}
}

// Index returns the path of element i of the list at path: Index("hours",
// 2) is "hours[2]".
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Key returns the path of the member name of the object at path: a plain
// identifier after a dot (Key("rooms", "a1") is "rooms.a1"), any other
// name quoted in brackets (Key("rooms", "room 1") is `rooms["room 1"]`).
func Key(path, name string) string {
	if isIdent(name) {
		return Join(path, name)
	}
	return path + "[" + strconv.Quote(name) + "]"
}

// isIdent reports whether s is a plain identifier, [A-Za-z_][A-Za-z0-9_]*.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// Package problem holds the validation vocabulary shared by the library's
// packages: a Problem found at a path with a stable code, and a List of them
// that is an error when it is not empty. The public packages re-export these
// types under their own names (availability.Problem, agreement.Problems, …).
package problem

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is matched by every List with errors.Is, so callers can ask
// "was this a validation failure?" without naming the list type.
var ErrInvalid = errors.New("invalid")

// A Problem is one thing wrong with a model: where (Path, such as
// "cancellation.tiers[1].before"), what kind of thing (Code, stable and
// machine-readable, such as "unsorted"), and a sentence for people.
type Problem struct {
	Path    string `json:"path"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error formats the problem as "path: message [code]".
func (p Problem) Error() string {
	if p.Path == "" {
		return fmt.Sprintf("%s [%s]", p.Message, p.Code)
	}
	return fmt.Sprintf("%s: %s [%s]", p.Path, p.Message, p.Code)
}

// List is every problem found, in the order found. A nil or empty List means
// the model is valid; use Err to turn it into an error.
type List []Problem

// Add appends a problem built from its parts.
func (l *List) Add(path, code, format string, args ...any) {
	*l = append(*l, Problem{Path: path, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil when the list is empty and the list itself otherwise.
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

// Has reports whether some problem has the given code.
func (l List) Has(code string) bool {
	for _, p := range l {
		if p.Code == code {
			return true
		}
	}
	return false
}

// Join returns a path made of a parent path and a child segment: Join("a",
// "b") is "a.b", Join("a", "[2]") is "a[2]", and Join("", "b") is "b".
func Join(parent, child string) string {
	switch {
	case parent == "":
		return child
	case strings.HasPrefix(child, "["):
		return parent + child
	default:
		return parent + "." + child
	}
}

// Index returns the path of element i of the list at path: Index("hours", 2)
// is "hours[2]".
func Index(path string, i int) string {
	return fmt.Sprintf("%s[%d]", path, i)
}

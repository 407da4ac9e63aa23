package jsoncodec

import (
	"strconv"
	"strings"
)

// segment is one step of a path: an object member name or an array index.
type segment struct {
	name  string // member name; used when index < 0
	index int    // array index, or -1 for a member
}

// formatPath renders segments as a path such as `hours[0].start` or
// `rooms["room 1"]`.
func formatPath(segments []segment) string {
	var b strings.Builder
	for _, s := range segments {
		switch {
		case s.index >= 0:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
		case isIdentifier(s.name):
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.name)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.name))
			b.WriteByte(']')
		}
	}
	return b.String()
}

// joinPath appends the path inner, relative to a value, to the path outer of
// that value.
func joinPath(outer, inner string) string {
	switch {
	case inner == "":
		return outer
	case outer == "" || inner[0] == '[':
		return outer + inner
	default:
		return outer + "." + inner
	}
}

// isIdentifier reports whether s matches [a-zA-Z_][a-zA-Z0-9_]* and can
// therefore appear in a path without quoting.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		digit := '0' <= c && c <= '9'
		if !letter && !(digit && i > 0) {
			return false
		}
	}
	return true
}

package ical

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/practicekit/boundaries/internal/prose"
)

// Limits bound what Decode and Parse accept, so that hostile input cannot
// make them slow or large. The zero Limits means the defaults.
type Limits struct {
	// MaxBytes caps the input; zero means 8 MiB.
	MaxBytes int
	// MaxLineBytes caps one content line after unfolding; zero means
	// 256 KiB.
	MaxLineBytes int
	// MaxComponents caps the components (VEVENT, AVAILABLE, …); zero
	// means 100 000.
	MaxComponents int
	// MaxProperties caps the content lines; zero means 1 000 000.
	MaxProperties int
	// MaxDepth caps the nesting of components; zero means 8.
	MaxDepth int
}

func (l Limits) maxBytes() int      { return cmpOr(l.MaxBytes, 8<<20) }
func (l Limits) maxLineBytes() int  { return cmpOr(l.MaxLineBytes, 256<<10) }
func (l Limits) maxComponents() int { return cmpOr(l.MaxComponents, 100_000) }
func (l Limits) maxProperties() int { return cmpOr(l.MaxProperties, 1_000_000) }
func (l Limits) maxDepth() int      { return cmpOr(l.MaxDepth, 8) }

// A Component is a BEGIN:NAME … END:NAME block: its properties in order
// and the components nested in it. Names are upper case.
type Component struct {
	Name       string
	Properties []Property
	Components []Component
	// line is the line of its BEGIN in the input, 0 when built in code.
	line int
}

// A Property is one content line, "NAME;PARAM=VALUE:value", after
// unfolding. Names and parameter names are upper case; values are kept as
// written (TEXT values still escaped).
type Property struct {
	Name   string
	Params []Param
	Value  string
	// Line is the line the property starts on in the input, 0 when built
	// in code.
	Line int
	// col is the column its value starts at, in the unfolded line.
	col int
	// folds are the offsets in the unfolded line where each continuation
	// line's text begins, to report errors where they are in the input.
	folds []int
}

// A Param is a property parameter with its values, unquoted.
type Param struct {
	Name   string
	Values []string
}

// Param returns the first value of the parameter name (upper case), or "".
func (p Property) Param(name string) string {
	for _, q := range p.Params {
		if q.Name == name && len(q.Values) > 0 {
			return q.Values[0]
		}
	}
	return ""
}

// Property returns the first property called name (upper case) and
// whether there is one.
func (c Component) Property(name string) (Property, bool) {
	for _, p := range c.Properties {
		if p.Name == name {
			return p, true
		}
	}
	return Property{}, false
}

// Decode splits iCalendar data into its top-level components, unfolding
// lines (RFC 5545 §3.1: a line break followed by a space or a tab
// continues the line). Lines may end in CRLF or LF; blank lines are
// skipped. BEGIN and END must nest and match. Errors are *SyntaxError with
// the line and column, or *LimitError.
func Decode(data []byte, lim Limits) ([]Component, error) {
	if len(data) > lim.maxBytes() {
		return nil, &LimitError{Limit: "bytes", Max: int64(lim.maxBytes()), Msg: "input too large"}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	d := decoder{lim: lim}
	text := string(data)
	// The pending logical line: where it starts, and its text (a slice of
	// the input, or an unfolded copy once a continuation line was seen).
	var pending struct {
		line   int
		text   string
		folded []byte
		folds  []int
	}
	flush := func() error {
		if pending.line == 0 {
			return nil
		}
		s := pending.text
		if pending.folded != nil {
			s = string(pending.folded)
		}
		err := d.line(s, pending.line, pending.folds)
		pending.line, pending.text, pending.folded, pending.folds = 0, "", nil, nil
		return err
	}
	lineNo := 0
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		next := len(text)
		if end < 0 {
			end = len(text)
		} else {
			end += pos
			next = end + 1
		}
		phys := strings.TrimSuffix(text[pos:end], "\r")
		pos = next
		lineNo++
		if phys != "" && (phys[0] == ' ' || phys[0] == '\t') && pending.line != 0 {
			if pending.folded == nil {
				pending.folded = append([]byte(nil), pending.text...)
			}
			pending.folds = append(pending.folds, len(pending.folded))
			pending.folded = append(pending.folded, phys[1:]...)
			if len(pending.folded) > lim.maxLineBytes() {
				return nil, &LimitError{Limit: "bytes", Max: int64(lim.maxLineBytes()), Msg: "content line too long"}
			}
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		if strings.TrimSpace(phys) == "" {
			continue
		}
		if len(phys) > lim.maxLineBytes() {
			return nil, &LimitError{Limit: "bytes", Max: int64(lim.maxLineBytes()), Msg: "content line too long"}
		}
		pending.line, pending.text = lineNo, phys
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(d.stack) > 0 {
		top := d.stack[len(d.stack)-1]
		return nil, &SyntaxError{Line: top.line, Column: 1, Msg: prose.Quote("BEGIN:"+top.c.Name) + " has no END"}
	}
	return d.out, nil
}

type decoder struct {
	lim        Limits
	stack      []open
	out        []Component
	components int
	properties int
	// bufs[i] collects the properties of the open component at depth i,
	// reused from one component to the next; END copies them out.
	bufs [][]Property
}

type open struct {
	c    Component
	line int
}

// line handles one unfolded content line that starts on line lineNo, with
// its continuation lines beginning at the offsets folds.
func (d *decoder) line(s string, lineNo int, folds []int) error {
	p, err := parseContentLine(s, lineNo, folds)
	if err != nil {
		return err
	}
	if d.properties++; d.properties > d.lim.maxProperties() {
		return &LimitError{Limit: "content lines", Max: int64(d.lim.maxProperties()), Msg: "too many properties"}
	}
	switch p.Name {
	case "BEGIN":
		name := strings.ToUpper(p.Value)
		if !isName(name) {
			line, col := physical(lineNo, folds, p.col)
			return &SyntaxError{Line: line, Column: col, Msg: "bad component name", Near: s}
		}
		if len(d.stack) >= d.lim.maxDepth() {
			return &LimitError{Limit: "levels", Max: int64(d.lim.maxDepth()), Msg: "components nested too deep"}
		}
		if d.components++; d.components > d.lim.maxComponents() {
			return &LimitError{Limit: "components", Max: int64(d.lim.maxComponents()), Msg: "too many components"}
		}
		d.stack = append(d.stack, open{c: Component{Name: name, line: lineNo}, line: lineNo})
		if len(d.bufs) < len(d.stack) {
			d.bufs = append(d.bufs, nil)
		}
		d.bufs[len(d.stack)-1] = d.bufs[len(d.stack)-1][:0]
	case "END":
		name := strings.ToUpper(p.Value)
		if len(d.stack) == 0 {
			return &SyntaxError{Line: lineNo, Column: 1, Msg: "END without BEGIN", Near: s}
		}
		top := d.stack[len(d.stack)-1]
		if top.c.Name != name {
			line, col := physical(lineNo, folds, p.col)
			return &SyntaxError{Line: line, Column: col, Msg: prose.Quote("END:"+name) + " closes " + prose.Quote("BEGIN:"+top.c.Name) + " of line " + itoa(top.line), Near: s}
		}
		if buf := d.bufs[len(d.stack)-1]; len(buf) > 0 {
			top.c.Properties = append(make([]Property, 0, len(buf)), buf...)
		}
		d.stack = d.stack[:len(d.stack)-1]
		if len(d.stack) == 0 {
			d.out = append(d.out, top.c)
		} else {
			parent := &d.stack[len(d.stack)-1].c
			parent.Components = append(parent.Components, top.c)
		}
	default:
		if len(d.stack) == 0 {
			return &SyntaxError{Line: lineNo, Column: 1, Msg: "property outside any component", Near: s}
		}
		i := len(d.stack) - 1
		d.bufs[i] = append(d.bufs[i], p)
	}
	return nil
}

func itoa(n int) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

func isNameByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// physical maps column col of an unfolded content line that starts on
// line, with continuation lines beginning at the offsets folds, to the line
// and column of the input it came from. The text of a continuation line
// starts in its column 2, after the folding space or tab.
func physical(line int, folds []int, col int) (int, int) {
	k := 0
	for k < len(folds) && folds[k] <= col-1 {
		k++
	}
	if k == 0 {
		return line, col
	}
	return line + k, col - folds[k-1] + 1
}

// parseContentLine parses "NAME *(;PARAM) : value" (RFC 5545 §3.1), an
// unfolded line that starts on line lineNo with continuation lines
// beginning at the offsets folds.
func parseContentLine(s string, lineNo int, folds []int) (Property, error) {
	fail := func(col int, msg string) (Property, error) {
		line, col := physical(lineNo, folds, col)
		return Property{}, &SyntaxError{Line: line, Column: col, Msg: msg, Near: s}
	}
	i := 0
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == 0 {
		return fail(1, "want a property name")
	}
	p := Property{Name: strings.ToUpper(s[:i]), Line: lineNo}
	for i < len(s) && s[i] == ';' {
		i++
		j := i
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j == i {
			return fail(i+1, "want a parameter name")
		}
		param := Param{Name: strings.ToUpper(s[i:j])}
		if j >= len(s) || s[j] != '=' {
			return fail(j+1, "want = after parameter name")
		}
		i = j + 1
		for {
			if i < len(s) && s[i] == '"' {
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return fail(i+1, "unterminated quoted parameter value")
				}
				param.Values = append(param.Values, s[i+1:i+1+end])
				i += end + 2
			} else {
				j := i
				for j < len(s) && s[j] != ';' && s[j] != ':' && s[j] != ',' && s[j] != '"' {
					j++
				}
				if j < len(s) && s[j] == '"' {
					return fail(j+1, "quote inside a parameter value")
				}
				param.Values = append(param.Values, s[i:j])
				i = j
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
		p.Params = append(p.Params, param)
	}
	if i >= len(s) || s[i] != ':' {
		return fail(i+1, "want : before the value")
	}
	p.Value = s[i+1:]
	p.col = i + 2
	p.folds = folds
	return p, nil
}

// Encode writes components as iCalendar text: CRLF line ends, lines folded
// at 75 octets without splitting a UTF-8 sequence (bytes that are not
// UTF-8 are folded anywhere), parameter values quoted when they hold ':',
// ';' or ',' (a double quote in them becomes a single one), and a line
// break in a name or value written as a space, so that no value can start
// a line of its own.
func Encode(components ...Component) []byte {
	var b []byte
	for _, c := range components {
		b = c.appendTo(b)
	}
	return b
}

func (c Component) appendTo(b []byte) []byte {
	b = appendLine(b, Property{Name: "BEGIN", Value: c.Name})
	for _, p := range c.Properties {
		b = appendLine(b, p)
	}
	for _, sub := range c.Components {
		b = sub.appendTo(b)
	}
	return appendLine(b, Property{Name: "END", Value: c.Name})
}

// appendLine appends one content line, folded.
func appendLine(b []byte, p Property) []byte {
	line := make([]byte, 0, len(p.Name)+len(p.Value)+16)
	line = append(line, p.Name...)
	for _, q := range p.Params {
		line = append(line, ';')
		line = append(line, q.Name...)
		line = append(line, '=')
		for i, v := range q.Values {
			if i > 0 {
				line = append(line, ',')
			}
			v = strings.ReplaceAll(v, `"`, "'")
			if strings.ContainsAny(v, ":;,") {
				line = append(line, '"')
				line = append(line, v...)
				line = append(line, '"')
			} else {
				line = append(line, v...)
			}
		}
	}
	line = append(line, ':')
	line = append(line, p.Value...)
	// A line break is never part of a content line (TEXT values escape
	// theirs): one in a name or raw value would start a line of its own,
	// so it becomes a space.
	for i, c := range line {
		if c == '\r' || c == '\n' {
			line[i] = ' '
		}
	}
	limit := 75
	for len(line) > limit {
		// Back up to the start of the UTF-8 sequence the fold would split;
		// bytes that are not UTF-8 are split anywhere, so the loop always
		// moves on.
		cut := limit
		for k := 1; k < utf8.UTFMax && !utf8.RuneStart(line[cut]); k++ {
			cut--
		}
		if !utf8.RuneStart(line[cut]) {
			cut = limit
		}
		b = append(b, line[:cut]...)
		b = append(b, "\r\n "...)
		line = line[cut:]
		limit = 74
	}
	b = append(b, line...)
	return append(b, "\r\n"...)
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11).
func escapeText(s string) string {
	if !strings.ContainsAny(s, "\\;,\n\r") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unescapeText undoes escapeText; a backslash before any other character
// is kept.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch n := s[i+1]; n {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case '\\', ';', ',':
				b.WriteByte(n)
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

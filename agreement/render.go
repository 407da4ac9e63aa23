package agreement

import (
	"html/template"
	"strconv"
	"strings"
)

// The three renderings share one layout: a title and the agreement's ID
// and version, then every section of Clauses with its number, heading and
// clause ID, every item with its number, clause ID and text, and last a
// signature block that carries the fingerprint and a line for each party.
// They are deterministic: the same agreement always gives the same bytes.

// lineWidth is where plain text is wrapped.
const lineWidth = 76

// page is what the renderings show.
type page struct {
	Title       string
	ID          string
	Version     int
	Fingerprint string
	Sections    []pageSection
	Parties     []pageParty
	Body        template.HTML // the sections, laid out and escaped, for HTML
	Size        int           // the bytes of the clauses' IDs, numbers, headings and texts, to size a rendering by
	Clauses     int           // the number of clauses, sections included
}

type pageParty struct {
	Role  Role
	Title string
	Name  string
}

type pageSection struct {
	ID      ClauseID
	Number  string
	Heading string
	Items   []Clause
}

// page prepares the agreement for rendering. The agreement must pass
// Validate, so that what is rendered for signature is consistent and every
// clause ID is plain.
func (a *Agreement) page() (page, error) {
	if err := a.Validate(); err != nil {
		return page{}, err
	}
	f, err := a.Fingerprint()
	if err != nil {
		return page{}, err
	}
	p := page{Title: a.Title, ID: a.ID, Version: a.Version, Fingerprint: f.String()}
	for _, party := range a.Parties {
		p.Parties = append(p.Parties, pageParty{Role: party.Role, Title: roleTitle(party.Role), Name: party.Name})
	}
	if p.Title == "" {
		p.Title = "Agreement"
	}
	for _, c := range a.clauses() {
		p.Size += len(c.ID) + len(c.Number) + len(c.Heading) + len(c.Text)
		p.Clauses++
		if c.IsSection() {
			p.Sections = append(p.Sections, pageSection{ID: c.ID, Number: c.Number, Heading: c.Heading})
			continue
		}
		s := &p.Sections[len(p.Sections)-1]
		s.Items = append(s.Items, c)
	}
	return p, nil
}

// Markdown returns the agreement as a CommonMark document for signature.
// Text from the agreement is escaped, so that it cannot add links, HTML or
// formatting of its own. The agreement must pass Validate.
func (a Agreement) Markdown() (string, error) {
	p, err := a.page()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(p.Size + 16*p.Clauses + 1024) // the clauses, their markup, and the title and signatures
	b.WriteString("# ")
	writeMarkdown(&b, p.Title)
	b.WriteString("\n\nAgreement ")
	writeCode(&b, p.ID)
	b.WriteString(", version ")
	b.WriteString(strconv.Itoa(p.Version))
	b.WriteString(".\n")
	for _, s := range p.Sections {
		b.WriteString("\n## ")
		b.WriteString(s.Number)
		b.WriteString(". ")
		b.WriteString(s.Heading)
		b.WriteString(" `")
		b.WriteString(string(s.ID))
		b.WriteString("`\n")
		for _, it := range s.Items {
			b.WriteString("\n**")
			b.WriteString(it.Number)
			b.WriteString("** `")
			b.WriteString(string(it.ID))
			b.WriteString("` ")
			writeMarkdown(&b, it.Text)
			b.WriteString("\n")
		}
	}
	b.WriteString("\n## Signatures\n\nFingerprint: `")
	b.WriteString(p.Fingerprint)
	b.WriteString("`\n\n")
	writeMarkdown(&b, confirmation(&p))
	b.WriteString("\n")
	for _, party := range p.Parties {
		b.WriteString("\n")
		b.WriteString(party.Title)
		b.WriteString(": ")
		writeMarkdown(&b, party.Name)
		b.WriteString("  \nSignature: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n")
	}
	return b.String(), nil
}

// confirmation is the sentence above the signatures.
func confirmation(p *page) string {
	return "By signing, each party confirms having read and accepted version " + strconv.Itoa(p.Version) +
		" of agreement " + p.ID + ", whose fingerprint is above."
}

// writeMarkdown writes text with every character that could start Markdown
// or HTML markup escaped, and line breaks turned into spaces.
func writeMarkdown(b *strings.Builder, text string) {
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#', '!', '{', '}':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
}

// writeCode writes text as a CommonMark code span, fenced with one
// backtick more than the longest run of backticks in it and padded with a
// space where it starts or ends with one, and with line breaks turned into
// spaces, so that nothing in text can close the span and add markup.
func writeCode(b *strings.Builder, text string) {
	text = oneLine(text)
	longest, run := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] != '`' {
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	pad := strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`")
	for range longest + 1 {
		b.WriteByte('`')
	}
	if pad {
		b.WriteByte(' ')
	}
	b.WriteString(text)
	if pad {
		b.WriteByte(' ')
	}
	for range longest + 1 {
		b.WriteByte('`')
	}
}

// Text returns the agreement as plain text for signature, wrapped at 76
// columns. The agreement must pass Validate.
func (a Agreement) Text() (string, error) {
	p, err := a.page()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(p.Size + p.Size/8 + 16*p.Clauses + 1024) // the clauses, wrapped and indented, and the title and signatures
	b.WriteString(strings.ToUpper(oneLine(p.Title)))
	b.WriteString("\nAgreement ")
	b.WriteString(oneLine(p.ID))
	b.WriteString(", version ")
	b.WriteString(strconv.Itoa(p.Version))
	b.WriteString("\n")
	for _, s := range p.Sections {
		b.WriteString("\n")
		b.WriteString(s.Number)
		b.WriteString(". ")
		b.WriteString(strings.ToUpper(s.Heading))
		b.WriteString(" [")
		b.WriteString(string(s.ID))
		b.WriteString("]\n")
		for _, it := range s.Items {
			b.WriteString("\n")
			wrap(&b, it.Number+" ["+string(it.ID)+"] "+oneLine(it.Text), len(it.Number)+1)
		}
	}
	b.WriteString("\nSIGNATURES\n\nFingerprint: ")
	b.WriteString(p.Fingerprint)
	b.WriteString("\n\n")
	wrap(&b, confirmation(&p), 0)
	for _, party := range p.Parties {
		b.WriteString("\n")
		b.WriteString(party.Title)
		b.WriteString(": ")
		b.WriteString(oneLine(party.Name))
		b.WriteString("\nSignature: ____________________  Date: __________\n")
	}
	return b.String(), nil
}

// oneLine replaces line breaks and tabs with spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// wrap writes text in lines of at most lineWidth bytes where words allow,
// indenting every line after the first by indent spaces, and ends with a
// line break.
func wrap(b *strings.Builder, text string, indent int) {
	col := 0
	for word := range strings.FieldsSeq(text) {
		switch {
		case col == 0:
		case col+1+len(word) > lineWidth:
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(" ", indent))
			col = indent
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += len(word)
	}
	b.WriteByte('\n')
}

// pageTemplate lays out the HTML rendering. It is parsed once, when the
// package is initialized, and only read afterwards (html/template
// templates are safe for concurrent use); every value is escaped for its
// context by html/template.
var pageTemplate = template.Must(template.New("agreement").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
</head>
<body>
<article class="agreement" data-agreement="{{.ID}}" data-version="{{.Version}}">
<h1>{{.Title}}</h1>
<p class="meta">Agreement <code>{{.ID}}</code>, version {{.Version}}.</p>
{{.Body}}<section class="signatures">
<h2>Signatures</h2>
<p>Fingerprint: <code class="fingerprint">{{.Fingerprint}}</code></p>
<p>By signing, each party confirms having read and accepted version {{.Version}} of agreement {{.ID}}, whose fingerprint is above.</p>
{{range .Parties}}<div class="signature" data-role="{{.Role}}">
<p>{{.Title}}: {{.Name}}</p>
<p>Signature: ____________________ Date: __________</p>
</div>
{{end}}</section>
</article>
</body>
</html>
`))

// HTML returns the agreement as an HTML5 page for signature, through
// html/template, so every string from the agreement is escaped: the page
// and the signature block by the template, and the sections, which are
// many and alike, by html/template's HTMLEscapeString as they are laid
// out. Each
// section and item carries its clause ID as its id attribute, so
// "#cancellation.tiers[0]" links to it. The agreement must pass Validate.
func (a Agreement) HTML() (string, error) {
	p, err := a.page()
	if err != nil {
		return "", err
	}
	var body strings.Builder
	body.Grow(p.Size + p.Size/4 + 96*p.Clauses) // each ID twice, the markup of each clause, and some escapes
	for _, s := range p.Sections {
		id := template.HTMLEscapeString(string(s.ID))
		body.WriteString(`<section id="`)
		body.WriteString(id)
		body.WriteString(`">` + "\n" + `<h2><span class="number">`)
		body.WriteString(s.Number)
		body.WriteString(`.</span> `)
		body.WriteString(template.HTMLEscapeString(s.Heading))
		body.WriteString(` <code class="clause-id">`)
		body.WriteString(id)
		body.WriteString("</code></h2>\n")
		for _, it := range s.Items {
			id := template.HTMLEscapeString(string(it.ID))
			body.WriteString(`<p id="`)
			body.WriteString(id)
			body.WriteString(`"><span class="number">`)
			body.WriteString(it.Number)
			body.WriteString(`</span> <code class="clause-id">`)
			body.WriteString(id)
			body.WriteString(`</code> `)
			body.WriteString(template.HTMLEscapeString(it.Text))
			body.WriteString("</p>\n")
		}
		body.WriteString("</section>\n")
	}
	p.Body = template.HTML(body.String()) // every string escaped above
	var b strings.Builder
	b.Grow(body.Len() + 2048) // the body and the page around it
	if err := pageTemplate.Execute(&b, &p); err != nil {
		return "", err
	}
	return b.String(), nil
}

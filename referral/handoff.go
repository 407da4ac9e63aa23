package referral

import (
	"strings"
	"unicode"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/strictjson"
)

// Consent records which categories of information the client agreed to
// share with the colleague they are referred to. The zero Consent shares
// nothing but the fact of the referral.
type Consent struct {
	// Contact: the client's name, email and phone.
	Contact bool `json:"contact,omitzero"`
	// Needs: what the client is looking for.
	Needs bool `json:"needs,omitzero"`
	// Screening: the reasons the screening gave, such as why the referring
	// provider is not the right fit.
	Screening bool `json:"screening,omitzero"`
	// Notes: the referring provider's free-text notes.
	Notes bool `json:"notes,omitzero"`
}

// Contact is how to reach the client.
type Contact struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// A Handoff is what the referring provider knows and may pass on to the
// colleague a client is referred to, with the client's consent per
// category. Summary keeps only what the client consented to share.
type Handoff struct {
	// From is the referring provider, as the colleague knows them.
	From string `json:"from,omitempty"`
	// To is the colleague the client is referred to.
	To string `json:"to,omitempty"`
	// Date is the date of the referral.
	Date availability.Date `json:"date,omitzero"`
	// Contact is how to reach the client (category contact).
	Contact Contact `json:"contact,omitzero"`
	// Needs are what the client is looking for (category needs).
	Needs []string `json:"needs,omitempty"`
	// Screening are the screening's reasons (category screening).
	Screening []string `json:"screening,omitempty"`
	// Notes are the referring provider's notes (category notes).
	Notes string `json:"notes,omitempty"`
	// Consent says which categories the client agreed to share.
	Consent Consent `json:"consent,omitzero"`
}

// Validate returns nil or a problem.List: a missing From or To, a missing or
// invalid Date.
func (h Handoff) Validate() error {
	var ps problem.List
	if strings.TrimSpace(h.From) == "" {
		ps.Add("from", problem.Required, "a handoff names the referring provider")
	}
	if strings.TrimSpace(h.To) == "" {
		ps.Add("to", problem.Required, "a handoff names the colleague it goes to")
	}
	switch {
	case h.Date.IsZero():
		ps.Add("date", problem.Required, "a handoff needs the date of the referral")
	case !h.Date.IsValid():
		ps.Add("date", problem.Invalid, "%s is not a valid date", h.Date)
	}
	return ps.Err()
}

// MarshalJSON encodes the handoff with snake_case members.
func (h Handoff) MarshalJSON() ([]byte, error) {
	type plain Handoff
	return strictjson.Marshal(plain(h))
}

// UnmarshalJSON decodes a handoff strictly.
func (h *Handoff) UnmarshalJSON(b []byte) error {
	type plain Handoff
	return strictjson.Unmarshal(b, (*plain)(h), strictjson.Limits{})
}

// A Summary is a handoff reduced to what the client consented to share,
// ready to be sent to the receiving colleague as text, Markdown or JSON.
// Fields of categories without consent are empty, whatever the handoff
// held; Withheld names those categories.
type Summary struct {
	From      string            `json:"from,omitempty"`
	To        string            `json:"to,omitempty"`
	Date      availability.Date `json:"date,omitzero"`
	Contact   *Contact          `json:"contact,omitempty"` // nil without consent
	Needs     []string          `json:"needs,omitempty"`
	Screening []string          `json:"screening,omitempty"`
	Notes     string            `json:"notes,omitempty"`
	// Withheld names the categories without consent, in the order
	// "contact", "needs", "screening reasons", "notes".
	Withheld []string `json:"withheld,omitempty"`
}

// Summary returns the handoff reduced to the consented categories. Only
// consented fields are copied into the summary, so nothing else can leak
// into its text or Markdown.
func (h Handoff) Summary() Summary {
	s := Summary{From: h.From, To: h.To, Date: h.Date}
	if h.Consent.Contact {
		c := h.Contact
		s.Contact = &c
	} else {
		s.Withheld = append(s.Withheld, "contact")
	}
	if h.Consent.Needs {
		s.Needs = append([]string(nil), h.Needs...)
	} else {
		s.Withheld = append(s.Withheld, "needs")
	}
	if h.Consent.Screening {
		s.Screening = append([]string(nil), h.Screening...)
	} else {
		s.Withheld = append(s.Withheld, "screening reasons")
	}
	if h.Consent.Notes {
		s.Notes = h.Notes
	} else {
		s.Withheld = append(s.Withheld, "notes")
	}
	return s
}

// oneLine makes s safe for one line of text: control characters, line
// breaks included, become spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// lines splits s into lines made safe by oneLine.
func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	out := strings.Split(s, "\n")
	for i := range out {
		out[i] = oneLine(out[i])
	}
	return out
}

// Text renders the summary as plain text.
func (s Summary) Text() string {
	var b strings.Builder
	b.WriteString("Referral from " + oneLine(s.From) + " to " + oneLine(s.To))
	if !s.Date.IsZero() {
		b.WriteString(", " + s.Date.String())
	}
	b.WriteString("\n")
	if c := s.Contact; c != nil {
		b.WriteString("\nContact\n")
		for _, f := range [...][2]string{{"Name", c.Name}, {"Email", c.Email}, {"Phone", c.Phone}} {
			if f[1] != "" {
				b.WriteString("  " + f[0] + ": " + oneLine(f[1]) + "\n")
			}
		}
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("\n" + title + "\n")
		for _, it := range items {
			b.WriteString("  - " + oneLine(it) + "\n")
		}
	}
	list("Needs", s.Needs)
	list("Screening reasons", s.Screening)
	if s.Notes != "" {
		b.WriteString("\nNotes\n")
		for _, l := range lines(s.Notes) {
			b.WriteString("  " + l + "\n")
		}
	}
	if len(s.Withheld) > 0 {
		b.WriteString("\nNot shared without the client's consent: " + strings.Join(s.Withheld, ", ") + ".\n")
	}
	return b.String()
}

// escapeMarkdown escapes the characters Markdown gives a meaning, so that
// client text renders as written and cannot add links, images or markup.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune("\\`*_{}[]()<>#+-.!|~&=:", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Markdown renders the summary as Markdown. Every piece of client or
// provider text is escaped.
func (s Summary) Markdown() string {
	var b strings.Builder
	b.WriteString("# Referral from " + escapeMarkdown(s.From) + " to " + escapeMarkdown(s.To) + "\n")
	if !s.Date.IsZero() {
		b.WriteString("\nDate: " + s.Date.String() + "\n")
	}
	if c := s.Contact; c != nil {
		b.WriteString("\n## Contact\n\n")
		for _, f := range [...][2]string{{"Name", c.Name}, {"Email", c.Email}, {"Phone", c.Phone}} {
			if f[1] != "" {
				b.WriteString("- **" + f[0] + ":** " + escapeMarkdown(f[1]) + "\n")
			}
		}
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		b.WriteString("\n## " + title + "\n\n")
		for _, it := range items {
			b.WriteString("- " + escapeMarkdown(it) + "\n")
		}
	}
	list("Needs", s.Needs)
	list("Screening reasons", s.Screening)
	if s.Notes != "" {
		b.WriteString("\n## Notes\n\n")
		for _, l := range lines(s.Notes) {
			b.WriteString("> " + escapeMarkdown(l) + "\n")
		}
	}
	if len(s.Withheld) > 0 {
		b.WriteString("\n*Not shared without the client's consent: " + strings.Join(s.Withheld, ", ") + ".*\n")
	}
	return b.String()
}

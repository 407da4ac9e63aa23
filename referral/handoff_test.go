package referral

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func storyHandoff() Handoff {
	return Handoff{
		From: "Ana Rossi", To: "Ben Okafor", Date: testToday,
		Contact:   Contact{Name: "Sam Prospect", Email: "sam@example.com", Phone: "+1 503 555 0100"},
		Needs:     []string{"life_coaching", "holistic"},
		Screening: []string{"interest in the coach rather than the service"},
		Notes:     "Prefers mornings.\nAsked about group sessions.",
	}
}

func TestHandoffText(t *testing.T) {
	h := storyHandoff()
	h.Consent = Consent{Contact: true, Needs: true, Screening: true, Notes: true}
	require.Equal(t, `Referral from Ana Rossi to Ben Okafor, 2026-11-24

Contact
  Name: Sam Prospect
  Email: sam@example.com
  Phone: +1 503 555 0100

Needs
  - life_coaching
  - holistic

Screening reasons
  - interest in the coach rather than the service

Notes
  Prefers mornings.
  Asked about group sessions.
`, h.Summary().Text())

	h.Consent = Consent{Needs: true}
	require.Equal(t, `Referral from Ana Rossi to Ben Okafor, 2026-11-24

Needs
  - life_coaching
  - holistic

Not shared without the client's consent: contact, screening reasons, notes.
`, h.Summary().Text())
}

func TestHandoffMarkdown(t *testing.T) {
	h := storyHandoff()
	h.Consent = Consent{Contact: true, Notes: true}
	h.Notes = "See [my site](http://evil.example) *now*\n# not a heading"
	require.Equal(t, `# Referral from Ana Rossi to Ben Okafor

Date: 2026-11-24

## Contact

- **Name:** Sam Prospect
- **Email:** sam@example\.com
- **Phone:** \+1 503 555 0100

## Notes

> See \[my site\]\(http\://evil\.example\) \*now\*
> \# not a heading

*Not shared without the client's consent: needs, screening reasons.*
`, h.Summary().Markdown())
}

// TestHandoffConsent fills every category with unique content and checks,
// for every combination of consents, that unconsented content never
// appears in the summary, its text or its Markdown, and consented content
// does.
func TestHandoffConsent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for round := range 200 {
		marker := func(cat string) string { return fmt.Sprintf("%s-%d-%x", cat, round, r.Uint64()) }
		h := Handoff{
			From: "From", To: "To", Date: testToday,
			Contact:   Contact{Name: marker("name"), Email: marker("email"), Phone: marker("phone")},
			Needs:     []string{marker("need"), marker("need")},
			Screening: []string{marker("screen")},
			Notes:     marker("note") + "\n" + marker("note"),
		}
		mask := round % 16
		h.Consent = Consent{Contact: mask&1 != 0, Needs: mask&2 != 0, Screening: mask&4 != 0, Notes: mask&8 != 0}
		s := h.Summary()
		text, md := s.Text(), s.Markdown()
		plain := strings.ReplaceAll(md, `\`, "")
		js, err := json.Marshal(s)
		require.NoError(t, err)
		check := func(consented bool, values ...string) {
			for _, v := range values {
				for _, out := range []string{text, plain, string(js), summaryDump(s)} {
					if consented {
						require.Contains(t, out, v)
					} else {
						require.NotContains(t, out, v)
					}
				}
			}
		}
		check(h.Consent.Contact, h.Contact.Name, h.Contact.Email, h.Contact.Phone)
		check(h.Consent.Needs, h.Needs...)
		check(h.Consent.Screening, h.Screening...)
		check(h.Consent.Notes, strings.Split(h.Notes, "\n")...)
	}
}

func TestSummaryJSON(t *testing.T) {
	h := Handoff{From: "Ana Rossi", To: "Ben Okafor", Date: testToday, Contact: Contact{Name: "Sam"}, Needs: []string{"holistic"},
		Notes: "private", Consent: Consent{Contact: true, Needs: true}}
	b, err := json.Marshal(h.Summary())
	require.NoError(t, err)
	require.JSONEq(t, `{"from":"Ana Rossi","to":"Ben Okafor","date":"2026-11-24","contact":{"name":"Sam"},"needs":["holistic"],"withheld":["screening reasons","notes"]}`, string(b))
}

// summaryDump prints every field of a summary.
func summaryDump(s Summary) string {
	c := Contact{}
	if s.Contact != nil {
		c = *s.Contact
	}
	return fmt.Sprintf("%+v %+v", s, c)
}

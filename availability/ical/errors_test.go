package ical

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Errors about untrusted input quote a short prefix of it, however long
// the input is.
func TestErrorsQuoteAShortPrefix(t *testing.T) {
	long := strings.Repeat("x", 200<<10)
	for _, c := range []struct {
		name, want string
		err        func() error
	}{
		{"RRULE", `in "FREQ=WEEKLY;BYDAY=MO,`, func() error {
			_, err := ParseRecur("FREQ=WEEKLY;BYDAY=MO," + strings.Repeat("XX,", 350<<10))
			return err
		}},
		{"frequency", `unknown frequency "xxxx`, func() error { _, err := ParseRecur("FREQ=" + long); return err }},
		{"rule part", `unknown rule part "XXXX`, func() error { _, err := ParseRecur("FREQ=DAILY;" + long + "=1"); return err }},
		{"TZID", `TZID "xxxx`, func() error {
			_, err := Parse([]byte("BEGIN:VEVENT\nDTSTART;TZID="+long+":20260101T090000\nEND:VEVENT\n"), Limits{})
			return err
		}},
		{"END", `"END:XXXX`, func() error {
			_, err := Parse([]byte("BEGIN:VEVENT\nEND:"+strings.ToUpper(long)+"\n"), Limits{})
			return err
		}},
		{"VALUE", `VALUE="xxxx`, func() error {
			_, err := Parse([]byte("BEGIN:VEVENT\nDTSTART;VALUE="+long+":20260101\nEND:VEVENT\n"), Limits{})
			return err
		}},
		{"date-time", `in "2026`, func() error { _, err := ParseDateTime("20260101T" + long); return err }},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.err()
			require.Error(t, err)
			require.Contains(t, err.Error(), c.want)
			require.Less(t, len(err.Error()), 400, "%.500s", err)
		})
	}
}

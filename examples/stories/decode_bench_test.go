package stories

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/availability/booking"
	"github.com/practicekit/boundaries/availability/contact"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/referral"
)

// BenchmarkDecodeModels decodes the stories' data with encoding/json, as a
// host that embeds the models would: each model decodes itself strictly
// through the library's JSON layer.
func BenchmarkDecodeModels(b *testing.B) {
	for _, c := range []struct {
		name string
		file string
		v    func() any
	}{
		{"agreement", "contract-hour/agreement.json", func() any { return new(agreement.Agreement) }},
		{"events", "contract-hour/bad-client.json", func() any { return new([]agreement.Event) }},
		{"calendar", "protected-evening/calendar.json", func() any { return new(booking.Calendar) }},
		{"response_policy", "911-or-411/policy.json", func() any { return new(contact.Policy) }},
		{"screening", "consultation/screening.json", func() any { return new(fit.Screening) }},
		{"directory", "consultation/directory.json", func() any { return new(referral.Directory) }},
	} {
		data, err := os.ReadFile(filepath.Join("data", c.file))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := json.Unmarshal(data, c.v()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

package agreement_test

import (
	"testing"
	"time"

	"github.com/practicekit/boundaries/availability/contact"

	"github.com/practicekit/boundaries/agreement"
)

// BenchmarkEvaluate evaluates one late cancellation: a tier, a fee, a
// breach and the ladder's step. Budget: 2 µs.
func BenchmarkEvaluate(b *testing.B) {
	terms := therapyTerms()
	at := time.Date(2026, 3, 8, 20, 0, 0, 0, time.UTC)
	ev := agreement.Event{Kind: agreement.EventCancellation, At: at, Session: at.Add(14 * time.Hour)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := agreement.Evaluate(terms, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateContact evaluates an after-hours contact, which asks
// availability's response policy for the deadline.
func BenchmarkEvaluateContact(b *testing.B) {
	terms := therapyTerms()
	loc := terms.Communication.Hours.Zone
	ev := agreement.Event{Kind: agreement.EventContact, At: time.Date(2026, 3, 22, 23, 10, 0, 0, loc), Channel: contact.ChannelEmail}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := agreement.Evaluate(terms, ev); err != nil {
			b.Fatal(err)
		}
	}
}

// timeline returns n events of a long engagement: a package bought every
// tenth week, weekly sessions, and, among them, the whole range of events.
func timeline(n int) []agreement.Event {
	start := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	events := make([]agreement.Event, 0, n)
	for i := 0; len(events) < n; i++ {
		week := start.Add(time.Duration(i) * 7 * 24 * time.Hour)
		var ev agreement.Event
		switch i % 10 {
		case 0:
			ev = agreement.Event{Kind: agreement.EventPayment, At: week.Add(-time.Hour), Amount: usd("USD 340.00"), Sessions: 3}
		case 3:
			ev = agreement.Event{Kind: agreement.EventCancellation, At: week.Add(-20 * time.Hour), Session: week}
		case 4:
			ev = agreement.Event{Kind: agreement.EventArrival, At: week.Add(5 * time.Minute), Session: week}
		case 5:
			ev = agreement.Event{Kind: agreement.EventForceMajeure, At: week.Add(-2 * time.Hour), Occurred: week.Add(-3 * time.Hour), Session: week}
		case 6:
			ev = agreement.Event{Kind: agreement.EventBoundary, At: week.Add(20 * time.Minute), Boundary: agreement.Abuse, InSession: true}
		case 7:
			ev = agreement.Event{Kind: agreement.EventPayment, At: week.Add(time.Hour), Amount: usd("USD 150.00")}
		default:
			ev = agreement.Event{Kind: agreement.EventSession, At: week}
		}
		events = append(events, ev)
	}
	return events
}

// BenchmarkTimeline folds 10,000 events with a ledger. Budget: 20 ms.
func BenchmarkTimeline(b *testing.B) {
	terms := therapyTerms()
	events := timeline(10_000)
	now := events[len(events)-1].At.Add(time.Hour)
	b.ReportAllocs()
	for b.Loop() {
		outs, _, err := agreement.Timeline(terms, events, now)
		if err != nil {
			b.Fatal(err)
		}
		if len(outs) != len(events) {
			b.Fatalf("%d outcomes for %d events", len(outs), len(events))
		}
	}
}

// BenchmarkFingerprint fingerprints the therapy agreement. Budget: 50 µs.
func BenchmarkFingerprint(b *testing.B) {
	terms := therapyTerms()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := terms.Fingerprint(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgreementJSON encodes and decodes the therapy agreement.
func BenchmarkAgreementJSON(b *testing.B) {
	terms := therapyTerms()
	data, err := terms.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := terms.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var a agreement.Agreement
			if err := a.UnmarshalJSON(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRender renders the therapy agreement, fingerprint and validation
// included. Budget: 200 µs.
func BenchmarkRender(b *testing.B) {
	terms := therapyTerms()
	for _, bench := range []struct {
		name   string
		render func() (string, error)
	}{{"markdown", terms.Markdown}, {"text", terms.Text}, {"html", terms.HTML}} {
		b.Run(bench.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bench.render(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkValidateFor checks the therapy agreement against its profile.
func BenchmarkValidateFor(b *testing.B) {
	terms := therapyTerms()
	b.ReportAllocs()
	for b.Loop() {
		if err := terms.ValidateFor(agreement.Therapy); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiff compares two versions of the therapy agreement.
func BenchmarkDiff(b *testing.B) {
	v1, v2 := therapyTerms(), therapyTerms()
	v2.Cancellation.Tiers[1].Share = 6000
	b.ReportAllocs()
	for b.Loop() {
		if _, err := agreement.Diff(v1, v2); err != nil {
			b.Fatal(err)
		}
	}
}

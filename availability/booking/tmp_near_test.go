package booking

import (
	"testing"

	"github.com/practicekit/boundaries/availability"
)

func BenchmarkTmpNearest(b *testing.B) {
	c, now := benchPractice(b)
	c.Schedule.Closures = []availability.Closure{
		{ID: "holiday", From: availability.MustParseDate("2026-03-17"), Through: availability.MustParseDate("2026-03-17")},
		{ID: "away", From: availability.MustParseDate("2026-04-11"), Through: availability.MustParseDate("2026-04-19"), Colleague: "Dr. Lee"},
	}
	svc, _ := c.service("session")
	for _, d := range []string{"2026-03-17", "2026-04-14", "2026-03-10"} {
		t := availability.At(availability.MustParseDate(d), availability.MustParseClock("16:00"), c.Schedule.Zone)
		b.Run(d, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.nearest(now, svc, t)
			}
		})
		b.Run("check"+d, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.checkSpan(now, svc, availability.IntervalOf(t, svc.Length), -1)
			}
		})
	}
}

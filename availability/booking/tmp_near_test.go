package booking

import (
	"fmt"
	"testing"
	"time"

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

func BenchmarkTmpFree(b *testing.B) {
	c, now := benchPractice(b)
	c.Schedule.Closures = []availability.Closure{
		{ID: "away", From: availability.MustParseDate("2026-04-11"), Through: availability.MustParseDate("2026-04-19"), Colleague: "Dr. Lee"},
	}
	svc, _ := c.service("session")
	t := availability.At(availability.MustParseDate("2026-04-14"), availability.MustParseClock("16:00"), c.Schedule.Zone)
	for _, days := range []int{1, 3, 7} {
		span := availability.Interval{Start: t.Add(-time.Duration(days) * 24 * time.Hour), End: t.Add(time.Duration(days) * 24 * time.Hour)}
		q := c.query(now, svc, span)
		b.Run(fmt.Sprint("free", days), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q.free(span)
			}
		})
		b.Run(fmt.Sprint("open", days), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.Schedule.Open(span)
			}
		})
		b.Run(fmt.Sprint("blocked", days), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				q.blocked(span)
			}
		})
	}
}

package availability

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestWeekOf(t *testing.T) {
	office := WeekOf(window("mon-fri", "09:00", "17:00"))
	require.Equal(t, 40*time.Hour, office.Duration())
	require.Equal(t, "mon-fri 09:00–17:00", office.String())
	require.True(t, office.Contains(time.Monday, ClockOf(9, 0)))
	require.True(t, office.Contains(time.Friday, ClockOf(16, 59)))
	require.False(t, office.Contains(time.Friday, ClockOf(17, 0)))
	require.False(t, office.Contains(time.Saturday, ClockOf(10, 0)))
	require.False(t, office.Contains(time.Monday, EndOfDay))

	// A window that crosses midnight goes on into the next day, and
	// Sunday's into Monday.
	nights := WeekOf(window("sun", "22:00", "02:00"), window("fri", "22:00", "24:00"))
	require.Equal(t, 6*time.Hour, nights.Duration())
	require.True(t, nights.Contains(time.Monday, ClockOf(1, 0)))
	require.True(t, nights.Contains(time.Sunday, ClockOf(23, 0)))
	require.Equal(t, "mon 00:00–02:00, fri,sun 22:00–24:00", nights.String())

	// Overlapping and touching windows merge.
	require.Equal(t, WeekOf(window("mon", "09:00", "13:00")), WeekOf(window("mon", "09:00", "11:00"), window("mon", "10:00", "12:00"), window("mon", "12:00", "13:00")))
	require.True(t, WeekOf().IsEmpty())
	require.True(t, WeekOf(Window{Days: Workweek, Start: ClockOf(25, 0), End: ClockOf(26, 0)}).IsEmpty())
	require.Equal(t, 7*24*time.Hour, WeekOf(window("mon-sun", "00:00", "24:00")).Duration())
	require.Equal(t, 7*24*time.Hour, WeekOf(window("mon-sun", "06:00", "06:00")).Duration())
}

func TestWeekAlgebra(t *testing.T) {
	provider := Schedule{Hours: []Window{window("mon-fri", "09:00", "17:00"), window("sat", "10:00", "14:00")},
		Protected: []Window{window("wed", "12:00", "13:00")}}.Week()
	require.Equal(t, 43*time.Hour, provider.Duration())
	client := WeekOf(window("mon-fri", "16:00", "19:00"), window("sat", "09:00", "11:00"))
	require.Equal(t, 6*time.Hour, provider.Overlap(client))
	require.Equal(t, provider.Overlap(client), provider.Intersect(client).Duration())
	require.Equal(t, "mon-fri 16:00–17:00, sat 10:00–11:00", provider.Intersect(client).String())
	require.Equal(t, provider.Overlap(client), client.Overlap(provider))
	require.Equal(t, provider.Duration()+client.Duration()-provider.Overlap(client), provider.Union(client).Duration())
	require.Equal(t, provider.Duration()-provider.Overlap(client), provider.Subtract(client).Duration())
	require.True(t, provider.Subtract(provider).IsEmpty())
	require.True(t, provider.Equal(provider.Union(Week{})))
	require.Zero(t, testing.AllocsPerRun(100, func() { provider.Overlap(client) }))
}

// TestWeekAgainstMinutes holds the week's algebra to a plain array of the
// week's minutes, on random windows.
func TestWeekAgainstMinutes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	minutes := func(ws []Window) []bool {
		m := make([]bool, weekMinutes)
		for _, w := range ws {
			length := int(w.End - w.Start)
			if length <= 0 {
				length += int(EndOfDay)
			}
			for d := range 7 {
				if w.Days.Has(time.Weekday((d + 1) % 7)) {
					for k := range length {
						m[(d*int(EndOfDay)+int(w.Start)+k)%weekMinutes] = true
					}
				}
			}
		}
		return m
	}
	random := func() []Window {
		ws := make([]Window, rng.IntN(5))
		for i := range ws {
			start := Clock(rng.IntN(int(EndOfDay)))
			ws[i] = Window{Days: Weekdays(rng.IntN(128)), Start: start, End: Clock(rng.IntN(int(EndOfDay) + 1))}
			if ws[i].End == start {
				ws[i].End = EndOfDay
			}
		}
		return ws
	}
	for range 300 {
		a, b := random(), random()
		ma, mb := minutes(a), minutes(b)
		wa, wb := WeekOf(a...), WeekOf(b...)
		var and, or, sub int
		for i := range ma {
			if ma[i] && mb[i] {
				and++
			}
			if ma[i] || mb[i] {
				or++
			}
			if ma[i] && !mb[i] {
				sub++
			}
		}
		require.Equal(t, time.Duration(and)*time.Minute, wa.Overlap(wb), "%v %v", a, b)
		require.Equal(t, time.Duration(and)*time.Minute, wa.Intersect(wb).Duration())
		require.Equal(t, time.Duration(or)*time.Minute, wa.Union(wb).Duration())
		require.Equal(t, time.Duration(sub)*time.Minute, wa.Subtract(wb).Duration())
		require.True(t, wa.Equal(WeekOf(wa.Windows()...)), "%v", wa)
		for range 20 {
			m := rng.IntN(weekMinutes)
			d, c := time.Weekday((m/int(EndOfDay)+1)%7), Clock(m%int(EndOfDay))
			require.Equal(t, ma[m], wa.Contains(d, c))
		}
	}
}

func TestWeekIn(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	s := Schedule{Zone: berlin, Hours: []Window{window("mon-sun", "01:00", "04:00")}}
	// The week of the spring-forward night in Berlin: Sunday 2026-03-29
	// 02:00 does not exist, so that night holds two hours of wall time.
	week := Interval{Start: At(MustParseDate("2026-03-23"), Midnight, berlin), End: At(MustParseDate("2026-03-30"), Midnight, berlin)}
	open, err := s.Open(week)
	require.NoError(t, err)
	w := WeekIn(open, berlin)
	require.Equal(t, 6*3*time.Hour+2*time.Hour, w.Duration())
	require.False(t, w.Contains(time.Sunday, ClockOf(2, 30)))
	require.True(t, w.Contains(time.Sunday, ClockOf(3, 30)))
	// Read in another zone, the same instants are other wall times.
	require.True(t, WeekIn(open, time.UTC).Contains(time.Monday, ClockOf(0, 0)))

	// Partial minutes do not count; a set longer than a week is every time.
	start := mustTime(t, "2026-03-23T10:00:30Z")
	require.Equal(t, 59*time.Minute, WeekIn(NewSet(IntervalOf(start, time.Hour)), time.UTC).Duration())
	require.Equal(t, 7*24*time.Hour, WeekIn(NewSet(IntervalOf(start, 8*24*time.Hour)), time.UTC).Duration())
	require.True(t, WeekIn(Set{}, time.UTC).IsEmpty())
	require.Equal(t, "mon 00:00–01:00, sun 23:00–24:00",
		WeekIn(NewSet(Interval{Start: mustTime(t, "2026-03-29T23:00:00Z"), End: mustTime(t, "2026-03-30T01:00:00Z")}), time.UTC).String())
	require.Len(t, slices.Collect(WeekOf(window("mon-sun", "22:00", "02:00")).All()), 14)
}

func BenchmarkWeekOverlap(b *testing.B) {
	p := Schedule{Hours: []Window{window("mon-fri", "09:00", "17:00"), window("sat", "10:00", "14:00")},
		Protected: []Window{window("mon-fri", "12:00", "13:00")}}.Week()
	c := WeekOf(window("mon-fri", "16:00", "19:00"), window("sat-sun", "09:00", "11:00"))
	b.ReportAllocs()
	for b.Loop() {
		p.Overlap(c)
	}
}

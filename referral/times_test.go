package referral

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/place"
)

func loadZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func window(days availability.Weekdays, start, end string) availability.Window {
	return availability.Window{Days: days, Start: availability.MustParseClock(start), End: availability.MustParseClock(end)}
}

// timesOf routes a client with preferred times to a single provider and
// returns the times component.
func timesOf(t *testing.T, s *availability.Schedule, client *time.Location, now time.Time, pref ...availability.Window) float64 {
	t.Helper()
	d := Directory{Providers: []Provider{{ID: "p", Name: "P", Modalities: place.Remote, Accepting: Fact[bool]{Value: true, Confirmed: availability.DateOf(now)}, Schedule: s}}}
	ix, err := NewIndex(d)
	require.NoError(t, err)
	res, err := ix.Route(now, Request{Zone: client, Preferred: pref}, Rotation{}, Options{})
	require.NoError(t, err)
	require.Len(t, res.Matches, 1)
	for _, c := range res.Matches[0].Components {
		if c.Factor == FactorTimes {
			return c.Value
		}
	}
	t.Fatal("no times component")
	return 0
}

func TestTimesAcrossZones(t *testing.T) {
	ny, rome := loadZone(t, "America/New_York"), loadZone(t, "Europe/Rome")
	nine2five := &availability.Schedule{Zone: ny, Hours: []availability.Window{window(availability.Workweek, "09:00", "17:00")}}
	// In late November New York is 6 hours behind Rome.
	require.Equal(t, 1.0, timesOf(t, nine2five, rome, testNow, window(availability.Workweek, "15:00", "17:00")))
	require.Equal(t, 0.0, timesOf(t, nine2five, rome, testNow, window(availability.Workweek, "23:00", "24:00")))
	require.Equal(t, 0.5, timesOf(t, nine2five, rome, testNow, window(availability.Workweek, "22:00", "24:00")))

	// The week from Thursday 26 March 2026 crosses Europe's change to
	// summer time on the 29th: 22:00 in Rome is 17:00 in New York before
	// and 16:00 after. Of the five evenings in the week (Thu, Fri, Mon,
	// Tue, Wed), the last three fall in working hours.
	march := time.Date(2026, time.March, 26, 10, 0, 0, 0, time.UTC)
	require.InDelta(t, 0.6, timesOf(t, nine2five, rome, march, window(availability.Workweek, "22:00", "23:00")), 1e-9)

	// A closure makes the schedule irregular: it is resolved exactly, per
	// request. Closed on Tuesday the 31st: two evenings of five.
	closed := *nine2five
	closed.Closures = []availability.Closure{{From: date("2026-03-31"), Through: date("2026-03-31")}}
	require.InDelta(t, 0.4, timesOf(t, &closed, rome, march, window(availability.Workweek, "22:00", "23:00")), 1e-9)

	// Protected time is never open.
	lunch := *nine2five
	lunch.Protected = []availability.Window{window(availability.Workweek, "12:00", "13:00")}
	require.Equal(t, 0.5, timesOf(t, &lunch, ny, testNow, window(availability.Workweek, "12:00", "14:00")))

	// A window past midnight, in a zone 45 minutes off the hour.
	kathmandu := loadZone(t, "Asia/Kathmandu")
	late := &availability.Schedule{Zone: kathmandu, Hours: []availability.Window{window(availability.Days(time.Friday), "22:00", "02:00")}}
	require.Equal(t, 1.0, timesOf(t, late, kathmandu, testNow, window(availability.Days(time.Saturday), "00:00", "01:45")))
}

// TestTimesAgreeWithSets compares the weekly times of regular
// schedules with the exact interval sets of availability, to the
// minute, across zones with odd offsets and daylight-saving changes.
func TestTimesAgreeWithSets(t *testing.T) {
	zones := []*time.Location{
		loadZone(t, "UTC"), loadZone(t, "America/Sao_Paulo"), loadZone(t, "Asia/Kathmandu"),
		loadZone(t, "Australia/Lord_Howe"), loadZone(t, "Pacific/Chatham"), loadZone(t, "Europe/Rome"), loadZone(t, "America/New_York"),
	}
	r := rand.New(rand.NewPCG(4, 4))
	randWindow := func() availability.Window {
		start := availability.Clock(6*60 + 15*r.IntN(60))
		end := min(start+availability.Clock(15*(1+r.IntN(16))), availability.EndOfDay)
		return availability.Window{Days: availability.Weekdays(1 + r.IntN(127)), Start: start, End: end}
	}
	between, differ := 0, 0
	for range 300 {
		s := &availability.Schedule{Zone: zones[r.IntN(len(zones))], Hours: []availability.Window{randWindow(), randWindow()}}
		if r.IntN(2) == 0 {
			s.Protected = []availability.Window{randWindow()}
		}
		client := zones[r.IntN(len(zones))]
		now := time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), 15*r.IntN(4), 0, 0, time.UTC)
		pref := []availability.Window{randWindow()}

		weekIv := availability.IntervalOf(now, 7*24*time.Hour)
		clientSet, err := availability.Schedule{Zone: client, Hours: pref}.Open(weekIv)
		require.NoError(t, err)
		if clientSet.IsEmpty() {
			continue
		}
		open, err := s.Open(weekIv)
		require.NoError(t, err)
		exact := float64(open.Intersect(clientSet).Duration()) / float64(clientSet.Duration())
		// One hour of slack for the daylight-saving change of a week.
		got := timesOf(t, s, client, now, pref...)
		if exact > 0 && exact < 1 {
			between++
		}
		if got != exact {
			differ++
		}
		require.InDelta(t, exact, got, float64(time.Hour)/float64(clientSet.Duration())+1e-9)
	}
	t.Logf("%d partial overlaps, %d differ", between, differ)
	require.Greater(t, between, 30)
}

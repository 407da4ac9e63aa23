package availability

import (
	"archive/zip"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// allZones returns every zone of the Go distribution's zone database,
// loaded. It skips the test when the database is not there.
func allZones(t *testing.T) []*time.Location {
	t.Helper()
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("no go command to find the zone database: %v", err)
	}
	r, err := zip.OpenReader(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "time", "zoneinfo.zip"))
	if err != nil {
		t.Skipf("no zone database: %v", err)
	}
	defer r.Close()
	var zones []*time.Location
	for _, f := range r.File {
		if strings.HasSuffix(f.Name, "/") || !strings.Contains(f.Name, "/") && strings.ToUpper(f.Name[:1]) != f.Name[:1] {
			continue
		}
		loc, err := time.LoadLocation(f.Name)
		if err != nil {
			continue
		}
		zones = append(zones, loc)
	}
	slices.SortFunc(zones, func(a, b *time.Location) int { return strings.Compare(a.String(), b.String()) })
	return zones
}

// transitions returns the zone's transitions from one instant to another.
func transitions(loc *time.Location, from, to time.Time) []time.Time {
	var out []time.Time
	for t := from; t.Before(to); {
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.After(t) || !end.Before(to) {
			break
		}
		out = append(out, end)
		t = end
	}
	return out
}

// TestBusinessTimeAgreesWithOpenEverywhere holds business time to open time
// around every transition of every zone from 1970 to 2037, with a daily
// window that crosses midnight: BusinessBetween measures what Open
// materializes, and AddBusiness lands where that much open time ends. Days a
// zone skips (Pacific/Apia 2011-12-30, Kwajalein 1993, Fakaofo 2011,
// Kanton and Kiritimati 1994) stretch a window across two midnights.
func TestBusinessTimeAgreesWithOpenEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("sweeps every zone")
	}
	from, to := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2037, 1, 1, 0, 0, 0, 0, time.UTC)
	checked := 0
	for _, loc := range allZones(t) {
		s := Schedule{Zone: loc, Hours: []Window{window("mon-sun", "22:00", "02:00")}}
		for _, tr := range transitions(loc, from, to) {
			a, b := tr.Add(-36*time.Hour), tr.Add(36*time.Hour)
			open, err := s.Open(Interval{Start: a, End: b})
			require.NoError(t, err)
			got, err := s.BusinessBetween(a, b)
			require.NoError(t, err)
			require.Equal(t, open.Duration(), got, "%s around %s", loc, tr)
			if open.IsEmpty() {
				continue
			}
			// AddBusiness of all the open time lands at its end.
			end, err := s.AddBusiness(a, open.Duration())
			require.NoError(t, err)
			require.True(t, end.Equal(open.Bounds().End), "%s around %s: AddBusiness %s, want %s", loc, tr, end, open.Bounds().End)
			checked++
		}
	}
	require.Greater(t, checked, 5000)
}

// TestSkippedDays pins the days the issue reported: a daily 22:00–02:00
// window holds 8 hours over two days even across a skipped date.
func TestSkippedDays(t *testing.T) {
	for _, c := range []struct {
		zone string
		from string // the local date before the skipped one
	}{
		{"Pacific/Apia", "2011-12-29"},
		{"Pacific/Kwajalein", "1993-08-20"},
		{"Pacific/Fakaofo", "2011-12-29"},
		{"Pacific/Kanton", "1994-12-30"},
		{"Pacific/Kiritimati", "1994-12-30"},
	} {
		loc := mustZone(t, c.zone)
		s := Schedule{Zone: loc, Hours: []Window{window("mon-sun", "22:00", "02:00")}}
		d := MustParseDate(c.from)
		a, b := At(d, Midnight, loc), At(d.AddDays(3), Midnight, loc)
		open, err := s.Open(Interval{Start: a, End: b})
		require.NoError(t, err)
		got, err := s.BusinessBetween(a, b)
		require.NoError(t, err)
		require.Equal(t, open.Duration(), got, c.zone)
		end, err := s.AddBusiness(a, open.Duration())
		require.NoError(t, err)
		require.True(t, end.Equal(open.Bounds().End), "%s: %s, want %s", c.zone, end, open.Bounds().End)
	}
}

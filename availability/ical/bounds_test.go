package ical

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// list writes the integers from lo to hi, comma-separated.
func list(lo, hi int) string {
	var parts []string
	for i := lo; i <= hi; i++ {
		parts = append(parts, strconv.Itoa(i))
	}
	return strings.Join(parts, ",")
}

// hostileRules are short rules that made expansion slow or large: every
// time of every day of a year picked by BYSETPOS (80 MB before it hit the
// iteration limit), lists of repeated values (400 zeros in each of
// BYHOUR, BYMINUTE and BYSECOND made 64 million times of day: 24 s and
// 2.9 GB), and every second of the days around a DST change (each a slow
// look-up, compared with every earlier one: 21 s).
var hostileRules = []struct {
	name, rule, zone string
}{
	{"every second of a year, last one", "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1", "UTC"},
	{"every second of a year, first and last", "FREQ=YEARLY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 60) + ";BYMONTH=" + list(1, 12) + ";BYSETPOS=1,-1,366,-366", "Europe/Berlin"},
	{"repeated values", "FREQ=DAILY;BYHOUR=" + strings.Repeat("0,", 399) + "0;BYMINUTE=" + strings.Repeat("0,", 399) + "0;BYSECOND=" +
		strings.Repeat("0,", 399) + "0", "UTC"},
	{"repeated ordinals", "FREQ=MONTHLY;BYDAY=" + strings.Repeat("-1FR,", 399) + "2MO;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59), "UTC"},
	{"every second around a DST change", "FREQ=DAILY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) + ";BYSECOND=" + list(0, 59), "America/New_York"},
	{"every second around a DST change, picked", "FREQ=WEEKLY;BYDAY=SA,SU,MO;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) +
		";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1", "America/New_York"},
}

// expandHostile expands a hostile rule over a month around a DST change,
// as Between and as All.
func expandHostile(t testing.TB, rule, zone string) {
	loc := mustZone(t, zone)
	r := MustParseRecur(rule)
	start := time.Date(2026, 3, 6, 0, 0, 0, 0, loc)
	_, err := r.Between(start, start, start.AddDate(0, 1, 0), ExpandOptions{})
	if err != nil {
		require.ErrorIs(t, err, ErrLimit)
	}
	for _, err := range r.All(start, ExpandOptions{}) {
		if err != nil {
			require.ErrorIs(t, err, ErrLimit)
		}
	}
}

// No rule makes an expansion allocate more than 10 MB or run for long,
// whatever it asks for; past the work limit it fails with a LimitError.
func TestHostileRulesAreBounded(t *testing.T) {
	for _, c := range hostileRules {
		t.Run(c.name, func(t *testing.T) {
			require.Less(t, len(c.rule), 5000)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			began := time.Now()
			expandHostile(t, c.rule, c.zone)
			took := time.Since(began)
			runtime.ReadMemStats(&after)
			require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(10<<20), "allocated")
			require.Less(t, took, 3*time.Second) // a generous bound for the race detector; see BenchmarkHostileRules
		})
	}
}

func BenchmarkHostileRules(b *testing.B) {
	for _, c := range hostileRules {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				expandHostile(b, c.rule, c.zone)
			}
		})
	}
}

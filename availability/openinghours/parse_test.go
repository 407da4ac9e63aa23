package openinghours

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in, canonical string
	}{
		{"Mo-Fr 09:00-17:00; Sa 10:00-14:00; Su off; PH off", "Mo-Fr 09:00-17:00; Sa 10:00-14:00; Su off; PH off"},
		{"Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00 open \"short day\"", "Mo-Fr 08:00-12:00,13:00-17:30; Sa 08:00-12:00 open \"short day\""},
		{"24/7", "24/7"},
		{"open", "24/7"},
		{"Mo-Su 00:00-24:00", "Mo-Su"},
		{"Mo,Tu,We 10:00-11:00", "Mo-We 10:00-11:00"},
		{"Sa,Su 10:00-11:00", "Sa,Su 10:00-11:00"},
		{"Fr-Mo 10:00-11:00", "Mo,Fr-Su 10:00-11:00"},
		{"Fr,Sa 22:00-26:00", "Fr,Sa 22:00-02:00"},
		{"Fr 22:00-02:00", "Fr 22:00-02:00"},
		{"Dec 24-26 off; Jan-Mar Mo 10:00-12:00", "Dec 24-26 off; Jan-Mar Mo 10:00-12:00"},
		{"Dec 24-Jan 02 off", "Dec 24-Jan 02 off"},
		{"Dec 25,Jan 01 closed", "Dec 25,Jan 01 off"},
		{"2026 Dec 24-2027 Jan 02 off", "2026 Dec 24-2027 Jan 02 off"},
		{"2026 Dec 24-2026 Dec 31 off", "2026 Dec 24-31 off"},
		{"2026 Jun: 10:00-12:00", "2026 Jun: 10:00-12:00"},
		{"2026 Feb-Mar 10:00-12:00", "2026 Feb-Mar: 10:00-12:00"},
		{"Jun-Aug 10:00-12:00", "Jun-Aug: 10:00-12:00"},
		{"Apr-Mar off", "Apr-Mar off"},
		{"Sa, Su 10:00-12:00", "Sa,Su 10:00-12:00"},                   // a comma after weekdays continues them
		{"Mo 10:00-12:00, 14:00-15:00", "Mo 10:00-12:00,14:00-15:00"}, // and after a time, the times
		{"Dec 25, Jan 01 off", "Dec 25,Jan 01 off"},
		{"Feb 20-Feb 28 off", "Feb 20-Feb 28 off"},
		{"2026 Feb 20-2026 Feb 28 off", "2026 Feb 20-2026 Feb 28 off"},
		{"Mo 10:00-12:00 open \"x\", Tu 10:00-11:00", "Mo 10:00-12:00 open \"x\", Tu 10:00-11:00"},
		{"Mo 10:00-12:00 open", "Mo 10:00-12:00"},
		{"Mo-Su 00:00-24:00, Sa 10:00-12:00 off", "Mo-Su open, Sa 10:00-12:00 off"}, // not "Mo-Su, Sa", a list of weekdays
		{"00:00-24:00, Mo 10:00-12:00 off", "24/7 open, Mo 10:00-12:00 off"},
		{"Mar 02 open, 05:00-19:00", "Mar 02 open, 05:00-19:00"},                 // not "Mar 02 00:00-24:00, 05:00-19:00", more times
		{"Mo 10:00-12:00 open, 14:00-15:00", "Mo 10:00-12:00 open, 14:00-15:00"}, // the same
		{"Mo off, Mo 10:00-11:00", "Mo off, Mo 10:00-11:00"},
		{"Jan 01: 10:00-12:00", "Jan 01 10:00-12:00"},
		{"Mo-Fr 09:00-18:00, We 12:00-14:00 off", "Mo-Fr 09:00-18:00, We 12:00-14:00 off"},
		{"Mo-Fr,PH 10:00-12:00", "Mo-Fr,PH 10:00-12:00"},
		{"off", "off"},
		{"  mo-fr 09:00-17:00 ;  su OFF \"rest\"  ", "Mo-Fr 09:00-17:00; Su off \"rest\""},
		{"Mo-Fr 09:00-17:00, Sa", "Mo-Fr 09:00-17:00, Sa"},
	} {
		t.Run(c.in, func(t *testing.T) {
			h, err := Parse(c.in)
			require.NoError(t, err)
			require.Equal(t, c.canonical, h.String())
			again, err := Parse(h.String())
			require.NoError(t, err)
			require.Equal(t, h, again)
		})
	}
	h := MustParse("Mo-Fr 09:00-12:00,13:00-17:00; 2026 Dec 24-26 off \"holidays\", Sa 22:00-02:00")
	require.Equal(t, []Rule{
		{Weekdays: availability.Workweek, Times: []availability.Span{{Start: 540, End: 720}, {Start: 780, End: 1020}}},
		{Dates: []DateRange{{From: MonthDay{2026, time.December, 24}, To: MonthDay{2026, time.December, 26}}}, Times: wholeDay(), Off: true, Comment: "holidays"},
		{Additional: true, Weekdays: availability.Days(time.Saturday), Times: []availability.Span{{Start: 1320, End: 120}}},
	}, h.Rules)
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		in  string
		col int
		err error
	}{
		{"", 1, ErrSyntax},
		{"Mo-Fr 09:00-17:00 Sa", 19, ErrSyntax},
		{"Mo-Fr 9:00-17:00", 7, ErrSyntax},
		{"Mo-Fr 09:00-17:00;; Sa off", 19, ErrSyntax},
		{"Mo-Fr 09:00-17:00;", 19, ErrSyntax},
		{"Mo-Fr 09:00-17:00,Sa off", 18, ErrSyntax},
		{"Mo-Fr 09:60-17:00", 7, ErrSyntax},
		{"We 25:00-26:00", 4, ErrSyntax},
		{"We 10:00-10:00", 10, ErrSyntax},
		{"We 10:00-49:00", 10, ErrSyntax},
		{"Feb 30 off", 5, ErrSyntax},
		{"Xy 10:00-12:00", 1, ErrSyntax},
		{"Mo-Xy 10:00-12:00", 4, ErrSyntax},
		{"Su \"unterminated", 4, ErrSyntax},
		{"2026 Dec 31-Jan 02 off", 13, ErrSyntax},
		{"Dec 24-2027 Jan 02 off", 8, ErrSyntax},
		{"Jan 05-Feb off", 8, ErrSyntax},
		{"Mo 10:00-12:00 || Tu", 16, ErrUnsupported},
		{"Su[1] 10:00-12:00", 3, ErrUnsupported},
		{"Mo-Fr sunrise-sunset", 7, ErrUnsupported},
		{"Mo-Fr 09:00+", 12, ErrUnsupported},
		{"Mo-Fr 09:00", 12, ErrUnsupported},
		{"Mo-Fr 09:00-17:00/01:00", 18, ErrUnsupported},
		{"We 10:00-34:00", 10, ErrUnsupported},
		{"PH Mo-Fr off", 4, ErrUnsupported},
		{"SH off", 1, ErrUnsupported},
		{"week 01-10 Mo 10:00-12:00", 1, ErrUnsupported},
		{"2026 Mo-Fr 10:00-12:00", 1, ErrUnsupported},
		{"Mo unknown", 4, ErrUnsupported},
		{"\"by appointment\"", 1, ErrUnsupported},
		{"Üb 10:00-12:00", 1, ErrSyntax},
		{"Mo off \"Überstunden\" x", 22, ErrSyntax},  // columns count characters, not bytes
		{"Mo \"by appointment\"", 4, ErrUnsupported}, // a comment alone means unknown
		{"Mo, Mar 03 10:00-12:00", 3, ErrSyntax},     // opening_hours.js: an additional rule makes no sense here
		{"Mo-Fr, 10:00-12:00", 6, ErrSyntax},
		{"24/7, Mo off", 5, ErrSyntax},
		{"2026 Jun 10:00-12:00", 9, ErrSyntax}, // "Jun 10" would be a day to other readers
		{"2026 Mar 01-Mar 04 off", 13, ErrSyntax},
		{"2026 Feb-2026 Mar off", 10, ErrSyntax},
		{"2026 Mar:; Sa off", 9, ErrSyntax},
		{"Feb-Mar,2026 Mar 04 off", 9, ErrSyntax},
		{"Feb 20-28 off", 8, ErrUnsupported}, // opening_hours.js: no date in 2026
		{"2028 Feb 20-29 off", 13, ErrUnsupported},
		{"Feb 27-Feb 29 off", 8, ErrUnsupported}, // opening_hours.js: through March 1 in 2026
		{"Jan 27-13 off", 8, ErrSyntax},
		{"Feb 25-Feb 24 off", 8, ErrUnsupported}, // opening_hours.js: no date
		{"2026 Feb-Mar,Dec 30-Jan 05 off", 14, ErrUnsupported},
		{"2026 Mar 03,Mar 04 off", 13, ErrUnsupported},
		{"2026 Mar 03,2026 Apr off", 13, ErrSyntax},
		{"Mar 01-Feb 28 off", 8, ErrUnsupported},      // the whole of 2026: opening_hours.js reads no date
		{"Feb 01,Jan,Feb 25 off", 12, ErrUnsupported}, // opening_hours.js: no date
	} {
		t.Run(c.in, func(t *testing.T) {
			_, err := Parse(c.in)
			require.ErrorIs(t, err, c.err)
			var se *SyntaxError
			require.True(t, errors.As(err, &se))
			require.Equal(t, c.col, se.Column, "%v", err)
			require.Equal(t, c.in, se.Input)
			require.Contains(t, err.Error(), "column")
		})
	}

	// The unexpected character is quoted whole, not its first byte.
	_, err := Parse("Üb 10:00-12:00")
	require.ErrorContains(t, err, `unexpected 'Ü'`)
}

// Errors quote a short prefix of the value, however long it is.
func TestParseErrorQuotesAShortPrefix(t *testing.T) {
	for _, in := range []string{
		"Mo-Fr 09:00-17:00; " + strings.Repeat("x", 1<<20),                         // past the length limit
		"Mo-Fr 09:00-17:00 " + strings.Repeat("y", 60<<10),                         // a long unexpected word
		strings.Repeat("Mo 09:00-10:00; ", 3000) + "Mo " + strings.Repeat("z", 10), // broken near the end
	} {
		_, err := Parse(in)
		require.Error(t, err)
		require.Contains(t, err.Error(), `opening_hours "Mo`)
		require.Less(t, len(err.Error()), 300, "%.400s", err)
		var se *SyntaxError
		require.ErrorAs(t, err, &se)
		require.Equal(t, in, se.Input) // the field keeps the whole value
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Mo-Fr 09:00-17:00; Sa 10:00-14:00; Su off; PH off",
		"24/7", "off", "Fr,Sa 22:00-26:00", "Dec 24-Jan 02 off; 2026 Jun 10:00-12:00",
		"Mo-Fr 09:00-18:00, We 12:00-14:00 off \"lunch\"", "Mo-Fr,PH 10:00-12:00", "Jan 01: 10:00-12:00",
		"2026 Dec 24-2027 Jan 02 off", "Su[1] 10:00", "Mo 10:00-12:00 || Tu",
		"Mo-Su 22:00-02:00; Mo off", "Mo-Su open, Sa 10:00-12:00 off", "Sa, Su 10:00-12:00", "Mo 10:00-12:00, 14:00-15:00; 16:00-17:00",
		"Mar 02 open, 05:00-19:00", "2026 Feb-Mar: 10:00-12:00", "Feb 20-Feb 28 off", "Mo-Fr 09:00-17:00 \"by appointment\"",
		"Mo 08:00-09:00; 10:00-12:00", "Fr-Mo 20:00-02:00; Mar 08 off", datedRules(40),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := Parse(s)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Column < 1 {
				t.Fatalf("error without a column: %v", err)
			}
			return
		}
		again, err := Parse(h.String())
		if err != nil {
			t.Fatalf("Parse(%q) of %q: %v", h.String(), s, err)
		}
		if again.String() != h.String() {
			t.Fatalf("round trip of %q: %q then %q", s, h.String(), again.String())
		}
		// Reading it into a schedule never panics and stays bounded.
		opts := Options{Dates: availability.DateRange{From: availability.MustParseDate("2026-01-01"), Through: availability.MustParseDate("2026-03-31")},
			Holidays: []availability.Date{availability.MustParseDate("2026-01-01")}}
		sched, err := h.Schedule(opts)
		if err != nil {
			return
		}
		if err := sched.Validate(); err != nil {
			t.Fatalf("%q gives an invalid schedule: %v", s, err)
		}
		// The canonical form means the same.
		back, err := again.Schedule(opts)
		if err != nil {
			t.Fatalf("%q reads, its canonical form %q does not: %v", s, h.String(), err)
		}
		r := availability.Interval{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)}
		a, _ := sched.Open(r)
		b, _ := back.Open(r)
		if !a.Equal(b) {
			t.Fatalf("%q and its canonical form %q open differently:\n%s\n%s", s, h.String(), a, b)
		}
	})
}

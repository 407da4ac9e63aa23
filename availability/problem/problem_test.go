package problem

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

var errClock = errors.New("invalid clock time")

func TestList(t *testing.T) {
	var l List
	require.NoError(t, l.Err())
	l.Add("hours[1].end", Order, "ends at %s, before it starts", "08:00")
	l = append(l, Problem{Path: "hours[2].start", Code: Invalid, Message: "25:00 is not a time", Err: errClock})
	l.Add("", Empty, "no hours")
	err := l.Err()
	require.Error(t, err)
	require.ErrorIs(t, err, ErrInvalid)
	require.ErrorIs(t, err, errClock, "the cause of a problem is reached")
	var got List
	require.ErrorAs(t, err, &got)
	require.Len(t, got, 3)
	require.True(t, got.Has(Empty))
	require.False(t, got.Has(Cycle))
	require.Equal(t, "hours[1].end: ends at 08:00, before it starts [order]\nhours[2].start: 25:00 is not a time [invalid]\nno hours [empty]", err.Error())

	require.Equal(t, List{l[0], l[1]}, l.At("hours"))
	require.Equal(t, List{l[1]}, l.At("hours[2]"))
	require.Empty(t, l.At("hour"))
	require.Equal(t, l, l.At(""))

	under := l.Under("calendars[2].schedule")
	require.Equal(t, "calendars[2].schedule.hours[1].end", under[0].Path)
	require.Equal(t, "calendars[2].schedule", under[2].Path)
	require.Equal(t, "hours[1].end", l[0].Path, "Under copies")
	require.Nil(t, List(nil).Under("x"))
}

func TestPaths(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Join("", "b"), "b"},
		{Join("a", ""), "a"},
		{Join("a", "b"), "a.b"},
		{Join("a", "[2]"), "a[2]"},
		{Join(Index("hours", 2), "end"), "hours[2].end"},
		{Index("", 0), "[0]"},
		{Key("rooms", "a1"), "rooms.a1"},
		{Key("rooms", "room 1"), `rooms["room 1"]`},
		{Key("rooms", "1"), `rooms["1"]`},
		{Key("", "_x"), "_x"},
	} {
		require.Equal(t, c.want, c.got)
	}
}

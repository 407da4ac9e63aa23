package problem

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestList(t *testing.T) {
	var l List
	require.NoError(t, l.Err())
	l.Add("hours[1].end", "before_start", "ends at %s, before it starts", "08:00")
	l.Add("", "empty", "no hours")
	err := l.Err()
	require.Error(t, err)
	require.True(t, errors.Is(err, ErrInvalid))
	var got List
	require.True(t, errors.As(err, &got))
	require.Len(t, got, 2)
	require.True(t, got.Has("empty"))
	require.False(t, got.Has("other"))
	require.Equal(t, "hours[1].end: ends at 08:00, before it starts [before_start]\nno hours [empty]", err.Error())
}

func TestJoin(t *testing.T) {
	for _, c := range []struct{ parent, child, want string }{
		{"", "b", "b"},
		{"a", "b", "a.b"},
		{"a", "[2]", "a[2]"},
		{Index("hours", 2), "end", "hours[2].end"},
	} {
		require.Equal(t, c.want, Join(c.parent, c.child))
	}
}

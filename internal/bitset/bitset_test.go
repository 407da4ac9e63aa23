package bitset

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSet(t *testing.T) {
	s := New(130)
	require.Len(t, s, 3)
	require.True(t, s.IsEmpty())
	for _, i := range []int{0, 63, 64, 129} {
		s.Add(i)
	}
	require.Equal(t, []int{0, 63, 64, 129}, slices.Collect(s.All()))
	require.Equal(t, 4, s.Count())
	require.True(t, s.Has(63))
	require.False(t, s.Has(62))
	require.False(t, s.Has(-1))
	require.False(t, s.Has(1000))
	s.Remove(63)
	require.False(t, s.Has(63))

	u := New(130)
	u.Fill(65)
	require.Equal(t, 65, u.Count())
	require.True(t, u.Has(64))
	require.False(t, u.Has(65))
	u.And(s)
	require.Equal(t, []int{0, 64}, slices.Collect(u.All()))
	u.Or(s)
	require.Equal(t, []int{0, 64, 129}, slices.Collect(u.All()))
	u.AndNot(s)
	require.True(t, u.IsEmpty())
	s.Clear()
	require.Zero(t, s.Count())

	var arr [4]uint64 // a set on the stack
	st := Set(arr[:])
	st.Fill(256)
	require.Equal(t, 256, st.Count())
	require.Zero(t, testing.AllocsPerRun(100, func() {
		var a [4]uint64
		x := Set(a[:])
		x.Add(200)
		_ = x.Has(200)
	}))
}

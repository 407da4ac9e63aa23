package contact

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestUrgency(t *testing.T) {
	for _, u := range []Urgency{Informational, Routine, Urgent, Emergency} {
		b, err := u.MarshalText()
		require.NoError(t, err)
		var got Urgency
		require.NoError(t, got.UnmarshalText(b))
		require.Equal(t, u, got)
	}
	require.Less(t, Informational, Routine)
	require.Less(t, Urgent, Emergency)
	_, err := ParseUrgency("panic")
	require.ErrorIs(t, err, ErrUrgency)
	u, err := ParseUrgency("EMERGENCY")
	require.NoError(t, err)
	require.Equal(t, Emergency, u)
}

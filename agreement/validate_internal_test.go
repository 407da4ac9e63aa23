package agreement

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/availability/problem"
)

// TestNested: the problems of a nested model move below the clause with
// their codes, messages and causes; an error that is no problem list is
// one invalid problem at the clause, wrapped.
func TestNested(t *testing.T) {
	cause := errors.New("cause")
	var v validator
	v.nested(ClauseCommunicationHours, problem.List{
		{Path: "hours[0].days", Code: problem.Required, Message: "no day"},
		{Path: "", Code: problem.Conflict, Message: "root", Err: cause},
	})
	v.nested(ClauseCommunicationPolicy, nil)
	other := errors.New("something else")
	v.nested(ClauseCommunicationPolicy, other)
	require.Equal(t, problem.List{
		{Path: "communication.hours.hours[0].days", Code: problem.Required, Message: "no day"},
		{Path: "communication.hours", Code: problem.Conflict, Message: "root", Err: cause},
		{Path: "communication.policy", Code: problem.Invalid, Message: "something else", Err: other},
	}, v.l)
	require.ErrorIs(t, v.l.Err(), cause)
	require.ErrorIs(t, v.l.Err(), other)
}

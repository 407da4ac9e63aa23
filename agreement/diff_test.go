package agreement_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
)

func TestDiff(t *testing.T) {
	v1 := therapyTerms()
	v2 := therapyTerms()
	v2.Version = 2
	v2.Title = "Therapy agreement, 2027"
	v2.Parties[0].Contact = "mira@kovac-therapy.example"
	v2.Cancellation.Tiers[1].Share = 6000
	v2.Lateness.Grace = 5 * time.Minute
	v2.Scope.Out = append(v2.Scope.Out, "medication")
	v2.Boundaries = v2.Boundaries[1:] // romantic removed: the others keep their IDs
	v2.Boundaries[0].Ladder = v2.Boundaries[0].Ladder[:2]
	v2.Obligations.Client = append(v2.Obligations.Client, agreement.Obligation{Key: "homework", Text: "Does the agreed exercises."})

	changes, err := agreement.Diff(v1, v2)
	require.NoError(t, err)
	type row struct {
		clause   agreement.ClauseID
		path     string
		kind     agreement.ChangeKind
		old, new string
		material bool
	}
	var got []row
	for _, c := range changes {
		old, new := c.Old, c.New
		if len(old) > 40 {
			old = old[:40]
		}
		got = append(got, row{c.Clause, c.Path, c.Kind, old, new, c.Material})
	}
	require.Equal(t, []row{
		{"title", "title", agreement.Changed, "Agreement for individual therapy", "Therapy agreement, 2027", false},
		{"parties[0]", "parties[0].contact", agreement.Changed, "office@kovac-therapy.example", "mira@kovac-therapy.example", false},
		{"scope.out[3]", "scope.out[3]", agreement.Added, "", "medication", true},
		{"cancellation.tiers[1]", "cancellation.tiers[1].share", agreement.Changed, "5000", "6000", true},
		{"lateness", "lateness.grace", agreement.Changed, "10m", "5m", true},
		{"boundaries.romantic", "boundaries.romantic", agreement.Removed, `{"kind":"romantic","text":"No romantic o`, "", true},
		{"boundaries.dual_relationship", "boundaries.dual_relationship.ladder[2].consequence", agreement.Removed, "termination", "", true},
		{"obligations.client.homework", "obligations.client.homework", agreement.Added, "", `{"key":"homework","text":"Does the agreed exercises."}`, true},
	}, got)
	require.True(t, agreement.Material(changes))

	// Only the title and a contact: no new signature needed.
	v3 := therapyTerms()
	v3.Title = "Renamed"
	v3.Parties[1].Contact = "alex@example.com"
	changes, err = agreement.Diff(v1, v3)
	require.NoError(t, err)
	require.Len(t, changes, 2)
	require.False(t, agreement.Material(changes))

	changes, err = agreement.Diff(v1, therapyTerms())
	require.NoError(t, err)
	require.Empty(t, changes)
}

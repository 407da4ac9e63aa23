package agreement_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

func TestFingerprint(t *testing.T) {
	a := therapyTerms()
	f, err := a.Fingerprint()
	require.NoError(t, err)
	require.False(t, f.IsZero())

	// It is the SHA-256 digest of the canonical form of the JSON encoding.
	for _, terms := range []agreement.Agreement{a, consultingTerms(), coachingTerms(), {}} {
		b, err := json.Marshal(terms)
		require.NoError(t, err)
		c, err := agreement.Canonical(b)
		require.NoError(t, err)
		got, err := terms.Fingerprint()
		require.NoError(t, err)
		require.Equal(t, agreement.Fingerprint(sha256.Sum256(c)), got)
	}

	// The same terms decoded from JSON, with members in another order and
	// whitespace, have the same fingerprint.
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(b, &generic))
	shuffled, err := json.MarshalIndent(generic, "", "\t")
	require.NoError(t, err)
	var back agreement.Agreement
	require.NoError(t, json.Unmarshal(shuffled, &back))
	g, err := back.Fingerprint()
	require.NoError(t, err)
	require.Equal(t, f, g)

	// Any change, however small, changes it.
	for _, change := range []func(*agreement.Agreement){
		func(a *agreement.Agreement) { a.Version = 2 },
		func(a *agreement.Agreement) { a.Cancellation.Tiers[1].Share = 5001 },
		func(a *agreement.Agreement) { a.Lateness.Grace += time.Second },
		func(a *agreement.Agreement) { a.Parties[0].Contact = "" },
		func(a *agreement.Agreement) { a.Boundaries[0].InSession = true },
	} {
		c := therapyTerms()
		change(&c)
		h, err := c.Fingerprint()
		require.NoError(t, err)
		require.NotEqual(t, f, h)
	}
}

func TestParseFingerprint(t *testing.T) {
	f, err := therapyTerms().Fingerprint()
	require.NoError(t, err)
	parsed, err := agreement.ParseFingerprint(f.String())
	require.NoError(t, err)
	require.Equal(t, f, parsed)
	text, err := f.MarshalText()
	require.NoError(t, err)
	var u agreement.Fingerprint
	require.NoError(t, u.UnmarshalText(text))
	require.Equal(t, f, u)

	for _, bad := range []string{
		"",
		"sha256:",
		"md5:0000000000000000000000000000000000000000000000000000000000000000",
		"sha256:000000000000000000000000000000000000000000000000000000000000000",
		"sha256:00000000000000000000000000000000000000000000000000000000000000000",
		"sha256:ABCDEF0000000000000000000000000000000000000000000000000000000000",
		"sha256:g000000000000000000000000000000000000000000000000000000000000000",
	} {
		_, err := agreement.ParseFingerprint(bad)
		require.ErrorIs(t, err, agreement.ErrFingerprint, bad)
		require.Contains(t, err.Error(), prose.Quote(bad), "parse errors quote the input, cut to 64 bytes")
	}
}

func TestAcknowledgment(t *testing.T) {
	at := clock(t, "America/New_York")
	a := therapyTerms()
	client, _ := a.Party(agreement.RoleClient)
	ack, err := agreement.Acknowledge(a, client, at("2026-03-01 18:30"))
	require.NoError(t, err)
	require.Equal(t, "therapy-2026-017", ack.Agreement)
	require.Equal(t, 1, ack.Version)
	require.NoError(t, ack.Verify(a))

	// JSON round trip.
	b, err := json.Marshal(ack)
	require.NoError(t, err)
	var back agreement.Acknowledgment
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Verify(a))
	require.True(t, ack.At.Equal(back.At))

	mismatch := func(err error) string {
		t.Helper()
		require.ErrorIs(t, err, agreement.ErrMismatch)
		var m *agreement.MismatchError
		require.True(t, errors.As(err, &m))
		return m.Field
	}

	changed := therapyTerms()
	changed.Cancellation.Tiers[0].Share = 8000
	require.Equal(t, "fingerprint", mismatch(ack.Verify(changed)))

	v2 := therapyTerms()
	v2.Version = 2
	require.Equal(t, "version", mismatch(ack.Verify(v2)))

	other := therapyTerms()
	other.ID = "therapy-2026-018"
	require.Equal(t, "agreement", mismatch(ack.Verify(other)))

	forged := ack
	forged.Signer = agreement.Party{Role: agreement.RoleClient, Name: "Mallory"}
	require.Equal(t, "signer", mismatch(forged.Verify(a)))

	_, err = agreement.Acknowledge(a, agreement.Party{Role: agreement.RoleClient, Name: "Mallory"}, at("2026-03-01 18:30"))
	require.Equal(t, "signer", mismatch(err))

	_, err = agreement.Acknowledge(a, client, time.Time{})
	require.ErrorIs(t, err, problem.ErrInvalid)

	invalid := therapyTerms()
	invalid.Lateness.Grace = time.Hour
	_, err = agreement.Acknowledge(invalid, client, at("2026-03-01 18:30"))
	require.ErrorIs(t, err, problem.ErrInvalid)
}

func TestAgreementJSONRoundTrip(t *testing.T) {
	for _, a := range []agreement.Agreement{therapyTerms(), consultingTerms(), coachingTerms()} {
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var back agreement.Agreement
		require.NoError(t, json.Unmarshal(b, &back))
		again, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(b), string(again))
		require.Equal(t, string(b), string(again))
		changes, err := agreement.Diff(a, back)
		require.NoError(t, err)
		require.Empty(t, changes)
	}
}

func TestAgreementJSONStrict(t *testing.T) {
	b, err := json.Marshal(therapyTerms())
	require.NoError(t, err)
	var generic map[string]any
	require.NoError(t, json.Unmarshal(b, &generic))
	generic["cancellation"].(map[string]any)["tiers"].([]any)[1].(map[string]any)["sahre"] = 5000
	bad, err := json.Marshal(generic)
	require.NoError(t, err)
	var a agreement.Agreement
	err = json.Unmarshal(bad, &a)
	require.Error(t, err)
	require.Contains(t, err.Error(), "cancellation.tiers[1].sahre")
}

func TestEventAndOutcomeJSON(t *testing.T) {
	at := clock(t, "America/New_York")
	ev := agreement.Event{Kind: agreement.EventCancellation, At: at("2026-03-08 20:00"), Session: at("2026-03-09 10:00")}
	b, err := json.Marshal(ev)
	require.NoError(t, err)
	require.JSONEq(t, `{"kind":"cancellation","at":"2026-03-08T20:00:00-04:00","session":"2026-03-09T10:00:00-04:00"}`, string(b))
	var back agreement.Event
	require.NoError(t, json.Unmarshal(b, &back))
	o1, err := agreement.Evaluate(therapyTerms(), ev)
	require.NoError(t, err)
	o2, err := agreement.Evaluate(therapyTerms(), back)
	require.NoError(t, err)
	b1, err := json.Marshal(o1)
	require.NoError(t, err)
	b2, err := json.Marshal(o2)
	require.NoError(t, err)
	require.Equal(t, string(b1), string(b2))
	var o3 agreement.Outcome
	require.NoError(t, json.Unmarshal(b1, &o3))
	b3, err := json.Marshal(o3)
	require.NoError(t, err)
	require.Equal(t, string(b1), string(b3))
}

package place

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestModality(t *testing.T) {
	for _, c := range []struct {
		in    string
		want  Modality
		text  string
		words string
	}{
		{"", 0, "", ""},
		{"in_person", InPerson, "in_person", "in person"},
		{"video", Video, "video", "by video"},
		{"phone,video", Remote, "remote", "remotely"},
		{"remote", Remote, "remote", "remotely"},
		{"remote,in_person", InPerson | Remote, "in_person,remote", "in person, remotely"},
		{"in_person,phone", InPerson | Phone, "in_person,phone", "in person, by phone"},
	} {
		m, err := ParseModality(c.in)
		require.NoError(t, err, c.in)
		require.Equal(t, c.want, m, c.in)
		require.Equal(t, c.text, m.String())
		require.Equal(t, c.words, m.Words())
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back Modality
		require.NoError(t, back.UnmarshalText(b))
		require.Equal(t, m, back)
	}
	for _, s := range []string{"remote,", "in person", "chat", strings.Repeat("x", 1000)} {
		_, err := ParseModality(s)
		require.ErrorIs(t, err, ErrModality, s)
		require.Less(t, len(err.Error()), 200)
	}
	require.True(t, Remote.Overlaps(Video))
	require.False(t, Remote.Has(InPerson|Video))
	require.False(t, Modality(64).IsValid())
	_, err := Modality(64).MarshalText()
	require.ErrorIs(t, err, ErrModality)
}

func FuzzParseModality(f *testing.F) {
	for _, s := range []string{"in_person", "remote", "video,phone", "in_person,remote", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseModality(s)
		if err != nil {
			return
		}
		back, err := ParseModality(m.String())
		if err != nil || back != m {
			t.Fatalf("%q → %v → %q → %v, %v", s, m, m.String(), back, err)
		}
	})
}

package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/examples/stories"
)

func TestTour(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &errs), errs.String())
	require.Empty(t, errs.String())
	for _, s := range stories.All() {
		require.Contains(t, out.String(), "\n"+s.Title+"\n")
	}
	// Readable in a terminal in under a minute.
	lines := strings.Count(out.String(), "\n")
	require.True(t, lines >= 100 && lines <= 220, "%d lines", lines)
}

func TestOneStory(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 0, run([]string{"-story", "forty-minute-wait"}, &out, &errs), errs.String())
	s, _ := stories.Find("forty-minute-wait")
	r, err := s.Run()
	require.NoError(t, err)
	require.Equal(t, r.Text(), out.String())
}

func TestJSON(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		names []string
	}{
		{[]string{"-story", "consultation", "-json"}, []string{"consultation"}},
		{[]string{"-json"}, stories.Names()},
	} {
		var out, errs bytes.Buffer
		require.Equal(t, 0, run(tc.args, &out, &errs), errs.String())
		require.True(t, json.Valid(out.Bytes()))
		var reports []struct {
			Name    string          `json:"name"`
			Results json.RawMessage `json:"results"`
		}
		require.NoError(t, json.Unmarshal(out.Bytes(), &reports))
		var names []string
		for _, r := range reports {
			names = append(names, r.Name)
			require.NotEmpty(t, r.Results)
		}
		require.Equal(t, tc.names, names)
	}
}

func TestUsage(t *testing.T) {
	var out, errs bytes.Buffer
	require.Equal(t, 2, run([]string{"-story", "the-wait"}, &out, &errs))
	require.Equal(t, `tour: unknown story "the-wait"; the stories are: protected-evening, contract-hour, forty-minute-wait, 911-or-411, consultation, group-practice, intake`+"\n", errs.String())
	require.Empty(t, out.String())

	errs.Reset()
	require.Equal(t, 2, run([]string{"consultation"}, &out, &errs))
	require.Contains(t, errs.String(), `unexpected argument "consultation"`)

	errs.Reset()
	require.Equal(t, 2, run([]string{"-verbose"}, &out, &errs))
	require.Contains(t, errs.String(), "flag provided but not defined: -verbose")
}

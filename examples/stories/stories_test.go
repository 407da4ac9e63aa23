package stories_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/examples/stories"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the current output")

// TestGolden compares each story's text with its golden file, so that a
// change in the library's behaviour shows up as a diff. Run
// go test ./examples/stories -update to accept a change.
func TestGolden(t *testing.T) {
	for _, s := range stories.All() {
		t.Run(s.Name, func(t *testing.T) {
			r, err := s.Run()
			require.NoError(t, err)
			require.Equal(t, s.Name, r.Name)
			require.Equal(t, s.Title, r.Title)
			path := filepath.Join("testdata", s.Name+".golden")
			got := r.Text()
			if *update {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./examples/stories -update to write the golden file")
			require.Equal(t, string(want), got)
		})
	}
}

// TestJSON checks that each report's JSON is valid and carries its name,
// title, narrative and results.
func TestJSON(t *testing.T) {
	for _, s := range stories.All() {
		t.Run(s.Name, func(t *testing.T) {
			r, err := s.Run()
			require.NoError(t, err)
			b, err := r.JSON()
			require.NoError(t, err)
			require.True(t, json.Valid(b))
			var back struct {
				Name      string         `json:"name"`
				Title     string         `json:"title"`
				Narrative []string       `json:"narrative"`
				Results   map[string]any `json:"results"`
			}
			require.NoError(t, json.Unmarshal(b, &back))
			require.Equal(t, r.Name, back.Name)
			require.Equal(t, r.Title, back.Title)
			require.Equal(t, r.Lines, back.Narrative)
			require.NotEmpty(t, back.Results)
		})
	}
}

// TestDeterministic runs every story twice: no clock, no randomness, so
// the same text and JSON.
func TestDeterministic(t *testing.T) {
	for _, s := range stories.All() {
		a, err := s.Run()
		require.NoError(t, err)
		b, err := s.Run()
		require.NoError(t, err)
		require.Equal(t, a.Text(), b.Text(), s.Name)
		ja, err := a.JSON()
		require.NoError(t, err)
		jb, err := b.JSON()
		require.NoError(t, err)
		require.Equal(t, string(ja), string(jb), s.Name)
	}
}

func TestFind(t *testing.T) {
	require.Equal(t, []string{"protected-evening", "contract-hour", "forty-minute-wait", "911-or-411", "consultation", "group-practice", "intake"}, stories.Names())
	s, ok := stories.Find("911-or-411")
	require.True(t, ok)
	require.Equal(t, "4. 911 or 411", s.Title)
	_, ok = stories.Find("911")
	require.False(t, ok)
}

// TestText checks the layout of a report: the title, underlined, then the
// narrative, one line each.
func TestText(t *testing.T) {
	r := stories.Report{Title: "6. Ünïcode", Lines: []string{"one", "  two"}}
	require.Equal(t, "6. Ünïcode\n==========\none\n  two\n", r.Text())
	require.False(t, strings.Contains(r.Text(), "\n\n"))
}

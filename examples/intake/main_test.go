package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden file in testdata with the current output")

// TestGolden compares the program's output with its golden file, so that
// a change in the library's behaviour shows up as a diff. Run
// go test ./examples/intake -update to accept a change.
func TestGolden(t *testing.T) {
	got := output(t)
	path := filepath.Join("testdata", "intake.golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./examples/intake -update to write the golden file")
	require.Equal(t, string(want), got)
}

// output runs the program and returns what it prints.
func output(t *testing.T) string {
	f, err := os.CreateTemp(t.TempDir(), "stdout")
	require.NoError(t, err)
	defer f.Close()
	stdout := os.Stdout
	os.Stdout = f
	defer func() { os.Stdout = stdout }()
	main()
	b, err := os.ReadFile(f.Name())
	require.NoError(t, err)
	return string(b)
}

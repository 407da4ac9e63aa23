package agreement_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/availability/problem"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/render")

// golden compares got with the file testdata/render/name, or rewrites the
// file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "render", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestRenderGolden -update to create it")
	require.Equal(t, string(want), got)
}

func TestRenderGolden(t *testing.T) {
	for _, a := range []agreement.Agreement{therapyTerms(), consultingTerms(), coachingTerms()} {
		t.Run(a.ID, func(t *testing.T) {
			md, err := a.Markdown()
			require.NoError(t, err)
			golden(t, a.ID+".md", md)
			txt, err := a.Text()
			require.NoError(t, err)
			golden(t, a.ID+".txt", txt)
			html, err := a.HTML()
			require.NoError(t, err)
			golden(t, a.ID+".html", html)
		})
	}
}

// TestRenderDeterministic: the same agreement renders to the same bytes,
// and the signature block carries its fingerprint.
func TestRenderDeterministic(t *testing.T) {
	a := therapyTerms()
	f, err := a.Fingerprint()
	require.NoError(t, err)
	for _, render := range []func() (string, error){a.Markdown, a.Text, a.HTML} {
		first, err := render()
		require.NoError(t, err)
		second, err := render()
		require.NoError(t, err)
		require.Equal(t, first, second)
		require.Contains(t, first, f.String())
		require.Contains(t, first, "cancellation.tiers[1]")
		require.Contains(t, first, "boundaries.romantic")
		require.Contains(t, first, "Dr. Mira Kovač")
	}
}

// TestRenderEscapes: strings from the agreement cannot add markup.
func TestRenderEscapes(t *testing.T) {
	a := therapyTerms()
	a.Title = `<script>alert("x")</script>`
	a.Parties[1].Name = `Eve <img src=x onerror=alert(1)> [link](http://evil.example) *bold* & co`
	a.Scope.Nature = "line one\nline two"

	html, err := a.HTML()
	require.NoError(t, err)
	require.NotContains(t, html, "<script>")
	require.NotContains(t, html, "<img")
	require.Contains(t, html, "&lt;script&gt;")
	require.Contains(t, html, "&lt;img src=x onerror=alert(1)&gt;")

	md, err := a.Markdown()
	require.NoError(t, err)
	for line := range strings.SplitSeq(md, "\n") {
		text, user := strings.CutPrefix(line, "Client: ") // the signature line: all from the agreement
		if !user {
			text, user = strings.CutPrefix(line, "# ")
		}
		if !user {
			continue
		}
		for i := range len(text) {
			if strings.IndexByte("<>[]*&", text[i]) >= 0 && (i == 0 || text[i-1] != '\\') {
				t.Fatalf("unescaped %q in %q", text[i], text)
			}
		}
	}
	require.Contains(t, md, `Eve \<img src=x onerror=alert(1)\> \[link\](http://evil.example) \*bold\* \& co`)
	require.Contains(t, md, "line one line two")

	txt, err := a.Text()
	require.NoError(t, err)
	require.Contains(t, txt, "line one line two")
}

// TestRenderEscapesID: the agreement's ID is shown as code in Markdown; a
// backtick in it cannot close the code span, and a line break in it cannot
// start a line of its own in any rendering.
func TestRenderEscapesID(t *testing.T) {
	a := therapyTerms()
	a.ID = "`x` <script>alert(1)</script>\n# Forged"
	md, err := a.Markdown()
	require.NoError(t, err)
	require.Contains(t, md, "\n\nAgreement `` `x` <script>alert(1)</script> # Forged ``, version 1.\n")
	require.NotContains(t, md, "\n# Forged")
	txt, err := a.Text()
	require.NoError(t, err)
	require.NotContains(t, txt, "\n# Forged")
	html, err := a.HTML()
	require.NoError(t, err)
	require.NotContains(t, html, "<script>")
}

func TestRenderRequiresValidTerms(t *testing.T) {
	a := therapyTerms()
	a.Cancellation.Tiers[0].Share = 20000
	for _, render := range []func() (string, error){a.Markdown, a.Text, a.HTML} {
		_, err := render()
		require.ErrorIs(t, err, problem.ErrInvalid)
	}
}

// TestClauses: sections and items are numbered in order and every item
// belongs to the section before it.
func TestClauses(t *testing.T) {
	var section string
	n := 0
	for c := range therapyTerms().Clauses() {
		if c.IsSection() {
			n++
			section = c.Number
			require.Equal(t, strconv.Itoa(n), c.Number)
			require.Empty(t, c.Text)
			continue
		}
		require.True(t, strings.HasPrefix(c.Number, section+"."), c.Number)
		require.NotEmpty(t, c.Text)
	}
	require.Equal(t, 15, n)

	// Absent clauses are left out and the numbers close up.
	var headings []string
	for c := range consultingTerms().Clauses() {
		if c.IsSection() {
			headings = append(headings, c.Number+" "+string(c.ID))
		}
	}
	require.Equal(t, []string{
		"1 parties", "2 scope", "3 sessions", "4 fees", "5 payment", "6 cancellation", "7 lateness",
		"8 wait", "9 provider_cancellation", "10 confidentiality", "11 termination", "12 obligations",
	}, headings)
}

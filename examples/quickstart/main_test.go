package main

import (
	"os"
	"strings"
	"testing"
)

func Example() {
	main()
	// Output:
	// Sat 2026-11-28 20:00 EST falls in protected time (friends, sat 18:00–24:00) [protected_time]
	// [USD 33.34 USD 33.33 USD 33.33]
	// decline You asked me on a date; as a professional I keep a strict boundary against romantic interest with clients. [red_flag red_flag_romantic_interest]
	// refer to Ben Okafor Offers coach. [meets]
}

// TestREADMEShowsThisProgram fails when the README's quickstart differs
// from this program, so that what a newcomer copies is what runs here.
func TestREADMEShowsThisProgram(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	code, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	block, ok := fenced(string(readme), "## Quickstart", "go")
	if !ok {
		t.Fatal(`README.md has no "## Quickstart" section with a go code block`)
	}
	if block != string(code) {
		t.Errorf("the quickstart in README.md differs from examples/quickstart/main.go; copy the file into the README.\nREADME:\n%s\nmain.go:\n%s", block, code)
	}

	printed, ok := fenced(string(readme), "## Quickstart", "text")
	if !ok {
		t.Fatal(`README.md's quickstart does not show the program's output in a text block`)
	}
	if got := output(t); printed != got {
		t.Errorf("the output in README.md differs from what the quickstart prints.\nREADME:\n%s\nprinted:\n%s", printed, got)
	}
}

// output runs the program and returns what it prints.
func output(t *testing.T) string {
	f, err := os.CreateTemp(t.TempDir(), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stdout := os.Stdout
	os.Stdout = f
	defer func() { os.Stdout = stdout }()
	main()
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fenced returns the first code block in the given language of the
// README's section with the given heading, with its final newline.
func fenced(readme, heading, lang string) (string, bool) {
	_, section, ok := strings.Cut(readme, "\n"+heading+"\n")
	if !ok {
		return "", false
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	_, code, ok := strings.Cut(section, "```"+lang+"\n")
	if !ok {
		return "", false
	}
	code, _, ok = strings.Cut(code, "```")
	return code, ok
}

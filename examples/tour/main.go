// Command tour runs the five stories the boundaries library was built for,
// and a sixth about a group practice, in order, and prints what the library
// decided in each, with its own reasons, amounts, deadlines, decisions and
// referrals; then the therapist's intake over FHIR (examples/intake), where a
// PHQ-9 answer routes a client to crisis resources first.
//
// Usage:
//
//	go run ./examples/tour                       # all the stories, as text
//	go run ./examples/tour -story consultation   # one story
//	go run ./examples/tour -json                 # the machine-readable results
//
// The stories' data are the JSON files under examples/stories/data and
// examples/intake/story/data. No clock is read: every story runs at fixed
// instants, so every run prints the same.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run runs the tour with the command-line arguments args and returns the
// exit code: 0, 1 when a story fails, 2 for bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tour", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("story", "", "run only the story `NAME`: "+strings.Join(stories.Names(), ", "))
	asJSON := fs.Bool("json", false, "print the machine-readable results as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "tour: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	all := stories.All()
	if *name != "" {
		s, ok := stories.Find(*name)
		if !ok {
			fmt.Fprintf(stderr, "tour: unknown story %q; the stories are: %s\n", *name, strings.Join(stories.Names(), ", "))
			return 2
		}
		all = []stories.Story{s}
	}

	var reports []stories.Report
	for _, s := range all {
		r, err := s.Run()
		if err != nil {
			fmt.Fprintf(stderr, "tour: %s: %v\n", s.Name, err)
			return 1
		}
		reports = append(reports, r)
	}

	if *asJSON {
		b, err := json.MarshalIndent(reports, "", "  ")
		if err != nil {
			fmt.Fprintln(stderr, "tour:", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	if *name == "" {
		fmt.Fprint(stdout, intro)
	}
	for i, r := range reports {
		if i > 0 || *name == "" {
			fmt.Fprintln(stdout)
		}
		fmt.Fprint(stdout, r.Text())
	}
	return 0
}

const intro = `boundaries: the five stories the library was built for, a group practice and a therapist's intake,
told with its public API. Reasons are quoted as the library gives them: a sentence, then [code, rule or clause].
The data are the files under examples/stories/data; each story runs at fixed instants.
`

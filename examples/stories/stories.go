// Package stories tells the five stories the boundaries library was built
// for, a sixth about a practice of several people and a seventh about a
// therapist's intake over FHIR, the way a host application would: each
// story reads its provider's data from JSON, iCalendar and FHIR files
// (embedded from the data directory, one file per model, so they double as
// examples of the formats), decodes them with the library's own strict
// decoders, validates them, runs the story at fixed instants and returns a
// Report.
//
// A Report has a title, a short narrative that quotes the library's own
// reasons, amounts, deadlines, decisions and referrals, and the
// machine-readable results behind it. Reports print as text (Report.Text)
// or JSON (Report.JSON). Nothing reads a clock: "now" is a fixed instant in
// each story, so every run prints the same.
//
// The programs under examples/ run these stories: examples/tour runs them
// all, and each story has a program of its own.
package stories

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// A Report is what one story found: a Title, a narrative of short Lines
// for a terminal, and the Results a host would store or show, made of the
// library's own values (reasons, money, deadlines, decisions, matches).
type Report struct {
	// Name is the story's name on the command line, such as
	// "protected-evening".
	Name string `json:"name"`
	// Title is the story's title.
	Title string `json:"title"`
	// Lines are the narrative, one line each, already indented.
	Lines []string `json:"narrative"`
	// Results are the story's machine-readable results; the type depends on
	// the story (ProtectedEveningResults, ContractHourResults, …).
	Results any `json:"results"`
}

// Text returns the report as text for a terminal: the title, underlined,
// and the narrative.
func (r Report) Text() string {
	var b strings.Builder
	b.WriteString(r.Title)
	b.WriteByte('\n')
	b.WriteString(strings.Repeat("=", utf8.RuneCountInString(r.Title)))
	b.WriteByte('\n')
	for _, l := range r.Lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// JSON returns the report as indented JSON: name, title, narrative and
// results, each library value in its own JSON form.
func (r Report) JSON() ([]byte, error) {
	return json.MarshalIndent(r, "", "  ")
}

// A Story is one of the stories.
type Story struct {
	// Name is the story's name on the command line.
	Name string
	// Title is the story's title.
	Title string
	// Run tells the story.
	Run func() (Report, error)
}

// All returns the stories: the design brief's five, in its order, then
// the group practice and the therapist's intake.
func All() []Story {
	return []Story{
		{Name: "protected-evening", Title: titleProtectedEvening, Run: ProtectedEvening},
		{Name: "contract-hour", Title: titleContractHour, Run: ContractHour},
		{Name: "forty-minute-wait", Title: titleFortyMinuteWait, Run: FortyMinuteWait},
		{Name: "911-or-411", Title: titleNineOneOne, Run: NineOneOneOrFourOneOne},
		{Name: "consultation", Title: titleConsultation, Run: Consultation},
		{Name: "group-practice", Title: titleGroupPractice, Run: GroupPractice},
		{Name: "intake", Title: titleIntake, Run: Intake},
	}
}

// Find returns the story with the given name, and whether there is one.
func Find(name string) (Story, bool) {
	for _, s := range All() {
		if s.Name == name {
			return s, true
		}
	}
	return Story{}, false
}

// Names returns the names of the stories, in order.
func Names() []string {
	var names []string
	for _, s := range All() {
		names = append(names, s.Name)
	}
	return names
}

// data holds the stories' models as a host application would store them.
//
//go:embed data
var data embed.FS

// load decodes the JSON file name under data into v. Library models decode
// themselves strictly (unknown fields and bad values are errors with their
// path); the files' own wrapper objects reject unknown fields too.
func load(name string, v any) error {
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// check wraps a validation error with the model it is about.
func check(what string, err error) error {
	if err != nil {
		return fmt.Errorf("%s does not validate: %w", what, err)
	}
	return nil
}

// A narrative collects a story's lines.
type narrative struct{ lines []string }

// say adds a line at the top level.
func (n *narrative) say(format string, args ...any) {
	n.lines = append(n.lines, fmt.Sprintf(format, args...))
}

// detail adds an indented line.
func (n *narrative) detail(format string, args ...any) {
	n.lines = append(n.lines, "  "+fmt.Sprintf(format, args...))
}

// more adds a line indented twice.
func (n *narrative) more(format string, args ...any) {
	n.lines = append(n.lines, "    "+fmt.Sprintf(format, args...))
}

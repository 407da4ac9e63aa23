// Command intake tells the therapist's intake over FHIR: it imports the
// PHQ-9 as a FHIR R4 Questionnaire and a client's QuestionnaireResponse
// (the JSON files under story/data), decides with fit, and refers a
// client whose answer to item 9 is above "not at all" to crisis resources
// first, then to a colleague with immediate capacity.
//
// It runs story.Run and prints its report; go run ./examples/tour tells it
// after the other six.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/intake/story"
)

func main() {
	r, err := story.Run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "intake:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

// Command intake tells story 7, the therapist's intake over FHIR: it
// imports the PHQ-9 as a FHIR R4 Questionnaire and a client's
// QuestionnaireResponse, decides with fit, and refers a client whose answer
// to item 9 is above "not at all" to crisis resources first, then to a
// colleague with immediate capacity.
//
// It runs stories.Intake and prints its report; go run ./examples/tour
// runs all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.Intake()
	if err != nil {
		fmt.Fprintln(os.Stderr, "intake:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

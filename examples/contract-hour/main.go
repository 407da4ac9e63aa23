// Command contract-hour tells story 2, the contract hour: a good and a bad client's timelines under a therapist's agreement.
//
// It runs stories.ContractHour and prints its report; go run ./examples/tour runs
// all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.ContractHour()
	if err != nil {
		fmt.Fprintln(os.Stderr, "contract-hour:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

// Command consultation tells story 5, the consultation that was a date: a coach's screening, refund, referral and safety plan.
//
// It runs stories.Consultation and prints its report; go run ./examples/tour runs
// all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.Consultation()
	if err != nil {
		fmt.Fprintln(os.Stderr, "consultation:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

// Command group-practice tells story 6, the group practice: two therapists,
// one room, three services, a personal calendar in iCalendar, a client in
// Tokyo who keeps a weekly time, co-therapy and supervision.
//
// It runs stories.GroupPractice and prints its report; go run ./examples/tour
// runs all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.GroupPractice()
	if err != nil {
		fmt.Fprintln(os.Stderr, "group-practice:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

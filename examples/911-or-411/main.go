// Command 911-or-411 tells story 4, 911 or 411: three messages, their deadlines and what to offer after hours.
//
// It runs stories.NineOneOneOrFourOneOne and prints its report; go run ./examples/tour runs
// all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.NineOneOneOrFourOneOne()
	if err != nil {
		fmt.Fprintln(os.Stderr, "911-or-411:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

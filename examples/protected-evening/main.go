// Command protected-evening tells story 1, the protected evening: a provider keeps Saturday evenings for friends, and a client asks them to stay the night.
//
// It runs stories.ProtectedEvening and prints its report; go run ./examples/tour runs
// all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.ProtectedEvening()
	if err != nil {
		fmt.Fprintln(os.Stderr, "protected-evening:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

// Command forty-minute-wait tells story 3, the forty-minute wait: when a waiting salesperson may leave, and who bears what.
//
// It runs stories.FortyMinuteWait and prints its report; go run ./examples/tour runs
// all the stories.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // run where the system has no zone data

	"github.com/practicekit/boundaries/examples/stories"
)

func main() {
	r, err := stories.FortyMinuteWait()
	if err != nil {
		fmt.Fprintln(os.Stderr, "forty-minute-wait:", err)
		os.Exit(1)
	}
	fmt.Print(r.Text())
}

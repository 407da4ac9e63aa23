// Command quickstart touches the four packages of boundaries.
package main

import (
	"fmt"
	"time"
	_ "time/tzdata" // zone data where the system has none

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/place"

	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/fit"
	"github.com/practicekit/boundaries/referral"
)

func main() {
	ny := must(availability.LoadZone("America/New_York"))
	week := availability.Schedule{Zone: ny, Hours: []availability.Window{{Days: availability.Workweek, Start: availability.ClockOf(9, 0), End: availability.ClockOf(17, 0)}},
		Protected: []availability.Window{{Label: "friends", Days: availability.Days(time.Saturday), Start: availability.ClockOf(18, 0), End: availability.EndOfDay}}}
	fmt.Println(week.Explain(time.Date(2026, 11, 28, 20, 0, 0, 0, ny))) // availability: Saturday 8 pm is kept for friends

	fmt.Println(must(money.MustParse("USD 100.00").Split(3))) // agreement: a 3-session package, to the cent

	sc := must(fit.Compile(fit.Standard(fit.BankOptions{}), fit.Provider{Schedule: week, Base: &place.Point{Lat: 40.69, Lon: -73.99}}))
	d := sc.Evaluate(fit.Answers{"observed_red_flags": fit.Choices("romantic_interest"), "harm_thoughts": fit.Bool(false), "unsafe_now": fit.Bool(false)}, fit.Options{})
	fmt.Println(d.Outcome, d.Reasons[0]) // fit: the standard screening declines, and says why

	ben := referral.Provider{ID: "ben", Name: "Ben Okafor", Professions: []string{"coach"}, Modalities: place.Remote,
		Accepting: referral.Fact[bool]{Value: true, Confirmed: availability.MustParseDate("2026-11-20")}}
	ix := must(referral.NewIndex(referral.Directory{Providers: []referral.Provider{ben}}))
	res := must(ix.Route(time.Date(2026, 11, 24, 9, 0, 0, 0, ny), referral.Request{Needs: []referral.Need{{Tag: "coach", Must: true}}}, referral.Rotation{}, referral.Options{}))
	fmt.Println("refer to", res.Matches[0].Name, res.Matches[0].Reasons[0]) // referral: say no, and refer
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

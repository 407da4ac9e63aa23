package demand_test

import (
	"fmt"
	"time"

	"github.com/practicekit/boundaries/availability/booking"

	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability"
	"github.com/practicekit/boundaries/availability/demand"
)

// evenings is a provider who sees clients Tuesday to Saturday 12:00–21:00
// and keeps Saturday evenings for friends, with a client booked on
// Saturday until 21:00.
func evenings(ny *time.Location) booking.Calendar {
	clock := availability.MustParseClock
	booked, _ := booking.NewSessions(booking.Session{ID: "sat-19", Service: "session", Interval: availability.Interval{
		Start: time.Date(2026, 11, 28, 19, 0, 0, 0, ny), End: time.Date(2026, 11, 28, 21, 0, 0, 0, ny)}})
	return booking.Calendar{
		Schedule: availability.Schedule{
			Zone: ny,
			Hours: []availability.Window{{ID: "sessions", Days: availability.Days(time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday),
				Start: clock("12:00"), End: clock("21:00")}},
			Protected: []availability.Window{{ID: "saturday-friends", Label: "friends", Days: availability.Days(time.Saturday),
				Start: clock("21:00"), End: availability.EndOfDay}},
		},
		Services: []booking.Service{{ID: "session", Length: 2 * time.Hour, MinNotice: 12 * time.Hour}},
		Booked:   booked,
	}
}

func ExamplePolicy_Answer() {
	ny, _ := availability.LoadZone("America/New_York")
	cal := evenings(ny)
	booked := availability.Interval{Start: time.Date(2026, 11, 28, 19, 0, 0, 0, ny), End: time.Date(2026, 11, 28, 21, 0, 0, 0, ny)}
	// At 20:15 the client asks the provider to stay the night.
	now := time.Date(2026, 11, 28, 20, 15, 0, 0, ny)
	stay := demand.Request{Session: availability.Interval{Start: booked.Start, End: time.Date(2026, 11, 29, 9, 0, 0, 0, ny)}, Extends: "sat-19"}

	scheduleFirst := demand.StyleScheduleFirst.Preset()
	a := scheduleFirst.Answer(cal, now, stay)
	fmt.Println(a.Decision)
	for _, r := range a.Reasons {
		fmt.Println("  because", r)
	}
	fmt.Println(" ", a.Message)

	// The same provider, if they permit a priced exception that covers
	// costs, and so the night after it too.
	exception := scheduleFirst
	exception.Exception = demand.ExceptionRule{Allowed: true, Surcharge: demand.Surcharge{Fixed: money.MustParse("USD 500.00")}}
	exception.OnDemand.Allowed = true
	a = exception.Answer(cal, now, stay)
	fee, _ := a.Surcharge.On(money.MustParse("USD 180.00")) // the night's price
	fmt.Println(a.Decision, a.Surcharge, "=", fee)
	fmt.Println(" ", a.Message)
	// Output:
	// refused
	//   because Sat 2026-11-28 21:00 EST–00:00 is protected time (friends, sat 21:00–24:00) [protected_time]
	//   because Sun 2026-11-29 00:00 EST–09:00 is outside working hours [outside_hours]
	//   because protected time is never sold, not even as an exception [exceptions_not_offered]
	//   Thank you for asking; I'm glad you want more time together. I keep that time for friends, so I can't stay past 21:00.
	// exception USD 500.00 = USD 500.00
	//   That runs into the time I keep for friends, but I can make an exception for a surcharge to cover costs.
}

func ExampleStyle_Preset() {
	ny, _ := availability.LoadZone("America/New_York")
	cal := evenings(ny)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, ny)
	morning := demand.Request{Session: availability.Interval{Start: time.Date(2026, 11, 24, 10, 0, 0, 0, ny), End: time.Date(2026, 11, 24, 12, 0, 0, 0, ny)}}
	for _, style := range []demand.Style{demand.StyleOnDemand, demand.StyleScheduleFirst} {
		p := style.Preset()
		p.OnDemand.Surcharge = demand.Surcharge{BasisPoints: 2500}
		a := p.Answer(cal, now, morning)
		fee, _ := a.Surcharge.On(money.MustParse("USD 120.00"))
		fmt.Printf("%s: %s, surcharge %s on USD 120.00\n", style, a.Decision, fee)
	}
	// Output:
	// on_demand: on_demand, surcharge USD 30.00 on USD 120.00
	// schedule_first: refused, surcharge USD 0.00 on USD 120.00
}

func ExampleSurcharge_On() {
	s := demand.Surcharge{BasisPoints: 1250, Fixed: money.MustParse("EUR 20.00")}
	fee, err := s.On(money.MustParse("EUR 150.00"))
	fmt.Println(s, "on EUR 150.00:", fee, err)
	// Output:
	// 12.5% + EUR 20.00 on EUR 150.00: EUR 38.75 <nil>
}

// Package problem is the validation vocabulary of the boundaries library:
// a [Problem] found at a path with a stable [Code], and a [List] of them
// that is an error when it is not empty.
//
// Every model of the library (schedules, policies, agreements, screenings,
// directories) reports what is wrong with it in this one shape. Validate
// methods return every problem at once; decoding JSON returns the first
// problem it meets, in the same shape, so a host shows both the same way:
//
//	if err := schedule.Validate(); err != nil {
//		var problems problem.List
//		if errors.As(err, &problems) {
//			for _, p := range problems {
//				fmt.Println(p.Path, p.Code, p.Message) // hours[2].end invalid …
//			}
//		}
//	}
//
// # Paths
//
// A path names the value a problem is about, from the model's root, with
// the model's JSON names: members after a dot, list elements by index in
// brackets ("cancellation.tiers[1].before"), and names that are not plain
// identifiers quoted in brackets (`rooms["room 1"]`). The empty path is
// the model itself.
//
// # Codes
//
// Codes are few and stable, so that hosts may switch on them; the path
// says where, and the message, which may be reworded, says what exactly.
// Every package of the library uses these codes and no others for the
// problems of its models.
package problem

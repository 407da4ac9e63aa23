package stories

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/practicekit/boundaries/agreement"
	"github.com/practicekit/boundaries/agreement/money"
)

// inZone returns the events with every instant expressed in loc. Instants
// decoded from JSON carry only their UTC offset; a host shows them, and
// the sentences the library writes about them, in the provider's zone.
func inZone(events []agreement.Event, loc *time.Location) []agreement.Event {
	out := make([]agreement.Event, len(events))
	for i, ev := range events {
		ev.At = ev.At.In(loc)
		if !ev.Session.IsZero() {
			ev.Session = ev.Session.In(loc)
		}
		if !ev.Occurred.IsZero() {
			ev.Occurred = ev.Occurred.In(loc)
		}
		if !ev.Due.IsZero() {
			ev.Due = ev.Due.In(loc)
		}
		out[i] = ev
	}
	return out
}

// validEvents validates each event, with its index in the file; a
// timeline needs at least one.
func validEvents(file string, events []agreement.Event) error {
	if len(events) == 0 {
		return fmt.Errorf("%s: no events", file)
	}
	var errs []error
	for i, ev := range events {
		if err := ev.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("%s: event %d: %w", file, i, err))
		}
	}
	return errors.Join(errs...)
}

// lines writes money lines as "USD 120.00 late cancellation
// (cancellation.tiers[0])".
func lines(verb string, ls []agreement.Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s %s %s (%s)", verb, l.Amount, l.Message, l.Clause))
	}
	return out
}

// breaches writes each breach with the step of the graduated response it
// meets: "breach 2, lateness.grace → a fee (obligations.ladder[1])".
func breaches(bs []agreement.Breach) []string {
	var out []string
	for _, b := range bs {
		out = append(out, fmt.Sprintf("breach %d, %s → %s (%s)", b.Count, b.Clause, response(b.Consequence), b.Step))
	}
	return out
}

// response names a step of the graduated response.
func response(r agreement.Consequence) string {
	switch r {
	case agreement.ConsequenceNote:
		return "a note"
	case agreement.ConsequenceWarning:
		return "a written warning"
	case agreement.ConsequenceFee:
		return "a fee"
	case agreement.ConsequenceTermination:
		return "the right to terminate"
	}
	return r.String()
}

// plural writes a count with its noun: "1 breach", "2 breaches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// settlement writes what an outcome charges, refunds and retains, and the
// breaches it records, on one line; empty when there is none.
func settlement(o agreement.Outcome) string {
	var parts []string
	parts = append(parts, lines("charge", o.Charges)...)
	parts = append(parts, lines("refund", o.Refunds)...)
	parts = append(parts, lines("retain", o.Retained)...)
	parts = append(parts, breaches(o.Breaches)...)
	return strings.Join(parts, "; ")
}

// areason writes an agreement reason with its code and clause.
func areason(r agreement.Reason) string {
	if r.Clause == "" {
		return fmt.Sprintf("%s [%s]", r.Message, r.Code)
	}
	return fmt.Sprintf("%s [%s, %s]", r.Message, r.Code, r.Clause)
}

// ledger writes an account and checks that it adds up: every amount paid
// is charged, refunded, retained or still held.
func ledger(a agreement.Account) (string, error) {
	sum, err := money.Sum(a.Charged, a.Refunded, a.Retained, a.Held)
	if err != nil {
		return "", err
	}
	if sum != a.Paid {
		return "", fmt.Errorf("the ledger does not add up: %s paid, %s accounted for", a.Paid, sum)
	}
	return fmt.Sprintf("paid %s = charged %s + refunded %s + retained %s + held %s; outstanding %s",
		a.Paid, a.Charged, a.Refunded, a.Retained, a.Held, a.Outstanding), nil
}

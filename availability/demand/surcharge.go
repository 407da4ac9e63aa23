package demand

import (
	"github.com/practicekit/boundaries/agreement/money"
	"github.com/practicekit/boundaries/availability/problem"
	"github.com/practicekit/boundaries/internal/prose"
)

// A Surcharge is an extra charge on a session's price: BasisPoints of the
// price (2500 is 25%) plus a Fixed amount. The zero Surcharge charges
// nothing.
type Surcharge struct {
	// BasisPoints is the share of the price added: 2500 is 25%.
	BasisPoints int64 `json:"basis_points,omitzero"`
	// Fixed is added on top, in the price's currency; the zero Amount
	// adds nothing.
	Fixed money.Amount `json:"fixed,omitempty"`
}

// IsZero reports whether the surcharge charges nothing.
func (s Surcharge) IsZero() bool { return s.BasisPoints == 0 && s.Fixed.IsZero() }

// On returns the surcharge on price: price.Share(BasisPoints), rounded half
// to even as Share rounds, plus Fixed. It fails when price is the zero
// Amount, when Fixed is in another currency, or when the result does not
// fit (the errors of package money).
func (s Surcharge) On(price money.Amount) (money.Amount, error) {
	part, err := price.Share(s.BasisPoints)
	if err != nil {
		return money.Amount{}, err
	}
	if !s.Fixed.IsValid() {
		return part, nil
	}
	return part.Add(s.Fixed)
}

// String describes the surcharge: "25%", "USD 500.00", "10% + USD 20.00",
// or "none".
func (s Surcharge) String() string {
	switch {
	case s.BasisPoints != 0 && s.Fixed.IsValid() && !s.Fixed.IsZero():
		return prose.BasisPoints(s.BasisPoints) + " + " + s.Fixed.String()
	case s.BasisPoints != 0:
		return prose.BasisPoints(s.BasisPoints)
	case s.Fixed.IsValid() && !s.Fixed.IsZero():
		return s.Fixed.String()
	}
	return "none"
}

// validate adds the surcharge's problems at path to l: a negative share
// or amount.
func (s Surcharge) validate(l *problem.List, path string) {
	if s.BasisPoints < 0 {
		l.Add(problem.Join(path, "basis_points"), problem.Negative, "%s is negative", prose.BasisPoints(s.BasisPoints))
	}
	if s.Fixed.IsNegative() {
		l.Add(problem.Join(path, "fixed"), problem.Negative, "%s is negative", s.Fixed)
	}
}

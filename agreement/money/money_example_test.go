package money_test

import (
	"errors"
	"fmt"

	"github.com/practicekit/boundaries/agreement/money"
)

// A package of three sessions is refunded after two were used: the price
// is split over the sessions, and the refund and the retained fees add up
// to what was paid, to the cent.
func Example() {
	price := money.MustParse("USD 500.00")
	sessions, err := price.Split(3)
	if err != nil {
		fmt.Println(err)
		return
	}
	used, err := money.Sum(sessions[0], sessions[1])
	if err != nil {
		fmt.Println(err)
		return
	}
	refund, err := price.Sub(used)
	if err != nil {
		fmt.Println(err)
		return
	}
	fee, err := price.Share(2500) // a 25% cancellation fee
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("sessions:", sessions)
	fmt.Println("retained:", used)
	fmt.Println("refund:  ", refund)
	fmt.Println("fee:     ", fee)

	_, err = price.Add(money.MustParse("EUR 10.00"))
	fmt.Println(errors.Is(err, money.ErrMismatch), err)
	// Output:
	// sessions: [USD 166.67 USD 166.67 USD 166.66]
	// retained: USD 333.34
	// refund:   USD 166.66
	// fee:      USD 125.00
	// true currency mismatch: cannot add USD and EUR
}

func ExampleAmount_Allocate() {
	// A no-show fee of USD 100.00 shared 2:1 between provider and practice.
	parts, err := money.MustParse("USD 100.00").Allocate(2, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(parts)

	// Leftover cents go to the largest remainders, the earliest first.
	parts, _ = money.MustParse("USD 0.10").Allocate(1, 1, 1)
	fmt.Println(parts)
	// Output:
	// [USD 66.67 USD 33.33]
	// [USD 0.04 USD 0.03 USD 0.03]
}

func ExampleAmount_Split() {
	parts, err := money.MustParse("JPY -1000").Split(3)
	fmt.Println(parts, err)
	// Output:
	// [JPY -334 JPY -333 JPY -333] <nil>
}

func ExampleAmount_Share() {
	m := money.MustParse("USD 0.25")
	half, _ := m.Share(5000) // 12.5 cents: half to even
	fmt.Println(half)
	m = money.MustParse("USD 0.35")
	half, _ = m.Share(5000) // 17.5 cents
	fmt.Println(half)
	// Output:
	// USD 0.12
	// USD 0.18
}

func ExampleParse() {
	for _, s := range []string{"USD 120.00", "JPY 5000", "BHD 1.250", "USD 120", "JPY 50.00", "usd 1.00"} {
		m, err := money.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(m, m.Minor(), m.Currency().Exponent())
	}
	// Output:
	// USD 120.00 12000 2
	// JPY 5000 5000 0
	// BHD 1.250 1250 3
	// invalid money "USD 120": column 8: want a decimal point and 2 decimals
	// invalid money "JPY 50.00": column 7: JPY takes no decimals
	// invalid money "usd 1.00": column 1: invalid currency "usd": want three upper-case letters such as "USD"
}

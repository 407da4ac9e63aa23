// Package money holds exact amounts of money: an [Amount] is an integer
// number of minor units (cents of USD, yen of JPY, fils of BHD) in an ISO
// 4217 [Currency], written "USD 120.00".
//
// Amounts never round silently and never wrap: amounts of different
// currencies are not combined ([ErrMismatch]), results outside the int64
// range of minor units are errors ([ErrOverflow]), a share in basis points
// rounds half to even ([Amount.Share]), and [Amount.Split] and
// [Amount.Allocate] return parts that add up exactly to the whole, so fees,
// refunds and retained amounts always add up to what was paid, to the cent.
//
// The currency table is ISO 4217 List One as amended to 2025-05-12, carried
// as read-only data: currencies are values, not a registry to change.
//
// Every package of the library that speaks of money (agreement fees, the
// price of a service, a surcharge on protected time, a screening's budget
// question, a referral's fee range) uses this one type, so an amount
// written by one is read by all.
package money

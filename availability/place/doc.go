// Package place says where a session takes place: a [Point] on Earth and
// the great-circle distance between two of them.
//
// A screening asks how far a proposed meeting place is from the provider's
// base ("25 miles out of town"), and a referral asks which providers can
// reach a client in person; both measure with this one type, in
// kilometres, and convert miles with [KmPerMile].
package place

// Package place says where and how a session takes place: a [Point] on
// Earth and the great-circle distance between two of them, and the
// [Modality] of a session, in person, by video or by phone.
//
// A screening asks how far a proposed meeting place is from the provider's
// base ("25 miles out of town"), a referral which providers can reach a
// client in person or serve them remotely, and an agreement how its
// sessions take place; all three use these types, distances in kilometres
// (convert miles with [KmPerMile]).
package place

// Package prose writes the parts of the library's sentences that every
// package shares, one way: durations as people say them ("1 hour 30
// minutes"), counts with their noun ("3 sessions"), percentages, and
// quotations of untrusted input cut to a short prefix.
package prose

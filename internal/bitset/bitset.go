// Package bitset is a set of small non-negative integers, one bit each,
// in a slice of words the caller may allocate where it likes: a screening
// keeps the set of its questions in an array on the stack, a referral
// index one set of providers per fact.
package bitset

import (
	"iter"
	"math/bits"
)

// A Set holds bit i in word i/64. Sets that are combined must have the
// same length. The zero Set is empty and holds nothing: Add panics on it.
type Set []uint64

// Words returns how many words a set of n bits needs.
func Words(n int) int { return (n + 63) / 64 }

// New returns an empty set for the bits 0 to n−1.
func New(n int) Set { return make(Set, Words(n)) }

// Add sets bit i.
func (s Set) Add(i int) { s[i>>6] |= 1 << (uint(i) & 63) }

// Remove clears bit i.
func (s Set) Remove(i int) { s[i>>6] &^= 1 << (uint(i) & 63) }

// Has reports whether bit i is set; a bit beyond the set is not.
func (s Set) Has(i int) bool {
	w := i >> 6
	return i >= 0 && w < len(s) && s[w]&(1<<(uint(i)&63)) != 0
}

// Fill sets bits 0 to n−1 and clears the rest.
func (s Set) Fill(n int) {
	for w := range s {
		switch {
		case (w+1)*64 <= n:
			s[w] = ^uint64(0)
		case w*64 < n:
			s[w] = 1<<uint(n-w*64) - 1
		default:
			s[w] = 0
		}
	}
}

// Clear clears every bit.
func (s Set) Clear() { clear(s) }

// Count returns the number of bits set.
func (s Set) Count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// IsEmpty reports whether no bit is set.
func (s Set) IsEmpty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// And keeps in s only the bits also set in t.
func (s Set) And(t Set) {
	for i := range s {
		s[i] &= t[i]
	}
}

// AndNot clears in s the bits set in t.
func (s Set) AndNot(t Set) {
	for i := range s {
		s[i] &^= t[i]
	}
}

// Or sets in s the bits set in t.
func (s Set) Or(t Set) {
	for i := range s {
		s[i] |= t[i]
	}
}

// All returns the bits set, in increasing order.
func (s Set) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for w, word := range s {
			for word != 0 {
				if !yield(w<<6 + bits.TrailingZeros64(word)) {
					return
				}
				word &= word - 1
			}
		}
	}
}

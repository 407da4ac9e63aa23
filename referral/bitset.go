package referral

import "math/bits"

// A bitset holds one bit per provider of an index, by position. Bitsets of
// one index all have the same length; bits past the last provider are zero.
type bitset []uint64

// newBitset returns an empty bitset for n providers.
func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

// set sets bit i.
func (b bitset) set(i int32) { b[i>>6] |= 1 << (uint(i) & 63) }

// unset clears bit i.
func (b bitset) unset(i int32) { b[i>>6] &^= 1 << (uint(i) & 63) }

// has reports whether bit i is set.
func (b bitset) has(i int32) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }

// fill sets the bits of the first n providers.
func (b bitset) fill(n int) {
	for w := range b {
		b[w] = ^uint64(0)
	}
	if r := n & 63; r != 0 {
		b[len(b)-1] = 1<<uint(r) - 1
	}
}

// each calls f with the position of every set bit, in increasing order.
func (b bitset) each(f func(i int32)) {
	for w, word := range b {
		for word != 0 {
			f(int32(w<<6 + bits.TrailingZeros64(word)))
			word &= word - 1
		}
	}
}

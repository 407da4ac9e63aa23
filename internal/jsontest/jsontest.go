// Package jsontest holds what the tests of every package require of a
// model's JSON, through encoding/json as hosts use it: what decodes
// encodes, and an encoding decodes to a value that encodes to the same
// bytes and validates alike. Only tests import it.
package jsontest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
)

// Reencodes requires v to encode to JSON that decodes into a value that
// encodes to the same bytes (an empty list may come back as a nil one,
// which encodes the same). It returns the encoding and the value decoded
// from it.
func Reencodes[T any](t testing.TB, v T) (encoded []byte, back T) {
	t.Helper()
	encoded, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("a %T does not encode: %v", v, err)
	}
	if err := json.Unmarshal(encoded, &back); err != nil {
		t.Fatalf("the encoding of a %T does not decode: %v\n%s", v, err, encoded)
	}
	again, err := json.Marshal(back)
	if err != nil || !bytes.Equal(encoded, again) {
		t.Fatalf("a %T changed in the round trip (%v):\n%s\n%s", v, err, encoded, again)
	}
	return encoded, back
}

// RoundTrip decodes data as a T and, when it decodes, requires what
// Reencodes requires of the value, and that Validate, when T has one,
// says the same of the value and of the one decoded from its encoding. It
// returns both values, the encoding, and whether data decoded.
func RoundTrip[T any](t testing.TB, data []byte) (v, back T, encoded []byte, ok bool) {
	t.Helper()
	if err := json.Unmarshal(data, &v); err != nil {
		return v, back, nil, false
	}
	encoded, back = Reencodes(t, v)
	if m, ok := any(v).(interface{ Validate() error }); ok {
		if err, again := m.Validate(), any(back).(interface{ Validate() error }).Validate(); fmt.Sprint(err) != fmt.Sprint(again) {
			t.Fatalf("the round trip changed what Validate says of a %T: %v, then %v\n%s\n%s", v, err, again, data, encoded)
		}
	}
	return v, back, encoded, true
}

// Elements counts the array elements and object members of valid JSON,
// as the decoders' limits count them: a plain count, byte by byte, to
// hold the library's own to.
func Elements(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
		case ',':
			n++
		case '[', '{':
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && b[j] != ']' && b[j] != '}' {
				n++
			}
		}
	}
	return n
}

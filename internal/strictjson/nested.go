package strictjson

import (
	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Nested reads and writes a model whose values hold values of its own
// type, such as a condition whose parts are conditions, in one pass.
//
// A model's UnmarshalJSON and MarshalJSON take and return bytes: json/v2
// reads a nested value to hand its bytes to UnmarshalJSON, which reads
// them again, and checks the bytes MarshalJSON returns as it copies them.
// Each level of nesting then reads all of the levels below it once more,
// so a value nested n deep costs n passes over its bytes. Under a Nested,
// every value of the type within the one read or written, at any depth,
// is read from the one decoder, or written to the one encoder, by the
// functions the Nested was made with, and each byte is read a fixed
// number of times, however deep the nesting.
//
// The zero Nested reads and writes as Unmarshal and Marshal do.
type Nested struct {
	unmarshal, marshal json.Options
}

// NestedFuncs returns the Nested of type T: decode reads one T from dec,
// typically with Decode into the form T has in JSON, and encode writes one
// to enc, typically with Encode. decode is given every value, null
// included, except where a pointer to a T is null: the pointer is then
// set to nil.
func NestedFuncs[T any](decode func(dec *jsontext.Decoder, v *T) error, encode func(enc *jsontext.Encoder, v T) error) Nested {
	return Nested{
		unmarshal: json.JoinOptions(json.RejectUnknownMembers(true), json.WithUnmarshalers(json.JoinUnmarshalers(unmarshalFuncs, json.UnmarshalFromFunc(decode)))),
		marshal:   json.JoinOptions(json.Deterministic(true), json.WithMarshalers(json.JoinMarshalers(marshalFuncs, json.MarshalToFunc(encode)))),
	}
}

// Unmarshal is the package's Unmarshal, with every value of n's type in
// data, v too when it is one, read by n's decode function.
func (n Nested) Unmarshal(data []byte, v any, lim Limits) error {
	if n.unmarshal == nil {
		return Unmarshal(data, v, lim)
	}
	return unmarshal(data, v, lim, n.unmarshal)
}

// Marshal is the package's Marshal, with every value of n's type in v, v
// too when it is one, written by n's encode function.
func (n Nested) Marshal(v any) ([]byte, error) {
	if n.marshal == nil {
		return Marshal(v)
	}
	return json.Marshal(v, n.marshal)
}

// Decode reads the next value of dec into v, which must be a non-nil
// pointer, as the Unmarshal in progress reads: it is for the decode
// function of a Nested.
func Decode(dec *jsontext.Decoder, v any) error {
	return json.UnmarshalDecode(dec, v)
}

// Encode writes v to enc as the Marshal in progress writes: it is for the
// encode function of a Nested.
func Encode(enc *jsontext.Encoder, v any) error {
	return json.MarshalEncode(enc, v)
}

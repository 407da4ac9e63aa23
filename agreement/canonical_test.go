package agreement

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestCanonicalRFC8785Examples(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{
			name: "RFC 8785 §3.2.2 sample",
			in: `{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`,
			want: `{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
		},
		{
			name: "RFC 8785 §3.2.3 sorting",
			in: `{
  "\u20ac": "Euro Sign",
  "\r": "Carriage Return",
  "\ufb33": "Hebrew Letter Dalet With Dagesh",
  "1": "One",
  "\ud83d\ude00": "Emoji: Grinning Face",
  "\u0080": "Control",
  "\u00f6": "Latin Small Letter O With Diaeresis"
}`,
			want: "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
				"\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
		},
	}
	for _, tt := range tests {
		got, err := Canonical([]byte(tt.in))
		require.NoError(t, err, tt.name)
		require.Equal(t, tt.want, string(got), tt.name)
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// Whitespace and literals.
		{" \t\r\n{ \"a\" : [ 1 , true , false , null ] }\n", `{"a":[1,true,false,null]}`},
		{`null`, `null`},
		{`"x"`, `"x"`},
		{`[]`, `[]`},
		{`{}`, `{}`},
		{`[ ]`, `[]`},
		{`{ }`, `{}`},
		{`[[[]],{}]`, `[[[]],{}]`},
		// Sorting at every level; arrays keep their order.
		{`{"b":1,"a":{"d":[3,{"z":1,"y":2}],"c":2},"":0}`, `{"":0,"a":{"c":2,"d":[3,{"y":2,"z":1}]},"b":1}`},
		{`{"aa":1,"a":2,"ab":3,"B":4}`, `{"B":4,"a":2,"aa":1,"ab":3}`},
		{`[3,1,2]`, `[3,1,2]`},
		// Names are compared unescaped.
		{`{"\u0062":1,"a":2}`, `{"a":2,"b":1}`},
		{`{"\n":1,"\t":2," ":3}`, `{"\t":2,"\n":1," ":3}`},
		// UTF-16 order: U+FF61 sorts after U+1F600, unlike in UTF-8.
		{`{"\uff61":1,"\ud83d\ude00":2,"\ud7ff":3}`, "{\"\ud7ff\":3,\"😀\":2,\"\uff61\":1}"},
		{"{\"\U0001F601\":1,\"\U0001F600\":2,\"\U00010000\":3}", "{\"\U00010000\":3,\"\U0001F600\":2,\"\U0001F601\":1}"},
		// String escapes: only what RFC 8785 requires.
		{`"\u0000\u0001\u001f\u007f"`, "\"\\u0000\\u0001\\u001f\u007f\""},
		{`"\b\f\n\r\t\"\\\/"`, `"\b\f\n\r\t\"\\/"`},
		{`"\u0008\u000C\u000a\u000D\u0009"`, `"\b\f\n\r\t"`},
		{`"\u00e9\u2028\u2029<>&'"`, "\"é\u2028\u2029<>&'\""},
		{`"\uD834\uDD1E"`, `"𝄞"`},
		{"\"é𝄞\u007f\"", "\"é𝄞\u007f\""},
		{`"\u001F\u001e\u000B"`, `"\u001f\u001e\u000b"`},
		// Numbers.
		{`1e21`, `1e+21`},
		{`1e20`, `100000000000000000000`},
		{`1e-7`, `1e-7`},
		{`1e-6`, `0.000001`},
		{`0.000001`, `0.000001`},
		{`333333333.33333329`, `333333333.3333333`},
		{`5e-324`, `5e-324`},
		{`1e+23`, `1e+23`},
		{`1E+23`, `1e+23`},
		{`-0`, `0`},
		{`-0.0`, `0`},
		{`-0e10`, `0`},
		{`0.0`, `0`},
		{`1.0`, `1`},
		{`100`, `100`},
		{`-100`, `-100`},
		{`4.50`, `4.5`},
		{`2e-3`, `0.002`},
		{`1E30`, `1e+30`},
		{`123456789012345`, `123456789012345`},
		{`1234567890123456`, `1234567890123456`},
		{`9007199254740992`, `9007199254740992`},
		{`9007199254740993`, `9007199254740992`},
		{`-9007199254740993`, `-9007199254740992`},
		{`12345678901234567890123`, `1.2345678901234568e+22`},
		{`0.1`, `0.1`},
		{`1.7976931348623157e308`, `1.7976931348623157e+308`},
		{`2.4703282292062328e-324`, `5e-324`},
		{`1e-400`, `0`},
		{`-1e-400`, `0`},
		{`[1e0,10e-1,0.1e1]`, `[1,1,1]`},
	}
	for _, tt := range tests {
		got, err := Canonical([]byte(tt.in))
		require.NoError(t, err, tt.in)
		require.Equal(t, tt.want, string(got), tt.in)
		again, err := Canonical(got)
		require.NoError(t, err, tt.in)
		require.Equal(t, string(got), string(again), "idempotent: %s", tt.in)
	}
}

func TestCanonicalErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{``, "offset 0: unexpected end of input"},
		{`  `, "offset 2: unexpected end of input"},
		{`{"a":1} x`, "offset 8: invalid character 'x' after top-level value"},
		{`1 2`, "offset 2: invalid character '2' after top-level value"},
		{"\ufeff{}", "offset 0: invalid character '\\ufeff' at start of value"},
		{`nul`, "offset 3: unexpected end of input"},
		{`True`, "offset 0: invalid character 'T' at start of value"},
		{`[1,]`, "offset 3: invalid character ']' at start of value"},
		{`[1 2]`, "offset 3: invalid character '2' after array value (expecting ',' or ']')"},
		{`[1`, "offset 2: unexpected end of input"},
		{`{"a":1,}`, `offset 7: invalid character '}' at start of string (expecting '"')`},
		{`{a:1}`, `offset 1: invalid character 'a' at start of string (expecting '"')`},
		{`{"a" 1}`, "offset 5: invalid character '1' after object name (expecting ':')"},
		{`{"a":1 "b":2}`, `offset 7: invalid character '"' after object value (expecting ',' or '}')`},
		{`{"a":1`, "offset 6: unexpected end of input"},
		{`{"a":1,"a":2}`, `offset 7: duplicate member name "a"`},
		{`{"b":0,"a":1,"\u0061":2}`, `offset 13: duplicate member name "a"`},
		{`[{"x":{"y":1,"y":1}}]`, `offset 13: duplicate member name "y"`},
		{`"abc`, "offset 4: unexpected end of input"},
		{`"a\`, "offset 2: unexpected end of input"},
		{`"\x"`, "offset 1: invalid escape sequence `\\x` in string"},
		{`"\u12"`, "offset 1: invalid escape sequence `\\u12\"` in string"},
		{`"\u12g4"`, "offset 1: invalid escape sequence `\\u12g4` in string"},
		{`"\ud800"`, "offset 1: invalid surrogate pair `\\ud800\"` in string"},
		{`"\ud800\u0041"`, "offset 1: invalid surrogate pair `\\ud800\\u0041` in string"},
		{`"\ud800\ud800"`, "offset 1: invalid surrogate pair `\\ud800\\ud800` in string"},
		{`"\udc00"`, "offset 1: invalid surrogate pair `\\udc00\"` in string"},
		{`"\uDFFF\uD800"`, "offset 1: invalid surrogate pair `\\uDFFF\\uD800` in string"},
		{"\"a\tb\"", "offset 2: invalid character '\\t' in string (expecting non-control character)"},
		{"\"a\x00\"", "offset 2: invalid character '\\x00' in string (expecting non-control character)"},
		{"\"\xff\"", "offset 1: invalid UTF-8"},
		{"\"\xed\xa0\x80\"", "offset 1: invalid UTF-8"}, // an encoded surrogate
		{"\"\xc0\xaf\"", "offset 1: invalid UTF-8"},     // overlong
		{"{\"\xe2\x82\":1}", "offset 2: invalid UTF-8"},
		{`01`, "offset 1: invalid character '1' after top-level value"},
		{`-01`, "offset 2: invalid character '1' after top-level value"},
		{`-`, "offset 0: unexpected end of input"},
		{`-a`, "offset 1: invalid character 'a' in number (expecting digit)"},
		{`+1`, "offset 0: invalid character '+' at start of value"},
		{`.5`, "offset 0: invalid character '.' at start of value"},
		{`1.`, "offset 1: unexpected end of input"},
		{`1.e5`, "offset 2: invalid character 'e' in number (expecting digit)"},
		{`1e`, "offset 1: unexpected end of input"},
		{`1e+`, "offset 1: unexpected end of input"},
		{`0x10`, "offset 1: invalid character 'x' after top-level value"},
		{`1e309`, "offset 0: number \"1e309\" is out of the range of a double"},
		{`[-1.8e308]`, "offset 1: number \"-1.8e308\" is out of the range of a double"},
		{`NaN`, "offset 0: invalid character 'N' at start of value"},
		{`Infinity`, "offset 0: invalid character 'I' at start of value"},
		{`{"a":1}}`, "offset 7: invalid character '}' after top-level value"},
	}
	for _, tt := range tests {
		got, err := Canonical([]byte(tt.in))
		require.ErrorIs(t, err, ErrCanonical, tt.in)
		require.ErrorContains(t, err, tt.want, tt.in)
		require.Nil(t, got)
	}
}

func TestCanonicalLimits(t *testing.T) {
	nest := func(n int) []byte {
		return []byte(strings.Repeat(`[{"a":`, n/2) + strings.Repeat("[", n%2) + "1" + strings.Repeat("]", n%2) + strings.Repeat("}]", n/2))
	}
	got, err := Canonical(nest(64))
	require.NoError(t, err)
	require.Equal(t, string(nest(64)), string(got))
	_, err = Canonical(nest(65))
	require.ErrorIs(t, err, ErrCanonical)
	require.ErrorContains(t, err, "nesting deeper than 64")
	_, err = Canonical([]byte(strings.Repeat("[", 100_000)))
	require.ErrorContains(t, err, "nesting deeper than 64")

	big := make([]byte, 8<<20)
	for i := range big {
		big[i] = ' '
	}
	big[0] = '0'
	got, err = Canonical(big)
	require.NoError(t, err, "8 MiB is accepted")
	require.Equal(t, "0", string(got))
	_, err = Canonical(append(big, ' '))
	require.ErrorIs(t, err, ErrCanonical)
	require.ErrorContains(t, err, "more than the limit")
}

// Number serialization vectors: the bit patterns of RFC 8785 Appendix B,
// then doubles of every magnitude with the string ECMAScript's
// Number.prototype.toString gives for them.
var canonicalNumberVectors = []struct {
	bits uint64
	want string
}{
	{0x0000000000000000, "0"},
	{0x8000000000000000, "0"},
	{0x0000000000000001, "5e-324"},
	{0x8000000000000001, "-5e-324"},
	{0x7fefffffffffffff, "1.7976931348623157e+308"},
	{0xffefffffffffffff, "-1.7976931348623157e+308"},
	{0x4340000000000000, "9007199254740992"},
	{0xc340000000000000, "-9007199254740992"},
	{0x4430000000000000, "295147905179352830000"},
	{0x44b52d02c7e14af5, "9.999999999999997e+22"},
	{0x44b52d02c7e14af6, "1e+23"},
	{0x44b52d02c7e14af7, "1.0000000000000001e+23"},
	{0x444b1ae4d6e2ef4e, "999999999999999700000"},
	{0x444b1ae4d6e2ef4f, "999999999999999900000"},
	{0x444b1ae4d6e2ef50, "1e+21"},
	{0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
	{0x3eb0c6f7a0b5ed8d, "0.000001"},
	{0x41b3de4355555553, "333333333.3333332"},
	{0x41b3de4355555554, "333333333.33333325"},
	{0x41b3de4355555555, "333333333.3333333"},
	{0x41b3de4355555556, "333333333.3333334"},
	{0x41b3de4355555557, "333333333.33333343"},
	{0xbecbf647612f3696, "-0.0000033333333333333333"},
	{0x43143ff3c1cb0959, "1424953923781206.2"},
	{0xe861c2000d98b88c, "-6.481517498208428e+194"},
	{0xd28dbd89184965eb, "-4.7329851609085914e+89"},
	{0xad5da2edbba5009e, "-3.6372013506141963e-90"},
	{0x2bf7f65e12acff15, "7.011504674524863e-97"},
	{0x3d4e8a67c594c300, "2.1700434112421437e-13"},
	{0x668dbb3afe4ac84f, "1.010653415049034e+186"},
	{0x6ab55fe5cde6e832, "1.0722475275280931e+206"},
	{0xc9143527b3492019, "-1.126613411122014e+44"},
	{0x22a20ce6dcbb8cb4, "7.401143511614159e-142"},
	{0x8ed5ba2723f088f3, "-3.336617188299861e-237"},
	{0x9f16a193760f2106, "-6.43886089484087e-159"},
	{0xc610c4a639f0495d, "-3.321276543616659e+29"},
	{0x68101b70aa2a89a8, "1.837202205150251e+193"},
	{0x8a6530dff9f40bd7, "-1.3782357035480863e-258"},
	{0xbdd51f37b1503f1a, "-7.684118300714328e-11"},
	{0x6f807f4263f27ee1, "1.2505887088892965e+229"},
	{0x63cdb51b7aee6ddc, "5.740277871000941e+172"},
	{0x7cbf485f1cdcf4fb, "7.804409532040633e+292"},
	{0xba3b14fcc1de166e, "-3.41822666471321e-28"},
	{0x0ab51e5bee9804a5, "4.395301142981877e-257"},
	{0xcb9d81e202772d50, "-1.8087955912552919e+56"},
	{0x8fde7753a565285f, "-3.0662001862188053e-232"},
	{0xef6de4cfec81bb02, "-5.6653639800305396e+228"},
	{0xaac2ccc056255ea9, "-1.0492160930312297e-102"},
	{0xcf9fd799ea4bfc04, "-3.6006581772073212e+75"},
	{0xc60ac687b71cca03, "-2.6517179087815984e+29"},
	{0xa74f3372e76d80d6, "-2.4165726416250162e-119"},
	{0x36ce5a1a7d1f50ed, "1.0633041076718228e-44"},
	{0x4e2eb322f4ff4df8, "4.1383184035369185e+68"},
	{0xf3d6c884b14e3de7, "-1.0195125248355257e+250"},
	{0x53f7094d8e50fbea, "3.0753326792315566e+96"},
	{0x2dd4c7c93fcedf71, "6.528831831749115e-88"},
	{0xa7b2f9216862d72c, "-1.880968430001004e-117"},
	{0x06e3b54ba622280b, "1.778855286706317e-275"},
	{0x70fd3ce9afad003e, "1.8592740157604888e+236"},
	{0x8f2ddd6338054e35, "-1.4676177132880398e-235"},
	{0x2d891059b2fb8ba0, "2.4608174810463206e-89"},
	{0x9e7dc009fc036c6f, "-8.265926429384351e-162"},
	{0x1618bef80767a1d2, "3.157093483326953e-202"},
	{0x7c90c60a35202139, "1.0461691735283219e+292"},
	{0x28c6fc3a80b59f54, "2.9867659515210063e-112"},
	{0x27c0be685d432f13, "3.3199015396972286e-117"},
	{0x587b5686baa034a6, "1.7234748503402526e+118"},
	{0x66502fd12c4d1c7d, "6.877933398928187e+184"},
	{0x09fe7b8db2d88648, "1.5488744333473895e-260"},
	{0x1c7219ac59fcd3f7, "1.1709218773004915e-171"},
	{0x8f779ceee8c34cba, "-3.7132562919464104e-234"},
	{0x2d5dd01ba50e4401, "3.658860492861664e-90"},
	{0x657bfce7ef3af47c, "7.258517815465623e+180"},
	{0xb4eae7a36039ff1b, "-8.778112546077854e-54"},
	{0xedc50d3025debe0e, "-5.94497748357697e+220"},
	{0x81329b45e5fddbc5, "-6.783125967147979e-303"},
	{0xa9551381bab6ddf0, "-1.402212590362184e-109"},
	{0xc134fe6fee56947f, "-1375855.931008607"},
	{0xb5674f35f2359ca2, "-1.946893340942735e-51"},
	{0x41c0ff5165d267c9, "570335947.6437923"},
	{0x85b74aec52dd76a4, "-4.009990138931929e-281"},
	{0xd775091823a4b823, "-2.0235397218270967e+113"},
	{0x07456e1c83143c76, "1.237937174964024e-273"},
	{0x5fe1610144a2ac0d, "7.281665514706626e+153"},
	{0x3ea55a7796671c7e, "6.363805312097854e-7"},
	{0xbe7e417f2f826a8e, "-1.1271181310711107e-7"},
	{0x3e9f2929238e44f8, "4.6433186500726354e-7"},
	{0xbe9136b8106b7201, "-2.5650480532464953e-7"},
	{0x3e8264643ea62bfb, "1.3703223029586757e-7"},
	{0xbeaacbb2eb89059c, "-7.985740558340414e-7"},
	{0x3ed3e9889a41ace8, "0.0000047474481200502025"},
	{0xbeb5313083f2b450, "-0.0000012631503663416192"},
	{0x3ee317960ca67f6d, "0.000009103838597479292"},
	{0xbed54a985833a9e5, "-0.0000050762622578561595"},
	{0x3ee441c5ebd590de, "0.000009659255165224799"},
	{0xbee068092ddced8f, "-0.000007823176413893403"},
	{0x3eea8f7040b466ee, "0.000012664941115892122"},
	{0xbf0617a229eb4555, "-0.00004213775286177982"},
	{0x3f18c8c6315185ba, "0.0000945445029443469"},
	{0xbf0d5b29d966f83b, "-0.00005599233115870279"},
	{0x3efeb5f49136d909, "0.00002928806595799922"},
	{0xbf0a529e5cd2d0a8, "-0.00005020662102009468"},
	{0x4022bd77b5bf1b6c, "9.370053939417367"},
	{0xbff378ec286b5aae, "-1.2170220927124933"},
	{0x401fdacaa84cd6f2, "7.963663701715392"},
	{0xbff264c0f45fbd26, "-1.1495980783327666"},
	{0x401e04392f968f51, "7.504124396862452"},
	{0xc01aefcc1dadd26b, "-6.734177077993631"},
	{0x403ec7292177dffb, "30.777971355215396"},
	{0xc0584536f4fc3bc6, "-97.08147930748154"},
	{0x40546e75f9e5916e, "81.72595069330939"},
	{0xc032a239414a9087, "-18.633686142639387"},
	{0x404f6acb4dd3d481, "62.834329346115744"},
	{0xc052216c62eb94b1, "-72.5222403812975"},
	{0x433a4f797c9d51fb, "7405732594799099"},
	{0xc33f36b56322aaa8, "-8785876958227112"},
	{0x4331f477f4cbd475, "5053870649365621"},
	{0xc3324ed032be91fe, "-5153205692305918"},
	{0x432a52cd38772b97, "3704695381792203.5"},
	{0xc3402b9300409737, "-9103019983580782"},
	{0x435e919291e26db7, "34417232000431836"},
	{0xc351db9c2b30cb83, "-20106153560321548"},
	{0x434f8f7cb9408a3b, "17766980249523318"},
	{0xc370f75ea7d6ef37, "-76409368675808110"},
	{0x43622d82c4a7e62c, "40932713993023840"},
	{0xc36189208ccb9480, "-39486779985536000"},
	{0x438269506262207f, "165834993590079460"},
	{0xc39c7833626ff308, "-512861532036317700"},
	{0x439173e243a358b3, "314399375274421440"},
	{0xc397e8dbd26d864e, "-430717138574087040"},
	{0x43920dcc20b92593, "325230077074302140"},
	{0xc384164711866eec, "-180927808855203200"},
	{0x4439eab4dee68788, "478080989425119500000"},
	{0xc43304bfd4824b14, "-350830363153255370000"},
	{0x4449dee0599938c4, "954457073257118400000"},
	{0xc4335660f7681300, "-356712384111874900000"},
	{0x4441244cd1026a3c, "632420689089920500000"},
	{0xc43f81a39c960b9c, "-581190548505346440000"},
	{0x447ac0481cd5b5bc, "7.8955312299881e+21"},
	{0xc46f7e204bd9ec6b, "-4.6474993098590095e+21"},
	{0x447fc17c56760dd9, "9.372658878343468e+21"},
	{0xc469dea4e92b12b3, "-3.8176944478923674e+21"},
	{0x444d93ad07731d6c, "1.0911934956462392e+21"},
	{0xc4734f2289820318, "-5.699046538722826e+21"},
	{0x44ad392ff35e5655, "6.900177381224258e+22"},
	{0xc483a34f9509ecaf, "-1.1592189619893824e+22"},
	{0x44ae1dd016e06693, "7.111047224148373e+22"},
	{0xc4b306f91b42cb15, "-8.985359365314533e+22"},
	{0x448317259df7dbf3, "1.1268993610411672e+22"},
	{0xc4aa86ce4728c3c1, "-6.263412807720212e+22"},
	{0x4340000000000012, "9007199254741028"},
	{0x433ffffffffffff6, "9007199254740982"},
	{0x433ffffffffffff2, "9007199254740978"},
	{0x4340000000000015, "9007199254741034"},
	{0x4340000000000002, "9007199254740996"},
	{0x4340000000000003, "9007199254740998"},
	{0x4340000000000009, "9007199254741010"},
	{0x433fffffffffffee, "9007199254740974"},
	{0x433fffffffffffd0, "9007199254740944"},
	{0x433ffffffffffff2, "9007199254740978"},
	{0x406f251eb851eb85, "249.16"},
	{0x3fea8f5c28f5c28f, "0.83"},
	{0x408bac0000000000, "885.5"},
	{0x4070fa6666666666, "271.65"},
	{0x4081c0a3d70a3d71, "568.08"},
	{0x407c1d47ae147ae1, "449.83"},
	{0x40631ccccccccccd, "152.9"},
	{0x40621f0a3d70a3d7, "144.97"},
	{0x40716ae147ae147b, "278.68"},
	{0x405cde147ae147ae, "115.47"},
	{0x444b1ae4d6e2ef50, "1e+21"},
	{0x3e7ad7f29abcaf48, "1e-7"},
	{0x3eb0c6f7a0b5ed8d, "0.000001"},
	{0x444b1ae4d6e2ef4f, "999999999999999900000"},
	{0x3fb999999999999a, "0.1"},
	{0x3fd3333333333334, "0.30000000000000004"},
	{0x3fd5555555555555, "0.3333333333333333"},
	{0x0000000000000003, "1.5e-323"},
	{0x441ac53a7e04bcda, "123456789012345680000"},
	{0x7e41eb2d66005835, "1.5e+300"},
	{0x4011666666666666, "4.35"},
	{0x4480f0cf064dd592, "1e+22"},
}

func TestCanonicalNumbers(t *testing.T) {
	for _, v := range canonicalNumberVectors {
		f := math.Float64frombits(v.bits)
		// From Go's shortest spelling of f, and from its exact decimal
		// expansion to 17 significant digits.
		for _, in := range []string{fmt.Sprintf("%v", f), strconv.FormatFloat(f, 'e', 16, 64)} {
			got, err := Canonical([]byte(in))
			require.NoError(t, err)
			require.Equal(t, v.want, string(got), "%#016x from %s", v.bits, in)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		// Canonical never formats these: the parser rejects them first.
		_, err := Canonical(fmt.Appendf(nil, "%v", f))
		require.ErrorIs(t, err, ErrCanonical)
	}
}

// TestCanonicalSortsByUTF16: members are sorted by their names' UTF-16
// code units, which differs from UTF-8 byte order for characters above
// U+FFFF against U+E000 to U+FFFF.
func TestCanonicalSortsByUTF16(t *testing.T) {
	r := rand.New(rand.NewPCG(8785, 16))
	alphabet := []rune{0, 'a', 'b', 0x7f, 0x80, 0xff, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfb33, 0xffff, 0x10000, 0x1f600, 0x1f601, 0x10ffff}
	random := func() string {
		rs := make([]rune, r.IntN(4))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for range 5000 {
		names := map[string]bool{}
		for range 1 + r.IntN(5) {
			names[random()] = true
		}
		obj := map[string]int{}
		for n := range names {
			obj[n] = len(obj)
		}
		in, err := json.Marshal(obj)
		require.NoError(t, err)
		out, err := Canonical(in)
		require.NoError(t, err)
		// Read the member names in the order Canonical wrote them.
		dec := json.NewDecoder(bytes.NewReader(out))
		var got []string
		_, err = dec.Token()
		require.NoError(t, err)
		for dec.More() {
			tok, err := dec.Token()
			require.NoError(t, err)
			got = append(got, tok.(string))
			_, err = dec.Token()
			require.NoError(t, err)
		}
		want := slices.Collect(maps.Keys(names))
		slices.SortFunc(want, func(a, b string) int {
			return slices.Compare(utf16.Encode([]rune(a)), utf16.Encode([]rune(b)))
		})
		require.Equal(t, want, got, "%s", out)
	}
}

func FuzzCanonical(f *testing.F) {
	for _, s := range []string{
		`{"b":[1,2.50,{"d":null,"c":true}],"a":"\u00e9\ud83d\ude00"}`,
		`{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7}`,
		`[1e21,1e-7,333333333.33333329,5e-324,0.000001,1e+23,-0]`,
		`"\u0000\u001f\"\\\/"`,
		`{"a":1,"a":2}`,
		`[[[[[[[[[[]]]]]]]]]]`,
		`"\ud800"`,
		`1e400`,
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := Canonical(data)
		if err != nil {
			if !errors.Is(err, ErrCanonical) || out != nil {
				t.Fatalf("Canonical(%q) = %q, %v", data, out, err)
			}
			return
		}
		again, err := Canonical(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: Canonical(%q) = %q, then %q, %v", data, out, again, err)
		}
		if !utf8.Valid(out) || !json.Valid(out) {
			t.Fatalf("Canonical(%q) = %q: not valid JSON", data, out)
		}
		// The canonical form holds the same value.
		var in, back any
		if err := json.Unmarshal(data, &in); err != nil {
			t.Fatalf("Canonical accepted %q, which encoding/json rejects: %v", data, err)
		}
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(in, back) {
			t.Fatalf("Canonical(%q) = %q: the value changed", data, out)
		}
	})
}

// canonicalDocument is a JSON text of about 4 KB shaped like an agreement.
func canonicalDocument() []byte {
	var b strings.Builder
	b.WriteString(`{"version": 3, "parties": [{"role": "provider", "name": "Dr. Ana Müller", "email": "ana@example.org"}, {"role": "client", "name": "Jordan Lee"}],` + "\n")
	b.WriteString(`"fees": {"session": "EUR 120.00", "deposit": "EUR 40.00", "packages": [{"sessions": 5, "price": "EUR 550.00"}, {"sessions": 10, "price": "EUR 1000.00"}]},` + "\n")
	b.WriteString(`"clauses": [`)
	for i := range 14 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "clause-%02d", "kind": "cancellation", "before": "%dh", "share_bp": %d, "ratio": %v, "text": "Cancellations less than %d hours before the session are charged %d%% of the session fee \u2014 \"notice\" counts from the message\u2019s arrival.", "applies": [true, false, null]}`,
			i, 24+i, 2500*(i%5), 0.1*float64(i), 24+i, 25*(i%5))
	}
	b.WriteString("],\n" + `"zone": "Europe/Berlin", "signed": false}`)
	return []byte(b.String())
}

func BenchmarkCanonical(b *testing.B) {
	doc := canonicalDocument()
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Canonical(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCanonicalDocument(t *testing.T) {
	doc := canonicalDocument()
	require.InDelta(t, 4096, len(doc), 1024)
	got, err := Canonical(doc)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(got, []byte(`{"clauses":[{"applies":[true,false,null],"before":"24h","id":"clause-00","kind":"cancellation","ratio":0,"share_bp":0,"text":"Cancellations less than 24 hours`)), "%s", got)
	require.True(t, bytes.HasSuffix(got, []byte(`],"signed":false,"version":3,"zone":"Europe/Berlin"}`)), "%s", got)
	require.Contains(t, string(got), `"ratio":0.30000000000000004,`)
	require.Contains(t, string(got), "charged 50% of the session fee — \\\"notice\\\" counts from the message’s arrival.")
}

func ExampleCanonical() {
	out, err := Canonical([]byte(`{
		"fee": "USD 120.00",
		"tiers": [{"before": "48h", "share": 0.50}, {"before": "24h", "share": 1e0}],
		"note": "caf\u00e9 \/ \u2764"
	}`))
	fmt.Println(string(out), err)

	_, err = Canonical([]byte(`{"a": 1, "a": 2}`))
	fmt.Println(err)
	// Output:
	// {"fee":"USD 120.00","note":"café / ❤","tiers":[{"before":"48h","share":0.5},{"before":"24h","share":1}]} <nil>
	// cannot canonicalize JSON: offset 9: duplicate member name "a"
}

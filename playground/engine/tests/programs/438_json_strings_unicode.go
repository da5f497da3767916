// Strings: escapes, \u sequences and surrogate pairs decode; invalid
// UTF-8 becomes U+FFFD when encoding; control characters are escaped.
package main

import (
	"encoding/json"
	"fmt"
)

func main() {
	for _, s := range []string{"plain", "quote\" back\\ slash/", "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f", "héllo wörld ✓ 😀", "bad \xff\xfe utf8", "\xe2\x82", "\u2028"} {
		b, _ := json.Marshal(s)
		fmt.Println(string(b))
	}
	for _, in := range []string{`"\u00e9\u4e16"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00x"`, `"a\/b"`, "\"raw \xff byte\""} {
		var s string
		err := json.Unmarshal([]byte(in), &s)
		fmt.Printf("%q %v\n", s, err)
	}
	b, _ := json.Marshal([]byte("hello, bytes"))
	fmt.Println(string(b))
	var bs []byte
	fmt.Println(json.Unmarshal(b, &bs), string(bs))
	fmt.Println(json.Unmarshal([]byte(`"not base64!"`), &bs))
	b, _ = json.Marshal(struct {
		A [3]byte
		B []uint8
		C []int8
	}{[3]byte{1, 2, 3}, nil, []int8{-1, 2}})
	fmt.Println(string(b))
}

// Encoder and Decoder errors: syntax errors part-way through a stream with
// their offsets, an unsupported value on Encode, a MarshalJSON whose
// output is compacted and HTML-escaped.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Pretty struct{}

func (Pretty) MarshalJSON() ([]byte, error) {
	return []byte("{ \"html\" : \"<b>\" ,\n \"list\" : [ 1 , 2 ] }"), nil
}

func main() {
	dec := json.NewDecoder(strings.NewReader("{\"a\":1}\n{\"a\":2}\n{\"a\" 3}\n{\"a\":4}"))
	for {
		var m map[string]int
		err := dec.Decode(&m)
		if err != nil {
			var se *json.SyntaxError
			fmt.Println("error:", err, errors.As(err, &se))
			if se != nil {
				fmt.Println("offset", se.Offset)
			}
			fmt.Println("again:", dec.Decode(&m))
			break
		}
		fmt.Println(m, dec.InputOffset())
	}
	dec = json.NewDecoder(strings.NewReader(`[1, 2`))
	var xs []int
	fmt.Println(dec.Decode(&xs))
	dec = json.NewDecoder(strings.NewReader(`"ok" tru`))
	var s string
	fmt.Println(dec.Decode(&s), s)
	fmt.Println(dec.Decode(&s))

	enc := json.NewEncoder(os.Stdout)
	fmt.Println(enc.Encode(map[string]any{"f": func() {}}))
	fmt.Println(enc.Encode([]any{Pretty{}, "<&>"}))
	enc.SetEscapeHTML(false)
	fmt.Println(enc.Encode([]any{Pretty{}, "<&>"}))
	b, err := json.Marshal(struct {
		P Pretty `json:"p"`
	}{})
	fmt.Println(string(b), err)
	fmt.Println(json.Valid([]byte("{\"\xff\":1}")), json.Valid([]byte(`"\ud800"`)))
	var m map[string]int
	fmt.Println(json.Unmarshal([]byte("{\"k\xff\":1}"), &m), len(m))
	for k := range m {
		fmt.Printf("%q\n", k)
	}
}

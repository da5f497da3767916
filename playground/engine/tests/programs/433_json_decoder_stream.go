// A Decoder reads several values from one reader, in a loop until io.EOF,
// and More walks the elements of an array.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type Event struct {
	Kind string `json:"kind"`
	N    int    `json:"n"`
}

func main() {
	in := `{"kind":"start","n":1}
{"kind":"tick","n":2} {"kind":"stop","n":3}
4 "five" [6] null true`
	dec := json.NewDecoder(strings.NewReader(in))
	for i := 0; i < 3; i++ {
		var e Event
		if err := dec.Decode(&e); err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%+v offset=%d\n", e, dec.InputOffset())
	}
	for {
		var v any
		err := dec.Decode(&v)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Printf("%T %v\n", v, v)
	}

	dec = json.NewDecoder(strings.NewReader(`{"a":1} {"a":`))
	var m map[string]int
	fmt.Println(dec.Decode(&m), m)
	fmt.Println(dec.Decode(&m))
	fmt.Println(dec.Decode(&m))

	dec = json.NewDecoder(strings.NewReader(`{"a":1} {"a" 2}`))
	fmt.Println(dec.Decode(&m))
	err := dec.Decode(&m)
	fmt.Println(err)
	if se, ok := err.(*json.SyntaxError); ok {
		fmt.Println("offset", se.Offset)
	}

	dec = json.NewDecoder(strings.NewReader(`   `))
	fmt.Println(dec.Decode(&m) == io.EOF)

	dec = json.NewDecoder(strings.NewReader(`{"kind":"x","extra":1}`))
	dec.DisallowUnknownFields()
	var e Event
	fmt.Println(dec.Decode(&e), e)

	// A long stream read in pieces.
	var sb strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&sb, `{"kind":"k%d","n":%d}`, i, i)
	}
	dec = json.NewDecoder(strings.NewReader(sb.String()))
	sum := 0
	for dec.More() {
		var e Event
		if err := dec.Decode(&e); err != nil {
			fmt.Println(err)
			break
		}
		sum += e.N
	}
	fmt.Println(sum)
}

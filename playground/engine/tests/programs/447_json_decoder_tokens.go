// Streaming a big array with Decoder.Token, More and Decode, and walking
// an object's tokens.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type Item struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

func main() {
	dec := json.NewDecoder(strings.NewReader(`[{"id":1,"name":"a"}, {"id":2,"name":"b"} ,{"id":3,"name":"c"}]`))
	t, err := dec.Token()
	fmt.Printf("%T %v %v\n", t, t, err)
	for dec.More() {
		var it Item
		if err := dec.Decode(&it); err != nil {
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%+v\n", it)
	}
	t, err = dec.Token()
	fmt.Printf("%T %v %v\n", t, t, err)
	t, err = dec.Token()
	fmt.Println(t, err, err == io.EOF)

	dec = json.NewDecoder(strings.NewReader(`{"a": [1, "two", true, null], "b": {"c": 2.5}}`))
	for {
		t, err := dec.Token()
		if err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Printf("%T %v more=%v\n", t, t, dec.More())
	}
}

// MarshalIndent, Indent, Compact and an Encoder with SetIndent.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

type Item struct {
	ID    int      `json:"id"`
	Tags  []string `json:"tags"`
	Empty []int    `json:"empty"`
	Obj   struct{} `json:"obj"`
	Sub   *Item    `json:"sub,omitempty"`
}

func main() {
	it := Item{ID: 1, Tags: []string{"x", "y"}, Empty: []int{}, Sub: &Item{ID: 2}}
	b, _ := json.MarshalIndent(it, "", "  ")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent([]any{1, "two", nil, map[string]any{}}, ">", "\t")
	fmt.Println(string(b))

	var out bytes.Buffer
	err := json.Indent(&out, []byte(` { "a" : [ 1 , 2 ] , "b" : { } } `), "", "    ")
	fmt.Println(out.String(), err)

	out.Reset()
	err = json.Compact(&out, []byte("{ \"a\" : [ 1 ,\n 2 ] , \"b\" : \"x y\" }"))
	fmt.Println(out.String(), err)

	out.Reset()
	err = json.Compact(&out, []byte(`{"a":}`))
	fmt.Printf("%q %v\n", out.String(), err)
	err = json.Indent(&out, []byte(`[1,2`), "", " ")
	fmt.Printf("%q %v\n", out.String(), err)

	enc := json.NewEncoder(os.Stdout)
	enc.Encode(it)
	enc.SetIndent("", " ")
	enc.Encode(it)
	enc.Encode("plain")
	enc.SetIndent("// ", "")
	enc.Encode(map[string]int{"k": 1})
}

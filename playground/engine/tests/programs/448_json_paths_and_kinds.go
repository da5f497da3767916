// Type errors deep in slices, arrays and maps name the path to the value;
// kinds JSON cannot hold; case-insensitive keys; empty indented values.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Inner struct{ V int }
type Outer struct {
	Items  []Inner         `json:"items"`
	Fixed  [2]Inner        `json:"fixed"`
	Opt    string          `json:",omitempty"`
	hidden int
	Err    error
	Any    any
	Ptr    *Inner
	M      map[string]Inner `json:"m"`
}

type Str struct{ N int }

func (s Str) String() string { return "str" }

func main() {
	var o Outer
	fmt.Println(json.Unmarshal([]byte(`{"items":[{"V":1},{"V":"x"}]}`), &o))
	fmt.Println(json.Unmarshal([]byte(`{"fixed":[{"V":1},{"V":true}]}`), &o))
	fmt.Println(json.Unmarshal([]byte(`{"m":{"k":{"V":[]}}}`), &o))
	fmt.Println(json.Unmarshal([]byte(`{"hidden":5,"Opt":"o"}`), &o), o.hidden, o.Opt)
	fmt.Println(json.Unmarshal([]byte(`[1,2]`), &o))
	var typed *Inner
	o.Any = typed
	o.Err = errors.New("e")
	b, err := json.Marshal(o)
	fmt.Println(string(b), err)
	b, _ = json.Marshal(map[string]any{"<a>": []map[string]any{{"x": 1}, {}}, "s": Str{1}})
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(struct{}{}, "", "  ")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent([]int{}, "", "  ")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(map[string][]int{"a": {1}}, "#", "..")
	fmt.Println(string(b))
	var x struct{ Name string }
	fmt.Println(json.Unmarshal([]byte(`{"name":"a","NAME":"b"}`), &x), x.Name)
	var iface fmt.Stringer
	fmt.Println(json.Unmarshal([]byte(`{"a":1}`), &iface))
	fmt.Println(json.Unmarshal([]byte(`1`), &iface))
	var ch chan int
	fmt.Println(json.Unmarshal([]byte(`1`), &ch))
	var f func()
	fmt.Println(json.Unmarshal([]byte(`null`), &f))
	var c complex128
	fmt.Println(json.Unmarshal([]byte(`1`), &c))
}

// Decoding into any gives map[string]any, []any, float64, string, bool
// and nil; an interface holding a pointer is decoded into.
package main

import (
	"encoding/json"
	"fmt"
)

type T struct{ A int }

func main() {
	var v any
	err := json.Unmarshal([]byte(`{"name":"x","n":3,"list":[1,"a",true,null,{"k":[]}],"obj":{},"f":false}`), &v)
	fmt.Println(err)
	m := v.(map[string]any)
	fmt.Println(len(m), m["name"], m["n"], m["f"], m["obj"])
	for i, x := range m["list"].([]any) {
		fmt.Printf("%d %T %v\n", i, x, x)
	}
	b, _ := json.Marshal(v)
	fmt.Println(string(b))

	var list []any
	json.Unmarshal([]byte(`[]`), &list)
	fmt.Println(list == nil, len(list))
	var ints []int
	json.Unmarshal([]byte(`null`), &ints)
	fmt.Println(ints == nil)
	json.Unmarshal([]byte(`[]`), &ints)
	fmt.Println(ints == nil, len(ints))

	var p any = &T{}
	json.Unmarshal([]byte(`{"A":5}`), &p)
	fmt.Println(p.(*T).A)

	var arr [3]int
	json.Unmarshal([]byte(`[7,8]`), &arr)
	fmt.Println(arr)
	arr = [3]int{1, 2, 3}
	json.Unmarshal([]byte(`[9,9,9,9,9]`), &arr)
	fmt.Println(arr)

	var pp **int
	json.Unmarshal([]byte(`42`), &pp)
	fmt.Println(**pp)
	json.Unmarshal([]byte(`null`), &pp)
	fmt.Println(pp == nil)

	var e error
	fmt.Println(json.Unmarshal([]byte(`"x"`), &e))

	type Wrapper struct {
		Data any `json:"data"`
	}
	var w Wrapper
	json.Unmarshal([]byte(`{"data":[{"x":1.5}]}`), &w)
	fmt.Printf("%v %T\n", w.Data, w.Data)
}

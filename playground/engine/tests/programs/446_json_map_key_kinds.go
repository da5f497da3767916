// Map keys of kinds JSON names cannot be: float keys work, bool, array
// and struct keys fail when there is a key to write, as Go 1.27 fails.
package main

import (
	"encoding/json"
	"fmt"
)

type K struct{ A int }

func main() {
	for _, v := range []any{map[bool]int{true: 1}, map[float64]int{1.5: 1}, map[[2]int]int{{1, 2}: 1}, map[K]int{{1}: 2}, struct{ M map[bool]int }{map[bool]int{false: 1}}, []any{1, map[bool]int{}}, map[bool]int{}, struct{ M map[bool]int }{}} {
		b, err := json.Marshal(v)
		fmt.Printf("%s | %T %v\n", b, err, err)
	}
	var m map[bool]int
	fmt.Println(json.Unmarshal([]byte(`{"true":1}`), &m), m)
	var f map[float64]int
	fmt.Println(json.Unmarshal([]byte(`{"1.5":1}`), &f), f)
}

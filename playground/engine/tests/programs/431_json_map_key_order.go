// Maps marshal with their keys sorted as strings, whatever the key type;
// decoding fills maps of strings, ints and structs.
package main

import (
	"encoding/json"
	"fmt"
)

type Point struct{ X, Y int }

func main() {
	m := map[string]int{"b": 2, "a": 1, "c": 3, "B": 4, "aa": 5, "": 6}
	b, _ := json.Marshal(m)
	fmt.Println(string(b))

	n := map[int]string{10: "ten", 9: "nine", -1: "minus", 100: "hundred"}
	b, _ = json.Marshal(n)
	fmt.Println(string(b))

	u := map[uint8]bool{200: true, 3: false}
	b, _ = json.Marshal(u)
	fmt.Println(string(b))

	nested := map[string]map[string][]int{"x": {"q": {1, 2}, "p": nil}, "a": {}}
	b, _ = json.Marshal(nested)
	fmt.Println(string(b))

	var back map[int]string
	fmt.Println(json.Unmarshal([]byte(`{"3":"c","1":"a","2":"b"}`), &back), len(back), back[1], back[2], back[3])

	var pts map[string]Point
	fmt.Println(json.Unmarshal([]byte(`{"o":{"X":0,"Y":0},"p":{"X":1,"Y":2}}`), &pts), pts["p"], pts["o"])

	var bad map[int]string
	fmt.Println(json.Unmarshal([]byte(`{"x":"y"}`), &bad))

	var nilMap map[string]int
	b, _ = json.Marshal(nilMap)
	fmt.Println(string(b))
	b, _ = json.Marshal(map[string]int{})
	fmt.Println(string(b))

	// A map already there is added to, not replaced.
	have := map[string]int{"keep": 1}
	json.Unmarshal([]byte(`{"new":2}`), &have)
	fmt.Println(have)

	_, err := json.Marshal(map[[2]int]int{{1, 2}: 1})
	fmt.Println(err)
}

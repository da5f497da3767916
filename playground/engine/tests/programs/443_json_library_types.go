// time.Time, time.Duration, anonymous structs, interfaces, []byte, a
// pointer-receiver MarshalJSON on a value that is not addressable.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

type Status int

func (s *Status) MarshalJSON() ([]byte, error) { return []byte(`"ptr"`), nil }

type Wrap struct {
	S  Status
	P  *Status
	T  time.Time
	D  time.Duration
	A  struct{ X, Y int } `json:"a"`
	I  any
	B  []byte
	E  error
	F  float32
	U  uintptr
	R  rune
	M  map[string]*int
	AR [2]string
}

type Inner struct{ V int }
type Outer struct {
	Items []Inner `json:"items"`
}

func main() {
	s := Status(1)
	w := Wrap{S: 2, P: &s, T: time.Date(2024, 5, 6, 7, 8, 9, 123000000, time.UTC), D: time.Second, I: Inner{3}, F: 0.1, R: 'x'}
	b, err := json.Marshal(w)
	fmt.Println(string(b), err)
	b, err = json.Marshal(&w)
	fmt.Println(string(b), err)

	o := Outer{Items: []Inner{{1}, {2}, {3}}}
	json.Unmarshal([]byte(`{"items":[{"V":9}]}`), &o)
	fmt.Println(o)

	var t struct {
		When time.Time
		Dur  time.Duration
	}
	fmt.Println(json.Unmarshal([]byte(`{"When":"2023-01-02T03:04:05Z","Dur":5}`), &t), t.When, t.Dur)
	fmt.Println(json.Unmarshal([]byte(`{"When":"bad"}`), &t))

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(map[string]any{"list": []int{}, "obj": map[string]int{}, "n": nil})
	var x struct{ A int }
	fmt.Println(json.Unmarshal([]byte(`{"A":1,"A":2}`), &x), x)
	fmt.Println(json.Unmarshal([]byte(`{"a":1}`), &x), x)
	var arr []string
	fmt.Println(json.Unmarshal([]byte(`["a",1,"c"]`), &arr), arr, len(arr))
	type Emb struct{ Inner; W int }
	b, _ = json.Marshal(Emb{Inner{5}, 6})
	fmt.Println(string(b))
	var anyv any
	json.Unmarshal([]byte(`{"b":1,"a":[true,{"z":null}]}`), &anyv)
	fmt.Printf("%v\n", anyv)
	b, _ = json.Marshal(anyv)
	fmt.Println(string(b))
}

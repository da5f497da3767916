// json.RawMessage, Decoder.UseNumber, UnmarshalJSON on slice and map
// elements, pointers allocated while decoding, integer bounds.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Envelope struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Temp float64

func (t *Temp) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*t = Temp(f * 10)
	return nil
}

func main() {
	var e Envelope
	fmt.Println(json.Unmarshal([]byte(`{"type":"pt","data":{"x": 1,"y":2}}`), &e), e.Type, string(e.Data))
	b, _ := json.Marshal(e)
	fmt.Println(string(b))
	var pt struct{ X, Y int }
	json.Unmarshal(e.Data, &pt)
	fmt.Println(pt)

	dec := json.NewDecoder(strings.NewReader(`{"n": 12.50, "big": 123456789012345678901234567890}`))
	dec.UseNumber()
	var m map[string]any
	fmt.Println(dec.Decode(&m))
	fmt.Printf("%T %v %v\n", m["n"], m["n"], m["big"])

	var temps []Temp
	fmt.Println(json.Unmarshal([]byte(`[1.5, 2, "x"]`), &temps), temps)
	var tm map[string]Temp
	fmt.Println(json.Unmarshal([]byte(`{"a":3}`), &tm), tm)

	var sh struct{ S Shape }
	fmt.Println(json.Unmarshal([]byte(`{"S":{"S":2}}`), &sh))
	sh.S = Sq{3}
	b, _ = json.Marshal(sh)
	fmt.Println(string(b))

	var ptrs struct{ P *int; Q *[]string }
	fmt.Println(json.Unmarshal([]byte(`{"P":5,"Q":["a"]}`), &ptrs), *ptrs.P, *ptrs.Q)
	fmt.Println(json.Unmarshal([]byte(`{"P":null}`), &ptrs), ptrs.P)
	type Node struct {
		Name     string  `json:"name"`
		Children []*Node `json:"children,omitempty"`
	}
	var n Node
	json.Unmarshal([]byte(`{"name":"root","children":[{"name":"a"},{"name":"b","children":[{"name":"c"}]}]}`), &n)
	b, _ = json.MarshalIndent(n, "", "\t")
	fmt.Println(string(b))
	var i8 int8
	fmt.Println(json.Unmarshal([]byte(`-129`), &i8), json.Unmarshal([]byte(`-128`), &i8), i8)
	var u struct{ A, B uint16 }
	fmt.Println(json.Unmarshal([]byte(`{"A":65535,"B":65536}`), &u), u)
}

// The errors encoding/json returns, with Go's texts and types.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

type Server struct {
	Host string `json:"host"`
	Port int    `json:"port"`
}

type Config struct {
	Name   string  `json:"name"`
	Port   int     `json:"port"`
	Server Server  `json:"server"`
	Ratio  float32 `json:"ratio"`
	Small  int8    `json:"small"`
	List   []int   `json:"list"`
	Flag   bool    `json:"flag"`
}

func show(err error) {
	fmt.Printf("%T: %v\n", err, err)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		fmt.Println("  offset", se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		fmt.Println("  value", te.Value, "type", te.Type, "offset", te.Offset, "struct", te.Struct, "field", te.Field)
	}
}

func main() {
	var c Config
	show(json.Unmarshal([]byte(`{"port":"8080"}`), &c))
	show(json.Unmarshal([]byte(`{"server":{"port":true}}`), &c))
	show(json.Unmarshal([]byte(`{"small":300}`), &c))
	show(json.Unmarshal([]byte(`{"port":1.5}`), &c))
	show(json.Unmarshal([]byte(`{"list":{"a":1}}`), &c))
	show(json.Unmarshal([]byte(`{"list":[1,"x",3],"name":5}`), &c))
	fmt.Println(c.List)
	show(json.Unmarshal([]byte(`{"name":"a",}`), &c))
	show(json.Unmarshal([]byte(`{"name" "a"}`), &c))
	show(json.Unmarshal([]byte(`[1,2,3`), &c))
	show(json.Unmarshal([]byte(``), &c))
	show(json.Unmarshal([]byte(`nul`), &c))
	show(json.Unmarshal([]byte(`{"a":1} x`), &c))
	show(json.Unmarshal([]byte(`'single'`), &c))
	show(json.Unmarshal([]byte("\"tab\there\""), &c))
	show(json.Unmarshal([]byte(`"\x"`), &c))
	show(json.Unmarshal([]byte(`01`), &c))
	show(json.Unmarshal([]byte(`-`), &c))
	show(json.Unmarshal([]byte(`1.e5`), &c))
	show(json.Unmarshal([]byte(`{"a":1}`), c))
	show(json.Unmarshal([]byte(`{"a":1}`), nil))
	var nilp *Config
	show(json.Unmarshal([]byte(`{"a":1}`), nilp))
	var n int
	show(json.Unmarshal([]byte(`"x"`), &n))
	show(json.Unmarshal([]byte(`[1]`), &n))
	var s string
	show(json.Unmarshal([]byte(`12`), &s))

	_, err := json.Marshal(math.NaN())
	show(err)
	_, err = json.Marshal(map[string]any{"x": math.Inf(-1)})
	show(err)
	_, err = json.Marshal(make(chan int))
	show(err)
	_, err = json.Marshal(struct{ F func() }{})
	show(err)
	_, err = json.Marshal(complex(1, 2))
	show(err)
	fmt.Println(json.Valid([]byte(`{"a":[1,2,{"b":null}]}`)), json.Valid([]byte(`{a:1}`)), json.Valid(nil))
}

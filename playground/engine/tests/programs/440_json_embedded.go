// Embedded structs: their fields are promoted, shallower and tagged
// fields win, equal ones cancel out, embedded pointers are allocated.
package main

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

type Meta struct {
	Name    string
	Version int
}

type Other struct {
	Version int
}

type Doc struct {
	Base
	*Meta
	Other
	Title string `json:"title"`
	Name  string `json:"name"`
}

type Tagged struct {
	Base `json:"base"`
	X    int
}

func main() {
	d := Doc{Base: Base{1, "base"}, Meta: &Meta{"meta", 2}, Other: Other{3}, Title: "t", Name: "doc"}
	b, _ := json.Marshal(d)
	fmt.Println(string(b))

	var back Doc
	err := json.Unmarshal([]byte(`{"id":7,"name":"n","title":"tt","Version":9}`), &back)
	fmt.Println(err, back.ID, back.Base.Name, back.Name, back.Title, back.Meta, back.Other.Version)

	t := Tagged{Base{2, "b"}, 5}
	b, _ = json.Marshal(t)
	fmt.Println(string(b))

	d.Meta = nil
	b, _ = json.Marshal(d)
	fmt.Println(string(b))
}

// A struct with tags round-trips through JSON: renamed fields, omitempty,
// "-", unexported fields, nested structs, pointers and slices.
package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Person struct {
	Name     string            `json:"name"`
	Age      int               `json:"age,omitempty"`
	Email    string            `json:"email,omitempty"`
	Password string            `json:"-"`
	Dash     string            `json:"-,"`
	secret   string
	Home     *Address          `json:"home,omitempty"`
	Work     Address           `json:"work"`
	Tags     []string          `json:"tags"`
	Scores   map[string]int    `json:"scores,omitempty"`
	Ratio    float64           `json:"ratio"`
	Active   bool              `json:"active"`
	Nick     *string           `json:"nick"`
	Extra    map[string]string `json:",omitempty"`
	Plain    int
}

func main() {
	p := Person{Name: "Ada", Password: "x", Dash: "d", secret: "s", Work: Address{Street: "Main"}, Ratio: 0.5, Active: true}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)

	nick := "ace"
	p.Home = &Address{"Elm", "Oslo"}
	p.Nick = &nick
	p.Tags = []string{"a", "b"}
	p.Scores = map[string]int{"z": 1, "a": 2, "m": 3}
	p.Age = 36
	b, _ = json.Marshal(&p)
	fmt.Println(string(b))

	var q Person
	err = json.Unmarshal(b, &q)
	fmt.Println(err, q.Name, q.Age, *q.Home, q.Work, q.Tags, q.Scores, q.Ratio, q.Active, *q.Nick, q.Password == "", q.Dash)

	// Keys match fields case-insensitively; unknown keys are ignored.
	var r Person
	err = json.Unmarshal([]byte(`{"NAME":"Bob","Age":7,"unknown":[1,{"x":2}],"plain":3,"-":"dash"}`), &r)
	fmt.Println(err, r.Name, r.Age, r.Plain, r.Dash)

	// Fields not in the input keep their values.
	s := Person{Name: "keep", Age: 9}
	json.Unmarshal([]byte(`{"age":10}`), &s)
	fmt.Println(s.Name, s.Age)
}

// The ",string" option, omitzero, and json.Number.
package main

import (
	"encoding/json"
	"fmt"
)

type Opts struct {
	ID    int64   `json:"id,string"`
	On    bool    `json:"on,string"`
	Rate  float64 `json:"rate,string"`
	Label string  `json:"label,string"`
	Count int     `json:"count,omitzero"`
	Arr   [2]int  `json:"arr,omitzero"`
	Num   json.Number
}

func main() {
	b, err := json.Marshal(Opts{ID: 12, On: true, Rate: 0.5, Label: "x", Num: "3.25"})
	fmt.Println(string(b), err)
	var o Opts
	err = json.Unmarshal([]byte(`{"id":"99","on":"false","rate":"1e3","label":"\"q\"","count":4,"Num":12.5e1}`), &o)
	fmt.Println(err, o.ID, o.On, o.Rate, o.Label, o.Count, o.Num)
	f, _ := o.Num.Float64()
	fmt.Println(f, o.Num.String())
	err = json.Unmarshal([]byte(`{"id":99}`), &o)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"id":"abc"}`), &o)
	fmt.Println(err)
	_, err = json.Marshal(Opts{Num: "abc"})
	fmt.Println(err)
}

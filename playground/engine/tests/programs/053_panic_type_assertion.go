package main

import "fmt"

type Stringer interface{ String() string }

func main() {
	var v any = 3.5
	fmt.Println(v.(float64))
	s := v.(Stringer)
	fmt.Println(s)
}

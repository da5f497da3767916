package main

import "fmt"

type Handlers struct {
	OnEvent func(string)
}

func main() {
	h := Handlers{}
	fmt.Println("dispatching")
	h.OnEvent("start")
}

package main

import "fmt"

type failure struct {
	Code int
	Msg  string
}

func (f failure) Error() string { return fmt.Sprintf("failure %d: %s", f.Code, f.Msg) }

type code int

func (c code) String() string { return fmt.Sprintf("code(%d) via String", int(c)) }

func main() {
	never := make(chan int)
	go func() {
		defer func() {
			r := recover()
			println("recovered a code:", r.(code) == 7)
			panic(failure{Code: 500, Msg: "internal"})
		}()
		panic(code(7))
	}()
	<-never
}

package main

import "fmt"

type Animal interface{ Sound() string }
type Dog struct{}

func (Dog) Sound() string { return "woof" }

type Cat struct{}

func (*Cat) Sound() string { return "meow" }

func main() {
	var a Animal = Dog{}
	fmt.Println(a.Sound())
	c := a.(*Cat)
	fmt.Println(c)
}

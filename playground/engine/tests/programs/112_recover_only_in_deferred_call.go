package main

import "fmt"

func helper() any { return recover() }

func level1() {
	defer func() {
		fmt.Println("helper got", helper())
		fmt.Println("direct got", recover())
	}()
	panic("boom")
}

func main() {
	level1()
	fmt.Println("main continues")
	defer func() {
		func() {
			fmt.Println("nested got", recover())
		}()
	}()
	panic("escapes")
}

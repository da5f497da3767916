package main

import "fmt"

func main() {
	x := 2
	switch x {
	case 1, 2:
		fmt.Println("a")
	case 2:
		fmt.Println("b")
	}
	var v any = x
	switch v.(type) {
	case int:
	case int:
	}
}

package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i)
	}
	fmt.Println()
	n := 5
	for n > 0 {
		n -= 2
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 4 {
			break
		}
	}
	fmt.Println(k)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()
	var i int
	for i = 0; i < 3; i++ {
	}
	fmt.Println(i)
	for x := range 4 {
		fmt.Print(x, " ")
	}
	fmt.Println()
	for range 2 {
		fmt.Print("hi ")
	}
	fmt.Println()
	var u8 uint8 = 3
	for v := range u8 {
		fmt.Printf("%T%d ", v, v)
	}
	fmt.Println()
}

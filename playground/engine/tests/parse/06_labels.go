package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
	inner:
		for j := 0; j < 3; j++ {
			switch {
			case j == 1:
				continue inner
			case i == 2:
				break outer
			}
			if j == 2 {
				continue outer
			}
			fmt.Println(i, j)
		}
	}
	n := 0
loop:
	select {
	default:
		n++
		if n < 3 {
			goto loop
		}
	}
	{
		fmt.Println("block", n)
	}
	;
	goto empty
empty:
}

package main

import "fmt"

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n%2 == 0, n > 100:
		return "even or big"
	default:
		return "odd"
	}
}

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println(i)
	}
	j := 0
	for j < 3 {
		j++
	}
	for {
		break
	}
	for ; j < 5; {
		j++
	}
	for i := range 3 {
		fmt.Println(i)
	}
	for range 2 {
	}
	if x := j * 2; x > 5 {
		fmt.Println("big")
	} else if x > 2 {
		fmt.Println("medium")
	} else {
		fmt.Println("small")
	}
	switch k := j; k {
	case 1, 2:
		fmt.Println("one or two")
		fallthrough
	case 3:
		fmt.Println("three")
	default:
	}
	switch j {
	}
	fmt.Println(classify(-1), classify(0), classify(4), classify(7))
}

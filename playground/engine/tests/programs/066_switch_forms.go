package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "F"
	}
}

func main() {
	for _, s := range []int{95, 85, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	for i := 0; i < 6; i++ {
		switch i {
		case 0:
			fmt.Println("zero")
		case 1, 2:
			fmt.Println("one or two")
			fallthrough
		case 3:
			fmt.Println("three (or fell through)")
		case 4:
			fmt.Println("four")
			break
			fmt.Println("not printed")
		default:
			fmt.Println("default", i)
		}
	}
	switch x := 5; x * 2 {
	case 10:
		fmt.Println("ten")
	}
	switch s := "go"; s {
	case "rust":
	case "go":
		fmt.Println("gopher")
	}
	switch {
	default:
		fmt.Println("default first")
	case false:
	}
}

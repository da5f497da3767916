package main

import "fmt"

type S struct{ A int }

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.5, 'x'))
	fmt.Println(fmt.Sprint(1, 2), fmt.Sprint("x", 1), fmt.Sprint(1, "x"))
	fmt.Println(fmt.Sprintln("a", 1, true) + "|")
	fmt.Print("p", 1, 2, true, "q", "\n")
	fmt.Print(S{1}, S{2}, "\n")
	fmt.Println(nil, []int(nil), map[int]int(nil), (*S)(nil))
	s := fmt.Sprintf("%d-%s", 5, "five")
	fmt.Println(s, len(s))
	fmt.Println(fmt.Sprint(), fmt.Sprint(nil), fmt.Sprint(""))
	fmt.Print()
	fmt.Println()
	fmt.Println("a", "", "b")
}

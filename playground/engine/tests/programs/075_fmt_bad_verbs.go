package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "str")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%z\n", 3)
	fmt.Printf("100%%\n")
	fmt.Printf("%s\n", nil)
	fmt.Printf("%d\n", []string{"a"})
	fmt.Printf("%.2f\n", "x")
	fmt.Printf("%t\n", 1)
	fmt.Printf("no verbs\n", "extra")
	fmt.Println(fmt.Sprintf("%v", []any{nil, 1}))
}

package main

import "fmt"

func main() {
	sl := []string{"a", "b", "c"}
	for i := range sl {
		fmt.Print(i)
	}
	for _, v := range sl {
		fmt.Print(v)
	}
	fmt.Println()
	arr := [3]int{10, 20, 30}
	for i, v := range arr {
		arr[2] = 99
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println(arr)
	for i, r := range "aé😀" {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	ch <- 3
	close(ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	m := map[string]int{"x": 1}
	for k, v := range m {
		fmt.Println(k, v)
	}
	grow := []int{1, 2}
	for i, v := range grow {
		if i == 0 {
			grow = append(grow, 3)
		}
		fmt.Print(v)
	}
	fmt.Println(len(grow))
	var np *[4]int
	for i := range np {
		fmt.Print(i)
	}
	fmt.Println()
}

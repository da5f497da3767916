package main

import "fmt"

type Matrix [][]float64

func main() {
	c := complex(1, 2)
	c2 := 3 + 4i
	fmt.Println(c*c2, real(c), imag(c2), c == c2)
	fmt.Printf("%v %.2f\n", c, c2)
	i := 0
loop:
	if i < 3 {
		fmt.Print(i)
		i++
		goto loop
	}
	fmt.Println()
	s := []int{1, 2, 3, 4}
	a := [2]int(s)
	p := (*[2]int)(s)
	p[0] = 9
	fmt.Println(a, *p, s)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	m := Matrix{{1, 2}, {3, 4}}
	fmt.Println(m, len(m[0]))
	var arr [5]int
	for i := range arr {
		arr[i] = i * i
	}
	fmt.Println(arr, arr[1:3], cap(arr[1:3]), arr[1:3:4])
	x := []byte("hello")
	copy(x[1:], "EL")
	fmt.Println(string(x), x)
	switch {
	case len(x) > 3:
		fmt.Println("long")
		fallthrough
	case len(x) > 10:
		fmt.Println("fell")
	default:
		fmt.Println("def")
	}
	fn := func(xs ...int) int { return len(xs) }
	fmt.Println(fn(), fn(s...))
	var iface any = 3
	if v, ok := iface.(string); !ok {
		fmt.Printf("%q %v\n", v, ok)
	}
	defer fmt.Println("deferred 1")
	for i := 0; i < 3; i++ {
		defer fmt.Println("defer", i)
	}
	var mm map[string]int
	fmt.Println(mm["x"], len(mm))
	mm["a"] = 1
}

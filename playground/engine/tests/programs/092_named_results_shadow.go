package main

import "fmt"

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func counted() (count int, label string) {
	for i := 0; i < 3; i++ {
		count += i
	}
	label = "sum"
	return count * 10, label + "!"
}

func zero() (a int, b string, c []int, d *int, e error) { return }

func main() {
	fmt.Println(split(17))
	fmt.Println(counted())
	a, b, c, d, e := zero()
	fmt.Println(a, b == "", c == nil, d, e)
	x := 1
	{
		x := 2
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	if x := 5; x > 3 {
		fmt.Println("if-scoped", x)
	} else if y := x * 2; y > 0 {
		fmt.Println(y)
	}
	fmt.Println(x)
}

package main

import "fmt"

func main() {
	f := 3.99
	fmt.Println(int(f), int(-f), int64(2.5e9))
	i := 7
	fmt.Println(float64(i)/2, i/2)
	var g float32 = 1.1
	fmt.Println(float64(g) == 1.1, g == 1.1)
	big7 := 300.7
	fmt.Println(uint8(int(big7)))
	h := 0.1 + 0.2
	fmt.Println(h, h == 0.3)
	fmt.Println(float32(h))
	var big float64 = 1 << 62
	fmt.Println(big, int64(big))
}

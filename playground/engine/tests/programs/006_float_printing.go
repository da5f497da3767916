package main

import "fmt"

func main() {
	fmt.Println(1.0, 2.5, 1e6, 1e21, 1e20, 123456789.0, 0.000001, 0.0000001)
	fmt.Println(3.0/2, 1.0/3.0, 2.0/3.0)
	var f32 float32 = 0.1
	var f64 float64 = 0.1
	fmt.Println(f32, f64, float64(f32))
	fmt.Println(f32*3, f64*3)
	fmt.Println(float32(1)/3, float32(16777216)+1)
	var z float64
	fmt.Println(-z, z, 1/(z-1))
	fmt.Println(100.0, 1e-5, 12345678.9, 1.5e300*1.5)
	fmt.Printf("%v %v\n", float32(2.5), 7.0)
}

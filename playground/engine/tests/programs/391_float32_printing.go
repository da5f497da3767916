// Every path that prints a float prints it for its own size: a float32
// prints the shortest text that reads back as that float32 (0.1), not the
// float64 it widens to (0.10000000149011612).
package main

import (
	"fmt"
	"math"
	"strconv"
)

type Celsius float32

type Pair struct {
	X float32
	Y float64
}

func main() {
	x := float32(0.1)
	fmt.Println(float32(0.1), x, x*3, float64(x))
	fmt.Printf("%v %g %e %.3f %G %E %x\n", x, x, x, x, x, x, x)
	fmt.Printf("%v %g %e %.3f\n", float32(1)/3, float32(1e-7), float32(16777217), float32(2.5))
	fmt.Println(strconv.FormatFloat(float64(x), 'g', -1, 32), strconv.FormatFloat(float64(x), 'g', -1, 64))
	fmt.Println(strconv.FormatFloat(float64(float32(1)/3), 'e', -1, 32), string(strconv.AppendFloat(nil, float64(x), 'f', -1, 32)))
	// FormatFloat at 32 bits formats float32(v): past MaxFloat32 is +Inf.
	big, odd := 1e39, 16777217.0
	fmt.Println(strconv.FormatFloat(big, 'g', -1, 32), strconv.FormatFloat(odd, 'f', -1, 32), strconv.FormatFloat(-big, 'e', 3, 32))
	fmt.Println(float32(big), float32(odd), float32(odd)+1, -float32(0))
	fmt.Println([]float32{0.1, 0.2, 1.5e10, 1e-7}, fmt.Sprint([]float32{0.3, 0.7}))
	fmt.Println(map[float32]int{0.1: 1}, Pair{0.1, 0.1}, Celsius(36.6))
	fmt.Printf("%v %+v\n", []any{x, Celsius(0.2)}, Pair{0.2, 0.2})
	var c complex64 = complex(0.1, 0.2)
	fmt.Println(c, complex128(c))

	n32, i32 := float32(math.NaN()), float32(math.Inf(1))
	fmt.Println(n32, i32, -i32, math.NaN(), math.Inf(-1), float32(math.MaxFloat32), float32(math.SmallestNonzeroFloat32))
	fmt.Printf("%v %.2f %e %g\n", n32, i32, -i32, math.Inf(1))

	// println and print go to stderr, each size in its shortest form.
	println(float32(0.1), 1e21, float32(3), float32(1)/3, 1.0/3)
	println(n32, i32, -i32, math.NaN(), math.Inf(-1))
	println(c, complex128(c))
	print(x, " ", float32(1e-7), "\n")

	defer func() {
		fmt.Println("recovered:", recover())
		panic(Celsius(0.1))
	}()
	panic(float32(0.1))
}

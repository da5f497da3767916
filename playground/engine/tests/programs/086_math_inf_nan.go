package main

import (
	"fmt"
	"math"
)

func main() {
	inf := math.Inf(1)
	ninf := math.Inf(-1)
	nan := math.NaN()
	fmt.Println(inf, ninf, nan)
	fmt.Println(inf > 1e308, ninf < -1e308, nan == nan, nan != nan)
	fmt.Println(math.IsInf(inf, 0), math.IsInf(ninf, 1), math.IsNaN(nan))
	fmt.Printf("%v %f %.2f %e %g\n", inf, ninf, nan, inf, nan)
	fmt.Printf("%5.1f|%-6v|%+v\n", inf, nan, inf)
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero)
	fmt.Println(math.Sqrt(-1), math.Log(0), math.Log(-1))
	m := map[float64]int{}
	m[nan] = 1
	m[nan] = 2
	fmt.Println(len(m))
	fmt.Println(inf-inf, inf*0, float32(inf))
	fmt.Println(math.Max(nan, 1), math.Min(ninf, 1))
	fmt.Println(int64(math.Inf(1)) != 0)
}

package main

import (
	"fmt"
	"math"
	"math/cmplx"
	"sort"
	"sync"
)

type key struct {
	z complex64
	n int
}

func rotate(c complex128) (r complex128) {
	defer func() { r *= 1i }()
	return c + 1
}

// Complex values in closures, goroutines, channels, defers, sorting,
// comparisons through interfaces and struct keys.
func main() {
	var a, b any = 1i, 1i
	fmt.Println(a == b, a == any(complex64(1i)), a != nil)
	c := 3 + 4i
	fmt.Println(c == 0, 0 == c-c, c != 3+4i)
	inc := func() { c += 1 }
	inc()
	inc()
	fmt.Println(c, rotate(c))
	zs := []complex128{3 + 4i, -1, 1i, 2 - 2i, 0}
	for i, z := range zs {
		zs[i] = z * z
	}
	sort.Slice(zs, func(i, j int) bool { return cmplx.Abs(zs[i]) < cmplx.Abs(zs[j]) })
	fmt.Println(zs)
	m := map[key]string{{1i, 1}: "a", {1i, 2}: "b"}
	m[key{1i, 1}] = "c"
	fmt.Println(len(m), m[key{complex64(complex(0, 1)), 1}])
	x := [2]complex64{1, 2}
	y := x
	y[1] = 2 + 0i
	fmt.Println(x == y, math.Float64bits(real(complex128(x[1]))))
	results := make(chan complex128)
	var wg sync.WaitGroup
	for k := 1; k <= 3; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- cmplx.Pow(1i, complex(float64(k), 0))
		}()
	}
	go func() { wg.Wait(); close(results) }()
	sum := 0i
	for r := range results {
		sum += r
	}
	fmt.Printf("%.3f\n", sum)
	switch z := any(2 + 0i).(type) {
	case float64:
		fmt.Println("float", z)
	default:
		fmt.Printf("other %T\n", z)
	}
	var p *complex128 = new(complex128)
	*p = 5i
	*p *= *p
	fmt.Println(*p, real(*p) == -25)
	var pp = new(1 + 2i)
	fmt.Println(*pp)
}

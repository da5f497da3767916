package main

import (
	"fmt"
	"math/cmplx"
	"sort"
)

type Point struct {
	Name string
	Z    complex128
	W    complex64
}

type Impedance complex128

func (z Impedance) String() string {
	return fmt.Sprintf("%.1f ohm", real(z))
}

// Complex values in structs, arrays, slices, maps (as keys and values)
// and interfaces.
func main() {
	p := Point{"p", 1 + 1i, 2 - 2i}
	q := p
	q.Z *= 2
	fmt.Println(p, q, p == q, p == Point{"p", 1 + 1i, 2 - 2i})
	fmt.Printf("%v %+v\n", p, q)
	arr := [3]complex128{1, 1i, -1}
	arr2 := arr
	arr2[1] += 1
	fmt.Println(arr, arr2, arr == arr2)
	s := []complex64{}
	for i := 0; i < 5; i++ {
		s = append(s, complex(float32(i), float32(-i)))
	}
	fmt.Println(s, len(s), s[4])
	m := map[complex128]string{1i: "i", -1i: "-i", 1: "one"}
	m[complex(0, 1)] = "I"
	fmt.Println(m, len(m), m[1i])
	_, ok := m[2i]
	fmt.Println(ok)
	// NaN keys never match: each one is a new entry.
	nan := cmplx.NaN()
	m2 := map[complex128]int{}
	m2[nan] = 1
	m2[nan] = 2
	m2[0] = 3
	m2[complex(0, 0)] = 4
	fmt.Println(len(m2), m2[nan], m2[0])
	keys := []float64{}
	for k, v := range m2 {
		if k == k {
			keys = append(keys, real(k), float64(v))
		} else {
			keys = append(keys, float64(v))
		}
	}
	sort.Float64s(keys)
	fmt.Println(keys)
	var x any = 2 + 3i
	var y any = complex64(2 + 3i)
	fmt.Printf("%T %T %v %v %v\n", x, y, x, y, x == y)
	switch v := x.(type) {
	case complex64:
		fmt.Println("c64", v)
	case complex128:
		fmt.Println("c128", v*2)
	}
	if c, ok := y.(complex64); ok {
		fmt.Println(c + 1)
	}
	var z Impedance = 50 + 10i
	fmt.Println(z, complex128(z))
	fmt.Printf("%v %T %g\n", z, z, complex128(z))
	mk := map[[2]complex64]bool{{1, 2i}: true}
	fmt.Println(mk[[2]complex64{1, 2i}], mk[[2]complex64{1, 2}])
	ptr := &p.Z
	*ptr = 9i
	fmt.Println(p.Z)
	ch := make(chan complex128, 1)
	ch <- 4i
	fmt.Println(<-ch)
}

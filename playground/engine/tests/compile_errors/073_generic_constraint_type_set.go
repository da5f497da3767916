// Type arguments outside a constraint's type set: a missing ~, a plain
// mismatch, a missing method, an explicit argument.
package main

import "fmt"

func Half[T ~float64](x T) T { return x / 2 }

func Exact[T float64](x T) T { return x }

type MyFloat float64

type Shower interface{ Show() string }

func ShowAll[T Shower](xs []T) {
	for _, x := range xs {
		fmt.Println(x.Show())
	}
}

func main() {
	fmt.Println(Half(3))
	fmt.Println(Half[int](3))
	fmt.Println(Exact(MyFloat(1)))
	ShowAll([]int{1})
}

package main

import "fmt"

type T struct{ a int }

func (T) m() int { return 1 }

func main() {
	// A composite literal in a statement header must be parenthesized.
	if (T{a: 1}) == (T{1}) {
		fmt.Println("equal")
	}
	for _, t := range []T{{1}, {2}} {
		fmt.Println(t.a)
	}
	switch (T{}).m() {
	case 1:
	}
	x := 5
	if x := x + 1; x > 5 {
		fmt.Println(x)
	}
	if v := []int{1, 2}; len(v) == 2 {
	}
	f := func() {}
	if f != nil {
	}
	type key struct{ a, b string }
	m := map[key]int{{"a", "b"}: 1}
	fmt.Println(m[key{"a", "b"}])
	var arr [2 * 3]int
	fmt.Println(len(arr), /* inline */ x)
	y := 1 /* multi
	line */
	fmt.Println(y)
	z := (((x)))
	fmt.Println(z, -(-z), ^^z, !!true)
	var (
		i = 0
	)
	i++
	{
	}
	_ = i
	fmt.Println(struct{ a []int }{[]int{1}}.a[0])
	g := func(fs ...func() int) int { return len(fs) }
	fmt.Println(g(), g(func() int { return 0 }))
	const big = 1 << 100 >> 98
	fmt.Println(big)
}

// Unbounded recursion: Go's stack limit (a big frame reaches it sooner).
package main

import "fmt"

func f(a, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q int) int {
	return f(a+1, b, c, d, e, g, h, i, j, k, l, m, n, o, p, q) + 1
}

func main() {
	fmt.Println(f(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}

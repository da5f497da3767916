// A float constant squared again and again: Go keeps going (a 512-bit
// mantissa with an exponent to 2^31), the playground stops past 1e±19000
// rather than compute ever larger powers.
package main

import "fmt"

const a = 1e4000
const b = a * a
const c = b * b
const d = c * c
const e = d * d
const f = e * e

func main() {
	fmt.Println(f / f)
}

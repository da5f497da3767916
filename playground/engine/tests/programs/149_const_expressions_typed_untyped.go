package main

import "fmt"

type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
)

const ratio = 2.0 / 3
const intDiv = 2 / 3
const shifted = 1 << 62 >> 60
const str = "con" + "cat"
const r = 'a' + 1

func main() {
	fmt.Println(Second, Millisecond*5, Second/Millisecond)
	fmt.Printf("%T %v\n", Second, Second)
	fmt.Println(ratio, intDiv, shifted, str, r, string(rune(r)))
	var f32 float32 = ratio
	var i = 7 / 2.0
	fmt.Println(f32, i)
	fmt.Printf("%T %T %T\n", ratio, intDiv, r)
	const big = 1 << 70
	fmt.Println(big/(1<<60), float64(big))
	x := 10
	fmt.Println(x/3, x/3.0 == 3)
}

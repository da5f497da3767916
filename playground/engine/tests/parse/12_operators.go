package main

import "fmt"

func main() {
	a, b := 7, 3
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(a&b, a|b, a^b, a&^b, a<<2, a>>1, ^a, -a, +a)
	fmt.Println(a == b, a != b, a < b, a <= b, a > b, a >= b)
	t, f := true, false
	fmt.Println(t && f, t || f, !t, t && !f || f)
	fmt.Println(1+2*3, (1+2)*3, 1<<2+1, 2*3%4, -2*-3, a+b*a-b/a)
	x := 10
	x += 1
	x -= 2
	x *= 3
	x /= 2
	x %= 7
	x &= 6
	x |= 8
	x ^= 3
	x <<= 2
	x >>= 1
	x &^= 4
	x++
	x--
	var u uint8 = 255
	u++
	fmt.Println(x, u, 5.0/2, 7/2.0, "con"+"cat")
}

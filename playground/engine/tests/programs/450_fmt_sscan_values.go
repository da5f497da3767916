// fmt.Sscan, Sscanln and Sscanf into every kind of pointer: ints of each
// size, uints, floats, complex, strings, []byte, bools, named types (Go
// scans them through reflect), and the errors learners meet: expected
// integer, unexpected newline, EOF, overflow, input does not match
// format, too many operands, a value that is not a pointer.
package main

import (
	"fmt"
	"strings"
)

type Celsius float64
type Name string

func main() {
	var a, b int
	n, err := fmt.Sscan("12 34", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("12 x", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("12", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1\n2", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanln("1 2 3", &a, &b)
	fmt.Println(n, err)
	var s string
	var f float64
	var f32 float32
	var i8 int8
	var u uint16
	var ok bool
	var bs []byte
	n, err = fmt.Sscanf("name=bob age=42 h=1.85", "name=%s age=%d h=%f", &s, &a, &f)
	fmt.Println(n, err, s, a, f)
	n, err = fmt.Sscanf("7-8", "%d+%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1\n2", "%d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("300", &i8)
	fmt.Println(n, err, i8)
	n, err = fmt.Sscan("-1", &u)
	fmt.Println(n, err, u)
	n, err = fmt.Sscan("true 3.25 0x1F hello", &ok, &f32, &a, &bs)
	fmt.Println(n, err, ok, f32, a, string(bs))
	var c Celsius
	var nm Name
	n, err = fmt.Sscan("36.6 ada", &c, &nm)
	fmt.Println(n, err, c, nm)
	n, err = fmt.Sscan("5", a)
	fmt.Println(n, err)
	var z complex128
	n, err = fmt.Sscan("(1+2i)", &z)
	fmt.Println(n, err, z)
	n, err = fmt.Sscanf("%q", "%q", &s)
	fmt.Println(n, err)
	n, err = fmt.Sscanf(`"hi\tthere"`, "%q", &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscanf("ff", "%x", &a)
	fmt.Println(n, err, a)
	n, err = fmt.Sscanf("1 2", "%d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1 2", "%d %d %d", &a, &b)
	fmt.Println(n, err)
	n, err = fmt.Sscan("99999999999999999999", &a)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1.5e", &f)
	fmt.Println(n, err)
	n, err = fmt.Sscan("tru", &ok)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("abc", "%5c", &a)
	fmt.Println(n, err, a)
	r := strings.NewReader("10 20\n30\n")
	for {
		n, err = fmt.Fscan(r, &a)
		if err != nil {
			fmt.Println(n, err)
			break
		}
		fmt.Println(a)
	}
	n, err = fmt.Sscanf("3.5p2", "%g", &f)
	fmt.Println(n, err, f)
	var x []int
	n, err = fmt.Sscan("1", &x)
	fmt.Println(n, err)
}

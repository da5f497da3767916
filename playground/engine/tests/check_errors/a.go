package main
import "fmt"
type T struct{ next T }
var x = f()
func f() int { return x }
func main() {
	const c int8 = 100
	_ = c * 2
	var i interface{ M() }
	_ = i
	var s []int
	_ = s == s
	var m map[string]int
	v, ok := m["a"]
	_, _ = v, ok
	fmt.Println(1 << 70)
	f()
	var u uint8 = 1
	_ = u << 1.5
	_ = x
	_ = s.Len
	var p *T
	p.foo = 3

}

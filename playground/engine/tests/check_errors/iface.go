package main
import "fmt"
type Shape interface {
	Area() float64
	Perimeter() float64
}
type Sq struct{ s float64 }
func (q Sq) Area() float64 { return q.s * q.s }
type Named interface{ Name() string }
func main() {
	var s Shape = Sq{2}
	fmt.Println(s)
	var n Named = s
	_ = n
	var e error = fmt.Errorf("x")
	_ = e.(Sq)
	var i fmt.Stringer = 5
	_ = i
}

package main
import "fmt"
func main() {
	var x interface{} = 1
	s := x.(string)
	_ = s
	var i int
	_ = i.(int)
	fmt.Println(undefinedThing)
	var f float64 = 1.5
	_ = f % 2
	_ = "a" * 2
	_ = !1
	_ = -"s"
	var m map[string]int
	m.foo()
	if i { }
	var arr [3]int
	_ = arr[5]
	_ = len(1)
	var ch chan int
	_ = ch
}

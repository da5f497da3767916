package main
import (
	"fmt"
	"strings"
)
func f() (int, error) { return 0, nil }
func main() {
	fmt.Println(f())
	x := f
	x()
	strings.Foo()
	var b strings.Builder
	b.WriteString(1)
	var s []int
	s.x = 1
	for i := range 3.5 {
		_ = i
	}
	var ch chan<- int
	<-ch
	close(5)
	_ = fmt.Sprintf
}

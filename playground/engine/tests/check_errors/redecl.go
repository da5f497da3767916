package main
import (
	f "fmt"
	"strings"
	"os"
)
var x = 1
var x = 2
func g() {}
func g() {}
type M map[[]int]string
func main() {
	a := 1
	var a int
	_ = a
	var fn func()
	_ = fn == fn
	type S struct{ f func() }
	_ = S{} == S{}
	os.Exit(1)
}

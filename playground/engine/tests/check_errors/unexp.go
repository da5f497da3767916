package main
import (
	"fmt"
	"strings"
	"time"
)
type T struct{ n int }
func (t T) String() string { return "T" }
func main() {
	var b strings.Builder
	_ = b.buf
	var s fmt.Stringer = T{}
	switch v := s.(type) {
	case int:
	case T:
		_ = v
	}
	d := time.Duration(1<<62) * 4
	_ = d
	var x float64 = 1
	_ = x / 0
	_ = x % 2.0
	var i int
	_ = i / 0
	_ = 10 / 0.0
	fmt.Printf("%d\n")
	var ok bool = 1 == 1.0
	_ = ok
	var r rune = 'a' + 1
	var bt byte = 'a'
	_, _ = r, bt
}

// Copying and appending big byte slices stays within the heap budget:
// bytes are not widened into values on the way (a 200 MB copy took 5 GB).
// Then a slice twice the budget runs out of memory.
// run: heap_budget=67108864
package main

import "fmt"

func main() {
	a := make([]byte, 16<<20)
	a[len(a)-1] = 7
	b := make([]byte, 16<<20)
	fmt.Println(copy(b, a), b[len(b)-1])
	c := append([]byte(nil), a[:8<<20]...)
	fmt.Println(len(c), cap(c))
	d := append(c, "tail"...)
	fmt.Println(len(d), string(d[len(d)-4:]))
	e := make([]byte, 128<<20)
	fmt.Println(len(e))
}

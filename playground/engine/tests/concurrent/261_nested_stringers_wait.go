// A String method that formats another value whose String waits on a
// channel: the wait is two library calls deep (fmt.Println calling
// Outer.String calling fmt.Sprintf calling Inner.String), and both go on
// once the value arrives. A deferred Println and a goroutine started on
// Println wait the same way.
package main

import (
	"fmt"
	"sync"
)

type Inner struct{ ch chan string }

func (i *Inner) String() string { return <-i.ch }

type Outer struct {
	name string
	in   *Inner
}

func (o Outer) String() string { return fmt.Sprintf("%s(%v)", o.name, o.in) }

func show(o Outer) {
	defer fmt.Println("deferred:", o)
	fmt.Println("show:", o)
}

func main() {
	in := &Inner{make(chan string)}
	go func() {
		for _, s := range []string{"a", "b", "c", "d", "e"} {
			in.ch <- s
		}
	}()
	o := Outer{"outer", in}
	fmt.Println(o)
	fmt.Println(Outer{"twice", in}, o)
	show(o)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		go fmt.Println("never waited for", in)
		fmt.Println("done")
	}()
	wg.Wait()
}

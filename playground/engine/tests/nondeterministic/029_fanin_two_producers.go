// Open: how two producers' values interleave on one channel. Each sends
// two values in order; main prints them as received: any interleaving of
// a1 a2 with b1 b2 (6).
package main

import "fmt"

func main() {
	ch := make(chan string)
	for _, p := range []string{"a", "b"} {
		go func() {
			ch <- p + "1"
			ch <- p + "2"
		}()
	}
	for range 4 {
		fmt.Print(<-ch, " ")
	}
	fmt.Println("end")
}

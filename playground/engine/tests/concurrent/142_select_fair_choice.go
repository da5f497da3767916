package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	close(a)
	close(b)
	var na, nb int
	for i := 0; i < 2000; i++ {
		select {
		case <-a:
			na++
		case <-b:
			nb++
		}
	}
	fmt.Println("total", na+nb, "both chosen:", na > 0 && nb > 0)
	fmt.Println("neither starved (each > 500):", na > 500 && nb > 500)
}

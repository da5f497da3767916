package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	fmt.Println(len(ch), cap(ch))
	ch <- "a"
	ch <- "b"
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	fmt.Println(len(ch), cap(ch))
	ch <- "c"
	ch <- "d"
	fmt.Println(len(ch), cap(ch))
	close(ch)
	fmt.Println(len(ch), cap(ch))
	for s := range ch {
		fmt.Print(s, " ")
	}
	fmt.Println()
	fmt.Println(len(ch), cap(ch))
	var nilch chan int
	fmt.Println(len(nilch), cap(nilch), nilch == nil)
	u := make(chan int)
	fmt.Println(len(u), cap(u))
}

package main

import "fmt"

func record(m map[string]int, done chan<- bool) {
	m["hits"]++
	done <- true
}

func main() {
	var counts map[string]int
	done := make(chan bool)
	fmt.Println("recording")
	go record(counts, done)
	<-done
}

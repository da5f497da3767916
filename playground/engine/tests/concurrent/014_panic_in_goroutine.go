package main

import (
	"fmt"
	"time"
)

func worker(id int) {
	if id == 2 {
		panic(fmt.Sprintf("worker %d failed", id))
	}
}

func main() {
	fmt.Println("start")
	go worker(2)
	time.Sleep(time.Second)
	fmt.Println("not printed")
}

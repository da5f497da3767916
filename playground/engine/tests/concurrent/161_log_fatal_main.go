package main

import (
	"fmt"
	"log"
)

func main() {
	log.SetFlags(0)
	defer fmt.Println("deferred: skipped")
	results := make(chan error)
	go func() {
		results <- fmt.Errorf("dial tcp: connection refused")
	}()
	if err := <-results; err != nil {
		log.Fatalln("startup failed:", err)
	}
	fmt.Println("unreachable")
}

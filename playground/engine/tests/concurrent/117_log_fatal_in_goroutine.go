package main

import (
	"fmt"
	"log"
	"time"
)

func main() {
	log.SetFlags(0)
	defer fmt.Println("deferred: skipped by log.Fatal")
	go func() {
		log.Fatalf("worker %d: cannot continue", 3)
	}()
	time.Sleep(time.Hour)
}

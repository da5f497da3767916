package main

import (
	"log"
	"sync"
)

func main() {
	log.SetFlags(0)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				log.Println("recovered:", r)
			}
		}()
		log.Panicln("bad input", 42)
	}()
	wg.Wait()
	log.Println("still running")
	log.Panic("main gives up")
}

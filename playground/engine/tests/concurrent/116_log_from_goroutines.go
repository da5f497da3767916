package main

import (
	"log"
	"sync"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("[app] ")
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = "worker " + string(rune('A'+i))
		}()
	}
	wg.Wait()
	for _, r := range results {
		log.Println(r, "finished")
	}
	log.Printf("%d workers, prefix %q", len(results), log.Prefix())
	log.Print("no newline added twice\n")
}

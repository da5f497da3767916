// A lazily built singleton with sync.Once, asked for by many goroutines.
package main

import (
	"fmt"
	"sync"
)

type DB struct{ dsn string }

var (
	once     sync.Once
	instance *DB
	builds   int
)

func GetDB() *DB {
	once.Do(func() {
		builds++
		instance = &DB{dsn: "postgres://localhost/app"}
	})
	return instance
}

func main() {
	var wg sync.WaitGroup
	ptrs := make([]*DB, 20)
	for i := range ptrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ptrs[i] = GetDB()
		}()
	}
	wg.Wait()
	same := true
	for _, p := range ptrs {
		same = same && p == ptrs[0]
	}
	fmt.Println("built", builds, "time(s); all the same:", same, ptrs[0].dsn)
}

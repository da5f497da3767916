package main

import (
	"errors"
	"fmt"
	"sync"
)

// A function from sync.OnceFunc/OnceValue/OnceValues runs f once; if f
// panics, every later call panics again with the same value.
func attempt(label string, call func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: recovered %v (%T)\n", label, r, r)
	}()
	call()
	fmt.Println(label, "returned normally")
}

func main() {
	runs := 0
	initConfig := sync.OnceFunc(func() {
		runs++
		panic("config file missing")
	})
	attempt("init 1", initConfig)
	attempt("init 2", initConfig)
	fmt.Println("runs:", runs)

	errNoDB := errors.New("no database")
	connect := sync.OnceValue(func() int {
		runs++
		panic(errNoDB)
	})
	attempt("connect 1", func() { fmt.Println(connect()) })
	attempt("connect 2", func() {
		defer func() {
			r := recover()
			fmt.Println("same error value:", r == errNoDB, errors.Is(r.(error), errNoDB))
			panic(r)
		}()
		connect()
	})

	load := sync.OnceValues(func() (map[string]int, error) {
		runs++
		var m map[string]int
		m["answer"] = 42
		return m, nil
	})
	attempt("load 1", func() { fmt.Println(load()) })
	attempt("load 2", func() { fmt.Println(load()) })
	fmt.Println("runs:", runs)

	fine := sync.OnceValue(func() string { runs++; return "ok" })
	fmt.Println(fine(), fine(), "runs:", runs)

	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			attempt(fmt.Sprintf("worker %d", i), initConfig)
		}()
	}
	wg.Wait()
	initConfig()
}

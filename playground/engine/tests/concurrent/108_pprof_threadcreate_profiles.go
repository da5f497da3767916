package main

import (
	"fmt"
	"runtime/pprof"
)

func main() {
	fmt.Println("threadcreate > 0:", pprof.Lookup("threadcreate").Count() > 0)
	fmt.Println("goroutine count:", pprof.Lookup("goroutine").Count())
	fmt.Println("unknown:", pprof.Lookup("no-such-profile") == nil)
	for _, p := range pprof.Profiles() {
		fmt.Println(p.Name())
	}
	p := pprof.NewProfile("my.custom")
	p.Add("item", 0)
	fmt.Println(p.Name(), p.Count())
}

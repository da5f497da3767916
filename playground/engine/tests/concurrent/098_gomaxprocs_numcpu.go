package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println("NumCPU > 0:", runtime.NumCPU() > 0)
	fmt.Println("GOMAXPROCS(0) > 0:", runtime.GOMAXPROCS(0) > 0)
	prev := runtime.GOMAXPROCS(3)
	fmt.Println("previous > 0:", prev > 0)
	fmt.Println("now:", runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	fmt.Println("now:", runtime.GOMAXPROCS(-5))
	fmt.Println(runtime.GOOS != "", runtime.Compiler)
}

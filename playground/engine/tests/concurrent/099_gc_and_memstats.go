package main

import (
	"fmt"
	"runtime"
)

var sink [][]byte

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 100; i++ {
		sink = append(sink, make([]byte, 10000))
	}
	sink = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("GC ran:", after.NumGC > before.NumGC)
	fmt.Println("allocated more:", after.TotalAlloc > before.TotalAlloc)
}

package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(50 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println("at least 50ms:", elapsed >= 50*time.Millisecond)
	fmt.Println("under 5s:", elapsed < 5*time.Second)
	later := start.Add(time.Hour)
	fmt.Println(later.Sub(start), later.After(start), start.Before(later))
	fmt.Println(time.Until(later) > 59*time.Minute)
	fmt.Println(elapsed.Round(time.Hour))
}

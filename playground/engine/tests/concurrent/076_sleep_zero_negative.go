package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(0)
	time.Sleep(-time.Second)
	fmt.Println("returned at once:", time.Since(start) < time.Second)
	t := time.NewTimer(0)
	<-t.C
	fmt.Println("zero timer fired")
	<-time.After(-5 * time.Second)
	fmt.Println("negative After fired")
}

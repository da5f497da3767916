package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	fmt.Println("stop active timer:", t.Stop())
	fmt.Println("stop again:", t.Stop())
	fmt.Println("reset stopped timer:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired")
	fmt.Println("stop fired timer:", t.Stop())
	fmt.Println("reset fired timer:", t.Reset(time.Hour))
	fmt.Println("reset active timer:", t.Reset(5*time.Millisecond))
	<-t.C
	fmt.Println("fired again")
	select {
	case <-t.C:
		fmt.Println("stale value")
	default:
		fmt.Println("channel empty")
	}
	fmt.Println(len(t.C), cap(t.C))
}

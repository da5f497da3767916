package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	aHeld := make(chan bool)
	bHeld := make(chan bool)
	go func() {
		a.Lock()
		aHeld <- true
		<-bHeld
		b.Lock()
	}()
	b.Lock()
	<-aHeld
	bHeld <- true
	fmt.Println("both locks taken crosswise")
	a.Lock()
}

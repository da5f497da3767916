// Waits on a timer a century away.
package main

import (
	"fmt"
	"time"
)

func main() {
	<-time.After(100 * 365 * 24 * time.Hour)
	fmt.Println("a century later")
}

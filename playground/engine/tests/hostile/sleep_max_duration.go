// A sleep of the longest duration: Go would hang for 292 years; the
// virtual clock's budget stops it at once.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	fmt.Println("sleeping")
	time.Sleep(math.MaxInt64)
	fmt.Println("woke up")
}

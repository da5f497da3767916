// debug.SetMaxStack lowers the limit a recursion reaches (Go: "runtime:
// goroutine stack exceeds 1048576-byte limit").
package main

import (
	"fmt"
	"runtime/debug"
)

func down(n int) int { return down(n+1) + 1 }

func main() {
	fmt.Println(debug.SetMaxStack(1 << 20))
	down(0)
}

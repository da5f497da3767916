package main

import (
	"fmt"
	"strings"
)

func main() {
	var b strings.Builder
	fmt.println("x")
	_ = b.buf
}

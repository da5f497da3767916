package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printn("x")
	_ = strings.Reverse("abc")
}

package main

import (
	f "fmt"
	str "strings"
)

func main() {
	_ = str.ToUpper("x")
}

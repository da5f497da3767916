package main

import "strings"

func repeat(s string, n int) string { return strings.Repeat(s, n) }

func main() {
	_ = repeat(3, "x")
	_ = strings.ToUpper(42)
}

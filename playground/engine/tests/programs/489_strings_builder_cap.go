package main

import (
	"fmt"
	"strings"
)

func main() {
	var sb strings.Builder
	fmt.Println(sb.Len(), sb.Cap())
	for _, s := range []string{"hello", ", ", "world", strings.Repeat("x", 30), strings.Repeat("y", 300), "z"} {
		sb.WriteString(s)
		fmt.Println(sb.Len(), sb.Cap())
	}
	sb.Reset()
	fmt.Println(sb.Len(), sb.Cap())
	sb.Grow(64)
	fmt.Println(sb.Len(), sb.Cap())
	sb.WriteByte('a')
	sb.WriteRune('é')
	sb.Grow(10)
	fmt.Println(sb.Len(), sb.Cap(), sb.String())
	sb.Grow(100)
	fmt.Println(sb.Len(), sb.Cap(), sb.String())
	defer func() { fmt.Println("recovered:", recover()) }()
	sb.Grow(-1)
}

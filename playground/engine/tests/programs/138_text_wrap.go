package main

import (
	"fmt"
	"strings"
)

func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func main() {
	text := "Goroutines are lightweight threads managed by the Go runtime. " +
		"A goroutine that blocks forever is leaked: its stack and everything it references stay alive."
	for _, width := range []int{30, 50} {
		for i, l := range wrap(text, width) {
			fmt.Printf("%2d |%-*s|\n", i+1, width, l)
		}
		fmt.Println(strings.Repeat("-", width+5))
	}
}

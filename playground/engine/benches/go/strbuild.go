// String building: many small appends through strings.Builder.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var b strings.Builder
	for i := 0; i < 300_000; i++ {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
	}
	s := b.String()
	fmt.Println(len(s), s[len(s)-8:])
}

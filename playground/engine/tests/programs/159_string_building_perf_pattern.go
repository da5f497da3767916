package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	s := ""
	for i := 0; i < 10; i++ {
		s += strconv.Itoa(i)
	}
	fmt.Println(s, len(s))
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString(strconv.Itoa(i % 10))
	}
	out := b.String()
	fmt.Println(len(out), out[:20], out[len(out)-5:])
	parts := make([]string, 0, 5)
	for i := 5; i > 0; i-- {
		parts = append(parts, fmt.Sprintf("%02d", i))
	}
	fmt.Println(strings.Join(parts, ":"))
	bs := []byte("abc")
	bs = append(bs, "def"...)
	bs = strconv.AppendInt(bs, -42, 10)
	fmt.Println(string(bs))
}

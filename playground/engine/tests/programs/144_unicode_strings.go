package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "Grüße, 世界! 🎉"
	fmt.Println(len(s), utf8.RuneCountInString(s), strings.Count(s, "") - 1)
	fmt.Println(strings.ToUpper(s), strings.ToLower("ÀÉÎ"))
	r, size := utf8.DecodeRuneInString(s[2:])
	fmt.Println(string(r), size, utf8.RuneLen('世'), utf8.ValidString("a\xffb"))
	fmt.Println(strings.Index(s, "世"), strings.IndexRune(s, '界'))
	for i, w := 0, 0; i < len(s); i += w {
		rv, width := utf8.DecodeRuneInString(s[i:])
		w = width
		if width > 1 {
			fmt.Printf("%c:%d ", rv, width)
		}
	}
	fmt.Println()
	buf := utf8.AppendRune(nil, 'é')
	fmt.Println(buf, string(buf))
	fmt.Println(strings.Fields(" a\tb\nc  "), len(strings.Fields("")))
}

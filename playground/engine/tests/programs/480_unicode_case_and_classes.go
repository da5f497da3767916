package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, s := range []string{"ǆemal", "ǅ", "ß straße", "ᾳ ᾀ", "ΐ", "İstanbul", "ŉ", "ﬀ", "ა", "µ", "ÿ", "a\xffb", "Ǆ", "hello, wORLD"} {
		fmt.Printf("%q %q %q %q %q\n", s, strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s))
	}
	fmt.Println(strings.Title("it's a dog-eat-dog world_wide o'neil x.y 3rd ǆungla"))
	for _, r := range []rune{'a', 'Z', 'ǅ', 'Ǆ', 'ǆ', '½', '²', '٣', '७', 'Ⅷ', '¡', '«', '—', '!', '$', '+', 'µ', 'ª', 'Ⓐ', 'ͅ', '\u00a0', '\u2028', '\u0085', 'ß', 'ẞ', -1, 0x110000, 'ᾳ', 'ᾼ'} {
		fmt.Println(r, unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsPunct(r), unicode.IsSpace(r), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r))
	}
}

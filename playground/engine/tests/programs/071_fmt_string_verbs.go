package main

import "fmt"

func main() {
	s := "gopher"
	fmt.Printf("%s|%10s|%-10s|%.3s|%q\n", s, s, s, s, s)
	fmt.Printf("%x|%X|% x|%#x\n", s, s, "hi", "hi")
	fmt.Printf("%q|%+q|%#q|%q\n", "tab\there", "héllo", "back`tick", "raw")
	fmt.Printf("%q|%q|%q\n", "\x00\x7f", "\u2028", `a"b\c`)
	b := []byte("bytes")
	fmt.Printf("%s|%x|%v|%q\n", b, b, b, b)
	fmt.Printf("%5.2s|%-5.1q|\n", "abc", "xyz")
	fmt.Printf("%v|%d\n", []string{"a", "b"}, []byte("AB"))
	fmt.Printf("%q\n", []string{"x y", "z"})
	fmt.Printf("%s\n", []string{"p", "q"})
	fmt.Printf("%c%c%c\n", 'G', 'o', '!')
	fmt.Printf("%q %q\n", 'a', '\'')
}

package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[0], s[1], s[1:3])
	fmt.Println(s + "!")
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), b)
	r := []rune(s)
	fmt.Println(len(r), string(r[1]), r[7])
	fmt.Println(string(rune(65)), string(r[7:]))
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
	raw := `raw\nstring`
	fmt.Println(raw, len(raw))
	fmt.Println("tab\there", "quote\"", 'x', '\n')
}

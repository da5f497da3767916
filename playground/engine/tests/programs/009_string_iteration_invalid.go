package main

import "fmt"

func main() {
	s := "a\xffb\xe4\xb8"
	for i, r := range s {
		fmt.Println(i, r, string(r))
	}
	for i := 0; i < len(s); i++ {
		fmt.Print(s[i], " ")
	}
	fmt.Println()
	fmt.Println([]rune(s))
	fmt.Println(string([]byte{0xe4, 0xb8, 0x96}))
}

package main

import (
	"fmt"
	"strings"
)

func shift(r rune, k int) rune {
	switch {
	case r >= 'a' && r <= 'z':
		return 'a' + (r-'a'+rune(k)+26)%26
	case r >= 'A' && r <= 'Z':
		return 'A' + (r-'A'+rune(k)+26)%26
	}
	return r
}

func caesar(s string, k int) string {
	return strings.Map(func(r rune) rune { return shift(r, k) }, s)
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var clean []rune
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			clean = append(clean, r)
		}
	}
	return string(clean) == reverse(string(clean))
}

func main() {
	enc := caesar("Hello, Gophers!", 3)
	fmt.Println(enc, caesar(enc, -3))
	fmt.Println(reverse("héllo wörld 🌍"))
	fmt.Println(isPalindrome("A man, a plan, a canal: Panama"), isPalindrome("gopher"))
	var bs []byte
	for i := byte('a'); i < 'a'+5; i++ {
		bs = append(bs, i-32)
	}
	fmt.Println(string(bs), bs)
}

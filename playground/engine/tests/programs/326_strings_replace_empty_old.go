// strings.Replace and ReplaceAll with an empty old string insert the new
// one at the start and after every rune (an invalid byte is one rune), up
// to n times; invalid UTF-8 passes through untouched.
package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("%q\n", strings.Replace("héllo", "", "-", -1))
	fmt.Printf("%q\n", strings.Replace("abc", "", "-", 2))
	fmt.Printf("%q\n", strings.ReplaceAll("", "", "x"))
	fmt.Printf("%q\n", strings.ReplaceAll("a\xffb", "", "|"))
	fmt.Printf("%q\n", strings.Replace("a\xe2\x82b", "", ".", -1))
	fmt.Printf("%q\n", strings.Replace("aaa", "a", "b", 0))
	fmt.Printf("%q\n", strings.Replace("aaaa", "aa", "b", -1))
	fmt.Printf("%q\n", strings.ReplaceAll("x\xffy\xffz", "\xff", "!"))
	fmt.Println(strings.Count("a\xe2\x82b", ""), strings.Count("héllo", ""))
}

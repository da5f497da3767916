package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  The quick brown fox  "
	t := strings.TrimSpace(s)
	fmt.Printf("%q\n", t)
	fmt.Println(strings.ToUpper(t), strings.ToLower(t))
	fmt.Println(strings.Contains(t, "quick"), strings.ContainsRune(t, 'z'), strings.ContainsAny(t, "xyz"))
	fmt.Println(strings.HasPrefix(t, "The"), strings.HasSuffix(t, "fox"))
	fmt.Println(strings.Index(t, "o"), strings.LastIndex(t, "o"), strings.Index(t, "cat"), strings.IndexByte(t, 'q'), strings.IndexRune(t, 'b'))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c,d", ",", 2))
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Repeat("ab", 3), strings.Count("cheese", "e"), strings.Count("abc", ""))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("oink oink", "oink", "moo"))
	fmt.Printf("%q %q %q\n", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhix", "x"), strings.TrimRight("xhixx", "x"))
	fmt.Printf("%q %q\n", strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Compare("a", "b"), strings.Title("x") == "X")
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"))
	fmt.Println(strings.IndexFunc("abc1", func(r rune) bool { return r >= '0' && r <= '9' }))
	fmt.Printf("%q\n", strings.Split("abc", ""))
}

package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for line := range strings.Lines("one\ntwo\n\nthree") {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("[%s]", part)
	}
	for part := range strings.SplitAfterSeq("a,b,c", ",") {
		fmt.Printf("<%s>", part)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  alpha beta\tgamma\n") {
		fmt.Printf("(%s)", f)
	}
	for f := range strings.FieldsFuncSeq("a1b22c333", unicode.IsDigit) {
		fmt.Printf("{%s}", f)
	}
	fmt.Println()
	for part := range strings.SplitSeq("x-y-z", "-") {
		if part == "y" {
			break
		}
		fmt.Println("before break:", part)
	}
	fmt.Printf("%q\n", strings.SplitAfterN("a,b,c,d", ",", 3))
	fmt.Println(strings.LastIndexFunc("go123", unicode.IsLetter), strings.TrimLeftFunc("123abc456", unicode.IsDigit), strings.TrimRightFunc("123abc456", unicode.IsDigit))
	fmt.Printf("%q\n", strings.ToValidUTF8("a\xffb\xfe\xfdc", "\uFFFD"))
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "istanbul"), strings.ToLowerSpecial(unicode.TurkishCase, "IŞIK"), strings.ToTitleSpecial(unicode.TurkishCase, "i"))
	before, after, found := strings.CutLast("a.b.c", ".")
	fmt.Println(before, after, found)
}

package main

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"
)

func main() {
	b := []byte("  Hello, Gophers! Hello, world.  ")
	fmt.Printf("%q\n", bytes.TrimSpace(b))
	fmt.Printf("%q\n", bytes.Fields(b))
	fmt.Printf("%q\n", bytes.Split([]byte("a,b,,c"), []byte(",")))
	fmt.Printf("%q\n", bytes.SplitN([]byte("a,b,c"), []byte(","), 2))
	fmt.Printf("%q\n", bytes.SplitAfter([]byte("a,b,c"), []byte(",")))
	fmt.Println(bytes.Index(b, []byte("Hello")), bytes.LastIndex(b, []byte("Hello")), bytes.IndexAny(b, "!."), bytes.IndexRune(b, 'G'), bytes.IndexFunc(b, unicode.IsUpper))
	fmt.Println(bytes.HasPrefix(b, []byte("  H")), bytes.HasSuffix(b, []byte(".  ")), bytes.Compare([]byte("a"), []byte("b")), bytes.EqualFold([]byte("Go"), []byte("GO")))
	fmt.Printf("%s|%s|%s\n", bytes.ToUpper(b), bytes.ToLower(b), bytes.Title([]byte("it's a dog")))
	fmt.Printf("%s\n", bytes.ReplaceAll(b, []byte("Hello"), []byte("Bye")))
	fmt.Printf("%s\n", bytes.Replace(b, []byte("l"), []byte("L"), 3))
	fmt.Printf("%s %s %s\n", bytes.Repeat([]byte("ab"), 3), bytes.Trim([]byte("xxhixx"), "x"), bytes.TrimLeft([]byte("xxhixx"), "x"))
	before, after, found := bytes.Cut([]byte("key=value"), []byte("="))
	fmt.Printf("%s %s %v\n", before, after, found)
	rest, ok := bytes.CutPrefix([]byte("prefix-body"), []byte("prefix-"))
	fmt.Printf("%s %v\n", rest, ok)
	fmt.Printf("%s\n", bytes.Map(func(r rune) rune {
		if r == 'o' {
			return '0'
		}
		return r
	}, []byte("foo boo")))
	fmt.Println(bytes.Count([]byte("cheese"), []byte("e")), bytes.Count([]byte("five"), nil), bytes.ContainsRune(b, '!'), bytes.ContainsAny(b, "xyz"))
	fmt.Printf("%q\n", bytes.Runes([]byte("héllo")))
	fmt.Printf("%q\n", bytes.ToValidUTF8([]byte("a\xffb\xfe\xfdc"), []byte("?")))
	for line := range bytes.Lines([]byte("one\ntwo\nthree")) {
		fmt.Printf("%q ", line)
	}
	fmt.Println()
	for part := range bytes.SplitSeq([]byte("a-b-c"), []byte("-")) {
		fmt.Printf("%s ", part)
	}
	for f := range bytes.FieldsSeq([]byte(" x  y ")) {
		fmt.Printf("[%s]", f)
	}
	fmt.Println()
	r, size := utf8.DecodeLastRune([]byte("héllo世"))
	fmt.Println(string(r), size, utf8.RuneStart(0x80), unicode.SimpleFold('k'), unicode.SimpleFold('K'), unicode.SimpleFold('\u212A'), unicode.SimpleFold('1'))
	fmt.Println(unicode.TurkishCase.ToUpper('i'), unicode.TurkishCase.ToLower('I'), unicode.To(unicode.UpperCase, 'q'), unicode.To(7, 'q'))
	fmt.Printf("%s\n", bytes.ToUpperSpecial(unicode.TurkishCase, []byte("istanbul")))
	fmt.Println(bytes.EqualFold([]byte("Straße"), []byte("STRASSE")), bytes.EqualFold([]byte("Kelvin"), []byte("\u212Aelvin")))
}

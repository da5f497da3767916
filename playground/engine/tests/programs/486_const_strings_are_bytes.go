// A string constant is bytes: "\xff" is one byte, kept through a named
// constant, concatenation and copy.
package main

import "fmt"

const init2 = "\xff\xff\xff\xff"
const mixed = "a\xc0" + "\xff" + "\u00e9"

type E struct {
	enc [4]byte
	dec [4]uint8
}

func main() {
	e := new(E)
	n := copy(e.dec[:], init2)
	fmt.Println(n, e.dec, e.dec[1] != 0xff)
	var a [4]byte
	copy(a[:], init2)
	fmt.Println(a)
	s := make([]byte, 4)
	copy(s, init2)
	fmt.Println(s, len(init2), init2[0])
	fmt.Println(len(mixed), []byte(mixed), mixed == "a\xc0\xff\xc3\xa9")
	fmt.Printf("%q %x %v\n", mixed, mixed, []rune(mixed))
	e.enc[0] = 'x'
	copy(e.enc[:], "ab")
	fmt.Println(e.enc)
}

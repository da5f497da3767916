package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// strconv's Append functions, utf8.EncodeRune and strings.Reader.
func main() {
	b := []byte("x=")
	b = strconv.AppendQuote(b, "a\tb")
	b = append(b, ' ')
	b = strconv.AppendBool(b, true)
	b = append(b, ' ')
	b = strconv.AppendUint(b, 255, 16)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, 3.25, 'f', 1, 64)
	b = append(b, ' ')
	b = strconv.AppendQuoteRune(b, '☺')
	b = strconv.AppendQuoteToASCII(b, "é")
	fmt.Println(string(b))

	p := make([]byte, 4)
	for _, r := range []rune{'a', 'é', '世', '😀', -1} {
		n := utf8.EncodeRune(p, r)
		fmt.Println(n, p[:n])
	}

	r := strings.NewReader("hello, reader")
	fmt.Println(r.Len(), r.Size())
	buf := make([]byte, 5)
	for {
		n, err := r.Read(buf)
		fmt.Printf("%d %q %v %d\n", n, buf[:n], err, r.Len())
		if errors.Is(err, io.EOF) {
			break
		}
	}
	c, err := strings.NewReader("z").ReadByte()
	fmt.Println(c, err)

	defer func() { fmt.Println("recovered:", recover()) }()
	utf8.EncodeRune(make([]byte, 2), '世')
}

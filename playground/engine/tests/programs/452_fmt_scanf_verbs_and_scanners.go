// fmt.Sscanf's verbs (%d %x %o %b %c %s %q %v %t %e %%), widths, spaces
// and newlines in the format, and a type with its own Scan method that
// reads through fmt.ScanState (Token, ReadRune, UnreadRune, Width); its
// errors come back from Sscan, an EOF as unexpected EOF.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

type Point struct{ X, Y int }

// Scan reads "(x,y)".
func (p *Point) Scan(st fmt.ScanState, verb rune) error {
	st.SkipSpace()
	r, _, err := st.ReadRune()
	if err != nil {
		return err
	}
	if r != '(' {
		return errors.New("point: want (")
	}
	_, err = fmt.Fscanf(st, "%d,%d)", &p.X, &p.Y)
	return err
}

type Upper string

func (u *Upper) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, func(r rune) bool { return r >= 'a' && r <= 'z' })
	if err != nil {
		return err
	}
	w, ok := st.Width()
	*u = Upper(strings.ToUpper(string(tok)) + fmt.Sprint(w, ok))
	return nil
}

func main() {
	var a, b, c int
	var s, t string
	var r rune
	var f float64
	var ok bool
	show := func(n int, err error, v ...any) {
		fmt.Println(n, err, fmt.Sprint(v...))
	}
	n, err := fmt.Sscanf("ff 17 101", "%x %o %b", &a, &b, &c)
	show(n, err, a, b, c)
	n, err = fmt.Sscanf("12345678", "%3d%2d%d", &a, &b, &c)
	show(n, err, a, b, c)
	n, err = fmt.Sscanf("abcdef", "%3s%s", &s, &t)
	show(n, err, s, t)
	n, err = fmt.Sscanf("x y", "%c%c%c", &a, &b, &r)
	show(n, err, a, b, r)
	n, err = fmt.Sscanf("50% off", "%d%% off", &a)
	show(n, err, a)
	n, err = fmt.Sscanf("50 off", "%d%% off", &a)
	show(n, err, a)
	n, err = fmt.Sscanf("T 1e3 'x'", "%t %e %q", &ok, &f, &s)
	show(n, err, ok, f, s)
	n, err = fmt.Sscanf("0x1f 0b11 0o17 017 1_000", "%v %v %v %v %v", &a, &b, &c, &a, &b)
	show(n, err, a, b, c)
	n, err = fmt.Sscanf("1   2", "%d %d", &a, &b)
	show(n, err, a, b)
	n, err = fmt.Sscanf("12", "%d %d", &a, &b)
	show(n, err)
	n, err = fmt.Sscanf("1\n\n2", "%d\n%d", &a, &b)
	show(n, err)
	n, err = fmt.Sscanf("1\n2", "%d\n%d", &a, &b)
	show(n, err, a, b)
	n, err = fmt.Sscanf("1 2", "%d\n%d", &a, &b)
	show(n, err)
	n, err = fmt.Sscanf("5", "%d%", &a)
	show(n, err)
	n, err = fmt.Sscanf("5", "%s", &a)
	show(n, err)
	n, err = fmt.Sscanf("5", "%d", &s)
	show(n, err)
	n, err = fmt.Sscanf("5", "%z", &a)
	show(n, err)
	n, err = fmt.Sscanf("U+1F600", "%U", &r)
	show(n, err, string(r))
	n, err = fmt.Sscanf("zz", "%x", &s)
	show(n, err, s)
	n, err = fmt.Sscanf("6869", "%x", &s)
	show(n, err, s)

	var p, q Point
	n, err = fmt.Sscan("(1,2) (30,-4)", &p, &q)
	show(n, err, p, q)
	n, err = fmt.Sscan("[1,2]", &p)
	show(n, err)
	n, err = fmt.Sscan("(1,", &p)
	show(n, err, errors.Is(err, io.ErrUnexpectedEOF))
	n, err = fmt.Sscan("   ", &p)
	show(n, err)
	var u Upper
	n, err = fmt.Sscan("hello, world", &u)
	show(n, err, u)
	n, err = fmt.Sscanf("golang", "%3v", &u)
	show(n, err, u)

	// Reading numbers until the input runs out, as learners do.
	rd := strings.NewReader("3 1 4\n1 5\n")
	sum := 0
	for {
		var x int
		_, err := fmt.Fscan(rd, &x)
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		sum += x
	}
	fmt.Println("sum", sum)

	rd = strings.NewReader("alice 30\nbob\ncarol 41 extra\n")
	for {
		var name string
		var age int
		n, err := fmt.Fscanln(rd, &name, &age)
		if err == io.EOF {
			break
		}
		fmt.Println(n, err, name, age)
	}
}

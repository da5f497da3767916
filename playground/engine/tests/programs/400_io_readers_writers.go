// Package io as learners use it: readers and writers composed, copies,
// limits, full reads and their errors, strings.Reader and
// strings.Builder as io types.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// upper is a Writer of the program's own.
type upper struct{ sb strings.Builder }

func (u *upper) Write(p []byte) (int, error) {
	u.sb.WriteString(strings.ToUpper(string(p)))
	return len(p), nil
}

// slow returns one byte per Read.
type slow struct{ s string }

func (r *slow) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

// failing fails after n bytes.
type failing struct{ n int }

var errBoom = errors.New("boom")

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errBoom
	}
	f.n -= len(p)
	return len(p), nil
}

func main() {
	b, err := io.ReadAll(strings.NewReader("hello, reader"))
	fmt.Printf("%q %v\n", b, err)
	b, err = io.ReadAll(&slow{"one byte at a time"})
	fmt.Printf("%q %v\n", b, err)

	var sb strings.Builder
	n, err := io.Copy(&sb, strings.NewReader("copied"))
	fmt.Println(n, err, sb.String())

	n, err = io.CopyN(os.Stdout, strings.NewReader("0123456789\n"), 4)
	fmt.Println()
	fmt.Println(n, err)
	n, err = io.CopyN(io.Discard, strings.NewReader("abc"), 10)
	fmt.Println(n, err, err == io.EOF)

	u := &upper{}
	var plain strings.Builder
	w := io.MultiWriter(u, &plain)
	fmt.Fprintf(w, "multi %d\n", 2)
	io.WriteString(w, "write string\n")
	fmt.Print(u.sb.String(), plain.String())

	r := io.MultiReader(strings.NewReader("first "), &slow{"second "}, strings.NewReader("third"))
	b, _ = io.ReadAll(r)
	fmt.Printf("%s\n", b)

	var seen strings.Builder
	t := io.TeeReader(strings.NewReader("teed"), &seen)
	b, _ = io.ReadAll(t)
	fmt.Println(string(b), seen.String())

	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	b, _ = io.ReadAll(lr)
	fmt.Printf("%q\n", b)

	buf := make([]byte, 4)
	k, err := io.ReadFull(strings.NewReader("ab"), buf)
	fmt.Println(k, err, err == io.ErrUnexpectedEOF)
	k, err = io.ReadFull(strings.NewReader(""), buf)
	fmt.Println(k, err, err == io.EOF)
	k, err = io.ReadFull(&slow{"abcdef"}, buf)
	fmt.Println(k, err, string(buf))
	k, err = io.ReadAtLeast(strings.NewReader("xyz"), buf, 2)
	fmt.Println(k, err)
	k, err = io.ReadAtLeast(strings.NewReader("xyz"), buf[:1], 2)
	fmt.Println(k, err)

	sr := io.NewSectionReader(strings.NewReader("0123456789"), 2, 5)
	b, _ = io.ReadAll(sr)
	fmt.Println(string(b), sr.Size())

	n, err = io.Copy(&failing{5}, strings.NewReader("more than five"))
	fmt.Println(n, err)
	n, err = io.CopyBuffer(io.Discard, strings.NewReader("buffered copy"), make([]byte, 3))
	fmt.Println(n, err)

	var rw io.ReadWriter = struct {
		io.Reader
		io.Writer
	}{strings.NewReader("rw"), os.Stdout}
	io.Copy(rw, rw)
	fmt.Println()
	fmt.Println(io.EOF, io.ErrUnexpectedEOF, io.ErrShortWrite, io.ErrClosedPipe)
	rc := io.NopCloser(strings.NewReader("nop"))
	fmt.Println(rc.Close())
	fmt.Printf("%T\n", io.Discard)
}

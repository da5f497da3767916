package main

import "fmt"

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Write(s string) { b.data = append(b.data, s) }
func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func pump(r Reader, w Writer) {
	for s := r.Read(); s != ""; s = r.Read() {
		w.Write(s + "!")
	}
}

func main() {
	var rw ReadWriter = &Buffer{}
	rw.Write("a")
	rw.Write("b")
	out := &Buffer{}
	pump(rw, out)
	fmt.Println(out.data)
	var r Reader = rw
	_, isWriter := r.(Writer)
	fmt.Println(isWriter)
}

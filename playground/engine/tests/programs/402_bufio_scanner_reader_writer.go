// Package bufio as learners use it: a Scanner over lines, words and
// runes, a custom split function, a token too long for the buffer and a
// bigger Buffer; a Reader's ReadString, ReadLine, Peek and ReadRune; a
// Writer that must be flushed; bytes.Buffer and bytes.Reader as io types.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("first line\nsecond line\r\n\nlast without newline"))
	for sc.Scan() {
		fmt.Printf("%q\n", sc.Text())
	}
	fmt.Println(sc.Err())

	sc = bufio.NewScanner(strings.NewReader("  words  split\tby\nspace  "))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
		fmt.Print(sc.Text(), "|")
	}
	fmt.Println(n)

	sc = bufio.NewScanner(strings.NewReader("héllo, 世界\xff"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Bytes())
	}
	fmt.Println()

	sc = bufio.NewScanner(strings.NewReader("a,b,,c"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		if i := bytes.IndexByte(data, ','); i >= 0 {
			return i + 1, data[:i], nil
		}
		if atEOF && len(data) > 0 {
			return len(data), data, bufio.ErrFinalToken
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("[%s]", sc.Text())
	}
	fmt.Println(sc.Err())

	long := strings.Repeat("x", 100) + "\nshort\n"
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 16), 64)
	for sc.Scan() {
		fmt.Println("token", len(sc.Text()))
	}
	fmt.Println(sc.Err(), errors.Is(sc.Err(), bufio.ErrTooLong))
	sc = bufio.NewScanner(strings.NewReader(long))
	sc.Buffer(make([]byte, 16), 1024)
	for sc.Scan() {
		fmt.Println("token", len(sc.Text()))
	}
	fmt.Println(sc.Err())

	big := strings.Repeat("y", bufio.MaxScanTokenSize+1)
	sc = bufio.NewScanner(strings.NewReader(big))
	fmt.Println(sc.Scan(), sc.Err())

	r := bufio.NewReader(strings.NewReader("alpha\nbeta\ngamma"))
	for {
		line, err := r.ReadString('\n')
		fmt.Printf("%q %v\n", line, err)
		if err != nil {
			break
		}
	}
	r = bufio.NewReaderSize(strings.NewReader("peek at this\nnext line\n"), 16)
	p, err := r.Peek(4)
	fmt.Printf("%q %v\n", p, err)
	_, err = r.Peek(100)
	fmt.Println(err)
	ru, size, _ := r.ReadRune()
	fmt.Println(string(ru), size, r.Buffered())
	r.UnreadRune()
	l, prefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", l, prefix, err)
	b, _ := r.ReadBytes('\n')
	fmt.Printf("%q\n", b)
	_, err = r.ReadByte()
	fmt.Println(err)

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "buffered %d\n", 1)
	w.WriteString("buffered 2\n")
	fmt.Println("printed before the flush", w.Buffered(), w.Available())
	w.Flush()

	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("bytes "))
	buf.WriteByte('!')
	buf.WriteRune('é')
	fmt.Fprintf(&buf, " %d", 42)
	fmt.Println(buf.String(), buf.Len())
	head := make([]byte, 6)
	k, _ := buf.Read(head)
	fmt.Printf("%q %d %q\n", head[:k], buf.Len(), buf.Bytes())
	s, err := buf.ReadString('!')
	fmt.Printf("%q %v\n", s, err)
	buf.Reset()
	k2, err := buf.Read(head)
	fmt.Println(k2, err)
	nb := bytes.NewBufferString("line one\nline two\n")
	sc = bufio.NewScanner(nb)
	for sc.Scan() {
		fmt.Println("from buffer:", sc.Text())
	}
	var out bytes.Buffer
	io.Copy(&out, strings.NewReader("copied into a buffer"))
	out.WriteTo(os.Stdout)
	fmt.Println()
	br := bytes.NewReader([]byte("bytes reader"))
	fmt.Println(br.Len(), br.Size())
	part := make([]byte, 5)
	br.ReadAt(part, 6)
	fmt.Printf("%s\n", part)
	br.Seek(-6, io.SeekEnd)
	rest, _ := io.ReadAll(br)
	fmt.Printf("%s\n", rest)
	var sb strings.Builder
	bw := bufio.NewWriterSize(&sb, 4)
	bw.WriteString("more than four bytes")
	fmt.Printf("%q\n", sb.String())
	bw.Flush()
	fmt.Printf("%q\n", sb.String())
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in")), bufio.NewWriter(os.Stdout))
	line, _ := rw.ReadString('\n')
	rw.WriteString(line + " and out\n")
	rw.Flush()
}

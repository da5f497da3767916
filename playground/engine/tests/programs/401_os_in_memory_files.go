// Package os over the run's own files: create, open with flags, read,
// write, seek, directories, removal, and the errors as Go prints them.
// (Recorded from real Go in a scratch directory.)
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

func main() {
	_, err := os.Open("nope.txt")
	fmt.Println(err)
	fmt.Printf("%T %v %v\n", err, errors.Is(err, fs.ErrNotExist), os.IsNotExist(err))
	f, err := os.Create("a.txt")
	fmt.Println(err, f.Name())
	n, err := f.WriteString("hello, file\nline two\n")
	fmt.Println(n, err)
	fmt.Fprintf(f, "%d and %s\n", 42, "more")
	f.Close()
	fmt.Println(f.Close())
	_, err = f.Write([]byte("x"))
	fmt.Println(err)
	b, err := os.ReadFile("a.txt")
	fmt.Printf("%q %v\n", b, err)
	g, _ := os.Open("a.txt")
	buf := make([]byte, 5)
	n, err = g.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	off, err := g.Seek(-4, io.SeekEnd)
	fmt.Println(off, err)
	rest, err := io.ReadAll(g)
	fmt.Printf("%q %v\n", rest, err)
	_, err = g.Write([]byte("no"))
	fmt.Println(err)
	fi, err := os.Stat("a.txt")
	fmt.Println(fi.Name(), fi.Size(), fi.Mode(), fi.IsDir(), err)
	fmt.Println(os.Mkdir("d", 0755))
	fmt.Println(os.Mkdir("d", 0755))
	fmt.Println(os.MkdirAll("d/e/f", 0755))
	fmt.Println(os.WriteFile("d/e/x.txt", []byte("x"), 0644))
	fmt.Println(os.WriteFile("d/b.txt", []byte("bb"), 0600))
	es, err := os.ReadDir("d")
	for _, e := range es {
		info, _ := e.Info()
		fmt.Println(e.Name(), e.IsDir(), e.Type(), info.Size(), info.Mode())
	}
	fmt.Println(err)
	fmt.Println(os.Remove("d"))
	fmt.Println(os.Remove("nope"))
	_, err = os.ReadDir("a.txt")
	fmt.Println(err)
	_, err = os.ReadFile("d")
	fmt.Println(err)
	fmt.Println(os.RemoveAll("d"))
	_, err = os.Stat("d/e")
	fmt.Println(err, os.IsNotExist(err))
	fmt.Println(os.RemoveAll("d"))
	h, err := os.OpenFile("log.txt", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0644)
	fmt.Println(err)
	h.WriteString("one\n")
	h.WriteString("two\n")
	h.Close()
	h, _ = os.OpenFile("log.txt", os.O_APPEND|os.O_WRONLY, 0644)
	h.WriteString("three\n")
	h.Close()
	b, _ = os.ReadFile("log.txt")
	fmt.Print(string(b))
	_, err = os.OpenFile("log.txt", os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0644)
	fmt.Println(err, os.IsExist(err), errors.Is(err, fs.ErrExist))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err)
	}
	_, err = os.Create("missing/dir/file")
	fmt.Println(err)
	_, err = os.Create("a.txt/sub")
	fmt.Println(err)
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Stdout.WriteString("to stdout\n")
	in, err := io.ReadAll(os.Stdin)
	fmt.Println(len(in), err)
	fmt.Println(os.Getenv("HOME") == "", len(os.Args))
	os.Remove("a.txt")
	os.Remove("log.txt")
}

// io.Pipe between goroutines: each Write blocks until readers have
// taken all of it, so the writer and the reader take turns (only the
// reader prints, so the output is the same on any number of Ps);
// fmt.Fprintf writes through the pipe too. Then a reader waits on a pipe nobody
// writes to: the deadlock's dump shows the select inside io.(*pipe).read.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	pr, pw := io.Pipe()
	done := make(chan bool)
	go func() {
		total := 0
		for i := 1; i <= 3; i++ {
			n, _ := fmt.Fprintf(pw, "line %d\n", i)
			total += n
		}
		pw.Write([]byte(fmt.Sprint("total ", total, "\n")))
		pw.CloseWithError(io.ErrShortWrite)
		done <- true
	}()
	buf := make([]byte, 64)
	for {
		n, err := pr.Read(buf)
		if err != nil {
			fmt.Println("read error:", err)
			break
		}
		fmt.Printf("read %q\n", buf[:n])
	}
	<-done

	pr, pw = io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		fmt.Fprintln(w, "buffered")
		w.Flush()
		pw.Close()
	}()
	io.Copy(os.Stdout, pr)
	_, err := pw.Write([]byte("late"))
	fmt.Println(err)

	pr2, pw2 := io.Pipe()
	go func() {
		pw2.Write([]byte("nobody reads this"))
	}()
	_ = pr2
	b := make([]byte, 1)
	stuck, _ := io.Pipe()
	stuck.Read(b)
}

// fmt.Scan, Scanln and Scanf read standard input (451_fmt_scan_stdin.stdin
// is piped in): each call reads a byte at a time and keeps nothing, so a
// Scan leaves the input just after the space that ended its value, and
// bufio and io.ReadAll over os.Stdin then read what is left.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	var n int
	fmt.Scan(&n)
	sum := 0
	for i := 0; i < n; i++ {
		var x int
		if _, err := fmt.Scan(&x); err != nil {
			fmt.Println("err", err)
			return
		}
		sum += x
	}
	fmt.Println("sum", sum)
	var name string
	var age int
	c, err := fmt.Scanln(&name, &age)
	fmt.Println(c, err, name, age)
	c, err = fmt.Scanln(&name, &age)
	fmt.Println(c, err, name, age)
	c, err = fmt.Scanf("%d,%d\n", &n, &age)
	fmt.Println(c, err, n, age)
	rd := bufio.NewReader(os.Stdin)
	line, err := rd.ReadString('\n')
	fmt.Printf("%q %v\n", line, err)
	rest, _ := io.ReadAll(rd)
	fmt.Printf("%q\n", rest)
	c, err = fmt.Scan(&n)
	fmt.Println(c, err)
}

// Appends to an in-memory file for ever: the file system's budget stops
// it (the files live in the run, not on the host).
// run: fs_budget=1048576
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	f, err := os.Create("grow.txt")
	if err != nil {
		panic(err)
	}
	line := strings.Repeat("x", 99) + "\n"
	for i := 0; ; i++ {
		f.WriteString(line)
		if i%2000 == 0 {
			fmt.Println("lines", i)
		}
	}
}

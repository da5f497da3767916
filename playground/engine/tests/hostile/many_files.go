// Writes file after file in new directories, with the default budgets:
// the file system's budget stops it before the heap's.
package main

import (
	"fmt"
	"os"
)

func main() {
	data := make([]byte, 64<<10)
	for i := 0; ; i++ {
		dir := fmt.Sprint("d", i%100)
		os.MkdirAll(dir, 0755)
		if err := os.WriteFile(fmt.Sprint(dir, "/f", i), data, 0644); err != nil {
			panic(err)
		}
	}
}

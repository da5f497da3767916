// args: -v -x rest
// An undefined flag on the command line: flag.Parse prints the error and
// the usage to stderr and exits with status 2, before main goes on.
package main

import (
	"flag"
	"fmt"
)

func main() {
	v := flag.Bool("v", false, "verbose output")
	level := flag.Int("level", 0, "the `depth` to go to")
	flag.Parse()
	fmt.Println("not reached", *v, *level)
}

// The smallest program, with a grouped import and a renamed one.
package main

import (
	"fmt"
	str "strings"
)

func main() {
	fmt.Println("hello,", str.ToUpper("world"))
}

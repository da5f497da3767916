// fidelity: unsupported
package main

import (
	"fmt"
	"unsafe"
)

type header struct {
	a int32
	b int64
}

func main() {
	fmt.Println(unsafe.Sizeof(header{}), unsafe.Alignof(int64(0)), unsafe.Offsetof(header{}.b))
}

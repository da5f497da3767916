package main

import "fmt"

func main() {
	fmt.Println(u1, u2, u3, u4, u5, u6, u7, u8, u9, u10, u11, u12)
}

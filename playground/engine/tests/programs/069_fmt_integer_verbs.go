package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("%d|%5d|%-5d|%05d|%+d\n", n, n, n, n, n)
	fmt.Printf("%x|%X|%#x|%#X|%08x\n", n, n, n, n, n)
	fmt.Printf("%o|%#o|%O|%b|%#b\n", n, n, n, n, n)
	fmt.Printf("%d|%x|%b\n", -n, -n, -5)
	fmt.Printf("%c|%c|%q|%U|%#U\n", 65, 0x4E16, 'x', 0x1F600, 'é')
	fmt.Printf("% d|% d|%+05d|%-+6d|\n", 7, -7, 42, 3)
	var u8 uint8 = 200
	var i64 int64 = -1 << 40
	fmt.Printf("%d %x %d %v\n", u8, u8, i64, i64)
	fmt.Printf("%3c|%-3c|%6.3d|%.0d|\n", 'a', 'b', 7, 0)
	fmt.Printf("%x %X\n", uint64(1<<63), int8(-128))
}

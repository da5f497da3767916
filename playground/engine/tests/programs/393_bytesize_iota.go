// Effective Go's ByteSize: typed float constants from 1 << (10 * iota),
// up to YB = 1 << 80; untyped iota shifts to 1 << 500 stay exact.
package main

import "fmt"

type ByteSize float64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
	PB
	EB
	ZB
	YB
)

func (b ByteSize) String() string {
	switch {
	case b >= YB:
		return fmt.Sprintf("%.2fYB", b/YB)
	case b >= ZB:
		return fmt.Sprintf("%.2fZB", b/ZB)
	case b >= KB:
		return fmt.Sprintf("%.2fKB", b/KB)
	}
	return fmt.Sprintf("%.2fB", b)
}

const (
	a = 1 << (100 * iota)
	b
	c
	d
	e
	f
)

func main() {
	fmt.Println(YB, ZB, KB, ByteSize(1e30), float64(YB))
	fmt.Println(f>>500, e/d/(1<<90), c%1000007, a+b > 0)
	switch x := uint64(1 << 63); x {
	case 1 << 63:
		fmt.Println("top bit", x)
	}
	var arr [c >> 195]int
	fmt.Println(len(arr), float32(b), float64(f))
}

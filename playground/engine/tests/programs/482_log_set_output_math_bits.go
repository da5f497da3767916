package main

import (
	"fmt"
	"log"
	"math/bits"
	"os"
	"strings"
)

func main() {
	log.SetFlags(0)
	log.Println("to stderr")
	log.SetOutput(os.Stdout)
	log.SetPrefix("app: ")
	log.Printf("to stdout %d", 1)
	var sb strings.Builder
	log.SetOutput(&sb)
	log.Print("into a builder")
	log.SetFlags(log.Lmsgprefix)
	log.Print("msgprefix")
	fmt.Printf("%q\n", sb.String())
	log.SetOutput(os.Stderr)
	log.Println("back to stderr")
	fmt.Println(bits.OnesCount(255), bits.OnesCount8(7), bits.OnesCount32(1<<31), bits.Len(1024), bits.Len8(0), bits.LeadingZeros32(1), bits.LeadingZeros8(1))
	fmt.Println(bits.TrailingZeros(8), bits.TrailingZeros16(0), bits.TrailingZeros32(0), bits.RotateLeft8(0x81, 1), bits.RotateLeft32(1, -1), bits.RotateLeft(1, 63))
	fmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(1), bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678), bits.ReverseBytes64(0x0102030405060708))
	hi, lo := bits.Mul(1<<63, 4)
	fmt.Println(hi, lo)
	sum, carry := bits.Add(^uint(0), 1, 0)
	diff, borrow := bits.Sub(0, 1, 0)
	d32, b32 := bits.Sub32(0, 1, 0)
	fmt.Println(sum, carry, diff, borrow, d32, b32, bits.UintSize)
	log.Fatalln("fatal", "end")
}

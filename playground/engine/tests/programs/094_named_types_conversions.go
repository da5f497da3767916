package main

import "fmt"

type Meters float64
type Feet float64
type Names []string
type Lookup map[string]int
type Op func(int, int) int

func (m Meters) ToFeet() Feet { return Feet(m * 3.28084) }
func (n Names) Len() int       { return len(n) }

func main() {
	m := Meters(100)
	fmt.Printf("%.2f %T\n", m.ToFeet(), m.ToFeet())
	var raw float64 = float64(m) + 1
	fmt.Println(raw)
	ns := Names{"a", "b"}
	var plain []string = ns
	fmt.Println(ns.Len(), len(plain), Names(plain).Len())
	l := Lookup{"x": 1}
	l["y"] = 2
	fmt.Println(l, len(l))
	var add Op = func(a, b int) int { return a + b }
	fmt.Println(add(2, 3))
	type Celsius int
	c := Celsius(30)
	fmt.Printf("%v %T\n", c, c)
	b := []byte("hi")
	s := string(b)
	r := []rune("héllo")
	fmt.Println(s, len(r), string(r[1:3]))
	fmt.Println(string(rune(0x263A)), int('A'), byte(300%256))
	var i8 int8 = int8(-1)
	fmt.Println(uint16(i8), int64(i8), uint8(i8))
}

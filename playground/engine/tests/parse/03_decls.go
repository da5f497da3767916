package main

import "fmt"

const Pi = 3.14159

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const a, b = 1, "two"

var (
	x, y int
	z    = 3
	w    float64 = 2.5
)

var counter int

type (
	Celsius    float64
	Fahrenheit = float64
	Point      struct{ X, Y int }
)

type Alias = Point

func main() {
	const local = 7
	var v, u = 1, 2
	type pair struct{ a, b int }
	p := pair{v, u}
	fmt.Println(Pi, KB, MB, GB, Sunday, Monday, Tuesday, Thursday, a, b, x, y, z, w, counter, local, p)
	fmt.Println(Celsius(1), Fahrenheit(2), Point{1, 2}, Alias{3, 4})
}

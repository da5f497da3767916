// Printing structs, pointers, nested values and Stringers with fmt verbs.
package main

import (
	"fmt"
	"time"
)

type Point struct{ X, Y int }

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string { return [...]string{"DEBUG", "INFO", "WARN"}[l] }

type Event struct {
	At    time.Duration
	Level Level
	Where *Point
	Tags  map[string]string
}

func main() {
	e := Event{At: 1500 * time.Millisecond, Level: Warn, Where: &Point{3, 4}, Tags: map[string]string{"b": "2", "a": "1"}}
	fmt.Printf("%v\n%+v\n", e.Level, *e.Where)
	fmt.Printf("%#v\n", Point{1, 2})
	fmt.Printf("%v %d %s %q\n", e.At, e.Level, e.Level, "hi")
	fmt.Printf("%v\n", e.Tags)
	fmt.Printf("%08.3f|%-5d|%5s|%x|%X|%o|%b\n", 3.14159, 42, "go", 255, "hi", 8, 5)
	fmt.Printf("%T %T %T\n", e, e.Where, e.Tags)
	fmt.Println([]any{1, "a", nil, 2.5, true, Info})
}

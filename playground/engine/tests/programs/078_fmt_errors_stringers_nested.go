package main

import (
	"errors"
	"fmt"
)

type Level int

func (l Level) String() string { return [...]string{"LOW", "MID", "HIGH"}[l] }

type Alert struct {
	L   Level
	Err error
}

type E struct{}

func (E) Error() string { return "E!" }

type both struct{}

func (both) Error() string  { return "as error" }
func (both) String() string { return "as stringer" }

func main() {
	a := Alert{2, errors.New("overheat")}
	fmt.Println(a)
	fmt.Printf("%+v\n", a)
	fmt.Println([]Level{0, 1}, map[Level]string{1: "m", 0: "l"})
	fmt.Println([]error{E{}, nil})
	fmt.Println(both{})
	fmt.Printf("%s %v %d\n", Level(1), Level(1), Level(1))
	fmt.Printf("%x %q\n", Level(0), E{})
	fmt.Println(&a)
}

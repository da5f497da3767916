package main

import "fmt"

type Base struct{ ID int }

func (b Base) Hello() string { return fmt.Sprint("base ", b.ID) }
func (b Base) Kind() string  { return "base" }

type Mid struct {
	Base
	ID string
}

func (m Mid) Kind() string { return "mid/" + m.Base.Kind() }

type Top struct {
	Mid
}

func main() {
	t := Top{Mid{Base{7}, "m"}}
	fmt.Println(t.ID, t.Base.ID, t.Mid.Base.ID)
	fmt.Println(t.Hello(), t.Kind())
	fmt.Printf("%+v\n", t)
	fmt.Printf("%v\n", t)
}

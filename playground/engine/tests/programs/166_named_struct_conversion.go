package main

import "fmt"

type Celsius struct{ Deg float64 }
type Kelvin struct{ Deg float64 }

type Base struct {
	ID   int
	Name string
}

type Alias = Base
type Copy Base

func (c Copy) Describe() string { return fmt.Sprintf("copy #%d %s", c.ID, c.Name) }

func main() {
	c := Celsius{21.5}
	k := Kelvin(c)
	k.Deg += 273.15
	fmt.Println(c, k)
	var a Alias = Base{1, "one"}
	fmt.Printf("%T %v\n", a, a)
	cp := Copy(a)
	fmt.Println(cp.Describe())
	fmt.Printf("%T %+v\n", cp, cp)
	back := Base(cp)
	fmt.Println(back == a)
}

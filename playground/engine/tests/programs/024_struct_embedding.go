package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string {
	return fmt.Sprintf("%s has %d legs", a.Name, a.Legs)
}

func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

type Loud struct {
	*Dog
	Volume int
}

func main() {
	d := Dog{Animal{"Rex", 4}, "lab"}
	fmt.Println(d.Name, d.Animal.Legs, d.Describe())
	d.Rename("Max")
	fmt.Println(d.Name)
	fmt.Printf("%+v\n", d)
	l := Loud{&d, 11}
	l.Rename("Buddy")
	fmt.Println(d.Name, l.Describe(), l.Volume)
}

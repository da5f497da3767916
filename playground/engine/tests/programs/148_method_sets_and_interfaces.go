package main

import "fmt"

type Speaker interface{ Speak() string }

type Dog struct{ name string }

func (d Dog) Speak() string { return d.name + " says woof" }

type Robot struct{ id int }

func (r *Robot) Speak() string { return fmt.Sprintf("robot %d beeps", r.id) }

type Wrapper struct{ *Robot }

func announce(s Speaker) { fmt.Println(s.Speak()) }

func main() {
	d := Dog{"rex"}
	announce(d)
	announce(&d)
	r := &Robot{7}
	announce(r)
	announce(Wrapper{r})
	var s Speaker = &d
	d.name = "max"
	announce(s)
	s = d
	d.name = "ace"
	announce(s)
	f := s.Speak
	s = r
	fmt.Println(f(), s.Speak())
}

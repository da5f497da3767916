package main

import "fmt"

type Person struct {
	Name string
	Age  int
	tags []string
}

func main() {
	p := Person{Name: "Ada", Age: 36}
	q := p
	q.Name = "Grace"
	fmt.Println(p, q)
	fmt.Printf("%v\n%+v\n", p, q)
	r := Person{"Linus", 21, []string{"kernel"}}
	fmt.Println(r.Name, r.Age, r.tags)
	var zero Person
	fmt.Printf("%+v %v\n", zero, zero.tags == nil)
	pp := &p
	pp.Age++
	fmt.Println(p.Age, (*pp).Age)
	fmt.Println(p.Name == "Ada", q.Age == 36)
	anon := struct {
		X, Y int
	}{3, 4}
	fmt.Println(anon, anon.X*anon.Y)
	empty := struct{}{}
	fmt.Println(empty)
}

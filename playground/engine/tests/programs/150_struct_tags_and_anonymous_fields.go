package main

import "fmt"

type Meta struct {
	Version int `json:"version"`
}

type Doc struct {
	Meta
	Title string `json:"title"`
	Body  string
	int
}

func main() {
	d := Doc{Meta{2}, "title", "body", 7}
	fmt.Printf("%v\n%+v\n", d, d)
	fmt.Println(d.Version, d.int)
	d.int++
	d.Meta.Version = 3
	fmt.Println(d)
	type point struct{ x, y int }
	pts := map[string]struct{ x, y int }{"a": {1, 2}}
	fmt.Println(pts["a"] == point{1, 2})
}

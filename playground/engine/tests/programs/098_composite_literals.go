package main

import "fmt"

type Point struct{ X, Y int }
type Line struct{ A, B Point }

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	pp := &Point{X: 9}
	fmt.Println(p, q, *pp)
	lines := []Line{{Point{0, 0}, Point{1, 1}}, {A: Point{2, 2}}}
	fmt.Println(lines)
	pts := []*Point{{1, 1}, {2, 2}}
	fmt.Println(*pts[0], pts[1].X)
	mp := map[string]Point{"o": {}, "x": {1, 0}}
	fmt.Println(mp)
	mk := map[Point]string{{1, 2}: "a"}
	fmt.Println(mk)
	arr := [...]Point{{1, 1}, 3: {3, 3}}
	fmt.Println(len(arr), arr)
	nested := [][]Point{{{1, 2}}, {}}
	fmt.Println(nested)
	anon := []struct {
		Name string
		N    int
	}{{"a", 1}, {"b", 2}}
	fmt.Println(anon, anon[1].Name)
	ms := map[string][]int{"a": {1, 2}}
	fmt.Println(ms)
	e := struct{}{}
	set := map[string]struct{}{"x": e, "y": {}}
	_, has := set["x"]
	fmt.Println(len(set), has, set)
	fn := []func() int{func() int { return 1 }}
	fmt.Println(fn[0]())
	idx := []string{5: "five", 2: "two"}
	fmt.Printf("%q %d\n", idx, len(idx))
}

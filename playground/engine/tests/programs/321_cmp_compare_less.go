package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

type task struct {
	name     string
	priority int
	cost     float64
}

func main() {
	tasks := []task{{"b", 2, 1.5}, {"a", 2, 0.5}, {"c", 1, math.NaN()}, {"d", 3, 2}, {"e", 1, -0.0}}
	slices.SortFunc(tasks, func(x, y task) int {
		if c := cmp.Compare(y.priority, x.priority); c != 0 {
			return c
		}
		return strings.Compare(x.name, y.name)
	})
	fmt.Println(tasks)
	slices.SortStableFunc(tasks, func(x, y task) int { return cmp.Compare(x.cost, y.cost) })
	for _, t := range tasks {
		fmt.Print(t.name, " ")
	}
	fmt.Println()
	fmt.Println(cmp.Compare("go", "gopher"), cmp.Less(3, 2), cmp.Less(math.NaN(), 1.0), cmp.Compare(uint8(200), uint8(7)))
	fmt.Println(cmp.Compare(math.NaN(), math.NaN()), cmp.Less(-1, 1))
}

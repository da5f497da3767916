// slices.SortFunc (pdqsort) and slices.SortStableFunc on records with
// ties, counting cmp calls; a one-key and a two-key order.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Task struct {
	ID   int
	Prio int
	Tag  string
}

func tasks() []Task {
	tags := []string{"io", "cpu", "net"}
	ts := make([]Task, 64)
	for i := range ts {
		ts[i] = Task{ID: i, Prio: (i*i + 3*i) % 4, Tag: tags[(i*7)%3]}
	}
	return ts
}

func ids(ts []Task) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%d:%d ", t.ID, t.Prio)
	}
	return b.String()
}

// compare is cmp.Compare for ints.
func compare(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func main() {
	calls := 0
	byPrio := func(a, b Task) int {
		calls++
		return compare(a.Prio, b.Prio)
	}
	ts := tasks()
	slices.SortFunc(ts, byPrio)
	fmt.Println("SortFunc calls:", calls)
	fmt.Println(ids(ts))

	calls = 0
	ts = tasks()
	slices.SortStableFunc(ts, byPrio)
	fmt.Println("SortStableFunc calls:", calls)
	fmt.Println(ids(ts))

	calls = 0
	ts = tasks()
	slices.SortFunc(ts, func(a, b Task) int {
		calls++
		if c := strings.Compare(a.Tag, b.Tag); c != 0 {
			return c
		}
		return compare(b.Prio, a.Prio)
	})
	fmt.Println("two keys calls:", calls)
	for _, t := range ts[:16] {
		fmt.Print(t.Tag, "/", t.Prio, "/", t.ID, " ")
	}
	fmt.Println()

	// Every call, on a short slice.
	xs := []string{"b", "a", "B", "c", "A"}
	slices.SortFunc(xs, func(a, b string) int {
		fmt.Printf("cmp(%s,%s) ", a, b)
		return strings.Compare(strings.ToLower(a), strings.ToLower(b))
	})
	fmt.Println()
	fmt.Println(xs)
}

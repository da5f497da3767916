// What a swap moves: struct values with array fields, pointers into the
// slice (they see the new element), a value-receiver sort.Interface, byte
// slices.
package main

import (
	"fmt"
	"slices"
	"sort"
)

type Cell struct {
	Key  int
	Tags [3]byte
	Pos  [2]int
}

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

// desc reverses byLen, as sort.Reverse would.
type desc struct{ b byLen }

func (d desc) Len() int           { return d.b.Len() }
func (d desc) Less(i, j int) bool { return d.b.Less(j, i) }
func (d desc) Swap(i, j int)      { d.b.Swap(i, j) }

func main() {
	cs := make([]Cell, 30)
	for i := range cs {
		cs[i] = Cell{Key: (i * 7) % 4, Tags: [3]byte{'a' + byte(i%26), 'x', byte('0' + i%10)}, Pos: [2]int{i, -i}}
	}
	first := &cs[0]
	tags := &cs[1].Tags
	sort.Slice(cs, func(i, j int) bool { return cs[i].Key < cs[j].Key })
	for _, c := range cs {
		fmt.Printf("%d%s%v ", c.Key, c.Tags[:], c.Pos)
	}
	fmt.Println()
	fmt.Println("first:", first.Key, string(first.Tags[:]), first.Pos, "tags:", string(tags[:]))

	words := byLen{"ccc", "a", "bb", "dddd", "ee", "f", "ggg", "hh", "i", "jjjj", "kk", "l", "mmm", "n", "oo"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Stable(desc{words})
	fmt.Println(words)

	bs := []byte("the quick brown fox jumps over the lazy dog")
	slices.Sort(bs)
	fmt.Printf("%q\n", bs)

}

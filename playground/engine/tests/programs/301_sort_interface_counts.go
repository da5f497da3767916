// sort.Sort and sort.Stable through a sort.Interface that counts its
// Less and Swap calls; 55 players sorted by score with many ties.
package main

import (
	"fmt"
	"sort"
)

type Player struct {
	Name  string
	Score int
}

type byScore struct {
	ps          []Player
	less, swaps int
}

func (b *byScore) Len() int { return len(b.ps) }
func (b *byScore) Less(i, j int) bool {
	b.less++
	return b.ps[i].Score > b.ps[j].Score
}
func (b *byScore) Swap(i, j int) {
	b.swaps++
	b.ps[i], b.ps[j] = b.ps[j], b.ps[i]
}

func players() []Player {
	ps := make([]Player, 55)
	for i := range ps {
		ps[i] = Player{fmt.Sprintf("p%d", i), (i * 37 % 11) * 10}
	}
	return ps
}

func main() {
	b := &byScore{ps: players()}
	sort.Sort(b)
	fmt.Printf("Sort: %d Less, %d Swap\n", b.less, b.swaps)
	for _, p := range b.ps {
		fmt.Print(p.Name, ":", p.Score, " ")
	}
	fmt.Println()

	s := &byScore{ps: players()}
	sort.Stable(s)
	fmt.Printf("Stable: %d Less, %d Swap\n", s.less, s.swaps)
	for _, p := range s.ps {
		fmt.Print(p.Name, ":", p.Score, " ")
	}
	fmt.Println()

	// Already sorted and reversed inputs take pdqsort's shortcuts.
	for _, name := range []string{"sorted", "reversed"} {
		ps := make([]Player, 100)
		for i := range ps {
			ps[i] = Player{fmt.Sprint(i), i}
			if name == "reversed" {
				ps[i].Score = -i
			}
		}
		b := &byScore{ps: ps}
		sort.Sort(b)
		fmt.Printf("%s: %d Less, %d Swap, first %s last %s\n", name, b.less, b.swaps, b.ps[0].Name, b.ps[99].Name)
	}
}

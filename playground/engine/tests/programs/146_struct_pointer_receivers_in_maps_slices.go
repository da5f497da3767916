package main

import "fmt"

type Player struct {
	Name  string
	Score int
}

func (p *Player) Add(n int) { p.Score += n }

func main() {
	team := []Player{{"a", 1}, {"b", 2}}
	team[0].Add(10)
	for i := range team {
		team[i].Add(1)
	}
	for _, p := range team {
		p.Add(100)
	}
	fmt.Println(team)
	byName := map[string]*Player{}
	for i := range team {
		byName[team[i].Name] = &team[i]
	}
	byName["b"].Add(5)
	fmt.Println(team[1], *byName["a"])
	vals := map[string]Player{"c": {"c", 0}}
	p := vals["c"]
	p.Add(7)
	vals["c"] = p
	fmt.Println(vals)
	ptr := &team[0]
	team = append(team, Player{"c", 3})
	ptr.Add(1000)
	fmt.Println(team[0].Score, ptr.Score)
}

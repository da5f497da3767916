package main

import (
	"fmt"
	"sort"
)

type Payable interface {
	Pay() float64
	fmt.Stringer
}

type Salaried struct {
	Name   string
	Annual float64
}

type Hourly struct {
	Name  string
	Rate  float64
	Hours float64
}

type Contractor struct {
	Name    string
	Invoice float64
}

func (s Salaried) Pay() float64 { return s.Annual / 12 }
func (h Hourly) Pay() float64 {
	if h.Hours > 160 {
		return 160*h.Rate + (h.Hours-160)*h.Rate*1.5
	}
	return h.Hours * h.Rate
}
func (c *Contractor) Pay() float64 { return c.Invoice }

func (s Salaried) String() string    { return "salaried " + s.Name }
func (h Hourly) String() string      { return "hourly " + h.Name }
func (c *Contractor) String() string { return "contractor " + c.Name }

func main() {
	staff := []Payable{
		Salaried{"ann", 120000},
		Hourly{"bob", 25, 170},
		&Contractor{"cat", 4000},
		Hourly{"dan", 30, 80},
	}
	sort.Slice(staff, func(i, j int) bool { return staff[i].Pay() > staff[j].Pay() })
	total := 0.0
	for _, p := range staff {
		fmt.Printf("%-16v %9.2f\n", p, p.Pay())
		total += p.Pay()
	}
	fmt.Printf("%-16s %9.2f\n", "total", total)
	fmt.Println(staff[0])
}

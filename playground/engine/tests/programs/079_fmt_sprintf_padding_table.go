package main

import "fmt"

type row struct {
	name  string
	qty   int
	price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}}
	fmt.Printf("%-12s %5s %8s\n", "item", "qty", "total")
	total := 0.0
	for _, r := range rows {
		t := float64(r.qty) * r.price
		total += t
		fmt.Printf("%-12s %5d %8.2f\n", r.name, r.qty, t)
	}
	fmt.Printf("%-12s %5s %8.2f\n", "TOTAL", "", total)
	line := fmt.Sprintf("%s", "=")
	for i := 0; i < 3; i++ {
		line += line
	}
	fmt.Println(line)
}

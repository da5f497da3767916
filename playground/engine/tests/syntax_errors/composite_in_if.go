package main

type T struct{ x int }

func main() {
	if T{1}.x == 1 {
	}
}

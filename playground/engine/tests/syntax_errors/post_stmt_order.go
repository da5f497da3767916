package main

func main() {
	for w := 1; w <= 3; w:= {
	}
}

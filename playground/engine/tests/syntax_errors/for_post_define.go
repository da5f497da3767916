package main

func main() {
	for i := 0; i < 3; j := 1 {
	}
}

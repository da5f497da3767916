package main

func main() {
	var x int = 
	y := [
	_ = x
}

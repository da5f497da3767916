package main

func main() {
unused:
	x := )
}

package main

func f() {
unused:
	for {
	}
}

func main() {
	x := )
}

package main

func main() {
	x := 1
L:
	switch x {
	case 1:
		for {
			continue L
		}
	}
}

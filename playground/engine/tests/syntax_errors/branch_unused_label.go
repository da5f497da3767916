package main

func f() {
unused:
	for {
	}
}

func main() {
	func() {
	inner:
	}()
	f()
}

package main

func main() {
	f := func() {
		inner := 1
	}
	f()
	for i := 0; i < 3; i++ {
		v := i
	}
}

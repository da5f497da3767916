package main

func main() {
	f := func() {}
	defer f
	go f
}

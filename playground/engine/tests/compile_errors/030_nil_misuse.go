package main

func main() {
	var x int = nil
	s := nil
	_, _ = x, s
}

package main

func (x int) {
}

func main() {
	var := 3
}

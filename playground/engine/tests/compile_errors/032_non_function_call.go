package main

func main() {
	x := 5
	x()
	s := "str"
	s.Len()
}

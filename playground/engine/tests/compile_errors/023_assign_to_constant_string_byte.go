package main

const limit = 10

func main() {
	limit = 20
	s := "abc"
	s[0] = 'x'
}

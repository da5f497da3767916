package main

func main() {
	f := 2.5
	for i := range f {
		_ = i
	}
	var p *[]int
	for range p {
	}
}

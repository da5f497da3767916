package main

func main() {
	x := 5
	_ = len(x)
	_ = append(x, 1)
	m := map[string]int{}
	_ = cap(m)
	delete(m)
	_ = make(int)
	_ = new(1)
}

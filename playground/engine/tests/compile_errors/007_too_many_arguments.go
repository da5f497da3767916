package main

func greet(name string) string { return "hi " + name }

func main() {
	_ = greet("a", "b", 3)
}

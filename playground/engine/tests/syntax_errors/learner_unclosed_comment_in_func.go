package main

func main() {
	/* todo
}

package main

func main() {
	defer println("deferred println")
	panic(42)
}
